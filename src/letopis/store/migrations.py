"""Versioned schema migrations for the SQLite corpus store.

`MIGRATIONS` is an ordered list; a database records the last version applied in
`PRAGMA user_version`, and `migrate(connection)` applies every later migration in order,
each in its own transaction together with the new version number, so a failure leaves
the database at the previous version.

To change the schema, append a `Migration` with the next version number; never edit or
reorder one that has shipped (databases in the field have already applied it):

    MIGRATIONS.append(Migration(2, "corpus merge: entity clusters", '''
        CREATE TABLE merge_clusters (...);
        CREATE INDEX ...;
    '''))

`apply` is SQL (one or more statements) or a callable taking the `sqlite3.Connection`
(for data migrations); a callable runs inside the transaction, so it must not commit
and must not use `executescript` (which commits). Another module may append from its own
code as long as it does so before the store is opened, e.g. at import time of a module
that `letopis.store` imports; keeping every migration in this one list is simpler.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import LetopisError


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    apply: str | Callable[[sqlite3.Connection], None]


SCHEMA_V1 = """
CREATE TABLE documents (
    n        INTEGER PRIMARY KEY AUTOINCREMENT,
    id       TEXT NOT NULL UNIQUE,          -- 'd' || n
    source   TEXT NOT NULL,
    sha256   TEXT NOT NULL UNIQUE,          -- of the analysed text; ingest skips what is here
    length   INTEGER NOT NULL,
    text     TEXT NOT NULL,
    added    TEXT NOT NULL,                 -- UTC, ISO
    extra    TEXT NOT NULL DEFAULT '{}'     -- other fields of the contract's document entry (JSON)
);

CREATE TABLE entities (
    n          INTEGER PRIMARY KEY AUTOINCREMENT,
    id         TEXT NOT NULL UNIQUE,        -- 'E' || n
    type       TEXT NOT NULL,
    subtype    TEXT,
    name       TEXT NOT NULL,
    geo_id     TEXT,                        -- attributes.geo.id, the gazetteer identity
    attributes TEXT NOT NULL DEFAULT '{}',  -- JSON: titles, geo, ...
    mentions   INTEGER NOT NULL DEFAULT 0   -- count, for "most mentioned first"
);
CREATE INDEX entities_type ON entities(type, mentions DESC);
CREATE INDEX entities_geo ON entities(geo_id) WHERE geo_id IS NOT NULL;
CREATE INDEX entities_mentions ON entities(mentions DESC);

-- every normalised name of an entity (its name and aliases)
CREATE TABLE entity_names (
    entity TEXT NOT NULL REFERENCES entities(id),
    name   TEXT NOT NULL,
    key    TEXT NOT NULL,                   -- folded: lowercase, ё as е
    words  TEXT NOT NULL,                   -- ' word lemma ... ', for matching any word form
    ord    INTEGER NOT NULL,
    PRIMARY KEY (entity, key)
);
CREATE INDEX entity_names_key ON entity_names(key);

CREATE TABLE mentions (
    entity TEXT NOT NULL REFERENCES entities(id),
    doc    TEXT NOT NULL REFERENCES documents(id),
    start  INTEGER NOT NULL,
    "end"  INTEGER NOT NULL,
    text   TEXT NOT NULL
);
CREATE INDEX mentions_entity ON mentions(entity, doc, start);
CREATE INDEX mentions_doc ON mentions(doc, start);

-- how each document's own entities were mapped onto corpus entities, and why
CREATE TABLE document_entities (
    doc    TEXT NOT NULL REFERENCES documents(id),
    local  TEXT NOT NULL,                   -- the entity id in the document's own chronology
    entity TEXT NOT NULL REFERENCES entities(id),
    reason TEXT NOT NULL,                   -- 'new', 'name', 'geo'
    PRIMARY KEY (doc, local)
);
CREATE INDEX document_entities_entity ON document_entities(entity);

