"""Order between events: a perfective gerund before its head's event, a return after the
same traveller's departure, sentence-initial connectives («Затем», «Поэтому»), and the
event an expression is anchored on («на следующий день после забастовки»). The rules of
the relations stage (`stages/relations.py`); each relation keeps its evidence span.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from ..doc import Doc, Event, Relation, Timex
from ..lang.ru import relations as lex
from .relate import relate


def gerund_order(doc: Doc, owner: dict[int, Event], event: Event) -> None:
    """«Вернувшись в Париж, он обнаружил»: a perfective gerund precedes its head's event."""
    token = doc.tokens[event.head]
    if token.feats.get("VerbForm") != "Conv" or token.feats.get("Aspect") != "Perf" or token.head < 0:
        return
    head_event = owner.get(token.head)
    if head_event is not None:
        relate(doc, "before", event, head_event, token.start, token.end, "perfective_gerund_before")


def connectives(doc: Doc, sentence: int, main: Event | None, previous: Event | None) -> None:
    """Sentence-initial «Затем», «Поэтому» ... relate the previous sentence's main event."""
    if previous is None or main is None:
        return
    sent = doc.sentences[sentence]
    opening = doc.text[sent.start : min(sent.end, sent.start + 40)].lower()
    for phrase, kind in lex.CONNECTIVES:
        if opening.startswith(phrase):
            source, target = (previous, main) if kind in {"before", "cause"} else (main, previous)
            relate(doc, "before" if kind == "before" else kind, source, target, sent.start, sent.start + len(phrase), "connective")
            return


def main_event(doc: Doc, owner: dict[int, Event], sentence: int, events: list[Event]) -> Event | None:
    """The event at the root of the sentence, else its first event."""
    sent = doc.sentences[sentence]
    for index in range(sent.first, sent.last):
        if doc.tokens[index].head < 0 and index in owner:
            return owner[index]
    return events[0] if events else None


def departure_before_return(doc: Doc) -> None:
    """A return follows the same traveller's last departure before it."""
    departures: dict[str, Event] = {}
    for event in doc.events:
        agents = [p.entity for p in event.participants if p.role == "agent"]
        lemma = doc.tokens[event.head].lemma
        if lemma in lex.RETURN_LEMMAS:
            for agent in agents:
                if agent in departures:
                    relate(doc, "before", departures[agent], event, event.trigger.start, event.trigger.end, "departure_before_return")
        elif lemma in lex.DEPARTURE_LEMMAS:
            for agent in agents:
                departures[agent] = event


def anchored_events(doc: Doc) -> Iterator[tuple[Event, Timex, Event]]:
    """(event, timex, anchor) for every event dated by an expression that names another
    event («на следующий день после всеобщей забастовки»): the anchor is the first event
    named inside the expression's span, in narrative order."""
    timexes = {t.id: t for t in doc.timexes}
    by_start = sorted((e.trigger.start, k) for k, e in enumerate(doc.events))  # find named events without a scan
    starts = [start for start, _ in by_start]
    for event in doc.events:
        timex_id = event.time_links.anchored_on
        if timex_id is None:
            continue
        timex = timexes[timex_id]
        span = (timex.anchor_ref or {}).get("event") or {}
        named = by_start[bisect_left(starts, span.get("start", -1)) : bisect_left(starts, span.get("end", -1))] if span else []
        if named:
            yield event, timex, doc.events[min(k for _, k in named)]


def anchor_order(doc: Doc) -> None:
    """«после забастовки» is after it, «до войны» before it; «во время оккупации», «в день
    забастовки» overlap it."""
    for event, timex, anchor in anchored_events(doc):
        relation = (timex.anchor_ref or {}).get("relation", "after")
        kind = relation if relation in {"after", "before"} else "overlap"
        doc.relations.append(Relation(kind, event.id, anchor.id, doc.span(timex.start, timex.end)))
