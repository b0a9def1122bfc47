"""Russian temporal expressions: find them, normalise them to TIMEX3/EDTF, anchor them.

    >>> from letopis.time import extract
    >>> [(t.text, t.value, t.earliest, t.latest) for t in extract("в начале августа 1944 года")]
    [('в начале августа 1944 года', '1944-08', '1944-08-01', '1944-08-10')]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from . import calendar, styles
from . import lexicon as lx
from .anchor import Context, resolve, resolve_anchor
from .edtf_adapter import checked
from .reading import Reading
from .recognise import find
from .styles import Style

__all__ = ["extract", "resolve_anchor", "is_notes", "Extracted", "Context", "Style"]


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
    ctx.last_year = _last_year(found)
    notes = is_notes(text)
    speech = _speech_spans(text)
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
            said = _inside(speech, found[i].start)
            saved = (ctx.ref, ctx.ref_kind)
            ctx.ahead = _year_ahead(text, found, i) if ctx.ref is None and ctx.dct is None else None
            period = found[i].reading.period
            ctx.recap = notes or (period is not None and period.year is None and _recap_before(text, found[i].start))
            for f in (found[i], found[i].inner):
                if f is None:
                    continue
                r = resolve(f.reading, ctx)
                if said:  # speech has the narrative's «now» and does not move it
                    r.how.append("in_speech")
                item = Extracted(f.start, f.end, text[f.start:f.end], f.rule, r.type, r.value, r.mod,
                                 checked(r.edtf), r.earliest, r.latest, r.anchor, r.anchor_ref, r.old_style, r.how)
                _read_style(text, item, f.reading, ref_style, julian_before_1918)
                items.append(item)
            if said:
                ctx.ref, ctx.ref_kind = saved
        i += used
        for item in items:
            if item.anchor == "absolute" and (item.earliest or item.latest):
                ref_style = item.style if item.style and item.style.basis != "convention" else None
            out.append(item)
    return out


_DIALOGUE_LINE = re.compile(r"^[ \t\u00a0]*[—–-][ \u00a0]", re.MULTILINE)
_ATTRIBUTION_DASH = re.compile(r"[,!?….]?[ \u00a0]+[—–][ \u00a0]+")
_QUOTE = re.compile(r"«[^«»\n]*»")


def _speech_spans(text: str) -> list[tuple[int, int]]:
    """Direct speech: the spoken parts of dialogue lines («— Завтра выступаем, — сказал он. —
    Готовьтесь.»: the first and last parts), and words in guillemets; disjoint, sorted."""
    spans = [(m.start(), m.end()) for m in _QUOTE.finditer(text)]
    for m in _DIALOGUE_LINE.finditer(text):
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        start, spoken = m.end(), True
        for dash in _ATTRIBUTION_DASH.finditer(text, m.end(), end):
            if spoken:
                spans.append((start, dash.start()))
            start, spoken = dash.end(), not spoken
        if spoken:
            spans.append((start, end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether `offset` lies in one of the disjoint sorted `spans`."""
    i = bisect_right(spans, (offset, len(spans) and spans[-1][1] + 1)) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


_NOTE_LINE = re.compile(r"^[ \t\u00a0•·*▪◦-]*\d{1,4}(?:\s+[а-яё]+\.?)?(?:\s+\d{3,4})?(?:\s*г\.)?\s*[-–—:]", re.MULTILINE)
_RECAP = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, lx.RECAP_WORDS)) + r")(?!\w)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…\n]")
MIN_NOTE_LINES = 3


def is_notes(text: str) -> bool:
    """Study notes: at least `MIN_NOTE_LINES` lines led by a date and a dash («1905 — …»)."""
    count = 0
    for _ in _NOTE_LINE.finditer(text):
        count += 1
        if count >= MIN_NOTE_LINES:
            return True
    return False


def _recap_before(text: str, offset: int) -> bool:
    """Whether the sentence before `offset` turns back with a recap word («Вспомним, что …»)."""
    start = max(0, offset - 200)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, start, offset)]
    return _RECAP.search(text, ends[-1] if ends else start, offset) is not None


def _last_year(found: list) -> int | None:
    """The latest year the text writes (a date, a range's end)."""
    years = [p.year for f in found for p in (f.reading.period, f.reading.end)
             if p is not None and p.year is not None and f.reading.kind in ("point", "range")]
    return max(years, default=None)


def _year_ahead(text: str, found: list, i: int) -> calendar.Ymd | None:
    """The first full date after `found[i]` in the same episode (no blank line between), as
    (year, month, day), for a text that starts without a year."""
    for f in found[i + 1:]:
        if "\n\n" in text[found[i].start : f.start] or re.search(r"\n[ \t]*\n", text[found[i].start : f.start]):
            return None
        p = f.reading.period
        if f.reading.kind == "point" and p is not None and p.year is not None and p.month is not None:
            return p.year, p.month, p.day or 1
    return None


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
    elif item.anchor == "document" or not julian_before_1918 or item.rule == "date.iso":
        return  # an ISO date («1869-03-09») is Gregorian by its standard
    elif item.earliest and item.latest and item.earliest[:4] != item.latest[:4] and not styles.has_day_before_switch(item.latest):
        return  # years reaching past the switch («в 1918–1920 годах») are read as written
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
