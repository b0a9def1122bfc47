"""Turn readings into values and day bounds, anchored in the narrative.

Anchoring rules (documented in docs/time.md):
- A date without a year takes the year of the narrative reference: the last
  explicitly dated expression before it. A date that would then fall more than
  half a year before the reference is read as the next year (the narrative has
  crossed a year end), unless a recap turns back to it («вспомним, что 18
  февраля»; study notes, made of dated lines, recap throughout), it comes more than
  two months after the reference and the text never writes a later year: then it
  keeps the year. One that falls a little before it is a flashback and
  keeps the year («К июлю 1944 года ... празднования 14 июля»).
- A text that starts without a year takes it backwards from its first full date,
  within the same episode (no blank line between).
- Direct speech and quotations carry their own «now»: the narrative date at that
  point. «завтра» said by a character counts from it and never moves the
  narrative's reference (`extract` restores it after the speech's expressions).
- With a document date (DCT, news), the year comes from the DCT instead: the
  occurrence nearest to it, within half a year either way.
- «вчера», «в прошлом году», «два года назад» count from the DCT when there is
  one, otherwise from the narrative reference; «на следующий день», «накануне»,
  «через неделю» always count from the narrative reference.
- Every expression is read on the calendar the text writes it in; `styles` moves Old Style
  days to the Gregorian calendar afterwards.
- An expression that names an event («за три дня до начала восстания») keeps an
  unresolved `anchor_ref`; `resolve_anchor` dates it once the event is dated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from . import calendar as cal
from . import periods as pd
from .periods import Period
from .reading import Reading

HALF_YEAR = 183
YEAR_END_STEP = 62  # days: a year-less date this soon after the reference crosses the year end
_UNIT_DAYS = {"D": 1, "W": 7}


@dataclass(slots=True)
class Context:
    dct: cal.Ymd | None = None
    ref: pd.Bounds | None = None  # day bounds of the narrative reference
    ref_kind: str = ""  # its granularity: day, month, year ...
    last_year: int | None = None  # the latest year the text writes: a year end is crossed only up to it
    recap: bool = False  # the sentence turns back (a recap word) or the text is study notes
    ahead: cal.Ymd | None = None  # the first full date later in the episode, for a text that starts without a year


@dataclass(slots=True)
class Resolved:
    type: str
    value: str
    mod: str | None = None
    edtf: str | None = None
    earliest: str | None = None
    latest: str | None = None
    anchor: str = "absolute"
    anchor_ref: dict[str, Any] | None = None
    old_style: bool = False
    how: list[str] = field(default_factory=list)  # anchoring steps, for the trace


def _iso(d: cal.Ymd | None) -> str | None:
    return None if d is None else cal.iso(d)


def _days(d: cal.Ymd, n: int) -> cal.Ymd:
    return cal.add_days(d, n)


# ---- years for year-less dates ------------------------------------------------

def _place_year(p: Period, reading: Reading, ctx: Context) -> tuple[Period | None, str, str]:
    """Give a year-less period its year; returns (period, anchor, how)."""
    if reading.year_shift is not None:
        base = ctx.dct or (ctx.ref[0] if ctx.ref else None)
        if base is None:
            return None, "relative", "no base for «этого/прошлого года»"
        return p.with_year(base[0] + reading.year_shift), "document" if ctx.dct else "relative", "year_shift"
    if ctx.dct is not None:
        y = ctx.dct[0]
        lo, hi = pd.bounds(p.with_year(y))
        base = cal.jdn(*ctx.dct)
        if cal.jdn(*lo) - base > HALF_YEAR:
            y -= 1
        elif base - cal.jdn(*hi) > HALF_YEAR:
            y += 1
        return p.with_year(y), "document", "dct_year"
    if ctx.ref is None:
        if ctx.ahead is not None and p.month is not None:
            # «12 марта войска вошли в город … 3 мая 1814 года»: the year written later in the
            # episode, or the one before it when the month comes after that date's month
            y = ctx.ahead[0] - (1 if p.month > ctx.ahead[1] else 0)
            return p.with_year(y), "context", "year_from_later_date"
        return None, "context", "no reference year"
    if ctx.ref[0][0] != ctx.ref[1][0]:  # a decade, a century, «1941–1945»: no single year to give
        return None, "context", "reference spans several years"
    y = ctx.ref[0][0]
    _, hi = pd.bounds(p.with_year(y))
    if cal.jdn(*ctx.ref[0]) - cal.jdn(*hi) > HALF_YEAR:
        next_lo, _ = pd.bounds(p.with_year(y + 1))
        if (ctx.recap and ctx.last_year is not None and ctx.last_year <= y
                and cal.jdn(*next_lo) - cal.jdn(*ctx.ref[1]) > YEAR_END_STEP):
            # a recap or study notes, not just across the year end, and the text never reaches
            # the next year («в ноябре 1917 года … вспомним, что 18 февраля»)
            return p.with_year(y), "context", "reference_year_within_text_span"
        return p.with_year(y + 1), "context", "next_year_after_reference"
    return p.with_year(y), "context", "reference_year"


# ---- mods on bounds --------------------------------------------------------------

def _apply_mod(mod: str | None, lo: cal.Ymd, hi: cal.Ymd, has_part: bool) -> tuple[cal.Ymd | None, cal.Ymd | None]:
    if mod == "BEFORE":
        return (None, hi) if has_part else (None, _days(lo, -1))
    if mod == "ON_OR_BEFORE":
        return None, hi
    if mod == "AFTER":
        return (lo, None) if has_part else (_days(hi, 1), None)
    if mod == "ON_OR_AFTER":
        return lo, None
    if mod == "APPROX":  # one period's length either way: whole years and months by the calendar
        if lo[1:] == (1, 1) and hi[1:] == (12, 31):
            years = hi[0] - lo[0] + 1
            return (lo[0] - years, 1, 1), (hi[0] + years, 12, 31)
        if lo[2] == 1 and hi[2] == cal.days_in_month(hi[0], hi[1]):
            months = (hi[0] - lo[0]) * 12 + hi[1] - lo[1] + 1
            end = cal.add_months((hi[0], hi[1], 1), months)
            return cal.add_months(lo, -months), (end[0], end[1], cal.days_in_month(end[0], end[1]))
        size = cal.jdn(*hi) - cal.jdn(*lo) + 1
        return _days(lo, -size), _days(hi, size)
    return lo, hi


def _mod_edtf(mod: str | None, edtf: str | None, lo, hi) -> str | None:
    if edtf is None:
        return None
    if mod is None:
        return edtf
    if mod == "ON_OR_BEFORE":
        return f"../{edtf}"
    if mod == "ON_OR_AFTER":
        return f"{edtf}/.."
    if mod in ("BEFORE", "AFTER"):
        return pd.edtf_from_bounds(lo, hi)
    if mod == "APPROX":
        return f"{edtf}~"
    return None


def _with_clock(value: str, clock: str | None) -> str:
    return value + clock if clock and re.fullmatch(r"-?\w{4}-\d\d-\d\d", value.replace("BC", "")) else value


# ---- kinds ---------------------------------------------------------------------------

def _place_month(p: Period, ctx: Context) -> Period | None:
    """A day given without its month («17-го числа») takes the month of a reference within one
    month: the same month when the day is not before the reference's first day, else the next."""
    base = ctx.ref if ctx.ref is not None else (ctx.dct, ctx.dct) if ctx.dct is not None else None
    if base is None or base[0][:2] != base[1][:2]:
        return None
    y, m, first = base[0]
    if p.day < first:
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    if p.day > cal.days_in_month(y, m):
        return None
    return Period("day", y, m, p.day)


