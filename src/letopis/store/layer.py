"""The corpus layer's tables: the last cross-document merge and the user's corrections.

Tables (migration "corpus layer" in `migrations`): `corpus_entities`, `corpus_entity_members`,
`corpus_events`, `corpus_event_mentions`, `corpus_conflicts` hold the last merge result and
are replaced whole by `replace_corpus_layer`; `corpus_corrections` holds joins and splits,
keyed by stable keys, and is never touched by a rebuild; `corpus_state` remembers what the
layer was built from. `letopis.corpus.storage` decides when to rebuild; this module only
reads and writes the rows. A SQLite error becomes a `StoreError`.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime, timezone
from typing import Any, NamedTuple, TypeVar

from ..errors import StoreError
from .read import in_batches

Record = dict[str, Any]
LAYER_TABLES = ("corpus_conflicts", "corpus_event_mentions", "corpus_events", "corpus_entity_members", "corpus_entities")
T = TypeVar("T")


class CorrectionRow(NamedTuple):
    """One stored correction; `a` < `b` are stable keys."""

    n: int
    kind: str  # event | entity
    action: str  # join | split
    a: str
    b: str
    note: str


def _sqlite_errors(method: Callable[..., T]) -> Callable[..., T]:
    """Report a SQLite failure (a locked or damaged file, a missing table) as a `StoreError`."""
    @functools.wraps(method)
    def wrapped(*args: Any, **kwargs: Any) -> T:
        try:
            return method(*args, **kwargs)
        except sqlite3.Error as error:
            raise StoreError(f"the corpus layer cannot be read or written ({error})") from None

    return wrapped


class CorpusLayerTables:
    """The corpus-layer methods of `SqliteStore` (a mixin over its connection and transactions)."""

    connection: sqlite3.Connection  # this thread's connection, from `SqliteStore`

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError  # `SqliteStore.transaction`

    # --- corrections ----------------------------------------------------------------

    @_sqlite_errors
    def corpus_corrections(self) -> list[CorrectionRow]:
        """Every correction, oldest first."""
        rows = self.connection.execute("SELECT n, kind, action, a, b, note FROM corpus_corrections ORDER BY n")
        return [CorrectionRow(*row) for row in rows]

    @_sqlite_errors
    def add_corpus_correction(self, kind: str, action: str, a: str, b: str, note: str = "") -> int:
        """Store a correction about the pair {a, b}, replacing an earlier one about it; return its number."""
        a, b = sorted((a, b))
        with self.transaction() as connection:
            connection.execute("DELETE FROM corpus_corrections WHERE kind = ? AND a = ? AND b = ?", (kind, a, b))
            cursor = connection.execute(
                "INSERT INTO corpus_corrections (kind, action, a, b, note, added) VALUES (?, ?, ?, ?, ?, ?)",
                (kind, action, a, b, note, _now()))
            return int(cursor.lastrowid or 0)

    @_sqlite_errors
    def forget_corpus_correction(self, number: int) -> bool:
        """Delete correction `number`; False when there is none."""
        with self.transaction() as connection:
            return connection.execute("DELETE FROM corpus_corrections WHERE n = ?", (number,)).rowcount > 0

    # --- the layer as a whole -------------------------------------------------------

    @_sqlite_errors
    def corpus_fingerprint(self) -> str:
        """What the layer would be built from now: the documents and corrections stored."""
        return _fingerprint(self.connection)

    @_sqlite_errors
    def corpus_built_from(self) -> str | None:
        """The fingerprint the stored layer was built from, or None if it was never built."""
        row = self.connection.execute("SELECT value FROM corpus_state WHERE key = 'fingerprint'").fetchone()
        return row[0] if row else None

    @_sqlite_errors
    def corpus_state(self) -> Record:
        """When the layer was built (`built`, UTC ISO or None) and the merge's `stats`."""
        rows = dict(self.connection.execute("SELECT key, value FROM corpus_state"))
        return {"built": rows.get("built"), "stats": json.loads(rows["stats"]) if "stats" in rows else {}}

    @_sqlite_errors
    def replace_corpus_layer(self, layer: Record, stats: Record) -> None:
        """Replace the stored layer with `layer` (`CorpusResult.to_dict()`: entities, events,
        conflicts), in one transaction, and remember what it was built from."""
        with self.transaction() as connection:
            for table in LAYER_TABLES:
                connection.execute(f"DELETE FROM {table}")
            entities, events = layer["entities"], layer["events"]
            connection.executemany(
                "INSERT INTO corpus_entities (n, id, type, name, data) VALUES (?, ?, ?, ?, ?)",
                [(n, e["id"], e["type"], e["name"], _json(e)) for n, e in enumerate(entities, 1)])
            connection.executemany(
                "INSERT OR IGNORE INTO corpus_entity_members (entity, corpus_entity, key) VALUES (?, ?, ?)",
                [(m["entity"], e["id"], m["key"]) for e in entities for m in e["members"]])
            connection.executemany(
                "INSERT INTO corpus_events (n, id, type, earliest, latest, status, sources, data) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(n, e["id"], e["type"], e["time"].get("earliest"), e["time"].get("latest"), e["time"]["status"],
                  _documents(e), _json(e)) for n, e in enumerate(events, 1)])
            connection.executemany(
                "INSERT OR IGNORE INTO corpus_event_mentions (event, corpus_event, doc, key) VALUES (?, ?, ?, ?)",
                [(m["event"], e["id"], m["doc"], m["key"]) for e in events for m in e["mentions"]])
            connection.executemany(
                "INSERT INTO corpus_conflicts (n, id, kind, corpus_event, data) VALUES (?, ?, ?, ?, ?)",
                [(n, c["id"], c["kind"], c["event"], _json(c)) for n, c in enumerate(layer["conflicts"], 1)])
            connection.executemany(
                "INSERT OR REPLACE INTO corpus_state (key, value) VALUES (?, ?)",
                [("fingerprint", _fingerprint(connection)), ("stats", _json(stats)), ("built", _now())])

    # --- reading ----------------------------------------------------------------------

    @_sqlite_errors
    def corpus_events(self, *, merged_only: bool = False) -> list[Record]:
        """Corpus event dicts in date order; `merged_only`: those told by two documents or more."""
        sql = "SELECT data FROM corpus_events" + (" WHERE sources > 1" if merged_only else "") + " ORDER BY n"
        return [json.loads(row[0]) for row in self.connection.execute(sql)]

    @_sqlite_errors
    def corpus_event(self, corpus_id: str) -> Record | None:
        """One corpus event (C<N>), or None."""
        row = self.connection.execute("SELECT data FROM corpus_events WHERE id = ?", (corpus_id,)).fetchone()
        return json.loads(row[0]) if row else None

    @_sqlite_errors
    def corpus_event_of(self, event_id: str) -> str | None:
        """The corpus event (C<N>) a stored event (d<N>.ev<M>) belongs to, or None."""
        row = self.connection.execute(
            "SELECT corpus_event FROM corpus_event_mentions WHERE event = ?", (event_id,)).fetchone()
        return row[0] if row else None

    @_sqlite_errors
    def corpus_sources(self, event_ids: list[str]) -> dict[str, tuple[str, int]]:
        """For stored events: their corpus event and how many documents tell it (unknown ids are left out)."""
        out: dict[str, tuple[str, int]] = {}
        for batch in in_batches(event_ids):
            rows = self.connection.execute(
                "SELECT m.event, e.id, e.sources FROM corpus_event_mentions m JOIN corpus_events e ON e.id = m.corpus_event"
                f" WHERE m.event IN ({', '.join('?' * len(batch))})", batch)
            out.update({event: (corpus_id, sources) for event, corpus_id, sources in rows})
        return out

    @_sqlite_errors
    def corpus_entities(self) -> list[Record]:
        """Corpus entity dicts in the merge's order."""
        return [json.loads(row[0]) for row in self.connection.execute("SELECT data FROM corpus_entities ORDER BY n")]

    @_sqlite_errors
    def corpus_entity(self, entity_id: str) -> Record | None:
        """A corpus entity by its id (CE<N>) or by the id of one of its stored members (E<N>)."""
        connection = self.connection
        row = connection.execute("SELECT data FROM corpus_entities WHERE id = ?", (entity_id,)).fetchone()
        if row is None:
            row = connection.execute(
                "SELECT c.data FROM corpus_entity_members m JOIN corpus_entities c ON c.id = m.corpus_entity "
                "WHERE m.entity = ?", (entity_id,)).fetchone()
        return json.loads(row[0]) if row else None

    @_sqlite_errors
    def corpus_conflicts(self, *, kind: str | None = None) -> list[Record]:
        """Conflict dicts in the order of their corpus events; `kind`: only date, number, actor or outcome."""
        sql, params = "SELECT data FROM corpus_conflicts", []
        if kind:
            sql, params = sql + " WHERE kind = ?", [kind]
        return [json.loads(row[0]) for row in self.connection.execute(sql + " ORDER BY n", params)]


def _fingerprint(connection: sqlite3.Connection) -> str:
    documents = connection.execute("SELECT COUNT(*), COALESCE(MAX(n), 0) FROM documents").fetchone()
    fixes = connection.execute("SELECT COUNT(*), COALESCE(MAX(n), 0) FROM corpus_corrections").fetchone()
    return f"documents {documents[0]}/{documents[1]} corrections {fixes[0]}/{fixes[1]}"


def _documents(event: Record) -> int:
    """How many documents tell a corpus event: its sources, never its mentions."""
    if isinstance(event.get("sources"), int):
        return event["sources"]
    return len({m.get("sha256") or m.get("doc") for m in event["mentions"]}) or 1


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")

