"""Find temporal expressions in raw text: run the rule table, keep the longest, join neighbours.

All patterns are compiled once and tried only at the words that can open them
(and the lead words just before those), so the cost is linear in the text length.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from . import clock, dates, durations, eras, reigns, relative
from . import lexicon as lx
from .grammar import compile
from .reading import Reading

Rule = tuple[str, re.Pattern[str], Callable[[re.Match[str]], Reading | None]]

RULES: list[Rule] = [(name, compile(pattern), fn) for name, pattern, fn in
                    dates.RULES + eras.RULES + relative.RULES + durations.RULES + clock.RULES]
PRIORITY = {name: i for i, (name, _, _) in enumerate(RULES)}
PRIORITY.update({"reign.ruler": -2, "reign.era": -1})  # a reign or era the table names beats a vague reading


@dataclass(slots=True)
class Found:
    start: int
    end: int
    rule: str
    reading: Reading
    parts: list["Found"] = field(default_factory=list)  # what a joined expression was joined from
    inner: "Found | None" = None  # the date inside «утром 17 октября», kept as its own timex


def _span(m: re.Match[str], reading: Reading) -> tuple[int, int]:
    if reading.span_end is not None:
        return m.start(), reading.span_end
    if "t" in m.re.groupindex and m.group("t"):
        return m.start("t"), m.end("t")
    end = m.end()
    while end > m.start() and m.string[end - 1].isspace():
        end -= 1
    return m.start(), end


# Rules are tried only where a trigger word occurs: at the trigger itself and at
# the lead words (prepositions, «в начале», «через», «около» ...) just before it.
# Every rule belongs to the trigger kinds that can open its core.
_KINDS: dict[str, tuple[str, ...]] = {
    "num": ("date.day_month_range", "date.day_range", "date.day_month", "date.year", "date.year_suffix",
            "date.year_range", "date.glued_years", "date.noted_year_range", "date.noted_year", "date.year_and", "date.numeric", "date.iso", "date.decade", "date.century", "date.bare_year",
            "date.year_pre", "rel.minute", "set.per", "date.dual", "date.dual_unbracketed", "date.part_range", "date.century_abbr", "date.day_only", "date.day_on", "date.night_days",
            "rel.after", "rel.ago", "rel.before_event", "dur.number", "dur.adj", "set.every", "time.clock",
            "time.hours", "time.bare_hour"),
    "month": ("date.month_year", "date.month_year_range", "date.month_range", "date.month", "date.month_rel"),
    "weekday": ("date.weekday",),
    "season": ("date.season", "date.season_range"),
    "century": ("date.century", "date.decade", "rel.minute", "date.day_word", "date.part_range",
                "date.century_abbr", "date.century_bracket"),
    "unit": ("rel.after", "rel.ago", "rel.before_event", "rel.recent", "rel.unit", "dur.number", "dur.unit",
             "dur.unit_word", "set.every", "time.hours", "rel.day", "rel.eve", "rel.present", "rel.part_unit",
             "set.per", "dur.inverted", "rel.minute", "date.day_word", "date.century"),
    "word": ("rel.present", "rel.day", "rel.eve", "rel.day_adj", "rel.unit", "set.word", "set.weekly",
             "time.noon", "time.day_part", "date.weekday_adj", "date.month_adj", "dur.adj", "rel.recent",
             "rel.sport_season", "rel.weekend", "rel.while_ago", "rel.holiday", "date.decade_word",
             "time.until_part", "rel.event_bound"),
}
_BY_NAME = {name: i for i, (name, _, _) in enumerate(RULES)}
KIND_RULES = {kind: tuple(sorted(_BY_NAME[n] for n in names)) for kind, names in _KINDS.items()}

_TRIGGERS: dict[str, str] = {}
for _words, _kind in ((lx.MONTHS, "month"), (lx.WEEKDAYS, "weekday"), (lx.SEASONS, "season"),
                      (lx.UNITS, "unit"), (lx.UNIT_WORDS, "unit"), (lx.CARDINALS, "unit"),
                      (lx.HALF_NUMERALS, "unit"), (lx.MONTH_ABBR, "month")):
    for _w in _words:
        _TRIGGERS.setdefault(_w, _kind)
for _stem in lx.ORDINAL_STEMS:
    for _end in lx.ORDINAL_ENDINGS:
        _TRIGGERS.setdefault(_stem + _end, "century")
_WORD_PREFIXES = tuple(sorted({
    *relative.PRESENT, *relative.DAY_WORDS, "накануне", "канун", "день", "сегодняшн", "вчерашн", "завтрашн",
    "этом", "этот", "этой", "эту", "этого", "прошл", "минувш", "позапрошл", "следующ", "будущ", "текущ",
    "нынешн", "предыдущ", "последн", "ближайш", "грядущ", "прошедш", "наступающ",
    *(s[:-1] for s in lx.SETS), "понедельникам", "вторникам", "средам", "четвергам", "пятницам",
    "субботам", "воскресеньям", "полдень", "полночь", "полудня", "полуночи", "утром", "вечером", "ночью",
    "днём", "днем", "сезон", "выходн", "прошлогодн", "время", "нов", "рождеств", "времени", "настоящ", "утра", "вечера", "ночи", *lx.PERIOD_EVENTS, "сочельник", "пасх", "маслениц",
    *lx.DECADE_WORDS, *lx.WEEKDAY_ADJ_STEMS, *lx.MONTH_ADJ_STEMS, *lx.DURATION_ADJ,
}))
_LEAD = {
    *(w for phrase in lx.PREPOSITIONS for w in phrase.split()), *lx.PARTS, *lx.HALVES, "половине",
    "половины", "половину", "ночь", "через", "спустя", "течение", "протяжении", "продолжение", "сроком",
    "около", "почти", "примерно", "приблизительно", "более", "больше", "менее", "меньше", "свыше", "ещё",
    "еще", "всего", "лишь", "уже", "целых", "целый", "целую", "весь", "всю", "порядка", "кажд", "каждый",
    "каждую", "каждое", "каждые", "раз", "рано", "поздно", "поздним", "ранним", "этим", "этой", "прошлой",
    "следующей", "тем", "той", "же", "тот", "этот", "ровно", "последней", "последнюю", "первой", "первую",
    "декаде", "декады", "трети", "не", "сегодня", "вчера", "последние", "ближайшие", "прошедшие",
    "минувшие", "грядущие", "следующий", "другой", "второй", "третий", "настоящее", "настоящий",
    "данный", "наши", "наше", "сей", "сих", "прошлом", "будущем", "ближайшее", "ближайшем", "скором",
    "последнее", "сегодняшний", "начиная", "вплоть", "между", "все", "всё", "некоторое", "какое", "долгое",
    "короткое", "это", "этому", "тому", "того", "этого", "с", "самого", "самой", "самое",
    "ок", "нач", "сер", "кон",
}
_TOKEN = re.compile(r"\w+")
_ADJECTIVE = re.compile(r"(?:ой|ей|ого|его|ых|их|ий|ый)$")
_ROMAN = re.compile(r"[IVXLХІ]{1,10}")
_LEAD_PREFIXES = ("прошл", "минувш", "следующ", "ближайш", "будущ", "эт", "текущ", "нынешн", "последн",
                  "предыдущ", "прошедш", "наступающ", "т", "нов", "последующ", "предстоящ", "истекш", "грядущ", "разн")


# Cheap prefilters for the few rules that are slow to fail where they cannot match (they
# read a number and a unit before finding out that the word they need is missing): such a
# rule is tried at a position only if its window holds one of these. Every other rule is
# tried directly: since `grammar.alt` writes word lists as tries, a failing match costs
# less than a substring search would.
_NEEDS: dict[str, tuple[str, ...]] = {
    "rel.ago": ("назад", "спустя", "позже", "позднее", "ранее", "раньше"),
    "date.century": ("век", "столет", "в."),
    "date.dual": ("(",),
}
_NEED_PATTERNS: list[re.Pattern[str]] = []
_NEED_INDEX: dict[tuple[str, ...], int] = {}
for _bits in _NEEDS.values():
    if _bits not in _NEED_INDEX:
        _NEED_INDEX[_bits] = len(_NEED_PATTERNS)
        _NEED_PATTERNS.append(re.compile("|".join(map(re.escape, _bits))))
# For each rule, the index of its prefilter (rules that share bits share it), or -1.
_RULE_NEEDS: list[int] = [_NEED_INDEX[_NEEDS[name]] if name in _NEEDS else -1 for name, _, _ in RULES]
_WINDOW = 80  # how far past the start a prefilter looks

# Each trigger kind is one bit; a position tried for several kinds tries the union of their
# rules, in rule order, each with its prefilter: computed once per combination of kinds.
_KIND_BIT = {kind: 1 << i for i, kind in enumerate(_KINDS)}
Step = tuple[int, Callable[[str, int], "re.Match[str] | None"], Callable[[re.Match[str]], Reading | None], str]
_PLANS: dict[int, tuple[Step, ...]] = {}


def _plan(mask: int) -> tuple[Step, ...]:
    """The rules to try for a mask of trigger kinds: (prefilter or -1, pattern.match, function, name)."""
    plan = _PLANS.get(mask)
    if plan is None:
        rules = sorted({i for kind, bit in _KIND_BIT.items() if mask & bit for i in KIND_RULES[kind]})
        plan = _PLANS[mask] = tuple((_RULE_NEEDS[i], RULES[i][1].match, RULES[i][2], RULES[i][0]) for i in rules)
    return plan


_KIND_CACHE: dict[str, int] = {}
_LEAD_CACHE: dict[str, tuple[bool, bool]] = {}
_CACHE_SIZE = 200_000  # words; a long-running process starts afresh past this


def _kind(word: str) -> int:
    """The trigger kind of a word as its bit, 0 when it triggers nothing."""
    bit = _KIND_CACHE.get(word)
    if bit is None:
        if len(_KIND_CACHE) > _CACHE_SIZE:
            _KIND_CACHE.clear()
        kind = _kind_of(word)
        bit = _KIND_CACHE[word] = _KIND_BIT[kind] if kind else 0
    return bit


def _kind_of(word: str) -> str | None:
    if word[0].isdigit():
        return "num"
    low = word.lower()
    kind = _TRIGGERS.get(low)
    if kind:
        return kind
    if low.startswith(_WORD_PREFIXES):
        return "word"
    if _ROMAN.fullmatch(word):
        return "century"
    return None


def _lead(word: str) -> tuple[bool, bool]:
    """Whether a word may lead a trigger («в», «через», «прошлой»), and whether it is adjective-like."""
    found = _LEAD_CACHE.get(word)
    if found is None:
        if len(_LEAD_CACHE) > _CACHE_SIZE:
            _LEAD_CACHE.clear()
        low = word.lower()
        found = _LEAD_CACHE[word] = (low in _LEAD or low.startswith(_LEAD_PREFIXES), bool(_ADJECTIVE.search(low)))
    return found


_WORD_BIT = _KIND_BIT["word"]


def _positions(text: str) -> dict[int, int]:
    """Where rules are tried: the start of every trigger word and of the lead words before it,
    each with the kinds of the triggers it opens."""
    words = _TOKEN.findall(text)
    bits = {w: b for w in set(words) if (b := _kind(w))}
    at: dict[int, int] = {}
    if not bits:
        return at
    tokens = list(_TOKEN.finditer(text))
    for i in [i for i, w in enumerate(words) if w in bits]:
        bit = bits[words[i]]
        start = tokens[i].start()
        at[start] = at.get(start, 0) | bit
        j = i - 1
        while j >= 0 and i - j <= 4:
            lead, adjective = _lead(words[j])
            if lead:
                start = tokens[j].start()
                at[start] = at.get(start, 0) | bit
            elif not (bit == _WORD_BIT and adjective):  # «после Второй мировой войны»
                break
            j -= 1
    return at


class _Prefilter:
    """Does a rule's cheap substring filter pass in the window `[pos, pos + 80)` of the lowered text?

    Positions come in increasing order, so each filter remembers the first occurrence of its
    bits at or after the last position searched: no bit starts before it, and most windows
    are decided by it without a search. Each filter scans the text about once.
    """

    def __init__(self, lower: str):
        self.lower = lower
        self.first = [(-1, -1)] * len(_NEED_PATTERNS)  # (start, end) of the next occurrence

    def passes(self, need: int, pos: int) -> bool:
        start, end = self.first[need]
        if start < pos:
            m = _NEED_PATTERNS[need].search(self.lower, pos)
            start, end = self.first[need] = m.span() if m else (len(self.lower) + _WINDOW, 0)
        if start >= pos + _WINDOW:
            return False
        if end <= pos + _WINDOW:
            return True
        return _NEED_PATTERNS[need].search(self.lower, pos, pos + _WINDOW) is not None


def candidates(text: str) -> list[Found]:
    found: list[Found] = []
    at = _positions(text)
    if not at:
        return found
    prefilter = _Prefilter(text.lower())
    for pos in sorted(at):
        for need, match, fn, name in _plan(at[pos]):
            if need >= 0 and not prefilter.passes(need, pos):
                continue
            m = match(text, pos)
            if m is None:
                continue
            reading = fn(m)
            if reading is not None:
                start, end = _span(m, reading)
                found.append(Found(start, end, name, reading))
    return found


def select(found: list[Found]) -> list[Found]:
    """Longest matches first; a match overlapping a kept one is dropped."""
    kept: list[Found] = []
    starts: list[int] = []  # the kept spans, sorted and disjoint, so two neighbours decide
    ends: list[int] = []
    for f in sorted(found, key=lambda f: (f.start - f.end, PRIORITY[f.rule], f.start)):
        i = bisect.bisect_right(starts, f.start)
        if i > 0 and ends[i - 1] > f.start or i < len(starts) and starts[i] < f.end:
            continue
        starts.insert(i, f.start)
        ends.insert(i, f.end)
        kept.append(f)
    return sorted(kept, key=lambda f: f.start)


_GAP = re.compile(r"\s*(?:[,—–-]|\()?\s*")
_AND_GAP = re.compile(r"\s+(?:и\s+)?")
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


def _restated(a: Reading, b: Reading) -> Reading | None:
    """«вчера, 8 сентября 2017 года», «неделей ранее, 20 августа 1944 года»: an offset restated as a
    date with its year is one expression, dated by the date."""
    if a.kind == "shift" and b.kind == "point" and b.period is not None and b.period.year is not None and not b.mod:
        return replace(b, notes=list(b.notes))
    return None


_TO = re.compile(r"по\s", re.I)


def _from_to(a: Found, b: Found, text: str) -> Reading | None:
    """«С 2001 года по 2011 год», «с мая 2003 года по 27 ноября 2005 года»: one range, not two bounds."""
    ra, rb = a.reading, b.reading
    if not (ra.kind == rb.kind == "point" and ra.mod == "ON_OR_AFTER" and rb.mod == "ON_OR_BEFORE"
            and _TO.match(text, b.start)):
        return None
    if ra.part or rb.part or ra.clock or rb.clock or ra.year_shift is not None or rb.year_shift is not None:
        return None
    if ra.period.year is None or rb.period.year is None or ra.period.year > rb.period.year:
        return None
    return Reading("range", period=ra.period, end=rb.period, old_style=ra.old_style and rb.old_style)


def _joined(a: Found, b: Found, text: str) -> Reading | None:
    """One reading for two neighbours that are one expression, or None."""
    gap = text[a.end:b.start]
    joined = None
    if _GAP.fullmatch(gap):
        joined = _join(a.reading, b.reading) or _restated(a.reading, b.reading)
    if joined is None and gap.isspace():
        joined = _from_to(a, b, text)
    if joined is None and _AND_GAP.fullmatch(gap):
        joined = durations.compound(a.reading, b.reading)  # «2 часа 45 минут», «3 года и 8 месяцев»
    return joined


def merge(found: list[Found], text: str) -> list[Found]:
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if prev is not None and f.start - prev.end <= 4:
            joined = _joined(prev, f, text)
            if joined is not None:
                parts = (prev.parts or [prev]) + [f]
                out[-1] = Found(prev.start, f.end, f"{prev.rule}+{f.rule}", joined, parts)
                continue
        out.append(f)
    kept = [f for f in out if not f.reading.weak]
    for f in kept:
        if f.parts:
            f.inner = _inner(f)
    return kept


def _inner(f: Found) -> Found | None:
    """The dated part of a time of day joined to a date: «в среду, 20 января» in «утром в среду, 20 января».

    NEREL marks both, and the date alone is what the event stage needs when it
    wants the day rather than the hour.
    """
    parts = list(f.parts)
    while parts and parts[0].reading.kind == "time":
        parts.pop(0)
    while parts and parts[-1].reading.kind == "time":
        parts.pop()
    if not parts or len(parts) == len(f.parts) or any(p.reading.kind == "time" for p in parts):
        return None
    reading = parts[0].reading
    for p in parts[1:]:
        reading = _join(reading, p.reading)
        if reading is None:
            return None
    return Found(parts[0].start, parts[-1].end, "+".join(p.rule for p in parts), reading)


def find(text: str) -> list[Found]:
    """Temporal expressions of `text`, in text order, not overlapping."""
    reigns_found = [Found(start, end, rule, reading) for start, end, rule, reading in reigns.find(text)]
    return merge(select(candidates(text) + reigns_found), text)
