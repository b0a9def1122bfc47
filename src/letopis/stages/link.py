"""Dating and ordering: events get time bounds from their timexes, from each other and
from the narrative; relations (before, after, cause) come from the syntax and connectives.

Bounds never get more precise than the text allows: inferred bounds are one-sided
(«not before», «not after») and say `basis: inferred`.
"""

from __future__ import annotations

from bisect import bisect_left

from ..doc import Doc, Event, EventTime, Relation, Timex, across_lines
from ..lang.ru.relations import SCHEDULE_VERBS
from ..syntax_tree import ancestors
from ..time.calendar import day_number
from . import link_relations

BASIS_OF_ANCHOR = {"absolute": "explicit", "context": "context", "relative": "relative", "document": "context"}
DATED_TYPES = {"DATE", "TIME"}
DATED_FACTUALITY = {"actual", "uncertain"}  # events a linked timex may date


def later(a: str | None, b: str | None) -> str | None:
    if a is None or b is None:
        return a or b
    return a if day_number(a) >= day_number(b) else b


def earlier(a: str | None, b: str | None) -> str | None:
    if a is None or b is None:
        return a or b
    return a if day_number(a) <= day_number(b) else b


def _timex_head(doc: Doc, timex: Timex) -> int | None:
    """The token of the timex whose head lies outside it (its attachment point)."""
    inside: list[int] = []
    first = _first_token_at(doc, timex.start)
    if first is None:
        return None
    index = first
    while index < len(doc.tokens) and doc.tokens[index].start < timex.end:
        inside.append(index)
        index += 1
    for token_index in inside:
        head = doc.tokens[token_index].head
        if head < 0 or not (inside[0] <= head <= inside[-1]):
            return token_index
    return inside[0] if inside else None


