"""Calendar periods and what TIMEX3, EDTF and day bounds say about them.

A `Period` is a stretch of the calendar named by the text: a day, a month, a
year, a season, a half-year, a decade or a century. Years are astronomical
(1 BC is 0). Centuries follow the common convention that matches TIMEX3's
value: «XVIII век» is "17", the years 1700–1799.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from . import calendar as cal
from .lexicon import SEASON_EDTF, SEASON_MONTHS

Bounds = tuple[cal.Ymd, cal.Ymd]


@dataclass(frozen=True, slots=True)
class Period:
    kind: str  # day, month, year, season, half, quarter, week, decade, century
    year: int | None  # astronomical; decade/century: first year (1920, 1700); None: unknown
    month: int | None = None
    day: int | None = None
    part: str | int | None = None  # season code, half or quarter number, ISO week

    def with_year(self, year: int) -> "Period":
        return replace(self, year=year)


def _year_value(year: int) -> str:
    return f"BC{1 - year:04d}" if year <= 0 else f"{year:04d}"


def timex_value(p: Period) -> str:
    """The TIMEX3 value of a period («1944-08», "1944-SU", "192", "17", "BC0044")."""
    if p.year is None:
        year = "XXXX"
    elif p.kind == "decade":
        return f"{p.year // 10:03d}" if p.year >= 0 else f"BC{(1 - p.year) // 10:03d}"
    elif p.kind == "century":
        return f"{p.year // 100:02d}" if p.year >= 0 else f"BC{(-p.year) // 100 + 1:02d}"
    else:
        year = _year_value(p.year)
    if p.kind == "day":
        return f"{year}-{p.month:02d}-{p.day:02d}"
    if p.kind == "month":
        return f"{year}-{p.month:02d}"
    if p.kind == "season":
        return f"{year}-{p.part}"
    if p.kind == "half":
        return f"{year}-H{p.part}"
    if p.kind == "quarter":
        return f"{year}-Q{p.part}"
    if p.kind == "week":
        return f"{year}-W{p.part:02d}"
    return year


def edtf_text(p: Period) -> str | None:
    """The EDTF string of a period, or None where EDTF cannot say it."""
    if p.year is None:
        return None
    year = cal.year_text(p.year)
    if p.kind == "day":
        return f"{year}-{p.month:02d}-{p.day:02d}"
    if p.kind == "month":
        return f"{year}-{p.month:02d}"
    if p.kind == "year":
        return year
    if p.kind == "season":
        return f"{year}-{SEASON_EDTF[str(p.part)]}"
    if p.kind == "half":
        return f"{year}-{39 + int(p.part)}"
    if p.kind == "quarter":
        return f"{year}-{32 + int(p.part)}"
    if p.kind == "decade" and p.year >= 0:
        return f"{p.year // 10:03d}X"
    if p.kind == "century" and p.year >= 0:
        return f"{p.year // 100:02d}XX"
    return None


def bounds(p: Period) -> Bounds | None:
    """First and last day of a period (None when the year is unknown)."""
    y = p.year
    if y is None:
        return None
    if p.kind == "day":
        return (y, p.month, p.day), (y, p.month, p.day)
    if p.kind == "month":
        return (y, p.month, 1), (y, p.month, cal.days_in_month(y, p.month))
    if p.kind == "season":
        if p.part == "WI":  # «зимой 1944 года»: January–February or December of that year
            return (y, 1, 1), (y, 12, 31)
        first, last = SEASON_MONTHS[str(p.part)]
        return (y, first, 1), (y, last, cal.days_in_month(y, last))
    if p.kind == "half":
        first = 1 if p.part == 1 else 7
        return (y, first, 1), (y, first + 5, cal.days_in_month(y, first + 5))
    if p.kind == "quarter":
        first = 3 * int(p.part) - 2
        return (y, first, 1), (y, first + 2, cal.days_in_month(y, first + 2))
    if p.kind == "week":
        start = cal.add_days((y, 1, 4), -cal.weekday((y, 1, 4)) + 1 + 7 * (int(p.part) - 1))
        return start, cal.add_days(start, 6)
    span = {"year": 1, "decade": 10, "century": 100}[p.kind]
    return (y, 1, 1), (y + span - 1, 12, 31)


# Sub-periods for «в начале/середине/конце ...» and «в первой/второй половине ...».
# Years split into months, decades and centuries into years; anything else into days.
_THIRDS = {"START": 0, "MID": 1, "END": 2}
_YEAR_PARTS = {"START": (1, 4), "MID": (5, 8), "END": (9, 12), "FIRST_HALF": (1, 6), "SECOND_HALF": (7, 12)}
_DECADE_PARTS = {"START": (0, 3), "MID": (4, 6), "END": (7, 9), "FIRST_HALF": (0, 4), "SECOND_HALF": (5, 9)}
_CENTURY_PARTS = {"START": (0, 32), "MID": (33, 66), "END": (67, 99), "FIRST_HALF": (0, 49),
                  "SECOND_HALF": (50, 99)}
_MONTH_PARTS = {"START": (1, 10), "MID": (11, 20), "END": (21, 31), "FIRST_HALF": (1, 15),
                "SECOND_HALF": (16, 31)}


def part_bounds(p: Period, part: str) -> Bounds | None:
    """Bounds of the start/middle/end or a half of a period (never a single invented day)."""
    whole = bounds(p)
    if whole is None:
        return None
    (y, m, _), last = whole
    if p.kind == "year":
        a, b = _YEAR_PARTS[part]
        return (y, a, 1), (y, b, cal.days_in_month(y, b))
    if p.kind in ("decade", "century"):
        a, b = (_DECADE_PARTS if p.kind == "decade" else _CENTURY_PARTS)[part]
        return (y + a, 1, 1), (y + b, 12, 31)
    if p.kind == "month":
        a, b = _MONTH_PARTS[part]
        return (y, m, a), (y, m, min(b, cal.days_in_month(y, m)))
    if p.kind == "season" and p.part != "WI" and part in _THIRDS:  # a month each: «в конце весны» is May
        month = m + _THIRDS[part]
        return (y, month, 1), (y, month, cal.days_in_month(y, month))
    first, end = cal.jdn(*whole[0]), cal.jdn(*last)
    size = end - first + 1
    if part in ("FIRST_HALF", "SECOND_HALF"):
        half = size // 2
        return (whole[0], cal.from_jdn(first + half - 1)) if part == "FIRST_HALF" else (
            cal.from_jdn(first + half), last)
    third = size // 3
    k = _THIRDS[part]
    lo = first + k * third
    hi = end if k == 2 else lo + third - 1
    return cal.from_jdn(lo), cal.from_jdn(hi)


def value_from_bounds(lo: cal.Ymd | None, hi: cal.Ymd | None) -> str:
    """The most precise TIMEX3 date value that both bounds agree on."""
    if lo is None or hi is None:
        return "XXXX-XX-XX"
    if lo == hi:
        return timex_value(Period("day", lo[0], lo[1], lo[2]))
    if lo[:2] == hi[:2]:
        return timex_value(Period("month", lo[0], lo[1]))
    if lo[0] == hi[0]:
        return timex_value(Period("year", lo[0]))
    return "XXXX"


def edtf_from_bounds(lo: cal.Ymd | None, hi: cal.Ymd | None) -> str | None:
    if lo is None and hi is None:
        return None
    if lo == hi:
        return cal.iso(lo)
    left = cal.iso(lo) if lo else ".."
    right = cal.iso(hi) if hi else ".."
    return f"{left}/{right}"
