"""Old Style and New Style: each expression's calendar, its dual dates, and the conversion.

Anchoring (`anchor.resolve`) reads every expression on the calendar the text writes it in.
This module then decides, expression by expression, which calendar that is, and moves
Julian days to the proleptic Gregorian calendar of the contract:

- «по старому стилю», «(ст. ст.)» after a date: Julian (`old-style mark`);
- «по новому стилю», «(н. ст.)»: Gregorian (`new-style mark`);
- a dual date, «25 октября (7 ноября) 1917 года» or a dual range «25–26 октября (7–8 ноября
  по новому стилю) 1917 года»: one expression over both, dated by the New Style part (`dual`);
- a date counted from the narrative's last date («на следующий день», «через неделю») is on
  the calendar of that date; a date that only takes its year from it («14 июля» after «в 1789
  году») is read as any other;
- any other date is Julian when the text follows the Old Style convention
  (`convention.decide`) and the day falls before 1918-02-01 as written, i.e. before
  14 February 1918 New Style (`convention`); else it is read as written.

Each bound converts on its own, so a month or a year moves by the calendars' difference
(«в 1812 году» is 1812-01-13 … 1813-01-12), and «в 1918 году» only at its start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import calendar as cal

# The first day, as written, that Russia counted on the Gregorian calendar: 31 January 1918
# (Old Style) was followed by 14 February.
SWITCH = (1918, 2, 1)

_NEW_STYLE = re.compile(
    r"\s*[(,]?\s*(?:по\s+новому\s+стилю|по\s+н\.\s*ст\.?|н\.\s*ст\.|нов\.\s*ст\.|нового\s+стиля)\s*\)?",
    re.IGNORECASE)
_OLD_STYLE = re.compile(
    r"\s*[(,]?\s*(?:по\s+старому\s+стилю|по\s+ст\.\s*ст\.?|ст\.\s*ст\.|старого\s+стиля)\s*\)?",
    re.IGNORECASE)
_DAY = re.compile(r"(?<![\dX])(\d{4})-(\d\d)-(\d\d)(?!\d)")


@dataclass(slots=True)
class Style:
    """The calendar an expression was read on: `written` is its TIMEX3 value as the text gives it."""

    calendar: str  # julian or gregorian
    written: str
    basis: str  # old-style mark, new-style mark, dual, convention, option


def mark_after(text: str, end: int) -> str | None:
    """«julian» or «gregorian» when a style mark follows the expression ending at `end`."""
    if _NEW_STYLE.match(text, end):
        return "gregorian"
    if _OLD_STYLE.match(text, end):
        return "julian"
    return None


def mark_end(text: str, end: int) -> int:
    """Where a style mark right after `end` ends (`end` itself when there is none)."""
    m = _NEW_STYLE.match(text, end) or _OLD_STYLE.match(text, end)
    return m.end() if m else end


def before_switch(day: cal.Ymd) -> bool:
    return day < SWITCH


def to_gregorian(text: str | None, always: bool) -> str | None:
    """An ISO day written on the Julian calendar, on the Gregorian one; with `always` False,
    only a day before the switch is moved."""
    day = cal.parse_day(text)
    if day is None or not (always or before_switch(day)):
        return text
    return cal.iso(cal.old_style_to_gregorian(*day))


def days_to_gregorian(value: str | None, always: bool) -> str | None:
    """Every full day inside a TIMEX3 or EDTF value («1917-10-24TNI», «a/b») moved to the Gregorian calendar."""
    if value is None:
        return None
    return _DAY.sub(lambda m: to_gregorian(m.group(0), always) or m.group(0), value)


def days_to_julian(value: str) -> str:
    """Every full day inside a value moved from the Gregorian to the Julian calendar."""
    def one(m: re.Match[str]) -> str:
        return cal.iso(cal.gregorian_to_old_style(int(m[1]), int(m[2]), int(m[3])))
    return _DAY.sub(one, value)


def has_day_before_switch(*texts: str | None) -> bool:
    return any(day is not None and before_switch(day) for day in map(cal.parse_day, texts))