CREATE TABLE timexes (
    id    TEXT PRIMARY KEY,                 -- d<N>.t<M>
    doc   TEXT NOT NULL REFERENCES documents(id),
    start INTEGER NOT NULL,
    data  TEXT NOT NULL                     -- the contract's timex dict (JSON)
);
CREATE INDEX timexes_doc ON timexes(doc, start);

CREATE TABLE events (
    n            INTEGER PRIMARY KEY,       -- rowid, also the FTS rowid
    id           TEXT NOT NULL UNIQUE,      -- d<N>.ev<M>
    doc          TEXT NOT NULL REFERENCES documents(id),
    doc_n        INTEGER NOT NULL,
    ord          INTEGER NOT NULL,          -- position in the document's chronology
    type         TEXT NOT NULL,
    factuality   TEXT NOT NULL,
    basis        TEXT NOT NULL,
    earliest     TEXT,
    latest       TEXT,
    earliest_key INTEGER,                   -- year*10000 + month*100 + day (works BCE too)
    latest_key   INTEGER,
    sort_key     INTEGER NOT NULL,          -- earliest, else latest, else after everything
    timex        TEXT,
    trigger      TEXT NOT NULL,
    data         TEXT NOT NULL              -- the contract's event dict without participants/places (JSON)
);
CREATE INDEX events_order ON events(sort_key, latest_key, doc_n, ord);
CREATE INDEX events_doc ON events(doc, ord);
CREATE INDEX events_type ON events(type, sort_key);
CREATE INDEX events_factuality ON events(factuality, sort_key);
CREATE INDEX events_earliest ON events(earliest_key);
CREATE INDEX events_latest ON events(latest_key);

CREATE TABLE participants (
    event  TEXT NOT NULL REFERENCES events(id),
    ord    INTEGER NOT NULL,
    role   TEXT NOT NULL,
    entity TEXT NOT NULL REFERENCES entities(id),
    PRIMARY KEY (event, ord)
);
CREATE INDEX participants_entity ON participants(entity);

CREATE TABLE places (
    event  TEXT NOT NULL REFERENCES events(id),
    ord    INTEGER NOT NULL,
    entity TEXT NOT NULL REFERENCES entities(id),
    PRIMARY KEY (event, ord)
);
CREATE INDEX places_entity ON places(entity);

CREATE TABLE relations (
    n      INTEGER PRIMARY KEY,
    doc    TEXT NOT NULL REFERENCES documents(id),
    type   TEXT NOT NULL,
    source TEXT NOT NULL REFERENCES events(id),
    target TEXT NOT NULL REFERENCES events(id),
    data   TEXT NOT NULL                    -- the contract's relation dict (JSON)
);
CREATE INDEX relations_source ON relations(source);
CREATE INDEX relations_target ON relations(target);
CREATE INDEX relations_doc ON relations(doc);

