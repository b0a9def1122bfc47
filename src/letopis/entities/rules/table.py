"""The rule table and `apply_rules`, which folds what each rule finds into `doc.mentions`."""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable

from ...doc import Doc, Mention
from ..tree import mention_tokens, span_head
from .common import NAMED
from .facilities import facilities, listed_facilities
from .groups import collectives, members, peoples
from .organisations import adjective_names, fuller_organisations, inner_names
from .repeated import repeated_names
from .sources import web_sources
from .units import military_units
from .vehicles import vehicles

# Rules whose mention says what a recognised one of the same span is, whatever its type.
_RETYPING = frozenset({"vehicles", "members"})

RULES: list[tuple[str, Callable[[Doc], list[Mention]]]] = [
    ("adjective_names", adjective_names),
    ("peoples", peoples),
    ("collectives", collectives),
    ("military_units", military_units),
    ("fuller_organisations", fuller_organisations),
    ("facilities", facilities),
    ("listed_facilities", listed_facilities),
    ("inner_names", inner_names),
    ("web_sources", web_sources),
    ("vehicles", vehicles),
    ("members", members),
    ("repeated_names", repeated_names),
]


def _head_token(doc: Doc, m: Mention) -> int:
    idx = mention_tokens(doc, m)
    return span_head(doc, idx) if idx else -1


class _Spans:
    """The mentions of a document indexed by start offset, in list order, so that a rule
    mention finds the mentions with its span or inside it without a scan of them all."""

    def __init__(self, mentions: list[Mention]):
        self.order: dict[int, int] = {}  # id(mention) -> its rank in doc.mentions
        self.by_start: dict[int, list[Mention]] = {}
        self.starts: list[int] = []
        for m in mentions:
            self.add(m)

    def add(self, m: Mention) -> None:
        self.order[id(m)] = len(self.order)
        if m.start not in self.by_start:
            insort(self.starts, m.start)
        self.by_start.setdefault(m.start, []).append(m)

    def remove(self, m: Mention) -> Mention:
        """Drop the first mention equal to `m` (as `list.remove` would); return it."""
        bucket = self.by_start[m.start]
        at = bucket.index(m)
        return bucket.pop(at)

    def same(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.by_start.get(start, ()) if m.end == end]

    def inside(self, start: int, end: int) -> list[Mention]:
        """Mentions starting in [start, end], in doc.mentions order."""
        first, last = bisect_left(self.starts, start), bisect_right(self.starts, end)
        found = [m for at in self.starts[first:last] for m in self.by_start[at]]
        return sorted(found, key=lambda m: self.order[id(m)])


def _refines(recognised: Mention, new: Mention, rule: str) -> bool:
    """Whether a rule mention over the same span may set the recognised mention's type.

    The tagger tells an organisation from the building it sits in and from a
    collective («Мариинского театра» in «оркестр Мариинского театра», «Канадские
    власти» are organisations in its training data), so a rule only adds a subtype to
    a mention of its own type («62-й армии» → MILITARY_UNIT), turns a nationality
    into a group, or corrects another rule's guess. Two rules say what a span is whatever
    the recogniser took it for: a vehicle's name in quotes after its noun is the vehicle,
    and an organisation's people are a group (`_RETYPING`).
    """
    if rule in _RETYPING:
        return recognised.type in NAMED
    return recognised.type in (new.type, "NATIONALITY", "GROUP") or recognised.source == "rule"


def apply_rules(doc: Doc) -> None:
    """Run every rule and fold what it finds into `doc.mentions` (sorted by offset)."""
    spans = _Spans(doc.mentions)
    for name, rule in RULES:
        removed: set[int] = set()  # ids of dropped mentions, taken out of doc.mentions once per rule
        for new in rule(doc):
            same = spans.same(new.start, new.end)
            if same:
                for m in same:
                    if _refines(m, new, name):
                        m.type, m.subtype = new.type, new.subtype or m.subtype
                doc.note("entities", name, new.start, new.end, action="refine", type=new.type, subtype=new.subtype)
                continue
            head = _head_token(doc, new)
            covered = [
                m for m in spans.inside(new.start, new.end)
                if new.start <= m.start and m.end <= new.end and (
                    m.type == new.type and (_head_token(doc, m) == head or m.start == new.start)
                    or new.type == "PRODUCT" and m.type in NAMED)  # «Союз» of «Союз ТМА-11»
            ]
            for m in covered:
                removed.add(id(spans.remove(m)))
            doc.mentions.append(new)
            spans.add(new)
            doc.note("entities", name, new.start, new.end, action="add", type=new.type, subtype=new.subtype,
                     replaces=[(m.start, m.end) for m in covered])
        if removed:
            doc.mentions[:] = [m for m in doc.mentions if id(m) not in removed]
    doc.mentions.sort(key=lambda m: (m.start, -m.end))
