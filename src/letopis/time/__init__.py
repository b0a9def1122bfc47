"""Russian temporal expressions: find them, normalise them to TIMEX3/EDTF, anchor them.

    >>> from letopis.time import extract
    >>> [(t.text, t.value, t.earliest, t.latest) for t in extract("в начале августа 1944 года")]
    [('в начале августа 1944 года', '1944-08', '1944-08-01', '1944-08-10')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import calendar, styles
from .anchor import Context, resolve, resolve_anchor
from .edtf_adapter import checked
from .reading import Reading
from .recognise import find
from .styles import Style

__all__ = ["extract", "resolve_anchor", "Extracted", "Context", "Style"]


@dataclass(slots=True)
class Extracted:
    start: int
    end: int
    text: str
    rule: str
    type: str
    value: str
    mod: str | None
    edtf: str | None
    earliest: str | None
    latest: str | None
    anchor: str
    anchor_ref: dict | None
    old_style: bool
    how: list[str]
    style: Style | None = None  # the calendar it was read on, when a mark, a dual date or the convention says


def extract(text: str, dct: str | None = None, julian_before_1918: bool = False) -> list[Extracted]:
    """All temporal expressions of `text` in text order, normalised and anchored.

    `dct` (ISO date) switches to document-date anchoring, as for news. `julian_before_1918`
    reads unmarked dates before 14 February 1918 (New Style) as Old Style (`convention`);
    marked and dual dates follow their marks either way (`styles`).
    """
    ctx = Context(dct=calendar.parse_iso(dct) if dct else None)
    found = find(text)
    out = []
    ref_style: Style | None = None  # the mark or dual date the narrative's reference was read by
    i = 0
    while i < len(found):
        dual = _dual_pair(text, found, i)
        if dual is not None:
            (start, end, rule, written, reading), used = dual
            r = resolve(reading, ctx)
            items = [Extracted(start, end, text[start:end], rule, r.type, r.value, r.mod, checked(r.edtf),
                               r.earliest, r.latest, "absolute", None, True,
                               [*r.how, "dual_date_new_style_in_brackets"],
                               styles.Style("gregorian", written, "dual"))]
        else:
            used, items = 1, []
            for f in (found[i], found[i].inner):
                if f is None:
                    continue
                r = resolve(f.reading, ctx)
                item = Extracted(f.start, f.end, text[f.start:f.end], f.rule, r.type, r.value, r.mod,
                                 checked(r.edtf), r.earliest, r.latest, r.anchor, r.anchor_ref, r.old_style, r.how)
                _read_style(text, item, f.reading, ref_style, julian_before_1918)
                items.append(item)
        i += used
        for item in items:
            if item.anchor == "absolute" and (item.earliest or item.latest):
                ref_style = item.style if item.style and item.style.basis != "convention" else None
            out.append(item)
    return out


def _read_style(text: str, item: Extracted, reading: Reading, ref_style: Style | None, julian_before_1918: bool) -> None:
    """Decide the calendar `item` is written on and move its days to the Gregorian calendar."""
    if not (item.earliest or item.latest):
        return
    if "ruler_table" in reading.notes:  # a reign's bounds are on the table's calendar, not the text's
        if reading.old_style:
            item.style, item.old_style = styles.Style("julian", item.value, "ruler table"), True
            item.earliest = styles.to_gregorian(item.earliest, True)
            item.latest = styles.to_gregorian(item.latest, True)
            item.value = styles.days_to_gregorian(item.value, True)
            item.edtf = checked(styles.days_to_gregorian(item.edtf, True))
            item.how = [*item.how, "reign_from_table", "old_style_to_gregorian"]
        else:
            item.how = [*item.how, "reign_from_table"]
        return
    mark = "julian" if reading.old_style else styles.mark_after(text, item.end)
    if "dual" in reading.notes:
        item.style = styles.Style("gregorian", styles.days_to_julian(item.value), "dual")
        item.old_style = True
        return
    if mark == "gregorian":
        item.style = styles.Style("gregorian", item.value, "new-style mark")
        return
    if mark == "julian":
        style, always = styles.Style("julian", item.value, "old-style mark"), True
    elif item.anchor == "relative" and ref_style is not None:  # counted from a marked or dual date
        if ref_style.calendar == "gregorian":
            item.style = styles.Style("gregorian", item.value, ref_style.basis)
            return
        style, always = styles.Style("julian", item.value, ref_style.basis), True
    elif item.anchor == "document" or not julian_before_1918:
        return
    elif styles.has_day_before_switch(item.earliest, item.latest):
        style, always = styles.Style("julian", item.value, "convention"), False
    else:
        return
    item.style, item.old_style = style, True
    item.earliest = styles.to_gregorian(item.earliest, always)
    item.latest = styles.to_gregorian(item.latest, always)
    item.value = styles.days_to_gregorian(item.value, always)
    item.edtf = checked(styles.days_to_gregorian(item.edtf, always))
    item.how = [*item.how, "old_style_to_gregorian"]


_BRACKET_OPEN = re.compile(r"\s*\(\s*")
_BRACKET_CLOSE = re.compile(
    r"\s*(?:,?\s*(?:по\s+новому\s+стилю|по\s+н\.\s*ст\.?|н\.\s*ст\.?))?\s*\)", re.IGNORECASE)


def _days(reading: Reading) -> bool:
    return (reading.kind in ("point", "range") and reading.period is not None and reading.period.kind == "day"
            and (reading.end is None or reading.end.kind == "day") and not reading.old_style)


def _dual_pair(text: str, found: list, i: int) -> tuple[tuple, int] | None:
    """«25–26 октября (7–8 ноября по новому стилю) 1917 года», «25 октября 1917 года (7 ноября
    по новому стилю)»: a date or range of days, then its New Style reading in brackets, as one
    expression dated by the bracketed part; the year may follow the brackets.

    Returns ((start, end, rule, the Old Style value as written, the New Style reading), how many
    found expressions it takes)."""
    if i + 1 >= len(found):
        return None
    fa, fb = found[i], found[i + 1]
    if not (_days(fa.reading) and _days(fb.reading)) or fb.start <= fa.end:
        return None
    if _BRACKET_OPEN.fullmatch(text, fa.end, fb.start) is None:
        return None
    close = _BRACKET_CLOSE.match(text, fb.end)
    if close is None:
        return None
    end, used = close.end(), 2
    year = fa.reading.period.year or fb.reading.period.year
    if i + 2 < len(found):
        fy = found[i + 2]
        if (fy.reading.kind == "point" and fy.reading.period is not None and fy.reading.period.kind == "year"
                and fy.reading.period.year is not None and not text[end:fy.start].strip()):
            year = year or fy.reading.period.year
            end, used = fy.end, 3
    if year is None:
        return None
    written = resolve(_with_year(fa.reading, year), Context()).value
    return (fa.start, end, f"{fa.rule}+dual", written, _with_year(fb.reading, year, after=fa.reading)), used


def _with_year(reading: Reading, year: int, after: Reading | None = None) -> Reading:
    """The reading with `year` where it has none; the New Style part of a dual date moves into
    the next year when its month comes before the Old Style month («20 декабря (2 января)»)."""
    def placed(p):
        if p is None or p.year is not None:
            return p
        if after is not None and p.month < after.period.month:
            return p.with_year(year + 1)
        return p.with_year(year)
    return replace(reading, period=placed(reading.period), end=placed(reading.end), year_shift=None)