def _point(reading: Reading, ctx: Context) -> Resolved:
    p = reading.period
    anchor, how = "absolute", ["explicit"]
    if p.kind == "day" and p.month is None:
        placed = _place_month(p, ctx)
        if placed is None:
            night = reading.clock == "TNI" and not reading.mod and p.day > 1  # the night before the day
            value = f"XXXX-XX-{p.day - 1:02d}TNI" if night else f"XXXX-XX-{p.day:02d}{reading.clock or ''}"
            return Resolved("TIME" if reading.clock else "DATE", value, reading.mod, anchor="context",
                            how=["no reference month"])
        p, anchor, how = placed, "context", ["reference_month"]
    if p.year is None:
        placed, anchor, step = _place_year(p, reading, ctx)
        how = [step]
        if placed is None:
            value = _with_clock(pd.timex_value(p), reading.clock)
            return Resolved("TIME" if reading.clock else "DATE", value, reading.part or reading.mod,
                            anchor=anchor, how=how)
        p = placed
    if "dual" in reading.notes:
        how.append("dual_date_new_style_in_brackets")
    part = reading.part
    if part in ("FIRST_HALF", "SECOND_HALF") and p.kind == "year":
        p, part = Period("half", p.year, part=1 if part == "FIRST_HALF" else 2), None
    whole = pd.bounds(p)
    lo, hi = pd.part_bounds(p, part) if part else whole
    edtf = None if part else pd.edtf_text(p)
    mod = reading.mod or part
    lo2, hi2 = _apply_mod(reading.mod, lo, hi, bool(part))
    edtf = _mod_edtf(reading.mod, edtf, lo2, hi2)
    value = _with_clock(pd.timex_value(p), reading.clock)
    if reading.clock == "TNI" and p.kind == "day" and not reading.mod:
        # «в ночь на 3 июля»: the night from the 2nd into the 3rd
        eve = _days(lo, -1)
        value, lo2, edtf = pd.timex_value(Period("day", *eve)) + "TNI", eve, None
        how.append("night before the named day")
    res = Resolved("TIME" if reading.clock else "DATE", value, mod, edtf, _iso(lo2), _iso(hi2), anchor,
                   old_style=reading.old_style or "dual" in reading.notes, how=how)
    _set_ref(ctx, whole, p.kind)
    return res


