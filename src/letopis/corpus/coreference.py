"""In-document event coreference in the corpus layer: when two mentions of one document are one event.

The coreference stage (`letopis.stages.coreference`) proposes `same` relations between the
mentions of a document. The corpus layer joins them only on evidence of its own, after the
document is dated (rules in `RULES`, tried in order, the first that fires is recorded):
  back_reference, named_event, participant_and_place: as `letopis.same_event` says.
Whatever the rule, both mentions are of one type and their dates are compatible: their
intervals meet, and two dated mentions never lie in different years. Joined mentions are
coreference, «упоминания в документе»: one source, never agreement or disagreement.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .. import same_event
from ..time.calendar import from_jdn
from .features import EventFeatures
from .model import Record


def back_reference(first: EventFeatures, later: EventFeatures) -> str | None:
    """«… после забастовки»: the words before the later mention point back."""
    words = same_event.back_reference(later.before)
    return f"{words} {later.event['trigger']['text']}" if words else None


def named_event(first: EventFeatures, later: EventFeatures) -> str | None:
    """«Февральская революция» … «Февральской революции»: one named event named twice."""
    return later.name if first.name is not None and first.name == later.name else None


def participant_and_place(first: EventFeatures, later: EventFeatures) -> str | None:
    """The same participant at the same place."""
    people = (first.agents | first.others) & (later.agents | later.others)
    places = first.places & later.places
    return ", ".join(sorted(people)[:1] + sorted(places)[:1]) if people and places else None


RULES: tuple[tuple[str, Callable[[EventFeatures, EventFeatures], str | None]], ...] = (
    ("back_reference", back_reference),
    ("named_event", named_event),
    ("participant_and_place", participant_and_place),
)


def compatible_dates(a: EventFeatures, b: EventFeatures) -> bool:
    """Their intervals meet, and two dated mentions lie in one year (never two different years)."""
    return (same_event.intervals_meet((a.earliest, a.latest), (b.earliest, b.latest))
            and same_event.same_years(_years(a), _years(b)))


def _years(event: EventFeatures) -> tuple[int, int] | None:
    if event.earliest is None or event.latest is None:
        return None
    return from_jdn(event.earliest)[0], from_jdn(event.latest)[0]


def corefer(first: EventFeatures, later: EventFeatures) -> Record | None:
    """The evidence that two mentions of one document are one event, or None."""
    if first.doc != later.doc or first.type != later.type or not compatible_dates(first, later):
        return None
    if later.event["trigger"]["start"] < first.event["trigger"]["start"]:
        first, later = later, first
    for name, rule in RULES:
        words = rule(first, later)
        if words:
            return {"coreference": name, "words": words}
    return None


NAMED_LOOKBACK = 5  # earlier mentions of one name a mention is compared with


def proposed_pairs(chronologies: Sequence[Record], events: list[EventFeatures]) -> list[tuple[int, int]]:
    """The pairs of mentions the coreference stage called the same (`same` relations), and
    each repetition of a named event with its first mention in the document (a name holds
    across the whole text, beyond the stage's window of a few sentences)."""
    index = {(e.source, e.event["id"]): e.index for e in events}
    pairs = []
    named: dict[tuple[str, str], list[int]] = {}
    for e in events:
        if e.name is not None:
            earlier = named.setdefault((e.doc, e.name), [])
            pairs.extend((before, e.index) for before in earlier[-NAMED_LOOKBACK:])
            earlier.append(e.index)
    for source, chron in enumerate(chronologies):
        for relation in chron.get("relations", []):
            if relation.get("type") != "same":
                continue
            a, b = index.get((source, relation["source"])), index.get((source, relation["target"]))
            if a is not None and b is not None:
                pairs.append((a, b))
    return pairs
