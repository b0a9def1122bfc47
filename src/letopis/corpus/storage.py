"""The corpus layer in the store: rebuilt after each ingest, read back as plain dicts.

Tables (migration "corpus layer" in `letopis.store.migrations`): `corpus_entities`,
`corpus_events`, `corpus_event_mentions`, `corpus_conflicts` hold the last `merge` result
and are replaced whole by `rebuild`; `corpus_corrections` holds the user's joins and splits,
keyed by stable keys, and is never touched by a rebuild, so corrections outlive re-ingest.
`corpus_state` remembers what the layer was built from, so a reader can tell it is stale.

Everything goes through the store's connection and transactions; nothing here opens
the database itself.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from ..errors import LetopisError
from .merge import merge
from .model import Correction, CorpusResult, Record

_LAYER_TABLES = ("corpus_conflicts", "corpus_event_mentions", "corpus_events", "corpus_entity_members", "corpus_entities")


def _connection(store: Any):
    connection = getattr(store, "connection", None)
    if connection is None:
        raise LetopisError("this store keeps no corpus layer (it has no SQLite connection)")
    return connection


def corrections(store: Any) -> list[Correction]:
    """The user's corrections, oldest first."""
    rows = _connection(store).execute("SELECT n, kind, action, a, b, note FROM corpus_corrections ORDER BY n")
    return [Correction(kind, action, a, b, n, note) for n, kind, action, a, b, note in rows]


def add_correction(store: Any, correction: Correction) -> int:
    """Store a correction (a later one about the same pair replaces it); return its id."""
    a, b = sorted((correction.a, correction.b))
    with store.transaction() as connection:
        connection.execute("DELETE FROM corpus_corrections WHERE kind = ? AND a = ? AND b = ?", (correction.kind, a, b))
        cursor = connection.execute(
            "INSERT INTO corpus_corrections (kind, action, a, b, note, added) VALUES (?, ?, ?, ?, ?, ?)",
            (correction.kind, correction.action, a, b, correction.note, _now()))
        return int(cursor.lastrowid)


def forget_correction(store: Any, correction_id: int) -> bool:
    with store.transaction() as connection:
        return connection.execute("DELETE FROM corpus_corrections WHERE n = ?", (correction_id,)).rowcount > 0


def rebuild(store: Any) -> CorpusResult:
    """Merge every stored document again (with the stored corrections) and store the result."""
    chronology = store.chronology()
    texts = {}
    for document in chronology["documents"]:
        stored = store.document(document["id"]) or {}
        if stored.get("text") is not None:
            texts[document["sha256"]] = stored["text"]
    result = merge([chronology], corrections(store), texts)
    _write(store, result, len(chronology["documents"]))
    return result


def is_current(store: Any) -> bool:
    """Whether the stored layer was built from the documents and corrections now stored."""
    connection = _connection(store)
    state = dict(connection.execute("SELECT key, value FROM corpus_state"))
    return state.get("fingerprint") == _fingerprint(connection)


def ensure_current(store: Any) -> None:
    """Rebuild when documents or corrections changed since the last build.

    A read-only store (the viewer's) serves what was last built; the next ingest rebuilds."""
    if not getattr(store, "readonly", False) and not is_current(store):
        rebuild(store)


def _fingerprint(connection) -> str:
    documents = connection.execute("SELECT COUNT(*), COALESCE(MAX(n), 0) FROM documents").fetchone()
    fixes = connection.execute("SELECT COUNT(*), COALESCE(MAX(n), 0) FROM corpus_corrections").fetchone()
    return f"documents {documents[0]}/{documents[1]} corrections {fixes[0]}/{fixes[1]}"