def _range(reading: Reading, ctx: Context) -> Resolved:
    a, b = reading.period, reading.end
    anchor, how = "absolute", ["explicit"]
    if b.year is None:
        placed, anchor, step = _place_year(b, reading, ctx)
        how = [step]
        if placed is None:
            return Resolved("DATE", f"{pd.timex_value(a)}/{pd.timex_value(b)}", anchor=anchor, how=how)
        b = placed
    if a.year is None:
        a = a.with_year(b.year - (1 if (a.month or 0) > (b.month or 0) else 0))
    lo, hi = pd.bounds(a)[0], pd.bounds(b)[1]
    ea, eb = pd.edtf_text(a), pd.edtf_text(b)
    edtf = f"{ea}/{eb}" if ea and eb else None
    parts = dict(note.split(":") for note in reading.notes if note.startswith(("from:", "to:")))
    if parts:  # «в конце XVIII – начале XIX века»
        lo, hi = pd.part_bounds(a, parts["from"])[0], pd.part_bounds(b, parts["to"])[1]
        edtf = None
        how.append("parts_of_periods")
    if "boundary" in reading.notes:  # «на рубеже XIX–XX веков»: the end of one, the start of the next
        lo, hi = pd.part_bounds(a, "END")[0], pd.part_bounds(b, "START")[1]
        edtf = None
        how.append("turn_of_periods")
    _set_ref(ctx, (lo, hi), "range")
    return Resolved("DATE", _with_clock(f"{pd.timex_value(a)}/{pd.timex_value(b)}", None), reading.mod, edtf,
                    _iso(lo), _iso(hi), anchor, old_style=reading.old_style, how=how)


def _set_ref(ctx: Context, bounds: pd.Bounds | None, kind: str) -> None:
    if bounds is not None:
        ctx.ref, ctx.ref_kind = bounds, kind


def _base(reading: Reading, ctx: Context) -> tuple[pd.Bounds | None, str, str]:
    if reading.base == "now" and ctx.dct is not None:
        return (ctx.dct, ctx.dct), "day", "document"
    if ctx.ref is not None:
        return ctx.ref, ctx.ref_kind, "relative"
    if ctx.dct is not None:
        return (ctx.dct, ctx.dct), "day", "document"
    return None, "", "relative"


_GRAIN = {"D": "day", "W": "day", "M": "month", "Q": "month", "Y": "year", "DE": "year", "CE": "year", "ML": "year",
          "H": "day", "MIN": "day", "S": "day"}
_ORDER = ["day", "month", "year"]


