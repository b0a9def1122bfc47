"""Mapping a document's own entities onto corpus entities.

The rule is deliberately simple, so every merge can be explained (`document_entities.reason`):

- `geo`: both carry the same gazetteer id (`attributes.geo.id`), whatever they are called;
- `name`: same type, and one of the incoming names (name or alias) equals one of the corpus
  entity's names, compared case-blind with ё as е, unless both have gazetteer ids that differ
  (two towns of one name stay two);
- `new`: otherwise a new corpus entity.

A merged entity keeps every name as an alias and gains the incoming attributes: lists
(titles, title mentions) are united, everything else keeps the first value seen. The
cross-document merge layer refines this later; it can read `document_entities` to see
which local entity went where and why.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from ..fold import fold_case
from .text import name_words

Record = dict[str, Any]


def geo_id(entity: Record) -> str | None:
    geo = (entity.get("attributes") or {}).get("geo") or {}
    value = geo.get("id") if isinstance(geo, dict) else None
    return str(value) if value else None


def names_of(entity: Record) -> list[str]:
    names = [entity["name"], *entity.get("aliases", [])]
    return list(dict.fromkeys(name for name in names if name and name.strip()))


def find(connection: sqlite3.Connection, entity: Record) -> tuple[str, str] | None:
    """The corpus entity this document entity is, and why; None if it is new."""
    geo = geo_id(entity)
    if geo:
        row = connection.execute("SELECT id FROM entities WHERE geo_id = ? ORDER BY n LIMIT 1", (geo,)).fetchone()
        if row:
            return row[0], "geo"
    keys = sorted({fold_case(name) for name in names_of(entity)})
    if not keys:
        return None
    marks = ",".join("?" * len(keys))
    rows = connection.execute(
        f"SELECT DISTINCT e.id, e.geo_id, e.n FROM entity_names k JOIN entities e ON e.id = k.entity "
        f"WHERE k.key IN ({marks}) AND e.type = ? ORDER BY e.n",
        (*keys, entity["type"]),
    ).fetchall()
    for corpus_id, corpus_geo, _ in rows:
        if geo and corpus_geo and corpus_geo != geo:
            continue
        return corpus_id, "name"
    return None


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
