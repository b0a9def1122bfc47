"""JSON-LD in the Simple Event Model (SEM), optionally typed in CIDOC-CRM as well.

SEM (van Hage et al., http://semanticweb.cs.vu.nl/2009/11/sem/) has exactly the shape of a
letopis event: a `sem:Event` with `sem:eventType`, actors through `sem:Role` nodes that
carry the `sem:roleType` and point at the actor with `rdf:value`, places, and a
`sem:Time` whose `sem:hasEarliestBeginTimeStamp` / `sem:hasLatestBeginTimeStamp` are the
contract's `earliest` / `latest` (the window in which the event began: SEM's own words).
Every event and role is `sem:accordingTo` its source document, so a claim stays a claim
of that text.

With `cidoc=True` the same nodes also get CIDOC-CRM types and properties (E5 Event with a
E52 Time-Span; see docs/exports.md for why `latest` is P81a and not P82b).
What neither model says (factuality, trigger offsets, causes and temporal order, the
corpus layer's merged events and conflicts) is given in the `letopis:` vocabulary.
"""

from __future__ import annotations

import json
from typing import Any

from ..doc import ACTOR_TYPES, PLACE_TYPES
from ..render.view import FACTUALITY
from .source import Record, Source, geo_of, source, time_of

SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
CRM = "http://www.cidoc-crm.org/cidoc-crm/"
VOCAB = "urn:letopis:vocab:"
DEFAULT_BASE = "urn:letopis:"
CRM_ACTORS = {"PERSON": "crm:E21_Person", "ORGANIZATION": "crm:E74_Group", "GROUP": "crm:E74_Group"}
GEONAMES = "https://sws.geonames.org/"

CONTEXT: Record = {
    "sem": SEM,
    "crm": CRM,
    "letopis": VOCAB,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "wgs84": "http://www.w3.org/2003/01/geo/wgs84_pos#",
    "label": "rdfs:label",
    "sem:hasEarliestBeginTimeStamp": {"@type": "xsd:date"},
    "sem:hasLatestBeginTimeStamp": {"@type": "xsd:date"},
    "crm:P82a_begin_of_the_begin": {"@type": "xsd:dateTime"},
    "crm:P81a_end_of_the_begin": {"@type": "xsd:dateTime"},
    "wgs84:lat": {"@type": "xsd:decimal"},
    "wgs84:long": {"@type": "xsd:decimal"},
    "letopis:start": {"@type": "xsd:integer"},
    "letopis:end": {"@type": "xsd:integer"},
}
# event-to-event relations: SEM has none; `cause` source causes target
RELATIONS = {"cause": "letopis:causes", "before": "letopis:before", "after": "letopis:after",
             "overlap": "letopis:overlaps", "same": "letopis:sameEventAs"}


class _Iris:
    def __init__(self, base: str):
        self.base = base

    def __call__(self, kind: str, local: str) -> str:
        return f"{self.base}{kind}:{local}"


def graph(chronology: Any, *, base: str = DEFAULT_BASE, cidoc: bool = False, **extras: Any) -> Record:
    """The JSON-LD document (`@context` and `@graph`)."""
    src = source(chronology, **extras)
    iri = _Iris(base)
    uses = _uses(src)
    nodes: list[Record] = [_document(d, iri) for d in src.documents.values()]
    nodes += [_entity(e, uses.get(str(e["id"]), set()), iri, cidoc) for e in src.entities.values()]
    nodes += [node for ev in src.event_list for node in _event(src, ev, iri, cidoc)]
    kinds = {str(ev.get("type")) for ev in [*src.event_list, *src.corpus_events] if ev.get("type")}
    nodes += [_event_type(t, iri) for t in sorted(kinds)]
    nodes += [_role_type(r, iri) for r in sorted({str(p.get("role")) for ev in src.event_list
                                                  for p in ev.get("participants") or [] if p.get("role")})]
    _link_relations(src, nodes, iri)
    nodes += [node for c in src.corpus_events for node in _corpus_event(c, iri)]
    nodes += [_conflict(k, iri) for k in src.conflicts]
    return {"@context": CONTEXT, "@graph": nodes}