def _shift_bounds(base: pd.Bounds, unit: str, amount: int | None) -> pd.Bounds:
    lo, hi = base
    if amount is None:  # «через несколько дней»: after the base, no upper bound known
        return lo, hi
    if unit in _UNIT_DAYS:
        n = amount * _UNIT_DAYS[unit]
        return _days(lo, n), _days(hi, n)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200, "ML": 12000}.get(unit)
    if months is None:  # hours and minutes stay within the base days
        return lo, hi
    lo, hi = cal.add_months(lo, amount * months), cal.add_months(hi, amount * months)
    return lo, (hi[0], hi[1], cal.days_in_month(hi[0], hi[1]))


def _coarsen(bounds: pd.Bounds, grain: str) -> pd.Bounds:
    lo, hi = bounds
    if grain == "month":
        return (lo[0], lo[1], 1), (hi[0], hi[1], cal.days_in_month(hi[0], hi[1]))
    if grain == "year":
        return (lo[0], 1, 1), (hi[0], 12, 31)
    return bounds


def _shift(reading: Reading, ctx: Context) -> Resolved:
    kind_type = reading.type if reading.type != "DURATION" else "DATE"
    base, base_kind, anchor = _base(reading, ctx)
    if base is None:
        return Resolved(kind_type, "XXXX-XX-XX" if reading.unit in _UNIT_DAYS else "XXXX", reading.mod,
                        anchor=anchor, how=["no reference"])
    unit_grain = _GRAIN[reading.unit]
    base_grain = base_kind if base_kind in _ORDER else "year"
    grain = max(unit_grain, base_grain, key=_ORDER.index)
    lo, hi = _coarsen(_shift_bounds(base, reading.unit, reading.amount), grain)
    if reading.amount is None:
        forward = reading.base == "ref"
        lo, hi = (_days(base[1], 1), None) if forward else (None, _days(base[0], -1))
    if reading.part and hi is not None and lo is not None:
        p = Period("year", lo[0]) if grain == "year" else Period("month", lo[0], lo[1]) if grain == "month" else None
        if p is not None and lo == pd.bounds(p)[0] and hi == pd.bounds(p)[1]:
            lo, hi = pd.part_bounds(p, reading.part)
    lo2, hi2 = (lo, hi) if lo is None or hi is None else _apply_mod(reading.mod, lo, hi, bool(reading.part))
    value = pd.value_from_bounds(lo, hi) if lo and hi else "XXXX-XX-XX"
    if reading.unit == "W" and reading.amount is not None and reading.base == "now" and lo and lo == hi:
        y, w = cal.iso_week(lo)
        value, lo2, hi2 = f"{y:04d}-W{w:02d}", *pd.bounds(Period("week", y, part=w))
    res = Resolved(kind_type, _with_clock(value, reading.clock), reading.mod or reading.part,
                   pd.edtf_from_bounds(lo2, hi2) if not reading.part else None, _iso(lo2), _iso(hi2), anchor,
                   how=[f"shift {reading.amount} {reading.unit} from {anchor}"])
    if lo is not None and hi is not None and not reading.mod:
        _set_ref(ctx, (lo, hi), "day" if lo == hi else grain)
    return res


def _weekday(reading: Reading, ctx: Context) -> Resolved:
    iso_value = f"XXXX-WXX-{reading.weekday}"
    if ctx.dct is not None:
        d = ctx.dct
        if "future" in reading.notes:
            n = (reading.weekday - cal.weekday(d)) % 7 or 7
            day, how = _days(d, n), "next weekday after DCT"
        else:
            n = (cal.weekday(d) - reading.weekday) % 7
            day, how = _days(d, -n), "last weekday on or before DCT"
        anchor = "document"
    elif ctx.ref is not None and ctx.ref_kind == "day":
        n = (reading.weekday - cal.weekday(ctx.ref[0])) % 7
        day, how, anchor = _days(ctx.ref[0], n), "first weekday on or after the reference", "context"
    else:
        return Resolved("TIME" if reading.clock else "DATE", iso_value + (reading.clock or ""), reading.mod,
                        anchor="context", how=["no reference day"])
    _set_ref(ctx, (day, day), "day")
    lo, hi = _apply_mod(reading.mod, day, day, False)
    return Resolved("TIME" if reading.clock else "DATE", _with_clock(cal.iso(day), reading.clock), reading.mod,
                    pd.edtf_from_bounds(lo, hi) if not reading.mod else None, _iso(lo), _iso(hi), anchor, how=[how])


