"""Event coreference: «всеобщая забастовка» … «после всеобщей забастовки». A repeated event
noun names the event mentioned shortly before it (`Event.same_as`, and a `same` relation)
when the evidence rules of `letopis.same_event` say so: one type, dates of their own that can
both be true and lie in one year, and a back-reference, a repeated name or a shared
participant and place. The relation's evidence is the back-reference («после забастовки»),
else the trigger; `doc.trace` names the rule.
"""

from __future__ import annotations

from bisect import bisect_left

from .. import same_event
from ..doc import Doc, Event, Relation
from ..time.calendar import day_number_or_none, parse_day

SAME_EVENT_WINDOW = 6  # sentences within which a repeated event noun is taken as the same event


class _NamesAfter:
    """Entities named in the few tokens after an event noun (its likely arguments)."""

    WINDOW = 5  # tokens

    def __init__(self, doc: Doc):
        self.doc = doc
        self.order = sorted(range(len(doc.mentions)), key=lambda i: doc.mentions[i].start)
        self.starts = [doc.mentions[i].start for i in self.order]

    def __call__(self, event: Event) -> set[str]:
        doc = self.doc
        last = min(event.head + 1 + self.WINDOW, doc.sentences[event.sentence].last) - 1
        if last <= event.head:
            return set()
        start, end = doc.tokens[event.head].end, doc.tokens[last].end
        found = set()
        for position in range(bisect_left(self.starts, start), len(self.order)):
            mention = doc.mentions[self.order[position]]
            if mention.start >= end:
                break
            if mention.entity and mention.type != "PROFESSION":
                found.add(mention.entity)
        return found


def _compatible(a: Event, b: Event, names_after: _NamesAfter) -> bool:
    """Two mentions may be one event unless their places, patients or the names right
    after them disagree («освобождения Парижа» is not «освобождения Франции»)."""
    if a.places and b.places and not set(a.places) & set(b.places):
        return False
    patients_a = {p.entity for p in a.participants if p.role == "patient"} | names_after(a)
    patients_b = {p.entity for p in b.participants if p.role == "patient"} | names_after(b)
    return not (patients_a and patients_b and not patients_a & patients_b)


def _before(doc: Doc, event: Event) -> list[str]:
    """Up to three lower-case words before the event's noun, in its sentence."""
    start = doc.sentences[event.sentence].first
    tokens = [t for t in doc.tokens[max(start, event.head - 3):event.head] if t.text[:1].isalpha()]
    return [t.text.lower() for t in tokens]


def _name(doc: Doc, event: Event) -> str | None:
    """«Февральская революция»: the capitalised word right before the noun, with its lemma."""
    head = event.head
    start = doc.sentences[event.sentence].first
    if head - 1 < start:
        return None
    word = doc.tokens[head - 1]
    if not same_event.is_name_word(word.text, opens_sentence=head - 1 == start):
        return None
    return f"{word.lemma} {doc.tokens[head].lemma}"


def _own_dates(doc: Doc, event: Event, timexes: dict) -> tuple[tuple[int | None, int | None], tuple[int, int] | None]:
    """The interval and years of the date the event's own clause gives, before dating."""
    timex = timexes.get(event.time_links.date or "")
    if timex is None:
        return (None, None), None
    lo, hi = day_number_or_none(timex.earliest), day_number_or_none(timex.latest)
    first, last = parse_day(timex.earliest), parse_day(timex.latest)
    return (lo, hi), ((first[0], last[0]) if first and last else None)


def _participants(event: Event) -> set[str]:
    return {p.entity for p in event.participants}


def back_reference(doc: Doc, earlier: Event, event: Event) -> tuple[str, int] | None:
    words = same_event.back_reference(_before(doc, event))
    if not words:
        return None
    start = doc.text.rfind(words.split()[0], doc.sentences[event.sentence].start, event.trigger.start)
    return words, start if start >= 0 else event.trigger.start


def named_event(doc: Doc, earlier: Event, event: Event) -> tuple[str, int] | None:
    name = _name(doc, event)
    return (name, event.trigger.start) if name and name == _name(doc, earlier) else None


def participant_and_place(doc: Doc, earlier: Event, event: Event) -> tuple[str, int] | None:
    if _participants(earlier) & _participants(event) and set(earlier.places) & set(event.places):
        return "participant_and_place", event.trigger.start
    return None


RULES = (("back_reference", back_reference), ("named_event", named_event), ("participant_and_place", participant_and_place))


def _evidence(doc: Doc, earlier: Event, event: Event, timexes: dict) -> tuple[str, int] | None:
    """(rule, start of the evidence) when the two are one event, else None."""
    if earlier.type != event.type:
        return None
    (lo_a, hi_a), years_a = _own_dates(doc, earlier, timexes)
    (lo_b, hi_b), years_b = _own_dates(doc, event, timexes)
    if not same_event.intervals_meet((lo_a, hi_a), (lo_b, hi_b)) or not same_event.same_years(years_a, years_b):
        return None
    for name, rule in RULES:
        found = rule(doc, earlier, event)
        if found is not None:
            return name, found[1]
    return None


def corefer_events(doc: Doc) -> None:
    """«всеобщая забастовка» … «после всеобщей забастовки»: a repeated event noun names the
    event mentioned shortly before (same lemma, places and patients not in conflict, and the
    evidence of `letopis.same_event`)."""
    recent: dict[str, list[Event]] = {}
    names_after = _NamesAfter(doc)
    timexes = {t.id: t for t in doc.timexes}
    for event in doc.events:
        token = doc.tokens[event.head]
        if token.pos == "NOUN":
            for earlier in reversed(recent.get(token.lemma, [])):
                if event.sentence - earlier.sentence > SAME_EVENT_WINDOW:
                    break
                if not _compatible(earlier, event, names_after):
                    continue
                found = _evidence(doc, earlier, event, timexes)
                if found is None:
                    continue
                rule, start = found
                root = earlier.same_as or earlier.id
                event.same_as = root
                doc.relations.append(Relation("same", event.id, root, doc.span(min(start, event.trigger.start), event.trigger.end)))
                doc.note("coreference", rule, event.trigger.start, event.trigger.end, event=event.id, same=root)
                break
        recent.setdefault(token.lemma, []).append(event)


class CoreferenceStage:
    name = "coreference"
    requires = ("tokens", "sentences", "morph", "mentions", "entities", "events", "roles")
    assigns = ("coreference",)

    def __call__(self, doc: Doc) -> Doc:
        corefer_events(doc)
        return doc
