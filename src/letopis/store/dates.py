"""Dates in the store: SQLite sorts and compares events by day numbers (BCE included).

An event's `earliest_key` and `latest_key` are the Julian Day Numbers of its ISO bounds
(`time.calendar.day_number`), which order days correctly for negative years too (ISO
strings do not: "-0043" sorts after "-0044" as text).
"""

from __future__ import annotations

from ..errors import LetopisError, UsageError
from ..time.calendar import day_number_or_none

UNKNOWN_KEY = 10**12  # sorts after every real day


def checked_day_number(value: str, what: str) -> int:
    """The day number of a user-given YYYY-MM-DD, or a one-line error naming the option."""
    number = day_number_or_none(value)
    if number is None:
        raise UsageError(f"{what} takes a date as YYYY-MM-DD (-0043-03-15 before year 1), not {value!r}")
    return number
