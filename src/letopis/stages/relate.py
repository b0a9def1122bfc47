"""Adding a relation between two events once, with its evidence and its rule in the trace."""

from __future__ import annotations

import threading

from ..doc import Doc, Event, Relation


class _Known(threading.local):
    """(type, source, target) of every relation in the last `doc.relations` seen, kept up
    to date as the list grows, so that adding a relation does not scan all the others."""

    relations: list[Relation] | None = None
    keys: set[tuple[str, str, str]]
    count = 0

    def of(self, relations: list[Relation]) -> set[tuple[str, str, str]]:
        if self.relations is not relations or len(relations) < self.count:
            self.relations, self.keys, self.count = relations, set(), 0
        for relation in relations[self.count :]:
            self.keys.add((relation.type, relation.source, relation.target))
        self.count = len(relations)
        return self.keys


_known = _Known()


def known(doc: Doc, kind: str, source: Event, target: Event) -> bool:
    """Whether `doc` already relates `source` to `target` by `kind`."""
    return (kind, source.id, target.id) in _known.of(doc.relations)


def relate(doc: Doc, kind: str, source: Event, target: Event, start: int, end: int, rule: str) -> None:
    """Add the relation `kind` from `source` to `target`, with the evidence [start, end),
    unless it is there already (or the two are one event)."""
    if source is target:
        return
    if known(doc, kind, source, target):
        return
    doc.relations.append(Relation(kind, source.id, target.id, doc.span(start, end)))
    doc.note("relations", rule, start, end, source=source.id, target=target.id, type=kind)
