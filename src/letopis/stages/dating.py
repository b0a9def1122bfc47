"""Dating: events get time bounds from their timexes (`Event.time_links`), from the events
they repeat or are anchored on, from the clause they share, from the narrative, and along
the before/after/cause relations.

Bounds never get more precise than the text allows: inferred bounds are one-sided
(«not before», «not after») and say `basis: inferred`.
"""

from __future__ import annotations

import re

from ..doc import Doc, Event, EventTime, Timex
from ..index import carrier_index
from ..time import resolve_anchor
from ..time import is_notes
from ..time.calendar import add_days, add_months, day_number, iso, parse_iso
from ..time.lexicon import FROM_PREPOSITIONS
from .factuality import DASHES
from . import lives
from .order import anchored_events

BASIS_OF_ANCHOR = {"absolute": "explicit", "context": "context", "relative": "relative", "document": "context"}


def earlier(a: str | None, b: str | None) -> str | None:
    if a is None or b is None:
        return a or b
    return a if day_number(a) <= day_number(b) else b


def _inferred(earliest: str | None, latest: str | None) -> EventTime:
    edtf = f"{earliest or '..'}/{latest or '..'}"
    return EventTime(earliest, latest, edtf, "inferred", None)


MONTHS_OF_VALUE = ((r"\d{4}-\d{2}-\d{2}(T.*)?", 0), (r"\d{4}-\d{2}", 1), (r"\d{4}|BC\d{4}", 12))


def named_window(timex: Timex) -> tuple[str | None, str | None]:
    """The window of the time a timex names, without what its «с» or «до» opens:
    «с 1900 года» and «до 1922 года» name 1900 and 1922. Its start comes from the bounds
    (already on the calendar the text is read on), its length from the value."""
    if timex.mod is None:
        return timex.earliest, timex.latest
    months = next((n for pattern, n in MONTHS_OF_VALUE if re.fullmatch(pattern, timex.value or "")), None)
    if timex.mod == "ON_OR_AFTER" and timex.earliest:
        start = parse_iso(timex.earliest)
    elif timex.mod == "BEFORE" and timex.latest:
        start = add_days(parse_iso(timex.latest), 1)
    else:
        return timex.earliest, timex.latest
    if months is None:
        return timex.earliest, timex.latest
    return iso(start), iso(add_days(add_months(start, months), -1)) if months else iso(start)


def _begins_at(timex: Timex) -> bool:
    """«С 1900 года преподавал»: an opening date says when what it dates began."""
    return timex.mod == "ON_OR_AFTER" and timex.latest is None and timex.text.lower().startswith(FROM_PREPOSITIONS)


def date_from_timexes(doc: Doc) -> None:
    timexes = {t.id: t for t in doc.timexes}
    for event in doc.events:
        scheduled = event.time_links.scheduled_for
        if scheduled and event.time_links.date is None and timexes[scheduled].latest:
            # What set a date was done by that date at the latest.
            event.time = _inferred(None, timexes[scheduled].latest)
            doc.note("dating", "scheduling_not_after_date", event.trigger.start, event.trigger.end, event=event.id)
        timex_id = event.time_links.date
        if timex_id is None:
            continue
        timex = timexes[timex_id]
        if timex.earliest is None and timex.latest is None:
            continue
        basis = BASIS_OF_ANCHOR.get(timex.anchor, "explicit")
        if event.time_links.when_of == timex_id or _begins_at(timex):
            earliest, latest = named_window(timex)
            if (earliest, latest) != (timex.earliest, timex.latest):
                event.time = EventTime(earliest, latest, f"{earliest or '..'}/{latest or '..'}", basis, timex.id)
                doc.note("dating", "at_named_time", timex.start, timex.end, event=event.id)
                continue
        event.time = EventTime(timex.earliest, timex.latest, timex.edtf, basis, timex.id)


def share_coreferent_time(doc: Doc) -> None:
    """An undated mention of an event takes the time of the dated mention it repeats."""
    by_id = {e.id: e for e in doc.events}
    for event in doc.events:
        same = by_id.get(event.same_as or "")
        if same is not None and event.time.basis == "unknown" and same.time.basis != "unknown":
            t = same.time
            event.time = EventTime(t.earliest, t.latest, t.edtf, "context", t.timex)


