"""What a TEI edition's own markup says, as records the pipeline takes as found (`doc.Given`).

- `<date when|notBefore|notAfter>` (also `from`/`to`, and the `-custom` forms with
  `@datingMethod`) is a time expression with those bounds. On a date marked
  `@calendar="#julian"` (or `@datingMethod="#julian"`) the values are read as the Julian
  date the text writes, as editions commonly encode them, and moved to the proleptic
  Gregorian calendar of the contract; the timex keeps the written value in its calendar
  record (`old-style mark`), as a date marked «по старому стилю» does.
- `<persName>`, `<placeName>` and `<orgName>` are mentions of a person, a place and an
  organisation; their `@ref` is the entity's identifier (`Mention.ref`).
- The header's `<creation><date>`, else its `<publicationStmt><date>`, is the document date.
"""

from __future__ import annotations

import re

from ..doc import Given, Mention, Timex, TimexCalendar
from ..time import calendar as cal
from .tei import Marked, TeiText

TYPES = {"persName": "PERSON", "placeName": "LOCATION", "orgName": "ORGANIZATION"}
_W3C = re.compile(r"^(-?)(\d{4,})(?:-(\d\d)(?:-(\d\d))?)?(?:T.*)?$")


def given(tei: TeiText) -> Given:
    timexes = [t for t in (timex_of(m, tei.text) for m in tei.marked if m.tag == "date") if t is not None]
    mentions = [Mention(m.start, m.end, tei.text[m.start:m.end], TYPES[m.tag], source="markup",
                        ref=m.attributes.get("ref") or m.attributes.get("key") or None)
                for m in tei.marked if m.tag in TYPES]
    return Given(timexes=timexes, mentions=mentions, dct=document_date(tei.header_date))


def julian(attributes: dict[str, str]) -> bool:
    marks = (attributes.get("calendar", ""), attributes.get("datingMethod", ""))
    return any(mark.strip().lstrip("#").lower().endswith("julian") for mark in marks)


def _values(attributes: dict[str, str]) -> tuple[str | None, str | None, str | None]:
    """`when`, `notBefore` and `notAfter` (their `from`/`to` and `-custom` forms), as written."""
    def get(*names: str) -> str | None:
        return next((attributes[n] for n in names if attributes.get(n) and _W3C.match(attributes[n])), None)

    return (get("when", "when-custom", "when-iso"),
            get("notBefore", "from", "notBefore-custom", "from-custom", "notBefore-iso", "from-iso"),
            get("notAfter", "to", "notAfter-custom", "to-custom", "notAfter-iso", "to-iso"))


def bounds(value: str, on_julian: bool) -> tuple[str, str] | None:
    """The first and last proleptic Gregorian day of a W3C date (a year, a month or a day)
    written on the Julian calendar when `on_julian`, else on the Gregorian one."""
    match = _W3C.match(value)
    if match is None:
        return None
    sign, year_digits, month_digits, day_digits = match.groups()
    year = -int(year_digits) if sign else int(year_digits)
    month, day = int(month_digits or 1), int(day_digits or 1)
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    number = cal.julian_jdn if on_julian else cal.jdn
    first = number(year, month, day)
    if day_digits:
        after = first + 1
    elif month_digits:
        after = number(year + (month == 12), month % 12 + 1, 1)
    else:
        after = number(year + 1, 1, 1)
    return cal.iso(cal.from_jdn(first)), cal.iso(cal.from_jdn(after - 1))


def _common(a: str, b: str) -> str:
    """The W3C value both dates fall in («1380-09» of 1380-09-01 and 1380-09-20), or the interval."""
    for size in (10, 7, 4):
        if len(a) >= size and a[:size] == b[:size]:
            return a[:size]
    return f"{a}/{b}"


def timex_of(mark: Marked, text: str) -> Timex | None:
    """The time expression a `<date>` gives, or None when it gives no usable value (the
    timex stage then reads its words)."""
    when, not_before, not_after = _values(mark.attributes)
    old = julian(mark.attributes)
    if when:
        span = bounds(when, old)
        if span is None:
            return None
        written, (earliest, latest), mod, edtf = when[:10], span, None, when[:10]
    elif not_before or not_after:
        first = bounds(not_before, old) if not_before else None
        last = bounds(not_after, old) if not_after else None
        if (not_before and first is None) or (not_after and last is None):
            return None
        earliest, latest = (first[0] if first else None), (last[1] if last else None)
        if not_before and not_after:
            written, mod, edtf = _common(not_before[:10], not_after[:10]), None, f"{not_before[:10]}/{not_after[:10]}"
        else:
            written = (not_before or not_after or "")[:10]
            mod = "AFTER" if not_before else "BEFORE"
            edtf = f"{written}/.." if not_before else f"../{written}"
    else:
        return None
    value = _gregorian_value(written, earliest, latest) if old else written
    return Timex(id="", start=mark.start, end=mark.end, text=text[mark.start:mark.end], type="DATE", value=value,
                 mod=mod, edtf=edtf if not old else None, anchor="absolute", earliest=earliest, latest=latest,
                 rule="tei_date", old_style=old,
                 calendar=TimexCalendar("julian", written, "old-style mark") if old else None)


def _gregorian_value(written: str, earliest: str | None, latest: str | None) -> str:
    """A Julian value on the Gregorian calendar: a day moves, a month or a year keeps its name."""
    if len(written) == 10 and earliest == latest and earliest:
        return earliest
    return written


def document_date(attributes: dict[str, str] | None) -> str | None:
    """The day the header dates the document on (its first day, for a month or a year)."""
    if not attributes:
        return None
    when, not_before, not_after = _values(attributes)
    value = when or (not_before if not_before and not_before == not_after else None)
    span = bounds(value, julian(attributes)) if value else None
    return span[0] if span and span[0] == span[1] else None
