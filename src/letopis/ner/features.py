"""Token features shared by training and inference: word shape, characters, natasha's tags.

Everything here is plain Python over token strings and offsets, so the training
script and the numpy tagger compute exactly the same inputs.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from .labels import NATASHA_TAGS

MAX_CHARS = 20  # longer words keep their first 12 and last 8 characters

_SHAPES = (
    "pad", "lower", "title", "upper", "upper1", "lower1", "mixed", "title-dash", "digit",
    "digit-mixed", "punct", "quote", "dash", "other",
)
SHAPES = {name: index for index, name in enumerate(_SHAPES)}
_QUOTES = set("\"'«»„“”‘’`")
_DASHES = set("-‐−‒–—―")


def shape(word: str) -> int:
    """A small class of how the word is written (case, digits, punctuation)."""
    if word in _QUOTES or all(ch in _QUOTES for ch in word):
        kind = "quote"
    elif all(ch in _DASHES for ch in word):
        kind = "dash"
    elif word.isdigit():
        kind = "digit"
    elif any(ch.isdigit() for ch in word):
        kind = "digit-mixed"
    elif not any(ch.isalpha() for ch in word):
        kind = "punct"
    elif len(word) == 1:
        kind = "upper1" if word.isupper() else "lower1"
    elif word.isupper():
        kind = "upper"
    elif word.islower():
        kind = "lower"
    elif word[0].isupper() and word[1:].islower():
        kind = "title"
    elif "-" in word and all(part[:1].isupper() for part in word.split("-") if part):
        kind = "title-dash"
    elif word[0].isupper():
        kind = "mixed"
    else:
        kind = "other"
    return SHAPES[kind]




def clip(word: str) -> str:
    return word if len(word) <= MAX_CHARS else word[:12] + word[-8:]


def char_ids(word: str, alphabet: dict[str, int]) -> list[int]:
    """Character ids of the clipped word; 0 pads, 1 is an unknown character."""
    return [alphabet.get(ch, 1) for ch in clip(word)]


def natasha_tags(tokens: Sequence[tuple[int, int]], spans: Sequence[tuple[int, int, str]]) -> list[int]:
    """natasha's span types turned into a BIO tag id per token (offsets in one frame).

    `spans` are sorted by start; only those overlapping the tokens are looked at.
    """
    index = {tag: i for i, tag in enumerate(NATASHA_TAGS)}
    tags = [0] * len(tokens)
    if not tokens:
        return tags
    low = bisect.bisect_left(spans, (tokens[0][0] - 1000,))
    for start, end, kind in spans[low:]:
        if start >= tokens[-1][1]:
            break
        first = True
        for i, (a, b) in enumerate(tokens):
            if a < end and start < b:
                tags[i] = index.get(("B-" if first else "I-") + kind, 0)
                first = False
    return tags
