"""Dates as integer keys, so SQLite can sort and compare them (BCE included).

An ISO day "1944-08-19" becomes 19440819 and "-0043-03-15" becomes -430000 + 315: the key
is year * 10000 + month * 100 + day, which orders days correctly for negative years too
(ISO strings do not: "-0043" sorts after "-0044" as text but "1944" before "1945").
"""

from __future__ import annotations

import re

from ..errors import LetopisError

UNKNOWN_KEY = 10**12  # sorts after every real day
_ISO_DAY = re.compile(r"^(-?)(\d{4,6})-(\d{2})-(\d{2})$")


def day_key(value: str | None) -> int | None:
    if not value:
        return None
    match = _ISO_DAY.match(value)
    if not match:
        return None
    sign, year, month, day = match.groups()
    return (-1 if sign else 1) * int(year) * 10000 + int(month) * 100 + int(day)


def checked_day_key(value: str, what: str) -> int:
    """The key of a user-given YYYY-MM-DD, or a one-line error naming the option."""
    from ..time.calendar import days_in_month

    match = _ISO_DAY.match(value or "")
    if match:
        sign, year, month, day = match.groups()
        year_ = -int(year) if sign else int(year)
        if 1 <= int(month) <= 12 and 1 <= int(day) <= days_in_month(year_, int(month)):
            return day_key(value)  # type: ignore[return-value]
    raise LetopisError(f"{what} takes a date as YYYY-MM-DD, not {value!r}")
