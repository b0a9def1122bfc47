"""In-document event coreference in the corpus layer: when two mentions of one document are one event.

The coreference stage (`letopis.stages.coreference`) proposes `same` relations between the
mentions of a document. The corpus layer joins them only on evidence of its own, after the
document is dated (rules in `RULES`, tried in order, the first that fires is recorded):
  back_reference         the later mention is preceded by a definite back-reference
                         («это восстание», «после забастовки», `lexicon.BACK_REFERENCE`);
  named_event            both are the same named event («Февральская революция» twice);
  participant_and_place  they share a participant and a place.
Whatever the rule, both mentions are of one type and their dates are compatible: their
intervals meet, and two dated mentions never lie in different years. Joined mentions are
coreference, «упоминания в документе»: one source, never agreement or disagreement.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..time.calendar import from_jdn
from .features import EventFeatures
from .lexicon import BACK_REFERENCE
from .model import Record


def back_reference(first: EventFeatures, later: EventFeatures) -> str | None:
    """«… после забастовки»: the words before the later mention point back."""
    words = later.before
    for n in (2, 1):
        if len(words) >= n and " ".join(words[-n:]) in BACK_REFERENCE:
            return " ".join(words[-n:] + [later.event["trigger"]["text"]])
    return None


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
    lo = max((x for x in (a.earliest, b.earliest) if x is not None), default=None)
    hi = min((x for x in (a.latest, b.latest) if x is not None), default=None)
    if lo is not None and hi is not None and lo > hi:
        return False
    years_a, years_b = _years(a), _years(b)
    return years_a is None or years_b is None or bool(set(years_a) & set(years_b))


def _years(event: EventFeatures) -> range | None:
    if event.earliest is None or event.latest is None:
        return None
    return range(from_jdn(event.earliest)[0], from_jdn(event.latest)[0] + 1)


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


def proposed_pairs(chronologies: Sequence[Record], events: list[EventFeatures]) -> list[tuple[int, int]]:
    """The pairs of mentions the coreference stage called the same (`same` relations)."""
    index = {(e.source, e.event["id"]): e.index for e in events}
    pairs = []
    for source, chron in enumerate(chronologies):
        for relation in chron.get("relations", []):
            if relation.get("type") != "same":
                continue
            a, b = index.get((source, relation["source"])), index.get((source, relation["target"]))
            if a is not None and b is not None:
                pairs.append((a, b))
    return pairs
