"""Event dates in Russian words, as the text supports them.

`phrase(earliest, latest)` says the date bounds the way a historian writes them:
«19 августа 1944», «1–10 августа 1944», «август 1944», «не позднее 18 августа 1944»,
«дата неизвестна». `basis_label(basis)` names where the date comes from, and
`describe(earliest, latest, basis)` puts both together. Dates are ISO on the proleptic
Gregorian calendar with astronomical years, so "-0043-03-15" is «15 марта 44 г. до н. э.».
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang.ru.labels import BASIS  # the one table of labels
from ..time import calendar as _calendar
from ..time.calendar import days_in_month

MONTHS = ("январь", "февраль", "март", "апрель", "май", "июнь",
          "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь")
MONTHS_GEN = ("января", "февраля", "марта", "апреля", "мая", "июня",
              "июля", "августа", "сентября", "октября", "ноября", "декабря")
UNKNOWN = "дата неизвестна"
DASH = "–"  # en dash between the ends of a range

_ISO = re.compile(r"^(-?)(\d{1,6})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, slots=True)
class Day:
    year: int  # astronomical: 0 is 1 BCE, -43 is 44 BCE
    month: int | None = None
    day: int | None = None


def parse(value: str) -> Day | None:
    """An ISO date ("1944-08-19", "1944-08", "1944", "-0043-03-15"); None if it is not one."""
    match = _ISO.match(value.strip())
    if not match:
        return None
    sign, year, month, day = match.groups()
    result = Day(-int(year) if sign else int(year), int(month) if month else None, int(day) if day else None)
    if result.month is not None and not 1 <= result.month <= 12:
        return None
    if result.day is not None and not 1 <= result.day <= days_in_month(result.year, result.month or 1):
        return None
    return result


def year_words(year: int) -> str:
    return str(year) if year > 0 else f"{1 - year} г. до н. э."


def _day(d: Day, with_year: bool = True) -> str:
    if d.month is None:
        return year_words(d.year)
    if d.day is None:
        text = MONTHS[d.month - 1]
    else:
        text = f"{d.day} {MONTHS_GEN[d.month - 1]}"
    return f"{text} {year_words(d.year)}" if with_year else text


def _whole_month(a: Day, b: Day) -> bool:
    return a.day in (1, None) and (b.day is None or b.day == days_in_month(b.year, b.month or 1))


def _whole_year(a: Day, b: Day) -> bool:
    return (a.month in (1, None) and a.day in (1, None)
            and (b.month is None or (b.month == 12 and b.day in (31, None))))


def _range(a: Day, b: Day) -> str:
    if a == b:
        return _day(a)
    if _whole_year(a, b):
        if a.year == b.year:
            return year_words(a.year)
        if a.year <= 0 < b.year:
            return f"{year_words(a.year)} {DASH} {b.year} г. н. э."
        if b.year <= 0:
            return f"{1 - a.year}{DASH}{1 - b.year} гг. до н. э."
        return f"{a.year}{DASH}{b.year}"
    if a.month is not None and b.month is not None and _whole_month(a, b):
        if a.year == b.year:
            if a.month == b.month:
                return f"{MONTHS[a.month - 1]} {year_words(a.year)}"
            return f"{MONTHS[a.month - 1]}{DASH}{MONTHS[b.month - 1]} {year_words(a.year)}"
        return f"{MONTHS[a.month - 1]} {year_words(a.year)} {DASH} {MONTHS[b.month - 1]} {year_words(b.year)}"
    # day precision (a partial month or year is spelt out as days)
    a = _as_day(a, first=True)
    b = _as_day(b, first=False)
    if a.year == b.year and a.month == b.month:
        return f"{a.day}{DASH}{b.day} {MONTHS_GEN[a.month - 1]} {year_words(a.year)}"
    if a.year == b.year:
        return f"{_day(a, with_year=False)} {DASH} {_day(b)}"
    return f"{_day(a)} {DASH} {_day(b)}"


def _as_day(d: Day, first: bool) -> Day:
    month = d.month or (1 if first else 12)
    day = d.day or (1 if first else days_in_month(d.year, month))
    return Day(d.year, month, day)


def phrase(earliest: str | None, latest: str | None) -> str:
    """The bounds in words; unparseable values are shown as given rather than dropped."""
    if not earliest and not latest:
        return UNKNOWN
    a = parse(earliest) if earliest else None
    b = parse(latest) if latest else None
    if (earliest and a is None) or (latest and b is None):
        return f"{earliest or '…'} {DASH} {latest or '…'}" if earliest != latest else str(earliest)
    if a is None:
        return f"не позднее {_day(b)}"
    if b is None:
        return f"не ранее {_day(a)}"
    if (a.year, a.month or 0, a.day or 0) > (b.year, b.month or 0, b.day or 0):
        return f"{_day(a)} {DASH} {_day(b)} (границы противоречат друг другу)"
    return _range(a, b)


# The first Gregorian day Russia counted on the Gregorian calendar; days before it that the text
# wrote in the Old Style are shown in both.
SWITCH = (1918, 2, 14)


def _old_style(value: str | None) -> str | None:
    """A Gregorian ISO day before 14 February 1918 as the Julian calendar writes it."""
    day = _calendar.parse_day(value)
    if day is None or day >= SWITCH:
        return value
    return _calendar.iso(_calendar.gregorian_to_old_style(*day))


def styled_phrase(earliest: str | None, latest: str | None, calendar: dict | None) -> str:
    """`phrase`, with the Old Style date first and the New Style one in brackets where the time
    expression the date rests on is written in the Old Style (its contract `calendar` record):
    «25 октября (7 ноября) 1917», «5 (17) сентября 1812», «20 декабря 1917 (2 января 1918)»;
    a longer window, «1812 (по ст. ст.)»."""
    text = phrase(earliest, latest)
    if not calendar or not (calendar.get("calendar") == "julian" or calendar.get("basis") == "dual"):
        return text
    old_lo, old_hi = _old_style(earliest), _old_style(latest)
    if (old_lo, old_hi) == (earliest, latest) or text == UNKNOWN:
        return text
    a, b = parse(old_lo or ""), parse(old_hi or "")
    g = parse(earliest or "")
    if a is not None and a == b and g is not None and earliest == latest:
        if a.year != g.year:
            return f"{_day(a)} ({_day(g)})"
        if a.month == g.month:
            return f"{a.day} ({g.day}) {MONTHS_GEN[a.month - 1]} {year_words(a.year)}"
        return f"{_day(a, with_year=False)} ({_day(g, with_year=False)}) {year_words(a.year)}"
    written = phrase(old_lo, old_hi)
    if earliest and latest and _calendar.day_number(latest) - _calendar.day_number(earliest) < 28:
        return f"{written} ({text})"
    return f"{written} (по ст. ст.)"


def basis_label(basis: str | None) -> str:
    """«указана», «из контекста», «относительно события», «выведена»; "" for unknown."""
    if basis is None:
        return ""
    return BASIS.get(basis, basis)


def describe(earliest: str | None, latest: str | None, basis: str) -> str:
    """The date and its basis in words: «19 августа 1944 (указана)», «дата неизвестна»."""
    text = phrase(earliest, latest)
    label = basis_label(basis)
    if text == UNKNOWN or not label:
        return text
    return f"{text} ({label})"
