"""`SqliteStore`: the corpus in one SQLite file (see `base.Store` and docs/store.md).

Writes: one transaction per document (`BEGIN IMMEDIATE` ... `COMMIT`), so a document is
either wholly stored or absent, whatever interrupts the ingest. The database runs in WAL
mode: readers (the viewer's threads) never wait for the writer nor block it.

Reads: every record list is assembled with a fixed number of queries (participants,
places, names and mentions fetched in batches for all rows at once), never one query per
row. Each thread gets its own connection, so one store may serve a threaded server.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import LetopisError, StoreError
from . import migrations
from .base import Record
from .aggregates import EVENT_ORDER, Aggregates
from .dates import checked_day_number
from .failures import explained, guarded
from .layer import CorpusLayerTables
from .read import EventFilter, assemble_entities, assemble_events, event_filter, in_batches
from .text import document_snippet, fts_query, name_words, query_forms
from .write import DocumentWriter

SCHEMA = "letopis.chronology/1"
BUSY_MS = 30_000  # how long a write waits for another process's lock before it gives up
_EVENT_ORDER = EVENT_ORDER


@guarded
class SqliteStore(CorpusLayerTables, Aggregates):
    """A corpus of analysed documents in one SQLite file (corpus layer: `layer`; aggregates: `aggregates`)."""

    def __init__(self, path: str | os.PathLike, *, readonly: bool = False):
        self.path = os.fspath(path)
        self.readonly = readonly
        self._local = threading.local()
        self._owners: dict[sqlite3.Connection, threading.Thread] = {}
        self._lock = threading.Lock()
        connection = self.connection
        new = migrations.check_corpus(connection, self.path)  # before anything is written to it
        if readonly:
            have = migrations.current_version(connection)
            if have < migrations.latest_version():
                raise LetopisError(f"the corpus at {self.path} has an older schema (version {have}); "
                                   "run `letopis ingest` on it once to upgrade it")
        else:
            connection.execute("BEGIN IMMEDIATE")  # can it be written at all (not read-only, not locked)?
            connection.execute("ROLLBACK")
            connection.execute("PRAGMA journal_mode = WAL")
            migrations.migrate(connection)

    # --- connections ------------------------------------------------------------------

    @property
    def connection(self) -> sqlite3.Connection:
        """This thread's connection (autocommit mode: transactions are explicit).

        For modules that add their own tables (see `migrations`); use `transaction()` to write.
        """
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = self._adopt() or self._connect()
            self._local.connection = connection
            with self._lock:
                self._owners[connection] = threading.current_thread()
        return connection

    def _adopt(self) -> sqlite3.Connection | None:
        """A connection whose thread has ended (a server's request threads come and go),
        so their number stays that of the threads alive at once."""
        with self._lock:
            for connection, owner in self._owners.items():
                if not owner.is_alive():
                    self._owners[connection] = threading.current_thread()
                    break
            else:
                return None
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        return connection

    def _connect(self) -> sqlite3.Connection:
        try:
            if self.readonly:
                connection = self._connect_read_only()
            else:
                connection = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            connection.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute("PRAGMA synchronous = NORMAL")
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as error:
            raise explained(error, self.path) from None
        except UnicodeDecodeError:  # SQLite's own message quotes a schema whose bytes are damaged
            raise StoreError(f"the corpus at {self.path} is damaged (its schema is not valid UTF-8); restore it "
                             "from a copy, or make a new one with `letopis ingest`") from None
        return connection

    def _connect_read_only(self) -> sqlite3.Connection:
        """`mode=ro`; on a read-only medium (where SQLite cannot make the files a WAL
        reader needs) `immutable=1` as well (a write-ahead log left beside it is then not read)."""
        uri = "file:" + _uri_path(self.path) + "?mode=ro"
        if not _on_read_only_medium(self.path):
            connection = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            try:
                connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
                return connection
            except sqlite3.OperationalError as error:
                connection.close()
                if "unable to open" not in str(error) and "readonly" not in str(error):
                    raise
        return sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None, check_same_thread=False)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: everything in it is stored, or (on any exception) nothing."""
        self._check_writable()
        connection = self.connection
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield connection
        except BaseException:
            if connection.in_transaction:  # SQLite has rolled back by itself after a full disk
                connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")

    def _check_writable(self) -> None:
        if self.readonly:
            raise LetopisError(f"the corpus at {self.path} is open read-only; open it without readonly to change it")

    def close(self) -> None:
        with self._lock:
            for connection in self._owners:
                connection.close()
            self._owners.clear()
        self._local = threading.local()

    def __enter__(self) -> "SqliteStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ----------------------------------------------------------------------

    def has_document(self, sha256: str) -> bool:
        return self.connection.execute("SELECT 1 FROM documents WHERE sha256 = ?", (sha256,)).fetchone() is not None

    def document_id(self, sha256: str) -> str | None:
        """The id of the document with this content hash, or None."""
        row = self.connection.execute("SELECT id FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
        return row[0] if row else None

    def add_document(self, source: str, text: str, chronology: Record) -> str:
        return self.store_document(source, text, chronology)[0]

    def store_document(self, source: str, text: str, chronology: Record) -> tuple[str, bool]:
        """As `add_document`, and whether this call added it (False when it was stored
        already, by an earlier run or by another process at the same time)."""
        self._check_writable()
        documents = chronology.get("documents") or []
        if len(documents) != 1:
            raise LetopisError(f"{source}: a stored chronology must have exactly one document, not {len(documents)}")
        entry = documents[0]
        if entry.get("length", len(text)) != len(text):
            raise LetopisError(f"{source}: the chronology describes a text of {entry['length']} characters, "
                               f"not the {len(text)} given")
        if not entry.get("sha256") or not entry.get("id"):
            raise LetopisError(f"{source}: the chronology's document has no id or sha256")
        existing = self.document_id(entry["sha256"])
        if existing:
            return existing, False
        with self.transaction() as connection:
            existing = self.document_id(entry["sha256"])  # another process may have won the race
            if existing:
                return existing, False
            try:
                return DocumentWriter(connection, source, text, chronology).write(), True
            except (KeyError, TypeError, AttributeError) as error:  # rolled back by the transaction
                raise LetopisError(f"{source}: the chronology does not have the contract's shape "
                                   f"({type(error).__name__}: {error}); nothing was stored") from None

    # --- reading ----------------------------------------------------------------------

    def documents(self) -> list[Record]:
        rows = self.connection.execute(
            "SELECT d.id, d.source, d.sha256, d.length, d.extra, d.added, COALESCE(c.n, 0) FROM documents d "
            "LEFT JOIN (SELECT doc, COUNT(*) AS n FROM events GROUP BY doc) c ON c.doc = d.id ORDER BY d.n"
        ).fetchall()
        return [_document(row[:5]) | {"added": row[5], "events": row[6]} for row in rows]

    def document(self, doc_id: str) -> Record | None:
        row = self.connection.execute(
            "SELECT id, source, sha256, length, extra, text, added FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            return None
        return _document(row[:5]) | {"text": row[5], "added": row[6]}

    def events(
        self,
        *,
        person: str | None = None,
        entity: str | None = None,
        place: str | None = None,
        type: str | None = None,
        factuality: str | None = None,
        doc: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        search: str | None = None,
    ) -> list[Record]:
        """As `Store.events`; `search` also keeps only events whose sentence matches the text
        (full-text, any word form)."""
        where = self._filter(person=person, entity=entity, place=place, type=type, factuality=factuality,
                             doc=doc, date_from=date_from, date_to=date_to, search=search)
        if where is None:
            return []
        rows = self.connection.execute(
            f"SELECT e.id, e.data FROM events e WHERE {where.sql} ORDER BY {_EVENT_ORDER} LIMIT ? OFFSET ?",
            (*where.params, -1 if limit is None else int(limit), int(offset)),
        ).fetchall()
        return assemble_events(self.connection, rows)

    def count_events(self, **filters: Any) -> int:
        """How many events `events(**filters)` would return without `limit`/`offset` (for paging)."""
        where = self._filter(**filters)
        if where is None:
            return 0
        return self.connection.execute(f"SELECT COUNT(*) FROM events e WHERE {where.sql}", where.params).fetchone()[0]

    def _filter(self, **filters: Any) -> EventFilter | None:
        for bound in ("date_from", "date_to"):
            if filters.get(bound) is not None:
                checked_day_number(filters[bound], bound)
        return event_filter(self.connection, **filters)

    def entity_names(self, ids: list[str]) -> dict[str, str]:
        """The names of these entities, in one query per 500 ids (for showing participants)."""
        names: dict[str, str] = {}
        for batch in in_batches(list(dict.fromkeys(ids))):
            names.update(self.connection.execute(
                f"SELECT id, name FROM entities WHERE id IN ({','.join('?' * len(batch))})", batch).fetchall())
        return names

    def event(self, event_id: str) -> Record | None:
        connection = self.connection
        row = connection.execute("SELECT e.id, e.data FROM events e WHERE e.id = ?", (event_id,)).fetchone()
        if row is None:
            return None
        event = assemble_events(connection, [row])[0]
        start, end = event["sentence"]["start"], event["sentence"]["end"]
        event["sentence_text"] = connection.execute(
            "SELECT substr(text, ?, ?) FROM documents WHERE id = ?", (start + 1, end - start, event["doc"])).fetchone()[0]
        timex = event["time"].get("timex")
        found = connection.execute("SELECT data FROM timexes WHERE id = ?", (timex,)).fetchone() if timex else None
        event["timex"] = json.loads(found[0]) if found else None
        event["causes"] = [r[0] for r in connection.execute(
            "SELECT source FROM relations WHERE target = ? AND type = 'cause' ORDER BY n", (event_id,))]
        event["effects"] = [r[0] for r in connection.execute(
            "SELECT target FROM relations WHERE source = ? AND type = 'cause' ORDER BY n", (event_id,))]
        return event

    def entities(self, *, type: str | None = None, name: str | None = None, limit: int | None = None,
                 offset: int = 0) -> list[Record]:
        """As `Store.entities`; `offset` skips the first entities, for paging."""
        from .read import match_entities

        sql, params = "SELECT id FROM entities WHERE 1", []
        if type:
            sql += " AND type = ?"
            params.append(type)
        if name:
            ids = match_entities(self.connection, name)
            if not ids:
                return []
            sql += f" AND id IN ({','.join('?' * len(ids))})"
            params += ids
        sql += " ORDER BY mentions DESC, n LIMIT ? OFFSET ?"
        params += [-1 if limit is None else int(limit), int(offset)]
        ids = [row[0] for row in self.connection.execute(sql, params)]
        return assemble_entities(self.connection, ids)

    def entity(self, entity_id: str) -> Record | None:
        found = assemble_entities(self.connection, [entity_id])
        return found[0] if found else None

    def relations(self, event_id: str | None = None) -> list[Record]:
        if event_id is None:
            rows = self.connection.execute("SELECT data FROM relations ORDER BY n")
        else:
            rows = self.connection.execute(
                "SELECT data FROM relations WHERE source = ? OR target = ? ORDER BY n", (event_id, event_id))
        return [json.loads(row[0]) for row in rows]

    def search(self, query: str, *, limit: int = 20, offset: int = 0, kind: str | None = None, doc: str | None = None,
               prefix: bool = False) -> list[Record]:
        """Full-text hits, best first. An event hit is a sentence: `id` is the event whose
        trigger the query names (else the sentence's first event), `events` all its events;
        `snippet` marks the matching words in [brackets], `text`/`marks`/`start`/`end` give
        the same as plain text, offsets within it, and the window's offsets in the document."""
        where = self._search_where(query, kind, doc, prefix)
        if where is None:
            return []
        rows = self.connection.execute(
            f"SELECT kind, ref, doc FROM search WHERE {where[0]} ORDER BY rank LIMIT ? OFFSET ?",
            (*where[1], int(limit), int(offset))
        ).fetchall()
        return self._snippets(rows, query)

    def count_search(self, query: str, *, kind: str | None = None, doc: str | None = None, prefix: bool = False) -> int:
        """How many hits `search` has for these arguments without `limit`/`offset`."""
        where = self._search_where(query, kind, doc, prefix)
        if where is None:
            return 0
        return self.connection.execute(f"SELECT COUNT(*) FROM search WHERE {where[0]}", where[1]).fetchone()[0]

    @staticmethod
    def _search_where(query: str, kind: str | None, doc: str | None, prefix: bool) -> tuple[str, list[Any]] | None:
        match = fts_query(query, prefix=prefix)
        if match is None:
            return None
        sql, params = "search MATCH ?", [match]
        if kind:
            sql, params = sql + " AND kind = ?", params + [kind]
        if doc:
            sql, params = sql + " AND doc = ?", params + [doc]
        return sql, params

    def _snippets(self, rows: list[tuple[str, str, str]], query: str) -> list[Record]:
        connection = self.connection
        events: dict[str, tuple[int, int, str]] = {}
        event_ids = [event_id for kind, ref, _ in rows if kind == "event" for event_id in ref.split()]
        for batch in in_batches(event_ids):
            for event_id, trigger, data in connection.execute(
                    f"SELECT id, trigger, data FROM events WHERE id IN ({','.join('?' * len(batch))})", batch):
                sentence = json.loads(data)["sentence"]
                events[event_id] = (sentence["start"], sentence["end"], trigger)
        wanted = {form for forms in query_forms(query) for form in forms}
        hits = []
        for kind, ref, doc in rows:
            if kind == "event":
                ids = ref.split()
                start, end, _ = events[ids[0]]
                text = connection.execute("SELECT substr(text, ?, ?) FROM documents WHERE id = ?",
                                          (start + 1, end - start, doc)).fetchone()[0]
                named = [i for i in ids if wanted.intersection(name_words(events[i][2]).split())]
                hits.append({"kind": kind, "id": (named or ids)[0], "doc": doc, "events": ids}
                            | document_snippet(text, query, base=start))
            else:
                text = connection.execute("SELECT text FROM documents WHERE id = ?", (doc,)).fetchone()[0]
                hits.append({"kind": kind, "id": ref, "doc": doc} | document_snippet(text, query))
        return hits

    def chronology(self, docs: list[str] | None = None) -> Record:
        connection = self.connection
        if docs is None:
            doc_ids = [row[0] for row in connection.execute("SELECT id FROM documents ORDER BY n")]
        else:
            known = {row[0] for row in connection.execute("SELECT id FROM documents")}
            missing = [d for d in docs if d not in known]
            if missing:
                raise LetopisError(f"no document {', '.join(missing)} in the corpus at {self.path}")
            doc_ids = list(dict.fromkeys(docs))
        wanted = set(doc_ids)
        documents = [{k: v for k, v in d.items() if k not in ("events", "added")}
                     for d in self.documents() if d["id"] in wanted]
        every = docs is None
        scope = "" if every else f" WHERE doc IN ({','.join('?' * len(doc_ids))})"  # every table names it `doc`
        params = [] if every else doc_ids
        entity_ids = [row[0] for row in connection.execute(
            f"SELECT entity FROM mentions{scope} GROUP BY entity ORDER BY MIN(rowid)", params)]
        entities = assemble_entities(connection, entity_ids, docs=None if every else doc_ids)
        timexes = [json.loads(row[0]) for row in connection.execute(
            f"SELECT data FROM timexes{scope} ORDER BY rowid", params)]
        rows = connection.execute(
            f"SELECT e.id, e.data FROM events AS e{scope} ORDER BY {_EVENT_ORDER}", params
        ).fetchall()
        events = assemble_events(connection, rows)
        relations = [json.loads(row[0]) for row in connection.execute(
            f"SELECT data FROM relations{scope} ORDER BY n", params)]
        return {"schema": SCHEMA, "documents": documents, "entities": entities, "timexes": timexes,
                "events": events, "relations": relations}

    def stats(self) -> Record:
        """Counts of what is stored, and the schema version."""
        count = lambda table: self.connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: E731
        return {"documents": count("documents"), "events": count("events"), "entities": count("entities"),
                "mentions": count("mentions"), "relations": count("relations"),
                "schema_version": migrations.current_version(self.connection)}


def _document(row: tuple) -> Record:
    doc_id, source, sha256, length, extra = row
    return {"id": doc_id, "source": source, "sha256": sha256, "length": length} | json.loads(extra)


def _on_read_only_medium(path: str) -> bool:
    """Whether the database's folder cannot be written (a CD, a read-only mount or folder):
    SQLite then cannot make the files a WAL reader needs, so it must read the file as
    immutable (a write-ahead log left beside it is then not read)."""
    folder = os.path.dirname(os.path.abspath(path))
    return not os.access(folder, os.W_OK)


def _uri_path(path: str) -> str:
    from urllib.parse import quote

    return quote(os.path.abspath(path))
