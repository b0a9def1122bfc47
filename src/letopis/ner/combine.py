"""How the tagger's spans and natasha's spans become one set of name mentions.

The tagger reads natasha's tags as a feature, so the two mostly agree; where they
do not, the choice here is what to keep. `Policy` holds the few numbers of that
choice; `train/ner/policy.py` picks them on the held-out tenth of NEREL train.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

# The tagger's NEREL types that natasha also tags, as natasha names them.
NATASHA_KIND = {
    "PERSON": "PER", "ORGANIZATION": "ORG", "CITY": "LOC", "COUNTRY": "LOC",
    "STATE_OR_PROVINCE": "LOC", "DISTRICT": "LOC", "LOCATION": "LOC",
}
NATASHA_FAMILY = {"PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC"}
# natasha's kinds as the tagger's NEREL types, for the spans natasha alone finds.
NATASHA_TYPE = {"PER": "PERSON", "ORG": "ORGANIZATION", "LOC": "LOCATION"}
# Tagger types that name something: natasha's span over one of them is not a miss.
NAMED = frozenset(NATASHA_KIND) | {"FACILITY"}
Tagged = tuple[int, int, str, float]  # start, end (characters), NEREL type, confidence


@dataclass(frozen=True)
class Policy:
    # A span natasha does not find (no overlapping span of its kind) is kept when the
    # tagger is at least this sure of it; per natasha kind, 0 keeps every such span.
    alone: dict[str, float] = field(default_factory=dict)
    # Drop a span that starts where a longer span of the same kind starts («Правительство»
    # in «Правительство Китая», «МИД» in «МИД России»): the inner span is the same
    # referent's head, not a second name.
    drop_head_inner: bool = False
    # natasha's spans of these kinds are added where the tagger found nothing of a
    # named kind over them (a missed place natasha knows: «реки Славянки»).
    natasha_alone: frozenset[str] = frozenset()


def _overlaps(a: int, b: int, c: int, d: int) -> bool:
    return a < d and c < b


def combine(tagged: Sequence[Tagged], natasha_spans: Sequence[tuple[int, int, str]], policy: Policy) -> list[Tagged]:
    """The tagger's spans that `policy` keeps (natasha's spans: start, end, natasha type)."""
    theirs = [(a, b, NATASHA_FAMILY.get(k)) for a, b, k in natasha_spans]
    kept = []
    for start, end, kind, conf in tagged:
        family = NATASHA_KIND.get(kind)
        if family is not None and policy.alone.get(family, 0.0) > 0.0:
            agrees = any(k == family and _overlaps(start, end, a, b) for a, b, k in theirs)
            if not agrees and conf < policy.alone[family]:
                continue
        if policy.drop_head_inner and family is not None and any(
            a == start and b > end and NATASHA_KIND.get(k) == family for a, b, k, _ in tagged
        ):
            continue
        kept.append((start, end, kind, conf))
    for a, b, family in theirs:
        if family in policy.natasha_alone and not any(_overlaps(a, b, c, d) for c, d, k, _ in tagged if k in NAMED):
            kept.append((a, b, NATASHA_TYPE[family], 0.0))
    return kept