def _time(reading: Reading, ctx: Context) -> Resolved:
    if ctx.ref is not None and ctx.ref_kind == "day" and ctx.ref[0] == ctx.ref[1]:
        day = ctx.ref[0]
        return Resolved("TIME", cal.iso(day) + reading.clock, reading.mod, None, cal.iso(day), cal.iso(day),
                        "context", how=["time on the reference day"])
    return Resolved("TIME", "XXXX-XX-XX" + reading.clock, reading.mod, anchor="context", how=["no reference day"])


def _present(reading: Reading, ctx: Context) -> Resolved:
    if ctx.dct is None:
        return Resolved("DATE", reading.value, anchor="document", how=["no DCT"])
    d = cal.iso(ctx.dct)
    lo, hi = {"PRESENT_REF": (d, d), "PAST_REF": (None, d), "FUTURE_REF": (d, None)}[reading.value]
    return Resolved("DATE", reading.value, None, None, lo, hi, "document", how=["DCT"])


def _event(reading: Reading, ctx: Context) -> Resolved:
    return Resolved(reading.type if reading.type != "DURATION" else "DATE", "XXXX-XX-XX", reading.mod,
                    anchor="relative", anchor_ref=reading.anchor_ref, how=["waits for its event"])


def _fixed(reading: Reading, ctx: Context) -> Resolved:
    return Resolved(reading.type, reading.value, reading.mod, how=["fixed"])


def _vague(reading: Reading, ctx: Context) -> Resolved:
    return Resolved(reading.type, reading.value, reading.mod, anchor="context", how=["no calendar value"])


_KINDS = {"point": _point, "range": _range, "shift": _shift, "weekday": _weekday, "time": _time,
          "present": _present, "event": _event, "duration": _fixed, "set": _fixed, "vague": _vague}


def resolve(reading: Reading, ctx: Context) -> Resolved:
    """Value, mod, EDTF and bounds of a reading; updates the narrative reference."""
    return _KINDS[reading.kind](reading, ctx)


# ---- for the event stage ------------------------------------------------------------

_OFFSET = re.compile(r"P(?:T)?(\d+|X)(D|W|M|Y|H)")


def resolve_anchor(timex: Any, earliest: str | None, latest: str | None) -> tuple[
        str | None, str | None, str, str | None]:
    """Date an event-anchored timex once its event's bounds are known.

    Returns (earliest, latest, value, edtf). «на следующий день после забастовки»
    with the strike on 1944-08-18 gives ("1944-08-19", "1944-08-19", "1944-08-19", "1944-08-19").
    """
    ref = getattr(timex, "anchor_ref", None) or {}
    relation, offset = ref.get("relation", "same"), ref.get("offset")
    lo = cal.parse_iso(earliest) if earliest else None
    hi = cal.parse_iso(latest) if latest else None
    n, unit = None, "D"
    if offset:
        m = _OFFSET.match(offset)
        if m:
            n, unit = (None if m.group(1) == "X" else int(m.group(1))), m.group(2)
    if relation in ("after", "before") and n is None:  # «через несколько дней после», «после войны»
        lo, hi = ((_days(hi if offset else lo, 1) if (hi if offset else lo) else None), None) \
            if relation == "after" else (None, _days(lo if offset else hi, -1) if (lo if offset else hi) else None)
    elif relation in ("after", "before") and n is not None and unit != "H":
        sign = 1 if relation == "after" else -1
        shift = lambda d: None if d is None else (  # noqa: E731
            _days(d, sign * n * _UNIT_DAYS[unit]) if unit in _UNIT_DAYS else
            cal.add_months(d, sign * n * (12 if unit == "Y" else 1)))
        lo, hi = shift(lo), shift(hi)
    return _iso(lo), _iso(hi), pd.value_from_bounds(lo, hi), pd.edtf_from_bounds(lo, hi)
