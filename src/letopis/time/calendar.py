"""Day arithmetic on the proleptic Gregorian calendar, with years <= 0.

Python's `datetime.date` cannot hold 1 BC or earlier, so dates here are plain
`(year, month, day)` tuples in astronomical numbering (1 BC is year 0, 44 BC is
year -43) and day counts are Julian Day Numbers.

This is the one place that turns ISO days into day numbers and back: an ISO day is
"1944-08-19" or, before year 1, "-0043-03-15" (4 digits of year or more).
"""

from __future__ import annotations

import re

Ymd = tuple[int, int, int]

_ISO_DAY = re.compile(r"^(-?)(\d{4,})-(\d{2})-(\d{2})$")  # as the contract writes days

_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    if month == 2 and is_leap(year):
        return 29
    return _MONTH_DAYS[month - 1]


def _shifted(year: int, month: int) -> tuple[int, int]:
    a = (14 - month) // 12
    return year + 4800 - a, month + 12 * a - 3


def jdn(year: int, month: int, day: int) -> int:
    """Julian Day Number of a proleptic Gregorian date."""
    y, m = _shifted(year, month)
    return day + (153 * m + 2) // 5 + 365 * y + y // 4 - y // 100 + y // 400 - 32045


def julian_jdn(year: int, month: int, day: int) -> int:
    """Julian Day Number of a date on the Julian calendar (Old Style)."""
    y, m = _shifted(year, month)
    return day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083


def from_jdn(number: int) -> Ymd:
    """The proleptic Gregorian date of a Julian Day Number."""
    a = number + 32044
    b = (4 * a + 3) // 146097
    c = a - 146097 * b // 4
    d = (4 * c + 3) // 1461
    e = c - 1461 * d // 4
    m = (5 * e + 2) // 153
    day = e - (153 * m + 2) // 5 + 1
    month = m + 3 - 12 * (m // 10)
    year = 100 * b + d - 4800 + m // 10
    return year, month, day


def old_style_to_gregorian(year: int, month: int, day: int) -> Ymd:
    """Convert a Julian (Old Style) date to the Gregorian calendar."""
    return from_jdn(julian_jdn(year, month, day))


def julian_from_jdn(number: int) -> Ymd:
    """The Julian calendar (Old Style) date of a Julian Day Number."""
    c = number + 32082
    d = (4 * c + 3) // 1461
    e = c - 1461 * d // 4
    m = (5 * e + 2) // 153
    day = e - (153 * m + 2) // 5 + 1
    month = m + 3 - 12 * (m // 10)
    return d - 4800 + m // 10, month, day


def gregorian_to_old_style(year: int, month: int, day: int) -> Ymd:
    """Convert a Gregorian date to the Julian calendar (Old Style)."""
    return julian_from_jdn(jdn(year, month, day))


def add_days(date: Ymd, days: int) -> Ymd:
    return from_jdn(jdn(*date) + days)


def add_months(date: Ymd, months: int) -> Ymd:
    """Shift by whole months, clamping the day to the target month's length."""
    year, month, day = date
    index = year * 12 + (month - 1) + months
    year, month = index // 12, index % 12 + 1
    return year, month, min(day, days_in_month(year, month))


def year_text(year: int) -> str:
    """A year as ISO 8601 / EDTF writes it: 4 digits, '-' before years below 0."""
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


def iso(date: Ymd) -> str:
    year, month, day = date
    return f"{year_text(year)}-{month:02d}-{day:02d}"


def parse_iso(text: str) -> Ymd:
    negative = text.startswith("-")
    year, month, day = text.lstrip("-").split("-")
    return (-int(year) if negative else int(year)), int(month), int(day)


def parse_day(text: str | None) -> Ymd | None:
    """The date of an ISO day, or None when `text` is not one (a real day of a real month)."""
    match = _ISO_DAY.match(text or "")
    if match is None:
        return None
    sign, year_digits, month_digits, day_digits = match.groups()
    year, month, day = (-int(year_digits) if sign else int(year_digits)), int(month_digits), int(day_digits)
    if not (1 <= month <= 12 and 1 <= day <= days_in_month(year, month)):
        return None
    return year, month, day


def day_number(text: str) -> int:
    """The Julian Day Number of an ISO day; ValueError when `text` is not one."""
    date = parse_day(text)
    if date is None:
        raise ValueError(f"not an ISO day (YYYY-MM-DD): {text!r}")
    return jdn(*date)


def day_number_or_none(text: str | None) -> int | None:
    """The Julian Day Number of an ISO day; None when `text` is missing or not a day."""
    date = parse_day(text)
    return None if date is None else jdn(*date)


def day_text(number: int) -> str:
    """The ISO day of a Julian Day Number."""
    return iso(from_jdn(number))


def weekday(date: Ymd) -> int:
    """ISO weekday: Monday is 1, Sunday is 7."""
    return jdn(*date) % 7 + 1


def iso_week(date: Ymd) -> tuple[int, int]:
    """ISO 8601 (year, week number) of a date."""
    thursday = add_days(date, 4 - weekday(date))
    first = jdn(thursday[0], 1, 1)
    return thursday[0], (jdn(*thursday) - first) // 7 + 1
