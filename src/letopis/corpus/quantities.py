"""Figures in a sentence with the nouns they count: «почти 100 000 жителей», «около 5 тыс. человек».

Each figure becomes an interval of values a careful reader allows: an exact figure is
itself («26 человек»), a bare round one is ±10% («5 тыс.»), an approximation word widens it
(«около» ±25%, «почти» up to the figure, «более» up to twice), a vague amount is its range
(«десятки тысяч» 20 000–99 999, «несколько сотен» 200–999). Two sources disagree on a
number when their intervals for the same counted thing do not meet.

Numbers inside the document's time expressions («2 июня 1962 года») are not figures; the
caller passes those spans to skip.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..fold import fold_wording
from ..time.lexicon import CARDINALS, MONTHS, UNITS
from .lexicon import APPROXIMATE, MULTIPLIERS, NOUN_CLASSES, ROUND_TOLERANCE, VAGUE
from .wording import stem

_WORD_NUMBERS = {w: v for w, v in CARDINALS.items() if v is not None}
_approx = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in APPROXIMATE), key=len, reverse=True))
_vague = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in VAGUE), key=len, reverse=True))
_cardinal = "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))
_multiplier = "|".join(sorted((re.escape(w) for w in MULTIPLIERS), key=len, reverse=True))

_FIGURE = re.compile(
    rf"(?<![\w.,])(?:(?P<approx>{_approx})\s+)?"
    rf"(?:(?P<vague>{_vague})"
    rf"|(?P<digits>\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+|\d+(?:[.,]\d+)?)"
    rf"|(?P<words>(?:{_cardinal})(?:\s+(?:{_cardinal}))*))"
    rf"(?:\s+(?P<mult>{_multiplier})(?!\w))?"
    rf"(?:\s+(?P<tail>с\s+лишним))?"
    rf"\s+(?P<noun>[а-яё]+(?:\s+[а-яё]+)?)",
    re.IGNORECASE,
)
_ADJECTIVE = re.compile(r"(?:ых|их|ые|ие|ого|его|ая|яя|ую|юю|ым|им)$")  # not «-ей»: «жителей», «людей»
# Words of time are not counted things: «2 июня», «1962 года», «за 3 дня».
_NOT_COUNTED = frozenset(fold_wording(w) for w in (*MONTHS, *UNITS))


@dataclass(frozen=True, slots=True)
class Quantity:
    """One figure: what it counts and the values it allows."""

    text: str
    start: int  # offsets in the text given to `quantities`
    end: int
    noun: str  # stem of the counted noun
    low: float
    high: float

    @property
    def kind(self) -> str:
        """What is counted, for comparison: a noun class («people») or the noun's stem."""
        return NOUN_CLASSES.get(self.noun, self.noun)

    def meets(self, other: "Quantity") -> bool:
        return self.low <= other.high and other.low <= self.high

    def to_dict(self) -> dict:
        return {"text": self.text, "counts": self.kind, "low": self.low, "high": self.high}


def quantities(text: str, skip: Iterable[tuple[int, int]] = ()) -> list[Quantity]:
    """The figures of `text` with their counted nouns, leaving out those inside `skip` spans."""
    spans = list(skip)
    found = []
    for match in _FIGURE.finditer(text):
        figure_start = match.start("vague") if match.group("vague") else match.start("digits") if match.group("digits") else match.start("words")
        if any(s <= figure_start < e for s, e in spans):
            continue
        quantity = _quantity(match)
        if quantity is not None:
            found.append(quantity)
    return found


def _quantity(match: re.Match[str]) -> Quantity | None:
    noun = _counted_noun(match.group("noun"))
    if noun is None:
        return None
    multiplier = MULTIPLIERS.get(fold_wording(match.group("mult") or ""), 1)
    if match.group("vague"):
        low, high = VAGUE[" ".join(fold_wording(match.group("vague")).split())]
        low, high = low * multiplier, high * multiplier
        exact = False
    else:
        value = _value(match)
        if value is None:
            return None
        low = high = value * multiplier
        exact = True
    approx = match.group("approx")
    if approx:
        lo, hi = APPROXIMATE[" ".join(fold_wording(approx).split())]
        low, high = low * lo, high * hi
    elif match.group("tail"):
        lo, hi = APPROXIMATE["с лишним"]
        low, high = low * lo, high * hi
    elif exact and _round(low):
        low, high = low * (1 - ROUND_TOLERANCE), high * (1 + ROUND_TOLERANCE)
    end = match.end("noun") - len(match.group("noun")) + len(match.group("noun").split()[0]) if noun == stem(match.group("noun").split()[0]) else match.end("noun")
    return Quantity(match.group(0)[: end - match.start()], match.start(), end, noun, low, high)


def _value(match: re.Match[str]) -> float | None:
    if match.group("digits"):
        digits = re.sub(r"[ \u00a0\u202f]", "", match.group("digits"))
        return float(digits.replace(",", "."))
    total = 0
    for word in fold_wording(match.group("words")).split():
        total += _WORD_NUMBERS.get(word, 0)
    return float(total) or None


def _counted_noun(phrase: str) -> str | None:
    """The stem of the counted noun: the first word, or the second after an adjective."""
    words = fold_wording(phrase).split()
    if words[0] in MULTIPLIERS or words[0] in _NOT_COUNTED:
        return None
    if len(words) == 2 and _ADJECTIVE.search(words[0]):
        return stem(words[1])
    return stem(words[0])


def _round(value: float) -> bool:
    return value >= 1000 and value % 100 == 0
