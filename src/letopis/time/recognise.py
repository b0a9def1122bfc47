"""Find temporal expressions in raw text: run the rule table, keep the longest, join neighbours.

All patterns are compiled once; each scans the text left to right, so the cost
is linear in the text length times the (fixed) number of rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from . import dates, relative
from .grammar import compile
from .reading import Reading

Rule = tuple[str, re.Pattern[str], Callable[[re.Match[str]], Reading | None]]

RULES: list[Rule] = [(name, compile(pattern), fn) for name, pattern, fn in dates.RULES + relative.RULES]
PRIORITY = {name: i for i, (name, _, _) in enumerate(RULES)}


@dataclass(slots=True)
class Found:
    start: int
    end: int
    rule: str
    reading: Reading


def _span(m: re.Match[str]) -> tuple[int, int]:
    if "t" in m.re.groupindex and m.group("t"):
        return m.start("t"), m.end("t")
    end = m.end()
    while end > m.start() and m.string[end - 1].isspace():
        end -= 1
    return m.start(), end


def candidates(text: str) -> list[Found]:
    found: list[Found] = []
    for name, pattern, fn in RULES:
        for m in pattern.finditer(text):
            reading = fn(m)
            if reading is not None:
                start, end = _span(m)
                found.append(Found(start, end, name, reading))
    return found


def select(found: list[Found]) -> list[Found]:
    """Longest matches first; a match overlapping a kept one is dropped."""
    kept: list[Found] = []
    taken: list[tuple[int, int]] = []
    for f in sorted(found, key=lambda f: (f.start - f.end, PRIORITY[f.rule], f.start)):
        if any(f.start < e and s < f.end for s, e in taken):
            continue
        kept.append(f)
        taken.append((f.start, f.end))
    return sorted(kept, key=lambda f: f.start)


_GAP = re.compile(r"\s*(?:[,—–-]|\()?\s*")
_DATED = ("point", "range", "shift")
_TIMED = ("time", "weekday")


def _join(a: Reading, b: Reading) -> Reading | None:
    """One reading for «во вторник, 13 сентября», «утром 17 октября», «вчера вечером»."""
    for date, other in ((a, b), (b, a)):
        is_day = date.kind in _DATED and (date.period is None or date.period.kind == "day")
        if date.kind in _DATED and is_day and other.kind in _TIMED:
            joined = replace(date, weak=False, notes=list(date.notes))
            if other.clock:
                joined.clock = other.clock if not (date.clock and other.clock.startswith("T") and
                                                   other.clock[1:3].isalpha()) else date.clock
                joined.type = "TIME"
            return joined
    if a.kind == "weekday" and b.kind == "time" or a.kind == "time" and b.kind == "weekday":
        wd, tm = (a, b) if a.kind == "weekday" else (b, a)
        return replace(wd, clock=tm.clock, type="TIME", weak=False)
    if a.kind == "time" and b.kind == "time" and (a.clock or "")[1:2].isdigit() != (b.clock or "")[1:2].isdigit():
        return replace(a if (a.clock or "")[1:2].isdigit() else b, weak=False)
    return None


def merge(found: list[Found], text: str) -> list[Found]:
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if prev is not None and _GAP.fullmatch(text, prev.end, f.start) and f.start - prev.end <= 4:
            joined = _join(prev.reading, f.reading)
            if joined is not None:
                out[-1] = Found(prev.start, f.end, f"{prev.rule}+{f.rule}", joined)
                continue
        out.append(f)
    return [f for f in out if not f.reading.weak]


def find(text: str) -> list[Found]:
    """Temporal expressions of `text`, in text order, not overlapping."""
    return merge(select(candidates(text)), text)