def _write(store: Any, result: CorpusResult, documents: int) -> None:
    data = result.to_dict()
    with store.transaction() as connection:
        for table in _LAYER_TABLES:
            connection.execute(f"DELETE FROM {table}")
        connection.executemany(
            "INSERT INTO corpus_entities (n, id, type, name, data) VALUES (?, ?, ?, ?, ?)",
            [(n, e["id"], e["type"], e["name"], _json(e)) for n, e in enumerate(data["entities"], 1)])
        connection.executemany(
            "INSERT OR IGNORE INTO corpus_entity_members (entity, corpus_entity, key) VALUES (?, ?, ?)",
            [(m["entity"], e["id"], m["key"]) for e in data["entities"] for m in e["members"]])
        connection.executemany(
            "INSERT INTO corpus_events (n, id, type, earliest, latest, status, sources, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(n, e["id"], e["type"], e["time"].get("earliest"), e["time"].get("latest"), e["time"]["status"],
              len(e["mentions"]), _json(e)) for n, e in enumerate(data["events"], 1)])
        connection.executemany(
            "INSERT OR IGNORE INTO corpus_event_mentions (event, corpus_event, doc, key) VALUES (?, ?, ?, ?)",
            [(m["event"], e["id"], m["doc"], m["key"]) for e in data["events"] for m in e["mentions"]])
        connection.executemany(
            "INSERT INTO corpus_conflicts (n, id, kind, corpus_event, data) VALUES (?, ?, ?, ?, ?)",
            [(n, c["id"], c["kind"], c["event"], _json(c)) for n, c in enumerate(data["conflicts"], 1)])
        connection.execute("INSERT OR REPLACE INTO corpus_state (key, value) VALUES ('fingerprint', ?)",
                           (_fingerprint(connection),))
        connection.execute("INSERT OR REPLACE INTO corpus_state (key, value) VALUES ('stats', ?)", (_json(result.stats),))
        connection.execute("INSERT OR REPLACE INTO corpus_state (key, value) VALUES ('built', ?)", (_now(),))


# --- reading ---------------------------------------------------------------------------


def corpus_events(store: Any, *, merged_only: bool = False) -> list[Record]:
    """Corpus event dicts in date order (shape in docs/corpus.md); `merged_only`: told by two sources or more."""
    sql = "SELECT data FROM corpus_events" + (" WHERE sources > 1" if merged_only else "") + " ORDER BY n"
    return [json.loads(row[0]) for row in _connection(store).execute(sql)]


def corpus_event(store: Any, event_id: str) -> Record | None:
    row = _connection(store).execute("SELECT data FROM corpus_events WHERE id = ?", (event_id,)).fetchone()
    return json.loads(row[0]) if row else None


def corpus_event_of(store: Any, event_id: str) -> str | None:
    """The corpus event a stored event (d<N>.ev<M>) belongs to."""
    row = _connection(store).execute("SELECT corpus_event FROM corpus_event_mentions WHERE event = ?", (event_id,)).fetchone()
    return row[0] if row else None


def sources_of(store: Any, event_ids: list[str]) -> dict[str, tuple[str, int]]:
    """For stored events (d<N>.ev<M>): their corpus event and how many sources tell it."""
    connection, out = _connection(store), {}
    for at in range(0, len(event_ids), 500):  # SQLite bounds the parameters of one statement
        chunk = event_ids[at:at + 500]
        rows = connection.execute(
            "SELECT m.event, e.id, e.sources FROM corpus_event_mentions m JOIN corpus_events e ON e.id = m.corpus_event"
            f" WHERE m.event IN ({', '.join('?' * len(chunk))})", chunk)
        out.update({event: (corpus_id, sources) for event, corpus_id, sources in rows})
    return out


def corpus_entities(store: Any) -> list[Record]:
    return [json.loads(row[0]) for row in _connection(store).execute("SELECT data FROM corpus_entities ORDER BY n")]


def corpus_entity(store: Any, entity_id: str) -> Record | None:
    connection = _connection(store)
    row = connection.execute("SELECT data FROM corpus_entities WHERE id = ?", (entity_id,)).fetchone()
    if row is None:
        member = connection.execute("SELECT corpus_entity FROM corpus_entity_members WHERE entity = ?", (entity_id,)).fetchone()
        row = member and connection.execute("SELECT data FROM corpus_entities WHERE id = ?", (member[0],)).fetchone()
    return json.loads(row[0]) if row else None


def conflicts(store: Any, *, kind: str | None = None) -> list[Record]:
    """Conflict dicts, in the order of their corpus events (shape in docs/corpus.md)."""
    sql, params = "SELECT data FROM corpus_conflicts", []
    if kind:
        sql, params = sql + " WHERE kind = ?", [kind]
    return [json.loads(row[0]) for row in _connection(store).execute(sql + " ORDER BY n", params)]


def state(store: Any) -> Record:
    rows = dict(_connection(store).execute("SELECT key, value FROM corpus_state"))
    return {"built": rows.get("built"), "stats": json.loads(rows["stats"]) if "stats" in rows else {}}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
