"""The chronology as a network for Gephi and other graph tools (GEXF 1.3 and GraphML).

Nodes are events and the entities that take part in them (as participants or places);
edges go from an entity to an event it takes part in (`kind` participant or place, with
the role) and from event to event for the relations (`kind` cause, before, ...; a cause
edge runs from cause to effect). Event dates are node attributes (ISO strings, empty when
unknown); in GEXF an event also carries its [earliest, latest] window as `start`/`end`,
so Gephi's timeline can filter by it (an open bound stays open, an undated event is
always shown).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .source import Record, Source, display_date, source, time_of

NODE_ATTRIBUTES = ("kind", "type", "subtype", "factuality", "earliest", "latest", "basis", "display_date", "doc")
EDGE_ATTRIBUTES = ("kind", "role")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML 1.0


@dataclass(slots=True)
class Graph:
    nodes: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)  # id, label, attributes
    edges: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)  # source, target, attributes


def build(chronology: Any, **extras: Any) -> Graph:
    """Events, the entities they involve, and the edges between them."""
    src = source(chronology, **extras)
    g = Graph()
    involved: dict[str, None] = {}
    for ev in src.event_list:
        g.nodes.append((str(ev["id"]), clean(_event_label(ev)), _event_attributes(ev)))
        for p in ev.get("participants") or []:
            involved[str(p.get("entity"))] = None
            g.edges.append((str(p.get("entity")), str(ev["id"]), {"kind": "participant", "role": str(p.get("role") or "")}))
        for place in ev.get("places") or []:
            involved[str(place)] = None
            g.edges.append((str(place), str(ev["id"]), {"kind": "place", "role": "place"}))
    for entity_id in involved:
        g.nodes.append((entity_id, clean(src.name(entity_id)), _entity_attributes(src, entity_id)))
    for r in src.relations:
        if r.get("source") in src.events and r.get("target") in src.events:
            g.edges.append((str(r["source"]), str(r["target"]), {"kind": str(r.get("type") or ""), "role": ""}))
    return g


def clean(text: str) -> str:
    """`text` without the characters XML 1.0 cannot carry (a document may hold them)."""
    return _NOT_XML.sub(" ", text)


def _event_label(ev: Record) -> str:
    return str((ev.get("trigger") or {}).get("text") or ev.get("type") or ev["id"])


def _event_attributes(ev: Record) -> dict[str, str]:
    time = time_of(ev)
    return {
        "kind": "event", "type": str(ev.get("type") or ""), "subtype": "",
        "factuality": str(ev.get("factuality") or ""), "earliest": str(time.get("earliest") or ""),
        "latest": str(time.get("latest") or ""), "basis": str(time.get("basis") or ""),
        "display_date": display_date(ev), "doc": str(ev.get("doc") or ""),
    }


def _entity_attributes(src: Source, entity_id: str) -> dict[str, str]:
    e = src.entities.get(entity_id, {})
    return {"kind": "entity", "type": str(e.get("type") or ""), "subtype": str(e.get("subtype") or ""),
            "factuality": "", "earliest": "", "latest": "", "basis": "", "display_date": "", "doc": ""}