def bound_discoveries(doc: Doc) -> None:
    """Finding out that something is set for a day happens by that day."""
    timexes = {t.id: t for t in doc.timexes}
    for event in doc.events:
        timex_id = event.time_links.found_before
        if timex_id and event.time.basis in {"unknown", "inferred"} and timexes[timex_id].latest:
            event.time = _inferred(event.time.earliest, earlier(event.time.latest, timexes[timex_id].latest))


def date_from_anchors(doc: Doc) -> None:
    """«на следующий день после всеобщей забастовки»: date through the named event."""
    for event, timex, anchor in anchored_events(doc):
        if event.time.basis in {"explicit", "context"} or anchor.time.basis == "unknown":
            continue
        earliest, latest, _value, edtf = resolve_anchor(timex, anchor.time.earliest, anchor.time.latest)
        event.time = EventTime(earliest, latest, edtf, "relative", timex.id)
        doc.note("dating", "resolve_event_anchor", timex.start, timex.end, event=event.id, anchor=anchor.id)


def share_clause_time(doc: Doc) -> None:
    """Coordinated verbs share a date («вышли на улицы и спели»); what was ordered or
    requested cannot come before the order («приказ уничтожить»)."""
    owner = carrier_index(doc)
    for event in doc.events:
        if event.time.basis != "unknown":
            continue
        token = doc.tokens[event.head]
        head_event = owner.get(token.head) if token.head >= 0 else None
        if head_event is None or head_event.time.basis == "unknown":
            continue
        if token.rel == "conj" and event.factuality == head_event.factuality:
            t = head_event.time
            event.time = EventTime(t.earliest, t.latest, t.edtf, "context", t.timex)
            doc.note("dating", "conjoined_same_time", token.start, token.end, event=event.id, via=head_event.id)
        elif event.factuality in {"intended", "unrealized"} and head_event.time.earliest:
            earliest = head_event.time.earliest
            event.time = EventTime(earliest, None, f"{earliest}/..", "inferred", None)
            doc.note("dating", "intended_not_before_intention", token.start, token.end, event=event.id, via=head_event.id)


CARRIED_FACTUALITY = {"actual", "negated", "uncertain"}  # what a carried date may date


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _sentences_with_timexes(doc: Doc) -> set[int]:
    """Sentences that write a time of their own (a date, an age, a duration, «в то время»)."""
    return {doc.sentence_at(t.start) for t in doc.timexes}


def _in_quotes(doc: Doc, event: Event) -> bool:
    before = doc.text[doc.sentences[event.sentence].start : event.trigger.start]
    return before.count("«") > before.count("»") or before.count("“") > before.count("”")


LINE_MARKS = " \t\u00a0•·*▪◦-–—"  # what may stand before a line's leading date (bullets)
DATE_SEPARATORS = ("-", "–", "—", ":")  # «1524 — осада Казани», «1721: мир»


def _leads_line(doc: Doc, timex_id: str | None) -> bool:
    """Whether a timex is its line's leading date, the head of a dated note: «• 1169 — Поход на Киев»."""
    timex = next((t for t in doc.timexes if t.id == timex_id), None)
    if timex is None:
        return False
    start = _line_start(doc.text, timex.start)
    return not doc.text[start : timex.start].strip(LINE_MARKS) and doc.text[timex.end :].lstrip(" \u00a0").startswith(DATE_SEPARATORS)


def carry_line_date(doc: Doc) -> None:
    """A note's leading date carries along its line: «1524 — осада Казани. Взять город не
    смогли.» The undated events of the sentences after the dated clause take its window, no
    more precise, as `context`. A date in running prose does not carry this way: what follows
    it may be background or another time (`infer_from_narrative` bounds the narrative steps
    after it from below). The carry ends at a line
    break (a new line, a heading, a blank line), at a sentence that writes a time of its own
    (a date, an age, a duration), and at an event dated relative to another; it never enters
    a line of dialogue or a quotation."""
    timed_sentences = _sentences_with_timexes(doc)
    line = -1
    sentence = -1
    reference: Event | None = None
    note = False  # whether the reference's date leads its line (a dated note)
    for event in doc.events:  # narrative order
        start = _line_start(doc.text, event.trigger.start)
        if start != line:
            line, reference = start, None
        if event.sentence != sentence:
            sentence = event.sentence
            if reference is not None and sentence in timed_sentences:
                reference = None
        basis = event.time.basis
        if basis in {"explicit", "context"} and event.time.timex and event.factuality == "actual":
            reference = event
            note = _leads_line(doc, event.time.timex)
            continue
        if basis == "relative":
            reference = None
            continue
        if basis != "unknown" or reference is None or event.sentence <= reference.sentence:
            continue
        if event.factuality not in CARRIED_FACTUALITY or _in_quotes(doc, event):
            continue
        if not note:
            continue  # prose: `infer_from_narrative` gives a narrative step «not before»
        if doc.text[line : event.trigger.start].lstrip().startswith(DASHES):
            continue
        # The date rests on another clause's timex: the event is not linked to it (the trace
        # names the clause it came from).
        t = reference.time
        event.time = EventTime(t.earliest, t.latest, t.edtf, "context", None)
        doc.note("dating", "line_date_carries", event.trigger.start, event.trigger.end, event=event.id, via=reference.id)


