"""When two mentions of one document are one event: the evidence rules of event coreference.

One place answers it for the coreference stage (`stages.coreference`, on a `Doc`) and for the
corpus layer (`corpus.coreference`, on contract dicts after dating). The rules, tried in order:
  back_reference         the later mention is a definite back-reference: a word of
                         `lang.ru.coreference.BACK_REFERENCE` right before its noun, or before
                         one adjective before it («это восстание», «после всеобщей забастовки»);
  named_event            both name one event («Февральская революция» … «Февральской революции»;
                         «Сражение под Красным» twice: a noun and the place that names it);
  participant_and_place  they share a participant and a place.
And always: one event type, and dates that can both be true, never in two different years.
"""

from __future__ import annotations

from collections.abc import Sequence

from .lang.ru.coreference import BACK_REFERENCE, LANDMARK, NAME_ADJECTIVE_ENDINGS, PLACE_NAMING

Interval = tuple[int | None, int | None]  # day numbers (time.calendar), None: open
_ADJECTIVE = ("ой", "ей", "ого", "его", "ая", "яя", "ую", "юю", "ые", "ие", "ых", "их", "ий", "ый", "ое", "ее", "ым", "им", "ом", "ем")


def back_reference(before: Sequence[str]) -> str | None:
    """The back-reference words among the (lower-case) words before an event noun, nearest last."""
    words = [w.replace("ё", "е") for w in before[-3:]]
    for skip in (0, 1):  # one adjective may stand between: «после всеобщей забастовки»
        if skip and not (words and words[-1].endswith(_ADJECTIVE)):
            break
        rest = words[:len(words) - skip]
        for n in (2, 1):
            if len(rest) >= n and " ".join(rest[-n:]) in BACK_REFERENCE:
                return " ".join(words[-n - skip:])
    return None


def is_landmark(before: Sequence[str]) -> bool:
    """«до Отечественной войны», «после всеобщей забастовки»: the noun is a landmark in time."""
    words = [w.replace("ё", "е") for w in before[-3:]]
    for skip in (0, 1):
        if skip and not (words and words[-1].endswith(_ADJECTIVE)):
            break
        rest = words[:len(words) - skip]
        if any(len(rest) >= n and " ".join(rest[-n:]) in LANDMARK for n in (2, 1)):
            return True
    return False


def is_name_word(word: str, opens_sentence: bool) -> bool:
    """A capitalised word that names an event with the noun after it («Февральская революция»)."""
    return word[:1].isupper() and (not opens_sentence or word.lower().endswith(NAME_ADJECTIVE_ENDINGS))


def named_by_place(after: str) -> tuple[str, str] | None:
    """«Сражение под Красным», «битва при Лейпциге»: (preposition, place word) right after an
    event noun, which names the event as a place names its battle (`lang.ru.coreference`)."""
    match = PLACE_NAMING.match(after)
    return (match.group(1).lower(), match.group(2)) if match else None


def intervals_meet(a: Interval, b: Interval) -> bool:
    lo = max((x for x in (a[0], b[0]) if x is not None), default=None)
    hi = min((x for x in (a[1], b[1]) if x is not None), default=None)
    return lo is None or hi is None or lo <= hi


def same_years(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    """Two dated mentions (their first and last years) share a year; an undated one may be any."""
    return a is None or b is None or (a[0] <= b[1] and b[0] <= a[1])