-- lemmatised text of each document and each event's sentence; ref is the document or event id
CREATE VIRTUAL TABLE search USING fts5(
    kind UNINDEXED, ref UNINDEXED, doc UNINDEXED, lemmas,
    tokenize = 'unicode61 remove_diacritics 2'
);
"""

def _link_events_to_sentences(connection: sqlite3.Connection) -> None:
    """Each event learns the search row of its sentence, so a text query can filter events."""
    connection.execute("ALTER TABLE events ADD COLUMN sentence_row INTEGER")
    rows = connection.execute("SELECT rowid, ref FROM search WHERE kind = 'event'").fetchall()
    connection.executemany("UPDATE events SET sentence_row = ? WHERE id = ?",
                           [(rowid, event_id) for rowid, ref in rows for event_id in ref.split()])
    connection.execute("CREATE INDEX events_sentence_row ON events(sentence_row)")


MIGRATIONS: list[Migration] = [
    Migration(1, "documents, entities, mentions, timexes, events, relations, full-text search", SCHEMA_V1),
    Migration(2, "events.sentence_row: the search row of the event's sentence", _link_events_to_sentences),
]


# The corpus layer (read and written by letopis.store.layer): the last merge of all documents, rebuilt after
# each ingest, and the user's corrections, keyed by stable keys so they outlive re-ingest.
CORPUS_LAYER = """
CREATE TABLE corpus_entities (
    n    INTEGER PRIMARY KEY,
    id   TEXT NOT NULL UNIQUE,              -- CE<N>
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    data TEXT NOT NULL                      -- the corpus entity dict (JSON, docs/corpus.md)
);
CREATE TABLE corpus_entity_members (
    entity        TEXT PRIMARY KEY,         -- a stored entity (E<N>)
    corpus_entity TEXT NOT NULL REFERENCES corpus_entities(id),
    key           TEXT NOT NULL             -- TYPE:folded name
);
CREATE TABLE corpus_events (
    n        INTEGER PRIMARY KEY,           -- date order
    id       TEXT NOT NULL UNIQUE,          -- C<N>
    type     TEXT NOT NULL,
    earliest TEXT,                          -- what all sources allow together
    latest   TEXT,
    status   TEXT NOT NULL,                 -- single | agreed | unknown | conflict
    sources  INTEGER NOT NULL,              -- number of mentions
    data     TEXT NOT NULL                  -- the corpus event dict (JSON)
);
CREATE TABLE corpus_event_mentions (
    event        TEXT PRIMARY KEY,          -- a stored event (d<N>.ev<M>)
    corpus_event TEXT NOT NULL REFERENCES corpus_events(id),
    doc          TEXT NOT NULL,
    key          TEXT NOT NULL              -- sha256:start-end of the trigger
);
CREATE INDEX corpus_event_mentions_corpus ON corpus_event_mentions(corpus_event);
CREATE TABLE corpus_conflicts (
    n            INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,      -- K<N>
    kind         TEXT NOT NULL,             -- date | number | actor | outcome
    corpus_event TEXT NOT NULL REFERENCES corpus_events(id),
    data         TEXT NOT NULL              -- the conflict dict (JSON)
);
CREATE INDEX corpus_conflicts_event ON corpus_conflicts(corpus_event);
CREATE TABLE corpus_corrections (
    n      INTEGER PRIMARY KEY AUTOINCREMENT,
    kind   TEXT NOT NULL CHECK (kind IN ('event', 'entity')),
    action TEXT NOT NULL CHECK (action IN ('join', 'split')),
    a      TEXT NOT NULL,                   -- stable keys, a < b
    b      TEXT NOT NULL,
    note   TEXT NOT NULL DEFAULT '',
    added  TEXT NOT NULL,
    UNIQUE (kind, a, b)
);
CREATE TABLE corpus_state (
    key   TEXT PRIMARY KEY,                 -- fingerprint | stats | built
    value TEXT NOT NULL
);
"""
MIGRATIONS.append(Migration(3, "corpus layer: corpus entities and events, mentions, conflicts, corrections", CORPUS_LAYER))


def _day_numbers_as_keys(connection: sqlite3.Connection) -> None:
    """Event keys become Julian Day Numbers (they were year * 10000 + month * 100 + day),
    the one day number of `time.calendar`; undated events still sort last."""
    from ..time.calendar import day_number_or_none
    from .dates import UNKNOWN_KEY

    rows = connection.execute("SELECT id, earliest, latest FROM events").fetchall()
    for event, earliest, latest in rows:
        low, high = day_number_or_none(earliest), day_number_or_none(latest)
        sort = next((k for k in (low, high) if k is not None), UNKNOWN_KEY)
        connection.execute("UPDATE events SET earliest_key = ?, latest_key = ?, sort_key = ? WHERE id = ?",
                           (low, high, sort, event))


MIGRATIONS.append(Migration(4, "events: earliest_key, latest_key and sort_key as Julian Day Numbers", _day_numbers_as_keys))


def _entity_keys(connection: sqlite3.Connection) -> None:
    """Every corpus entity filed under the keys `letopis.identity` looks candidates up by."""
    from .entities import file_keys

    connection.execute("DROP TABLE IF EXISTS entity_keys")  # rebuilt whole: it only mirrors entities
    connection.execute("CREATE TABLE entity_keys (key TEXT NOT NULL, entity TEXT NOT NULL REFERENCES entities(id), "
                       "PRIMARY KEY (key, entity)) WITHOUT ROWID")
    for (corpus_id,) in connection.execute("SELECT id FROM entities ORDER BY n").fetchall():
        file_keys(connection, corpus_id)


MIGRATIONS.append(Migration(5, "entity_keys: corpus entities by the keys of letopis.identity", _entity_keys))


# What makes a database a letopis corpus: these tables with (at least) these columns.
SIGNATURE = {
    "documents": {"n", "id", "source", "sha256", "length", "text", "added", "extra"},
    "entities": {"n", "id", "type", "name", "attributes", "mentions"},
    "events": {"n", "id", "doc", "data", "sort_key"},
    "mentions": {"entity", "doc", "start", "end"},
}


def check_corpus(connection: sqlite3.Connection, path: str) -> bool:
    """Whether the database is empty (new); a `StoreError` when it is some other program's
    SQLite file, or a letopis corpus of a newer schema than this letopis knows."""
    from ..errors import StoreError

    version = current_version(connection)
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if version == 0 and not tables:
        return True
    for table, columns in SIGNATURE.items():
        have = {row[1] for row in connection.execute(f"PRAGMA table_info({table})")} if table in tables else set()
        if not columns <= have:
            raise StoreError(f"{path} is an SQLite database but not a letopis corpus (no letopis `{table}` table); "
                             "give the file made by `letopis ingest`, or a new file name")
    if version > latest_version():
        raise StoreError(f"the corpus at {path} has schema version {version}, newer than this letopis knows "
                         f"({latest_version()}); upgrade letopis to use it")
    return False


def current_version(connection: sqlite3.Connection) -> int:
    return connection.execute("PRAGMA user_version").fetchone()[0]


def latest_version() -> int:
    return max((m.version for m in MIGRATIONS), default=0)


def pending(connection: sqlite3.Connection) -> list[Migration]:
    """Migrations this database has not had yet, in order."""
    _check_order()
    have = current_version(connection)
    if have > latest_version():
        raise LetopisError(f"the corpus database has schema version {have}, newer than this letopis knows "
                           f"({latest_version()}); upgrade letopis")
    return [m for m in sorted(MIGRATIONS, key=lambda m: m.version) if m.version > have]


def migrate(connection: sqlite3.Connection, *, upto: int | None = None) -> list[int]:
    """Apply pending migrations (up to version `upto`), each in its own transaction;
    return the versions applied.

    The connection must be in autocommit mode (`isolation_level=None`): transactions are
    begun and ended here explicitly.
    """
    applied = []
    for migration in pending(connection):
        if upto is not None and migration.version > upto:
            break
        connection.execute("BEGIN IMMEDIATE")
        try:
            if current_version(connection) >= migration.version:
                connection.execute("ROLLBACK")  # another process migrated meanwhile
                continue
            if callable(migration.apply):
                migration.apply(connection)
            else:
                for statement in split_sql(migration.apply):
                    connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {int(migration.version)}")
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:  # SQLite has rolled back by itself after a full disk
                connection.execute("ROLLBACK")
            raise
        applied.append(migration.version)
    return applied


def split_sql(script: str) -> list[str]:
    """Split a script into complete statements (triggers with BEGIN ... END stay whole)."""
    statements, start = [], 0
    for end, char in enumerate(script):
        if char == ";" and sqlite3.complete_statement(script[start:end + 1]):
            statement = script[start:end + 1].strip()
            if _code(statement).strip(" \t\n;"):
                statements.append(statement)
            start = end + 1
    if _code(script[start:]).strip():
        raise ValueError(f"incomplete SQL statement in migration: {script[start:].strip()[:80]!r}")
    return statements


def _code(sql: str) -> str:
    """SQL without its `--` line comments (enough to see whether anything is left)."""
    return "\n".join(line.split("--", 1)[0] for line in sql.splitlines())


def _check_order() -> None:
    versions = [m.version for m in MIGRATIONS]
    if versions != sorted(set(versions)) or (versions and versions[0] < 1):
        raise LetopisError(f"store migrations must have distinct increasing versions from 1, not {versions}")
