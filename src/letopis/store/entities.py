"""Mapping a document's own entities onto corpus entities: SQL lookups around `letopis.identity`.

Whether an incoming entity is a stored corpus entity is `letopis.identity.decide`'s rule, the
one the chronology and the corpus layer use, with its exact part only (`parts=False`): one
gazetteer id or a shared name. The partial rules (`name_suffix`, `name_prefix`, `head_word`,
`acronym`) are left to the corpus layer (`corpus.entities.merge_entities`), which sees the
whole corpus at once, records each merge with its evidence and lets a user undo it; a join
made here at ingest could not be undone, and "fits exactly one" would depend on the order
documents came in. This module only finds the candidates: every corpus entity is filed in
`entity_keys` under `Named.keys()`, and an incoming entity looks up its `exact_probes()`
there. `document_entities.reason` records which rule fired: `geo` (one gazetteer id), `name`
(a shared name or alias), or `new`.

A merged entity keeps every name as an alias and gains the incoming attributes: lists
(titles, title mentions) are united, everything else keeps the first value seen. The
cross-document merge layer refines this later; it can read `document_entities` to see
which local entity went where and why.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection
from typing import Any

from ..fold import fold_case
from ..identity import Named, decide
from .text import name_words

Record = dict[str, Any]
_REASONS = {"same_place": "geo", "same_name": "name"}  # the reasons stored before the rules were shared


def geo_id(entity: Record) -> str | None:
    geo = (entity.get("attributes") or {}).get("geo") or {}
    value = geo.get("id") if isinstance(geo, dict) else None
    return str(value) if value else None


def names_of(entity: Record) -> list[str]:
    names = [entity["name"], *entity.get("aliases", [])]
    return list(dict.fromkeys(name for name in names if name and name.strip()))


def named(entity: Record) -> Named:
    return Named(entity["type"], entity["name"], tuple(names_of(entity)[1:]), geo_id(entity))


def stored(connection: sqlite3.Connection, ids: list[str]) -> dict[str, Named]:
    """Stored corpus entities as identity sees them, in the order of `ids`."""
    marks = ",".join("?" * len(ids))
    aliases: dict[str, list[str]] = {}
    for entity, name in connection.execute(
            f"SELECT entity, name FROM entity_names WHERE entity IN ({marks}) ORDER BY entity, ord", ids):
        aliases.setdefault(entity, []).append(name)
    rows = {row[0]: row for row in connection.execute(
        f"SELECT id, type, name, geo_id FROM entities WHERE id IN ({marks})", ids)}
    return {i: Named(rows[i][1], rows[i][2], tuple(aliases.get(i, ())), rows[i][3]) for i in ids if i in rows}


def find(connection: sqlite3.Connection, entity: Record, taken: Collection[str] = ()) -> tuple[str, str] | None:
    """The corpus entity this document entity is, and why; None if it is new.

    `taken`: corpus entities that other entities of the same document went to (one
    document never names one referent by two of its entities)."""
    item = named(entity)
    probes = sorted(item.exact_probes())
    if not probes:
        return None
    marks = ",".join("?" * len(probes))
    ids = [row[0] for row in connection.execute(
        f"SELECT DISTINCT e.id, e.n FROM entity_keys k JOIN entities e ON e.id = k.entity "
        f"WHERE k.key IN ({marks}) ORDER BY e.n", probes)]
    ids = [i for i in ids if i not in taken]
    if not ids:
        return None
    found = decide(item, list(stored(connection, ids).items()), parts=False)
    if found is None:
        return None
    corpus_id, evidence = found
    rule = evidence.split(" ", 1)[0]
    return str(corpus_id), _REASONS.get(rule, rule)


def file_keys(connection: sqlite3.Connection, corpus_id: str) -> None:
    """File a corpus entity under its identity keys (again after it gained names)."""
    keys = next(iter(stored(connection, [corpus_id]).values())).keys()
    connection.executemany("INSERT OR IGNORE INTO entity_keys (key, entity) VALUES (?, ?)",
                           [(key, corpus_id) for key in sorted(keys)])


def create(connection: sqlite3.Connection, entity: Record, attributes: Record) -> str:
    cursor = connection.execute(
        "INSERT INTO entities (id, type, subtype, name, geo_id, attributes) VALUES (?, ?, ?, ?, ?, ?)",
        (f"new:{entity['id']}", entity["type"], entity.get("subtype"), entity["name"], geo_id(entity),
         json.dumps(attributes, ensure_ascii=False)),
    )
    corpus_id = f"E{cursor.lastrowid}"
    connection.execute("UPDATE entities SET id = ? WHERE n = ?", (corpus_id, cursor.lastrowid))
    return corpus_id


def merge_into(connection: sqlite3.Connection, corpus_id: str, entity: Record, attributes: Record) -> None:
    """Add an incoming entity's names and attributes to a corpus entity."""
    name, subtype, geo, stored = connection.execute(
        "SELECT name, subtype, geo_id, attributes FROM entities WHERE id = ?", (corpus_id,)).fetchone()
    # A fuller name that lists the stored one among its aliases becomes the name
    # («Шарль де Голль» with alias «де Голль» replaces «де Голль»).
    incoming = entity["name"]
    if fold_case(name) in {fold_case(a) for a in entity.get("aliases", [])} and len(incoming.split()) > len(name.split()):
        name = incoming
    connection.execute(
        "UPDATE entities SET name = ?, subtype = COALESCE(subtype, ?), geo_id = COALESCE(geo_id, ?), attributes = ? "
        "WHERE id = ?",
        (name, entity.get("subtype") if subtype is None else subtype, geo_id(entity) if geo is None else geo,
         json.dumps(merge_attributes(json.loads(stored), attributes), ensure_ascii=False), corpus_id),
    )


def add_names(connection: sqlite3.Connection, corpus_id: str, names: list[str]) -> None:
    start = connection.execute("SELECT COALESCE(MAX(ord) + 1, 0) FROM entity_names WHERE entity = ?",
                               (corpus_id,)).fetchone()[0]
    connection.executemany(
        "INSERT OR IGNORE INTO entity_names (entity, name, key, words, ord) VALUES (?, ?, ?, ?, ?)",
        [(corpus_id, name, fold_case(name), name_words(name), start + i) for i, name in enumerate(names)],
    )


def merge_attributes(old: Record, new: Record) -> Record:
    """Lists are united in order of first appearance; any other value keeps the first seen."""
    merged = dict(old)
    for key, value in new.items():
        if key not in merged:
            merged[key] = value
        elif isinstance(merged[key], list) and isinstance(value, list):
            seen = {json.dumps(item, sort_keys=True, ensure_ascii=False) for item in merged[key]}
            merged[key] = merged[key] + [item for item in value
                                         if json.dumps(item, sort_keys=True, ensure_ascii=False) not in seen]
    return merged
