"""letopis through its public API: `letopis.analyse(text) -> Doc`.

Entity mentions, time expressions and event triggers become spans (layers `entity`,
`timex`, `event`). Event links become relations between the trigger and an argument span:
the event's timex (event-time); for each place and participant entity, its mention nearest
to the trigger (event-place, event-participant); for each `cause` relation, the caused
event's trigger with the causing event's trigger as argument (cause).
"""

from __future__ import annotations

from typing import Any

from runner_io import Prediction, Process, Unavailable, serve, span

Span = tuple[int, int]


def gap(a: Span, b: Span) -> int:
    return max(b[0] - a[1], a[0] - b[1], 0)


def links(doc: Any) -> list[dict[str, Any]]:
    timexes = {t.id: (t.start, t.end) for t in doc.timexes}
    mentions: dict[str, list[Span]] = {}
    for m in doc.mentions:
        if m.entity is not None:
            mentions.setdefault(m.entity, []).append((m.start, m.end))
    triggers = {e.id: (e.trigger.start, e.trigger.end) for e in doc.events}
    found: list[dict[str, Any]] = []

    def add(label: str, event: Span, arg: Span | None) -> None:
        if arg is not None:
            found.append({"type": label, "event": list(event), "arg": list(arg)})

    def nearest(event: Span, entity: str) -> Span | None:
        spans = mentions.get(entity, [])
        return min(spans, key=lambda s: (gap(event, s), s)) if spans else None

    for e in doc.events:
        event = triggers[e.id]
        add("event-time", event, timexes.get(e.time.timex) if e.time.timex else None)
        for place in e.places:
            add("event-place", event, nearest(event, place))
        for participant in e.participants:
            add("event-participant", event, nearest(event, participant.entity))
    for rel in doc.relations:
        if rel.type == "cause" and rel.source in triggers and rel.target in triggers:
            add("cause", triggers[rel.target], triggers[rel.source])
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

    def process(text: str) -> Prediction:
        doc = analyse(text)
        # Names only: a pronoun linked to a person is a mention, but not a named-entity span.
        spans = [span("entity", m.type, m.start, m.end, subtype=m.subtype) for m in doc.mentions if m.source != "pronoun"]
        spans += [span("timex", t.type, t.start, t.end) for t in doc.timexes]
        spans += [span("event", e.type, e.trigger.start, e.trigger.end) for e in doc.events]
        return {"spans": spans, "relations": links(doc)}

    return process


if __name__ == "__main__":
    serve(load, ("letopis",))
