"""Event coreference: «всеобщая забастовка» … «после всеобщей забастовки». A repeated event
noun names the event mentioned shortly before it (`Event.same_as`, and a `same` relation).
"""

from __future__ import annotations

from bisect import bisect_left

from ..doc import Doc, Event, Relation

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


def corefer_events(doc: Doc) -> None:
    """«всеобщая забастовка» … «после всеобщей забастовки»: a repeated event noun names the
    event mentioned shortly before (same lemma, places and patients not in conflict)."""
    recent: dict[str, list[Event]] = {}
    names_after = _NamesAfter(doc)
    for event in doc.events:
        token = doc.tokens[event.head]
        if token.pos == "NOUN":
            for earlier in reversed(recent.get(token.lemma, [])):
                if event.sentence - earlier.sentence > SAME_EVENT_WINDOW:
                    break
                if _compatible(earlier, event, names_after):
                    root = earlier.same_as or earlier.id
                    event.same_as = root
                    doc.relations.append(Relation("same", event.id, root, doc.span(event.trigger.start, event.trigger.end)))
                    doc.note("coreference", "same_event_noun", event.trigger.start, event.trigger.end, event=event.id, same=root)
                    break
        recent.setdefault(token.lemma, []).append(event)


class CoreferenceStage:
    name = "coreference"
    requires = ("tokens", "sentences", "morph", "mentions", "entities", "events", "roles")
    assigns = ("coreference",)

    def __call__(self, doc: Doc) -> Doc:
        corefer_events(doc)
        return doc