def _first_token_at(doc: Doc, offset: int) -> int | None:
    lo, hi = 0, len(doc.tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if doc.tokens[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    return lo if lo < len(doc.tokens) else None


def _scheduled_event(doc: Doc, owner: dict[int, Event], timex: Timex, head: int) -> tuple[Event, Event] | None:
    """«на 18 августа была объявлена забастовка»: (the scheduled event, the scheduling one)."""
    if not timex.text.lower().startswith(("на ", "назначен")):
        return None
    sent = doc.sentences[doc.tokens[head].sent]
    for index in range(max(sent.first, head - 6), min(sent.last, head + 7)):
        if doc.tokens[index].lemma not in SCHEDULE_VERBS:
            continue
        for other in range(sent.first, sent.last):
            token = doc.tokens[other]
            if token.head == index and token.rel in {"nsubj:pass", "obj", "nsubj"} and other in owner and owner[other].head == other:
                return owner[other], owner.get(index) or owner[other]
    return None


def attach_timexes(doc: Doc) -> None:
    """Each dated timex goes to the nearest event above it in the tree (its own clause)."""
    owner = link_relations.carrier_index(doc)
    timexes = {t.id: t for t in doc.timexes}
    for timex in doc.timexes:
        if timex.type not in DATED_TYPES:
            continue
        head = _timex_head(doc, timex)
        if head is None:
            continue
        scheduled = _scheduled_event(doc, owner, timex, head)
        if scheduled is not None:
            event, scheduler = scheduled
            event.time_links.date = timex.id
            if scheduler is not event:
                scheduler.time_links.scheduled_for = timex.id
            doc.note("link", "scheduled_for_date", timex.start, timex.end, event=event.id)
            continue
        path = [node for node in (head, *ancestors(doc, head)) if not timex.start <= doc.tokens[node].start < timex.end]
        event = next((owner[node] for node in path if node in owner), None)
        if event is None:
            event = _event_argument(doc, owner, path)
        if event is None or across_lines(doc.text, timex.start, timex.end, event.trigger.start, event.trigger.end):
            continue
        current = event.time_links.date
        # An explicit date beats an event-anchored one in the same clause.
        if current is None or (timexes[current].anchor == "relative" and timex.anchor != "relative"):
            event.time_links.date = timex.id
        if timex.anchor == "relative" and timex.anchor_ref and event.time_links.anchored_on is None:
            event.time_links.anchored_on = timex.id
        doc.note("link", "timex_to_event", timex.start, timex.end, event=event.id)


def attach_linked_timexes(doc: Doc) -> None:
    """An event the tree gave no timex of its own takes the best dated one the roles stage
    linked to it (`Event.timexes`, best first): «В 1944 году, после высадки
    союзников, началось восстание» dates the landing as well as the uprising. Only what is
    said to have happened: the date of «получило приказ уничтожить мосты» is the order's,
    and what was ordered is only not earlier (`share_clause_time`). An event an expression is
    anchored on keeps out of that sentence's dates, and a date set for a planned event
    («на 18 августа») dates that event alone."""
    timexes = {t.id: t for t in doc.timexes}
    # The date of «на следующий день после забастовки, 19 августа» is not the strike's, and
    # «на 18 августа была объявлена забастовка» dates the strike, not what else is near.
    anchors = [(ref["event"]["start"], ref["event"]["end"]) for t in doc.timexes
               if (ref := t.anchor_ref or {}).get("event")]
    scheduled = {e.time_links.scheduled_for for e in doc.events if e.time_links.scheduled_for is not None}
    for event in doc.events:
        if event.time_links.date is not None or event.time_links.scheduled_for is not None:
            continue
        if event.factuality not in DATED_FACTUALITY:
            continue
        if any(start <= event.trigger.start < end for start, end in anchors):
            continue
        for timex_id in event.timexes:
            timex = timexes.get(timex_id)
            if timex is None or timex.type not in DATED_TYPES or timex_id in scheduled:
                continue
            event.time_links.date = timex.id
            if timex.anchor == "relative" and timex.anchor_ref and event.time_links.anchored_on is None:
                event.time_links.anchored_on = timex.id
            doc.note("link", "linked_timex_to_event", timex.start, timex.end, event=event.id)
            break


def _event_argument(doc: Doc, owner: dict[int, Event], path: list[int]) -> Event | None:
    """«14 августа командование получило приказ»: a date on a verb that is no event of its
    own dates the event that is its subject or object."""
    sent = doc.sentences[doc.tokens[path[0]].sent] if path else None
    if sent is None:
        return None
    for node in path:
        for other in range(sent.first, sent.last):
            token = doc.tokens[other]
            if token.head == node and token.rel in {"obj", "nsubj", "nsubj:pass"} and other in owner:
                return owner[other]
    return None


def date_from_timexes(doc: Doc) -> None:
    timexes = {t.id: t for t in doc.timexes}
    for event in doc.events:
        scheduled = event.time_links.scheduled_for
        if scheduled and event.time_links.date is None and timexes[scheduled].latest:
            # What set a date was done by that date at the latest.
            event.time = _inferred(None, timexes[scheduled].latest)
            doc.note("link", "scheduling_not_after_date", event.trigger.start, event.trigger.end, event=event.id)
        timex_id = event.time_links.date
        if timex_id is None:
            continue
        timex = timexes[timex_id]
        if timex.earliest is None and timex.latest is None:
            continue
        event.time = EventTime(timex.earliest, timex.latest, timex.edtf, BASIS_OF_ANCHOR.get(timex.anchor, "explicit"), timex.id)


def resolve_event_anchors(doc: Doc) -> None:
    """«на следующий день после всеобщей забастовки»: date through the named event."""
    try:
        from ..time import resolve_anchor
    except ImportError:  # the time stage has no anchor resolution
        return
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
        if not named:
            continue
        anchor = doc.events[min(k for _, k in named)]  # the first of them in the narrative
        relation = (timex.anchor_ref or {}).get("relation", "after")
        # «после забастовки» is after it, «до войны» before it; «во время оккупации», «в день
        # забастовки» overlap it.
        kind = relation if relation in {"after", "before"} else "overlap"
        doc.relations.append(Relation(kind, event.id, anchor.id, doc.span(timex.start, timex.end)))
        if event.time.basis in {"explicit", "context"} or anchor.time.basis == "unknown":
            continue
        earliest, latest, _value, edtf = resolve_anchor(timex, anchor.time.earliest, anchor.time.latest)
        event.time = EventTime(earliest, latest, edtf, "relative", timex.id)
        doc.note("link", "resolve_event_anchor", timex.start, timex.end, event=event.id, anchor=anchor.id)


def bound_discoveries(doc: Doc) -> None:
    """Finding out that something is set for a day happens by that day."""
    timexes = {t.id: t for t in doc.timexes}
    for event in doc.events:
        timex_id = event.time_links.found_before
        if timex_id and event.time.basis in {"unknown", "inferred"} and timexes[timex_id].latest:
            event.time = _inferred(event.time.earliest, earlier(event.time.latest, timexes[timex_id].latest))


def _is_narrative_step(doc: Doc, event: Event) -> bool:
    """A perfective past finite verb (or an event folded into one) moves the narrative on."""
    for carrier in event.carrier_tokens():
        feats = doc.tokens[carrier].feats
        if feats.get("VerbForm") == "Fin" and feats.get("Aspect") == "Perf" and feats.get("Tense") == "Past":
            return True
    return False


def infer_from_narrative(doc: Doc) -> None:
    """An undated narrative step happened no earlier than the last dated step before it."""
    reference: str | None = None
    for event in doc.events:  # narrative order
        if event.time.basis != "unknown":
            if event.factuality == "actual" and event.time.earliest and _is_narrative_step(doc, event):
                reference = event.time.earliest
            continue
        if reference and event.factuality == "actual" and _is_narrative_step(doc, event):
            event.time = EventTime(reference, None, f"{reference}/..", "inferred", None)
            doc.note("link", "narrative_not_before", event.trigger.start, event.trigger.end, event=event.id, bound=reference)


def propagate(doc: Doc) -> None:
    """Carry bounds along before/after relations until nothing changes."""
    events = {e.id: e for e in doc.events}
    pairs = []
    for relation in doc.relations:
        if relation.type in {"before", "cause"}:
            pairs.append((relation.source, relation.target, relation.type))
        elif relation.type == "after":
            pairs.append((relation.target, relation.source, relation.type))
    for _ in range(len(pairs) + 1):
        changed = False
        for first_id, second_id, kind in pairs:
            first, second = events.get(first_id), events.get(second_id)
            if first is None or second is None:
                continue
            if first.time.earliest and (second.time.earliest is None or day_number(first.time.earliest) > day_number(second.time.earliest)):
                if second.time.basis in {"unknown", "inferred"}:
                    second.time = _inferred(first.time.earliest, second.time.latest)
                    changed = True
            if kind != "cause" and second.time.latest and (first.time.latest is None or day_number(second.time.latest) < day_number(first.time.latest)):
                if first.time.basis in {"unknown", "inferred"}:
                    first.time = _inferred(first.time.earliest, second.time.latest)
                    changed = True
        if not changed:
            break


def _inferred(earliest: str | None, latest: str | None) -> EventTime:
    edtf = f"{earliest or '..'}/{latest or '..'}"
    return EventTime(earliest, latest, edtf, "inferred", None)


class LinkStage:
    name = "link"
    requires = ("tokens", "sentences", "morph", "syntax", "mentions", "entities", "timexes", "events", "factuality", "roles")
    assigns = ("time_links", "coreference", "relations", "causes", "dates")

    def __call__(self, doc: Doc) -> Doc:
        attach_timexes(doc)
        attach_linked_timexes(doc)
        date_from_timexes(doc)
        link_relations.add_relations(doc)
        bound_discoveries(doc)
        resolve_event_anchors(doc)
        link_relations.share_clause_time(doc)
        infer_from_narrative(doc)
        propagate(doc)
        return doc


def placement(events: list[Event]) -> list[int]:
    """Sort keys that order events by their bounds; an undated event takes the place of
    the dated event before it in the narrative (for ordering only, not as a date)."""
    keys = []
    position = -10**12  # before every day
    for event in events:
        bound = event.time.earliest or event.time.latest
        if bound:
            position = day_number(bound)
        keys.append(position)
    return keys
