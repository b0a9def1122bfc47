"""Small helpers over the dependency tree and mention spans of a `Doc`."""

from __future__ import annotations

from bisect import bisect_left

from ..doc import Doc, Mention
from ..syntax_tree import children, subtree_at as subtree  # noqa: F401  (re-exported for the entity rules)


def span_tokens(doc: Doc, start: int, end: int) -> list[int]:
    """Indices of the tokens lying inside [start, end)."""
    starts = _starts(doc)
    i = bisect_left(starts, start)
    out = []
    while i < len(doc.tokens) and doc.tokens[i].start < end:
        if doc.tokens[i].end <= end:
            out.append(i)
        i += 1
    return out


# The last token list seen and its starts. The entry holds the list itself: an id alone
# can be reused by the next document's list once the last one is freed, and would hand it
# the other document's offsets.
_cache: dict[int, tuple[list, int, list[int]]] = {}


def _starts(doc: Doc) -> list[int]:
    key = id(doc.tokens)
    hit = _cache.get(key)
    if hit is None or hit[0] is not doc.tokens or hit[1] != len(doc.tokens):
        hit = (doc.tokens, len(doc.tokens), [t.start for t in doc.tokens])
        _cache.clear()
        _cache[key] = hit
    return hit[2]


def mention_tokens(doc: Doc, mention: Mention) -> list[int]:
    return span_tokens(doc, mention.start, mention.end)


def span_head(doc: Doc, indices: list[int]) -> int:
    """The token of `indices` whose head lies outside them (the first such, if several)."""
    inside = set(indices)
    for i in indices:
        if doc.tokens[i].head not in inside:
            return i
    return indices[0]


def text_of(doc: Doc, indices: list[int]) -> str:
    """The text of a token range, with the original spacing between the tokens."""
    if not indices:
        return ""
    return doc.text[doc.tokens[indices[0]].start : doc.tokens[indices[-1]].end]


def contiguous(indices: list[int]) -> list[int]:
    """The longest run of consecutive indices starting at the first one."""
    out = indices[:1]
    for i in indices[1:]:
        if i != out[-1] + 1:
            break
        out.append(i)
    return out
