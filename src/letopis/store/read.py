"""Reading records back: filters as SQL, and contract dicts assembled in batches.

`assemble_events` and `assemble_entities` take any number of ids and run a fixed number
of queries (one per table, in batches of `BATCH` ids), so a page of events costs the same
few queries whether it holds one event or five hundred.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..doc import PLACE_TYPES
from ..errors import UsageError
from ..time.calendar import day_number
from .text import fts_query, like_patterns, query_forms

Record = dict[str, Any]
BATCH = 500
MAX_NAME_WORDS = 24  # a name filter longer than this is not a name (and would overflow SQLite's expression depth)
PERSON_TYPES = ("PERSON",)
PREPOSITIONS = frozenset("в во на из у под над к ко с со от до за при около близ через".split())


def in_batches(items: Sequence[Any], size: int = BATCH) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield list(items[i:i + size])


def _marks(items: Sequence[Any]) -> str:
    return ",".join("?" * len(items))


@dataclass(slots=True)
class EventFilter:
    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    @property
    def sql(self) -> str:
        return " AND ".join(self.clauses) or "1"


MIN_PREFIX = 3  # letters a word needs before it is matched as the start of a longer one


def match_entities(connection: sqlite3.Connection, name: str, types: Sequence[str] = ()) -> list[str]:
    """Entities one of whose names holds every word of `name`, in any word form.

    «де Голля» finds «Шарль де Голль» and «де Голль»; «Шабан-Дельмаса» finds «Жак Шабан-Дельмас».
    """
    found = _match_entities(connection, name, types, prefix=False)
    # Nothing by whole words: the last word may be the start of one («Лобач» → «Лобачевский»).
    return found or _match_entities(connection, name, types, prefix=True)


def _match_entities(connection: sqlite3.Connection, name: str, types: Sequence[str], *, prefix: bool) -> list[str]:
    forms = query_forms(name)
    if len(forms) > MAX_NAME_WORDS:
        raise UsageError(f"a name to look for has at most {MAX_NAME_WORDS} words, not {len(forms)}")
    if len(forms) > 1 and forms[0][0] in PREPOSITIONS:
        forms = forms[1:]  # «в Париже», «из Лондона»: the place is what follows
    if not forms or (prefix and len(forms[-1][0]) < MIN_PREFIX):
        return []
    clauses, params = [], []
    for i, word_forms in enumerate(forms):
        patterns = like_patterns(word_forms)
        if prefix and i == len(forms) - 1:
            patterns = [p[:-2] + "%" for p in patterns[:1]]  # as written, open at the end
        clauses.append("(" + " OR ".join("k.words LIKE ? ESCAPE '\\'" for _ in patterns) + ")")
        params += patterns
    sql = f"SELECT DISTINCT k.entity FROM entity_names k JOIN entities e ON e.id = k.entity WHERE {' AND '.join(clauses)}"
    if types:
        sql += f" AND e.type IN ({_marks(types)})"
        params += list(types)
    return [row[0] for row in connection.execute(sql, params)]


def event_filter(
    connection: sqlite3.Connection,
    *,
    person: str | None = None,
    entity: str | None = None,
    place: str | None = None,
    type: str | None = None,
    factuality: str | None = None,
    doc: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    search: str | None = None,
) -> EventFilter | None:
    """The WHERE clause for `Store.events`; None when it can match nothing (an unknown name)."""
    where = EventFilter()
    if person:
        ids = match_entities(connection, person, PERSON_TYPES)
        if not ids:
            return None
        where.clauses.append(f"e.id IN (SELECT event FROM participants WHERE entity IN ({_marks(ids)}))")
        where.params += ids
    if place:
        ids = match_entities(connection, place, PLACE_TYPES)
        if not ids:
            return None
        marks = _marks(ids)
        where.clauses.append(f"e.id IN (SELECT event FROM places WHERE entity IN ({marks}) "
                             f"UNION SELECT event FROM participants WHERE entity IN ({marks}))")
        where.params += ids + ids
    if entity:
        where.clauses.append("e.id IN (SELECT event FROM participants WHERE entity = ? "
                             "UNION SELECT event FROM places WHERE entity = ?)")
        where.params += [entity, entity]
    for column, value in (("type", type), ("factuality", factuality), ("doc", doc)):
        if value:
            where.clauses.append(f"e.{column} = ?")
            where.params.append(value)
    if search:
        match = fts_query(search)
        if match is None:
            return None
        where.clauses.append("e.sentence_row IN (SELECT rowid FROM search WHERE search MATCH ? AND kind = 'event')")
        where.params.append(match)
    if date_from or date_to:
        # the event's [earliest, latest] meets the range; an open end is unbounded, unknown is out
        where.clauses.append("(e.earliest_key IS NOT NULL OR e.latest_key IS NOT NULL)")
        if date_to:
            where.clauses.append("(e.earliest_key IS NULL OR e.earliest_key <= ?)")
            where.params.append(day_number(date_to))
        if date_from:
            where.clauses.append("(e.latest_key IS NULL OR e.latest_key >= ?)")
            where.params.append(day_number(date_from))
    return where


def assemble_events(connection: sqlite3.Connection, rows: Sequence[tuple[str, str]]) -> list[Record]:
    """Contract event dicts from (id, data) rows, participants and places fetched in batches."""
    ids = [row[0] for row in rows]
    participants: dict[str, list[Record]] = defaultdict(list)
    places: dict[str, list[str]] = defaultdict(list)
    for batch in in_batches(ids):
        for event, role, entity in connection.execute(
                f"SELECT event, role, entity FROM participants WHERE event IN ({_marks(batch)}) ORDER BY event, ord", batch):
            participants[event].append({"role": role, "entity": entity})
        for event, entity in connection.execute(
                f"SELECT event, entity FROM places WHERE event IN ({_marks(batch)}) ORDER BY event, ord", batch):
            places[event].append(entity)
    events = []
    for event_id, data in rows:
        event = json.loads(data)
        event["participants"] = participants.get(event_id, [])
        event["places"] = places.get(event_id, [])
        events.append(event)
    return events


def assemble_entities(connection: sqlite3.Connection, ids: Sequence[str], docs: Sequence[str] | None = None) -> list[Record]:
    """Contract entity dicts in the order of `ids`; with `docs`, only mentions in those documents."""
    base: dict[str, Record] = {}
    names: dict[str, list[str]] = defaultdict(list)
    mentions: dict[str, list[Record]] = defaultdict(list)
    doc_clause = f" AND doc IN ({_marks(docs)})" if docs is not None else ""
    doc_params = list(docs) if docs is not None else []
    for batch in in_batches(ids):
        marks = _marks(batch)
        for entity_id, type_, subtype, name, attributes in connection.execute(
                f"SELECT id, type, subtype, name, attributes FROM entities WHERE id IN ({marks})", batch):
            base[entity_id] = {"id": entity_id, "type": type_, "subtype": subtype, "name": name,
                               "attributes": json.loads(attributes)}
        for entity_id, name in connection.execute(
                f"SELECT entity, name FROM entity_names WHERE entity IN ({marks}) ORDER BY entity, ord", batch):
            names[entity_id].append(name)
        for entity_id, doc, start, end, text in connection.execute(
                f'SELECT entity, doc, start, "end", text FROM mentions WHERE entity IN ({marks}){doc_clause} '
                f"ORDER BY entity, rowid", batch + doc_params):
            mentions[entity_id].append({"doc": doc, "start": start, "end": end, "text": text})
    records = []
    for entity_id in ids:
        if entity_id not in base:
            continue
        record = base[entity_id]
        name = record["name"].lower()
        aliases = [n for n in dict.fromkeys(names.get(entity_id, [])) if n.lower() != name]
        attributes = record.pop("attributes")
        records.append(record | {"aliases": aliases, "mentions": mentions.get(entity_id, []), "attributes": attributes})
    return records
