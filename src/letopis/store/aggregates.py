"""Questions about the corpus as a whole, answered in SQL: who acts with whom, what is most mentioned.

The viewer's entity page, map and graph ask these; they are methods of `SqliteStore`
(this mixin), so the web only calls and renders.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from .read import Record, assemble_entities

EVENT_ORDER = "e.sort_key, e.latest_key, e.doc_n, e.ord"  # the store's chronological order


class Aggregates:
    """Corpus-wide counts over the stored events and entities (a mixin of `SqliteStore`)."""

    connection: sqlite3.Connection  # this thread's connection, from `SqliteStore`

    def co_actors(self, entity_id: str, *, within: int | None = None, top: int = 20) -> list[tuple[str, int]]:
        """The entities that take part in events together with `entity_id`, and in how many.

        Counted over the entity's first `within` events in date order (all of them for None);
        most frequent first, ties in the order they first appear."""
        rows = self.connection.execute(
            "WITH own AS (SELECT e.id, ROW_NUMBER() OVER (ORDER BY " + EVENT_ORDER + ") AS pos FROM events e "
            "WHERE e.id IN (SELECT event FROM participants WHERE entity = ? UNION SELECT event FROM places WHERE entity = ?) "
            "ORDER BY " + EVENT_ORDER + " LIMIT ?) "
            "SELECT p.entity, COUNT(DISTINCT p.event) AS n FROM participants p JOIN own ON own.id = p.event "
            "WHERE p.entity != ? GROUP BY p.entity ORDER BY n DESC, MIN(own.pos), MIN(p.ord), p.entity LIMIT ?",
            (entity_id, entity_id, -1 if within is None else int(within), entity_id, int(top)))
        return [(entity, count) for entity, count in rows]

    def top_entities(self, types: Sequence[str], *, limit: int, located: bool = False) -> list[Record]:
        """The most mentioned entities of these types (ties: in the order of `types`, then of storing).

        `located`: only those with coordinates (`attributes.geo.lat`/`lon` numbers), for a map."""
        if not types:
            return []
        marks = ",".join("?" * len(types))
        rank = " ".join(f"WHEN ? THEN {i}" for i in range(len(types)))
        located_sql = (" AND json_type(attributes, '$.geo.lat') IN ('integer', 'real')"
                       " AND json_type(attributes, '$.geo.lon') IN ('integer', 'real')") if located else ""
        ids = [row[0] for row in self.connection.execute(
            f"SELECT id FROM entities WHERE type IN ({marks}){located_sql} "
            f"ORDER BY mentions DESC, CASE type {rank} END, n LIMIT ?", (*types, *types, int(limit)))]
        return assemble_entities(self.connection, ids)