def to_json(chronology: Any, *, base: str = DEFAULT_BASE, cidoc: bool = False, **extras: Any) -> str:
    return json.dumps(graph(chronology, base=base, cidoc=cidoc, **extras), ensure_ascii=False, indent=2) + "\n"


def _uses(src: Source) -> dict[str, set[str]]:
    """How each entity takes part in events: as an actor, as a place, or both."""
    out: dict[str, set[str]] = {}
    for ev in src.event_list:
        for p in ev.get("participants") or []:
            out.setdefault(str(p.get("entity")), set()).add("actor")
        for place in ev.get("places") or []:
            out.setdefault(str(place), set()).add("place")
    return out


def _document(doc: Record, iri: _Iris) -> Record:
    node: Record = {"@id": iri("doc", str(doc["id"])), "@type": ["sem:Authority", "letopis:Document"],
                    "label": str(doc.get("source") or doc["id"])}
    if doc.get("sha256"):
        node["letopis:sha256"] = doc["sha256"]
    return node


def _entity(e: Record, uses: set[str], iri: _Iris, cidoc: bool) -> Record:
    kind = str(e.get("type") or "")
    types = []
    if kind in ACTOR_TYPES or "actor" in uses:
        types.append("sem:Actor")
        if cidoc:
            types.append(CRM_ACTORS.get(kind, "crm:E39_Actor"))
    if kind in PLACE_TYPES or "place" in uses:
        types.append("sem:Place")
        if cidoc:
            types.append("crm:E53_Place")
    node: Record = {"@id": iri("entity", str(e["id"])), "@type": types or ["sem:Core"], "label": e.get("name"),
                    "letopis:entityType": kind}
    if e.get("subtype"):
        node["letopis:subtype"] = e["subtype"]
    if e.get("aliases"):
        node["rdfs:comment"] = [f"также: {alias}" for alias in e["aliases"]]
    geo = geo_of(e)
    if geo is not None:
        node["wgs84:lat"] = geo["lat"]
        node["wgs84:long"] = geo["lon"]
        gazetteer = str(geo.get("id") or "")
        if gazetteer.startswith("geonames:"):
            node["owl:sameAs"] = {"@id": f"{GEONAMES}{gazetteer.split(':', 1)[1]}/"}
        elif gazetteer:
            node["letopis:gazetteerId"] = gazetteer
    return node


def _event(src: Source, ev: Record, iri: _Iris, cidoc: bool) -> list[Record]:
    """The event node, its time node and its role nodes."""
    event_id = str(ev["id"])
    doc = {"@id": iri("doc", str(ev.get("doc")))}
    trigger = ev.get("trigger") or {}
    node: Record = {
        "@id": iri("event", event_id),
        "@type": ["sem:Event"] + (["crm:E5_Event"] if cidoc else []),
        "label": trigger.get("text"),
        "sem:accordingTo": doc,
        "letopis:factuality": ev.get("factuality"),
        "letopis:trigger": {"letopis:start": trigger.get("start"), "letopis:end": trigger.get("end"),
                            "letopis:document": doc},
    }
    if ev.get("factuality") not in (None, "actual"):
        node["rdfs:comment"] = FACTUALITY.get(ev["factuality"], ev["factuality"])
    if ev.get("type"):
        node["sem:eventType"] = {"@id": iri("event-type", str(ev["type"]))}
    extra: list[Record] = []
    roles = []
    for n, p in enumerate(ev.get("participants") or [], 1):
        role: Record = {"@id": iri("role", f"{event_id}.{n}"), "@type": "sem:Role",
                        "rdf:value": {"@id": iri("entity", str(p.get("entity")))}, "sem:accordingTo": doc}
        if p.get("role"):
            role["sem:roleType"] = {"@id": iri("role-type", str(p["role"]))}
        extra.append(role)
        roles.append({"@id": role["@id"]})
    if roles:
        node["sem:hasActor"] = roles
    places = [{"@id": iri("entity", str(place))} for place in ev.get("places") or []]
    if places:
        node["sem:hasPlace"] = places
    if cidoc:
        agents = [{"@id": iri("entity", str(p.get("entity")))} for p in ev.get("participants") or [] if p.get("role") == "agent"]
        if agents:
            node["crm:P14_carried_out_by"] = agents
        if places:
            node["crm:P7_took_place_at"] = places
    time = _time(ev, iri, cidoc)
    if time is not None:
        node["sem:hasTime"] = {"@id": time["@id"]}
        if cidoc:
            node["crm:P4_has_time-span"] = {"@id": time["@id"]}
        extra.append(time)
    return [node] + extra


