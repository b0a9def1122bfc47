"""Quantities of time: «два года», «полтора месяца», «несколько дней» and their ISO 8601 values."""

from __future__ import annotations

import re

from . import grammar as g
from . import lexicon as lx
from .dates import norm

Match = re.Match[str]

QTY = (
    rf"(?P<q>(?:\d+(?:[.,]\d+)?(?:-?(?:ти|ми|х|и))?(?:\s*[-–—]\s*\d+)?|{g.CARDINAL}(?:\s+{g.CARDINAL})?(?:\s*[-–—]\s*{g.CARDINAL})?"
    rf"|{g.alt(lx.HALF_NUMERALS)}{g.W1})(?:\s+с\s+половиной|\s+с\s+лишним)?)"
)
APPROX = r"(?:(?P<approx>около|почти|примерно|приблизительно|более|больше|менее|меньше|свыше|ещё|еще|всего|лишь|уже|целых|не\s+менее|не\s+более|порядка)\s+)?"

_HALF_OR_MORE = re.compile(r"\s+с\s+(?:половиной|лишним)$")
_NUMERAL_ENDING = re.compile(r"(?<=\d)-?(?:ти|ми|х|и)$")  # «35-ти лет»
_RANGE_DASH = re.compile(r"\s*[-–—]\s*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")

MOD_WORDS = {
    "чуть больше": "MORE_THAN", "чуть более": "MORE_THAN", "немногим более": "MORE_THAN", "чуть меньше": "LESS_THAN",
    "около": "APPROX", "почти": "APPROX", "примерно": "APPROX", "приблизительно": "APPROX",
    "порядка": "APPROX", "более": "MORE_THAN", "больше": "MORE_THAN", "свыше": "MORE_THAN",
    "не менее": "EQUAL_OR_MORE", "менее": "LESS_THAN", "меньше": "LESS_THAN",
    "не более": "EQUAL_OR_LESS", "до": "EQUAL_OR_LESS",
}
UNIT_VALUE = {"S": "TS", "MIN": "TM", "H": "TH", "D": "D", "W": "W", "M": "M", "Q": "Q", "Y": "Y",
              "DE": "DE", "CE": "CE", "ML": "ML"}
TIME_UNITS = ("S", "MIN", "H")


def quantity(text: str | None) -> float | None:
    """The number a quantity phrase states; None for «несколько», «многие» ..."""
    if not text:
        return 1
    t = norm(text)
    half = 0.5 if t.endswith("с половиной") else 0
    t = _HALF_OR_MORE.sub("", t)
    t = _NUMERAL_ENDING.sub("", t)  # «35-ти лет»
    value = _quantity(t)
    return None if value is None else value + half


def _quantity(t: str) -> float | None:
    t = _RANGE_DASH.split(t)[-1]  # «2-3 года»: the upper figure
    t = _NUMERAL_ENDING.sub("", t)  # «35-ти лет»
    if _NUMBER.fullmatch(t):
        return float(t.replace(",", "."))
    if t in lx.HALF_NUMERALS:
        return lx.HALF_NUMERALS[t]
    total = 0
    for word in t.split():
        value = lx.CARDINALS.get(word)
        if value is None:
            return None
        total += value
    return total


def duration_value(amount: float | None, unit: str) -> str:
    code = UNIT_VALUE[unit]
    prefix = "PT" if code.startswith("T") else "P"
    code = code.lstrip("T")
    if amount is None:
        number = "X"
    elif amount == int(amount):
        number = str(int(amount))
    else:
        number = f"{amount:g}"
    return f"{prefix}{number}{code}"


def unit_of(word: str) -> str:
    return lx.UNITS[word.lower()]


def mod_of(word: str | None) -> str | None:
    return MOD_WORDS.get(norm(word)) if word else None


# ---- rules ------------------------------------------------------------------
