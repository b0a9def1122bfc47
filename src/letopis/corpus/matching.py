"""Which events of different documents tell the same happening: blocking and scoring.

**Blocking.** An event is compared only with events that share a block with it. Its block
keys, all within its type family (`lexicon.FAMILIES`): its trigger's lemma; each corpus entity
it involves (participants, places, entities named in its sentence); each month its
[earliest, latest] interval touches, widened by a few days so near-miss dates meet. A block
of at most `SMALL_BLOCK` events is compared all pairs; a larger one by sorted neighbourhood:
its events sorted by date and each compared with the next `WINDOW`. An event has at most
`MAX_KEYS` keys, so the number of comparisons is at most n × MAX_KEYS × max(SMALL_BLOCK,
WINDOW): linear in the number of events n, never quadratic. Sorting the blocks adds
O(n log n).

**Scoring.** A pair of events of different documents scores (`score`):
  type       same type +1.0, same family only +0.3
  trigger    same trigger lemma +1.0
  time       same single day +1.0; bounded intervals that meet +0.5; intervals that meet
             with an open bound whose known bounds lie within a week +0.25 (more than a
             month apart −0.75, more than a year apart no match: an inferred «not before»
             says the event belongs near that day); disjoint intervals: −0.25 within 3
             days, −0.75 within a month, beyond a month no match
  roles      a shared place +0.75, a shared agent +0.75, another shared participant +0.5
             (each counted once, up to +1.5 in all)
  context    an entity shared with the other's sentence +0.25 (up to +0.5); an undated
             event whose sentence names the other's day +0.5
  named      the same named event («Февральская революция» in both) +1.0
A pair is a candidate when it scores at least `THRESHOLD`, its dates are compatible (both
dated, their intervals meet at the finer of the two precisions: a day inside a year meets it,
two days meet when they are one day; days at most 3 apart are kept as a disagreement about
one event; an undated event counts as dated when its sentence names the other's day) and it
has an anchor in the world: a shared participant, place or named event. Type, trigger
wording and dates alone never merge («вступили в 1814 году» in Paris and in Kazan are two
events); nor do entities merely named elsewhere in the two sentences.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from ..time.calendar import add_months, from_jdn, jdn
from .features import EventFeatures

THRESHOLD = 2.0
SMALL_BLOCK = 32
WINDOW = 16
MAX_KEYS = 10
_WIDEN_DAYS = 3
_MONTH_SPAN_LIMIT = 62  # an interval longer than this gets no month keys: it is not a time anchor
NEAR_MISS_DAYS = 3
UNTYPED = "other"
_NEAR_MISS, _SAME_PERIOD, _OPEN_NEAR, _SAME_YEAR = NEAR_MISS_DAYS, 31, 7, 366
_UNKNOWN = 10**9


@dataclass(slots=True)
class Candidate:
    a: int
    b: int
    score: float
    features: dict


def block_keys(event: EventFeatures) -> list[tuple]:
    """The blocks an event belongs to (see the module docstring)."""
    keys: list[tuple] = [(event.family, "t", event.word)]
    if event.name is not None:
        keys.append((event.family, "n", event.name))
    for entity in sorted(event.entities) + sorted(event.context):
        keys.append((event.family, "e", entity))
    keys.extend((event.family, "m", month) for month in _months(event))
    return keys[:MAX_KEYS]


def _months(event: EventFeatures) -> list[tuple[int, int]]:
    bounds = [b for b in (event.earliest, event.latest) if b is not None]
    if not bounds:
        return []
    first, last = min(bounds) - _WIDEN_DAYS, max(bounds) + _WIDEN_DAYS
    if last - first > _MONTH_SPAN_LIMIT:
        return []
    year, month, _ = from_jdn(first)
    months, current = [], (year, month, 1)
    while jdn(*current) <= last:
        months.append(current[:2])
        current = add_months(current, 1)
    return months


def candidate_pairs(events: list[EventFeatures]) -> Iterator[tuple[int, int]]:
    """Pairs of events of different documents that share a block (a pair may come twice)."""
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for event in events:
        for key in dict.fromkeys(block_keys(event)):
            blocks[key].append(event.index)
    for members in blocks.values():
        if len(members) < 2:
            continue
        if len(members) <= SMALL_BLOCK:
            for i, a in enumerate(members):
                for b in members[i + 1:]:
                    if events[a].doc != events[b].doc:
                        yield a, b
            continue
        members.sort(key=lambda m: (_sort_day(events[m]), events[m].doc, m))
        for i, a in enumerate(members):
            for b in members[i + 1: i + 1 + WINDOW]:
                if events[a].doc != events[b].doc:
                    yield a, b


def _sort_day(event: EventFeatures) -> int:
    return event.earliest if event.earliest is not None else event.latest if event.latest is not None else _UNKNOWN


def score(a: EventFeatures, b: EventFeatures) -> Candidate | None:
    """The evidence that a and b are one happening, or None when they cannot be."""
    if a.family != b.family:
        return None
    if UNTYPED in (a.type, b.type) and a.word != b.word:
        return None  # an event of no known type is told by its word alone
    time = _time(a, b)
    if time is None:
        return None
    features: dict = {}
    anchor = False
    if a.type == b.type:
        features["type"], total = a.type, 1.0
    else:
        features["type"], total = f"{a.type}~{b.type}", 0.3
    if a.word == b.word:
        features["trigger"], total = a.word, total + 1.0
    if time[0]:
        features["time"], total = time[0], total + time[1]
    if a.name is not None and a.name == b.name:
        features["named"], total, anchor = a.name, total + 1.0, True
    if a.entities and b.entities and not a.entities.isdisjoint(b.entities):
        roles = 0.0
        for name, mine, theirs, weight in (
            ("place", a.places, b.places, 0.75), ("agent", a.agents, b.agents, 0.75), ("participant", a.others, b.others, 0.5),
        ):
            shared = mine & theirs
            if shared:
                features[name] = sorted(shared)
                roles += weight * len(shared)
        if roles:
            total, anchor = total + min(roles, 1.5), True
    if (a.context or b.context) and not a.around.isdisjoint(b.around):
        shared_context = (a.around & b.around) - (a.entities & b.entities)
        if shared_context:
            features["sentence_entities"] = sorted(shared_context)
            total = total + min(0.25 * len(shared_context), 0.5)
    if (a.context_days or b.context_days) and (_context_day(a, b) or _context_day(b, a)):
        features["sentence_date"] = True
        total = total + 0.5
    if total < THRESHOLD or not anchor:
        return None
    return Candidate(a.index, b.index, round(total, 3), features)


def _dated(event: EventFeatures) -> bool:
    return event.earliest is not None or event.latest is not None


_NO_TIME = ("", 0.0, False)


def _time(a: EventFeatures, b: EventFeatures) -> tuple[str, float, bool] | None:
    """(feature, weight, anchor) for the two intervals; None when they are too far apart."""
    ae, al, be, bl = a.earliest, a.latest, b.earliest, b.latest
    if not _dated(a) or not _dated(b):
        return ("sentence_day", 0.0, True) if _context_day(a, b) or _context_day(b, a) else None
    lo = be if ae is None else ae if be is None else max(ae, be)
    hi = bl if al is None else al if bl is None else min(al, bl)
    if lo is not None and hi is not None and lo > hi:
        gap = lo - hi
        if gap <= _NEAR_MISS and a.bounded and b.bounded and ae == al and be == bl:
            return ("near_miss", -0.25, False)  # two days a few days apart: a disagreement about one event
        return None
    if ae is not None and al is not None and be is not None and bl is not None:
        if ae == al == be == bl:
            return ("same_day", 1.0, True)
        return ("overlap", 0.5, True)
    distance = min(abs(x - y) for x in (ae, al) if x is not None for y in (be, bl) if y is not None)
    if distance <= _OPEN_NEAR:
        return ("open_overlap", 0.25, True)
    if distance <= _SAME_PERIOD:
        return _NO_TIME
    if distance <= _SAME_YEAR:
        return ("open_far", -0.75, False)
    return None  # «after May 1945» and «after October 1956»: open bounds of other times


def _context_day(undated: EventFeatures, other: EventFeatures) -> bool:
    """An undated event whose sentence names the day the other event is dated to (or names)."""
    if undated.earliest is not None or undated.latest is not None or not undated.context_days:
        return False
    if other.bounded and other.earliest == other.latest:
        return other.earliest in undated.context_days
    if other.earliest is None and other.latest is None:
        return bool(undated.context_days & other.context_days)
    return False
