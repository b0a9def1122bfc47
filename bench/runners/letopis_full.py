"""letopis through its public API: `letopis.analyse(text) -> Doc`.

Entity mentions, time expressions and event triggers become spans (layers `entity`,
`timex`, `event`). Event links become relations between the trigger and an argument span:
the event's timex and every timex the roles stage linked to it (`Event.timexes`,
e.g. a start and an end) (event-time); for each place and participant entity, the mentions
the roles stage linked it by (`Event.arguments`; a pronoun stands for the entity's
nearest named mention), else its mention nearest to the trigger (event-place,
event-participant); for each `cause` relation, the caused event's trigger with the causing
event's trigger as argument, and for each cause phrase that names no event (the JSON's
`cause_phrases`, `Event.causes`), the event's trigger with the phrase (cause).
"""

from __future__ import annotations

from typing import Any

from runner_io import Prediction, Process, Unavailable, event, serve, span, timex_span

Span = tuple[int, int]


def gap(a: Span, b: Span) -> int:
    return max(b[0] - a[1], a[0] - b[1], 0)


def links(doc: Any) -> list[dict[str, Any]]:
    timexes = {t.id: (t.start, t.end) for t in doc.timexes}
    mentions: dict[str, list[Span]] = {}
    for m in doc.mentions:
        if m.entity is not None and m.source != "pronoun":
            mentions.setdefault(m.entity, []).append((m.start, m.end))
    pronouns = {(m.start, m.end) for m in doc.mentions if m.source == "pronoun"}
    triggers = {e.id: (e.trigger.start, e.trigger.end) for e in doc.events}
    found: list[dict[str, Any]] = []

    def add(label: str, event: Span, arg: Span | None) -> None:
        if arg is not None:
            found.append({"type": label, "event": list(event), "arg": list(arg)})

    def nearest(event: Span, entity: str) -> Span | None:
        spans = mentions.get(entity, [])
        return min(spans, key=lambda s: (gap(event, s), s)) if spans else None

    def argument(event: Span, entity: str, spans: list[Span]) -> list[Span | None]:
        named = [s for s in spans if s not in pronouns]
        if named:
            return list(named)
        return [nearest(event, entity)]

    for e in doc.events:
        event = triggers[e.id]
        times = [e.time.timex] if e.time.timex else []
        times += [t for t in e.timexes if t not in times]
        for timex in times:
            add("event-time", event, timexes.get(timex))
        linked: dict[str, list[Span]] = {}
        for arg in e.arguments:
            if arg.kind in ("place", "participant"):
                linked.setdefault(arg.ref, []).append((arg.start, arg.end))
        for place in e.places:
            for arg in argument(event, place, linked.get(place, [])):
                add("event-place", event, arg)
        for entity in dict.fromkeys(p.entity for p in e.participants):
            for arg in argument(event, entity, linked.get(entity, [])):
                add("event-participant", event, arg)
    for rel in doc.relations:
        if rel.type == "cause" and rel.source in triggers and rel.target in triggers:
            add("cause", triggers[rel.target], triggers[rel.source])
    for e in doc.events:  # causes that name no event (the JSON's cause_phrases)
        for cause in e.causes:
            add("cause", triggers[e.id], (cause.start, cause.end))
    return found


def events(doc: Any) -> list[dict[str, Any]]:
    """The events as the history task reads them (runner_io.event)."""
    entities = {e.id: e for e in doc.entities}
    found = []
    for e in doc.events:
        agents = []
        for p in e.participants:
            entity = entities.get(p.entity)
            if p.role == "agent" and entity is not None:
                spans = [(doc.mentions[i].start, doc.mentions[i].end) for i in entity.mentions]
                agents.append({"name": entity.name, "spans": spans})
        found.append(event((e.trigger.start, e.trigger.end), e.time.earliest, e.time.latest, e.time.basis,
                           e.factuality, agents))
    return found


# Entity types the history gold names; a role without a name («царь», «член общества») is a
# descriptor there, not an entity.
NAMED_TYPES = ("PERSON", "ORGANIZATION", "LOCATION", "FACILITY", "GROUP")


def entities(doc: Any) -> list[dict[str, Any]]:
    """The entities as the history task reads them: type, name, named mentions (no pronouns,
    no place adjectives: the gold leaves «московский князь» out) and the map point the
    gazetteer gave, if any."""
    found = []
    for e in doc.entities:
        if e.type not in NAMED_TYPES:
            continue
        mentions = [[doc.mentions[i].start, doc.mentions[i].end] for i in e.mentions
                    if doc.mentions[i].source != "pronoun" and doc.mentions[i].form != "adjective"]
        geo = e.attributes.get("geo") or {}
        point = [geo["lat"], geo["lon"]] if geo.get("lat") is not None and geo.get("lon") is not None else None
        if mentions:
            found.append({"id": e.id, "type": e.type, "name": e.name, "mentions": mentions, "point": point})
    return found


def load() -> Process:
    try:
        import letopis
    except ImportError as exc:
        raise Unavailable(f"letopis not importable: {exc}") from exc
    analyse = getattr(letopis, "analyse", None)
    if analyse is None:
        raise Unavailable("letopis.analyse is not there yet")
    analyse("В мае 1812 года армия Наполеона перешла Неман.")  # load the models
    from letopis.chronology import build

    def process(text: str) -> Prediction:
        doc = analyse(text)
        # Names only: a pronoun linked to a person is a mention, but not a named-entity span.
        spans = [span("entity", m.type, m.start, m.end, subtype=m.subtype, form=m.form) for m in doc.mentions if m.source != "pronoun"]
        spans += [timex_span(t) for t in doc.timexes]
        spans += [span("event", e.type, e.trigger.start, e.trigger.end) for e in doc.events]
        # The contract chronology too: the cross-document merge task (history-merge) merges them.
        return {"spans": spans, "relations": links(doc), "events": events(doc), "entities": entities(doc),
                "chronology": build([doc]).to_dict()}

    return process


if __name__ == "__main__":
    serve(load, ("letopis",))