def _is_narrative_step(doc: Doc, event: Event) -> bool:
    """A perfective past verb (finite, or a gerund: «Вернувшись в Париж») moves the narrative
    on; an imperfective one, a participle or a noun in prose may be background («немцы
    лишали имущества», «за время оккупации»)."""
    for carrier in event.carrier_tokens():
        feats = doc.tokens[carrier].feats
        if feats.get("Aspect") == "Perf" and (feats.get("VerbForm") == "Conv"
                                             or feats.get("VerbForm") == "Fin" and feats.get("Tense") == "Past"):
            return True
    return False


def _bounds_narrative(event: Event) -> bool:
    """A dated event that may bound its undated neighbours: said to have happened, dated
    from the text (not itself inferred)."""
    return (event.factuality == "actual" and event.time.basis in {"explicit", "context", "relative"}
            and event.time.earliest is not None)


def _next_bounds(events: list[Event], bounding: set[str]) -> list[Event | None]:
    """For each event (text order), the next event after it that may bound it."""
    following: list[Event | None] = [None] * len(events)
    upcoming: Event | None = None
    for index in range(len(events) - 1, -1, -1):
        following[index] = upcoming
        if events[index].id in bounding:
            upcoming = events[index]
    return following


def infer_from_narrative(doc: Doc) -> None:
    """What the narrative tells undated happened no earlier than the dated event told before
    it, and, where the text runs forward (the next dated event is not earlier than that one),
    no later than the dated event told after it; without a forward run the upper bound stays
    open (a flashback, a recap). Only what is said to have happened is bounded so. In prose
    only a narrative step is (`_is_narrative_step`), and the upper bound comes from the same
    paragraph: a new paragraph may return to background («командование получило приказ …»
    before «К июлю 1944 года …»). Study notes (`time.is_notes`) are a sequence line by line."""
    reference: Event | None = None
    events = sorted(doc.events, key=lambda e: e.trigger.start)  # text order
    # a day something was set for is a plan: what is told near it may come before it
    planned = {e.time_links.scheduled_for for e in doc.events if e.time_links.scheduled_for}
    bounding = {e.id for e in events if _bounds_narrative(e) and e.time.timex not in planned}
    following = _next_bounds(events, bounding)
    notes = is_notes(doc.text)
    for index, event in enumerate(events):
        if event.time.basis != "unknown":
            if event.id in bounding:
                reference = event
            continue
        if reference is None or event.factuality != "actual" or not (notes or _is_narrative_step(doc, event)):
            continue
        earliest = reference.time.earliest
        latest = None
        after = following[index]
        if (after is not None and after.time.latest and day_number(after.time.latest) >= day_number(earliest)
                and (notes or "\n" not in doc.text[event.trigger.end : after.trigger.start])):
            latest = after.time.latest
        event.time = _inferred(earliest, latest)
        doc.note("dating", "narrative_between", event.trigger.start, event.trigger.end, event=event.id,
                 after=reference.id, before=after.id if latest else None)


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


class DatingStage:
    name = "dating"
    requires = ("tokens", "syntax", "morph", "timexes", "events", "factuality", "time_links", "coreference", "relations")
    assigns = ("dates",)

    def __call__(self, doc: Doc) -> Doc:
        date_from_timexes(doc)
        share_coreferent_time(doc)
        bound_discoveries(doc)
        date_from_anchors(doc)
        life = lives.life_of(doc)
        if life is not None:
            lives.date_birth_and_death(doc, life)
            lives.date_from_ages(doc, life)
        share_clause_time(doc)
        carry_line_date(doc)
        infer_from_narrative(doc)
        propagate(doc)
        if life is not None:
            lives.bound_by_lifetime(doc, life)
        return doc