def _time(ev: Record, iri: _Iris, cidoc: bool) -> Record | None:
    t = time_of(ev)
    earliest, latest = t.get("earliest"), t.get("latest")
    if not earliest and not latest:
        return None
    node: Record = {"@id": iri("time", str(ev["id"])), "@type": ["sem:Time"] + (["crm:E52_Time-Span"] if cidoc else []),
                    "letopis:basis": t.get("basis")}
    if t.get("edtf"):
        node["letopis:edtf"] = t["edtf"]
    if earliest:
        node["sem:hasEarliestBeginTimeStamp"] = earliest
        if cidoc:
            node["crm:P82a_begin_of_the_begin"] = f"{earliest}T00:00:00"
    if latest:
        node["sem:hasLatestBeginTimeStamp"] = latest
        if cidoc:
            node["crm:P81a_end_of_the_begin"] = f"{latest}T23:59:59"
    return node


def _corpus_event(c: Record, iri: _Iris) -> list[Record]:
    """A merged event of the corpus layer: a `sem:Event` of its own, `letopis:toldAs` the
    sources' events (each still `sem:accordingTo` its document), dated by what all sources
    allow together; when they disagree it has no `sem:Time`, only its conflicts."""
    corpus_id = str(c.get("id"))
    node: Record = {
        "@id": iri("corpus-event", corpus_id), "@type": ["sem:Event", "letopis:CorpusEvent"],
        "letopis:toldAs": [{"@id": iri("event", str(m.get("event")))} for m in c.get("mentions") or []],
    }
    if c.get("type"):
        node["sem:eventType"] = {"@id": iri("event-type", str(c["type"]))}
    if c.get("conflicts"):
        node["letopis:conflict"] = [{"@id": iri("conflict", str(k))} for k in c["conflicts"]]
    time = c.get("time") or {}
    node["letopis:dateStatus"] = time.get("status")
    if not (time.get("earliest") or time.get("latest")):
        return [node]
    span: Record = {"@id": iri("time", f"corpus.{corpus_id}"), "@type": "sem:Time"}
    if time.get("earliest"):
        span["sem:hasEarliestBeginTimeStamp"] = time["earliest"]
    if time.get("latest"):
        span["sem:hasLatestBeginTimeStamp"] = time["latest"]
    node["sem:hasTime"] = {"@id": span["@id"]}
    return [node, span]


def _conflict(k: Record, iri: _Iris) -> Record:
    return {
        "@id": iri("conflict", str(k.get("id"))), "@type": "letopis:Conflict",
        "letopis:kind": k.get("kind"), "rdfs:comment": k.get("summary"),
        "letopis:about": {"@id": iri("corpus-event", str(k.get("event")))},
        "letopis:claimOf": [{"@id": iri("event", str(claim.get("event")))} for claim in k.get("claims") or []],
    }


def _event_type(name: str, iri: _Iris) -> Record:
    return {"@id": iri("event-type", name), "@type": "sem:EventType", "label": name}


def _role_type(name: str, iri: _Iris) -> Record:
    return {"@id": iri("role-type", name), "@type": "sem:RoleType", "label": name}


def _link_relations(src: Source, nodes: list[Record], iri: _Iris) -> None:
    by_id = {node["@id"]: node for node in nodes}
    for r in src.relations:
        prop = RELATIONS.get(str(r.get("type")), f"letopis:{r.get('type')}")
        node = by_id.get(iri("event", str(r.get("source"))))
        if node is not None and r.get("target") in src.events:
            node.setdefault(prop, []).append({"@id": iri("event", str(r["target"]))})
