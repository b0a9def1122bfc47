"""Indexes over a `Doc`, built once and shared by every stage that asks: the dependents of
each token, the tokens of a span, the mention over a span and the event a token carries.

    >>> from letopis import index
    >>> index.tokens_inside(doc, start, end)   # the tokens lying wholly inside [start, end)
    >>> index.tree(doc)(token)                  # the dependents of a token

The index of the last `Doc` asked about is kept (one per thread) and rebuilt when the Doc's
tokens or sentences are replaced; the syntax stage drops it when it sets the heads
(`forget`). Events and mentions change from stage to stage, so what is built from them
(`MentionsOver`, `carrier_index`) is built by each caller once per pass.
"""

from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right

from .doc import Doc, Event, Mention
from .syntax_tree import Children


class DocIndex:
    """The indexes of one `Doc`, each built when first asked for."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.shape = _shape(doc)
        self._starts: list[int] | None = None
        self._tree: Children | None = None

    @property
    def starts(self) -> list[int]:
        """The start offset of every token, in token order."""
        if self._starts is None:
            self._starts = [t.start for t in self.doc.tokens]
        return self._starts

    @property
    def tree(self) -> Children:
        """The dependents of every token (`syntax_tree.Children`), sentence by sentence."""
        if self._tree is None:
            self._tree = Children(self.doc)
        return self._tree

    def tokens_inside(self, start: int, end: int) -> list[int]:
        """Indices of the tokens lying wholly inside [start, end)."""
        tokens = self.doc.tokens
        i = bisect_left(self.starts, start)
        out = []
        while i < len(tokens) and tokens[i].start < end:
            if tokens[i].end <= end:
                out.append(i)
            i += 1
        return out

    def tokens_overlapping(self, start: int, end: int) -> list[int]:
        """Indices of the tokens that share at least one character with [start, end)."""
        tokens = self.doc.tokens
        out = []
        for i in range(max(bisect_right(self.starts, start) - 1, 0), len(tokens)):
            if tokens[i].start >= end:
                break
            if tokens[i].end > start:
                out.append(i)
        return out


def _shape(doc: Doc) -> tuple[int, int, int, int]:
    return id(doc.tokens), len(doc.tokens), id(doc.sentences), len(doc.sentences)


class _Last(threading.local):
    index: DocIndex | None = None


_last = _Last()


def of(doc: Doc) -> DocIndex:
    """The index of `doc`, the one built before when the Doc's tokens are the same."""
    index = _last.index
    if index is None or index.doc is not doc or index.shape != _shape(doc):
        index = _last.index = DocIndex(doc)
    return index


def forget(doc: Doc) -> None:
    """Drop the index of `doc` (its heads changed)."""
    if _last.index is not None and _last.index.doc is doc:
        _last.index = None


def tree(doc: Doc) -> Children:
    """The dependents of every token of `doc`, gathered once per sentence."""
    return of(doc).tree


def tokens_inside(doc: Doc, start: int, end: int) -> list[int]:
    """Indices of the tokens lying wholly inside [start, end)."""
    return of(doc).tokens_inside(start, end)


def tokens_overlapping(doc: Doc, start: int, end: int) -> list[int]:
    """Indices of the tokens that share at least one character with [start, end)."""
    return of(doc).tokens_overlapping(start, end)


class MentionsOver:
    """The entity mentions of a document by start offset, to find the shortest one over a
    span without a scan of them all. Mentions change from stage to stage: build it once
    per pass, when they are what the pass reads."""

    def __init__(self, doc: Doc):
        # (start, rank in doc.mentions, mention); the longest mention bounds how far back to look
        self.items = sorted((m.start, k, m) for k, m in enumerate(doc.mentions) if m.entity)
        self.starts = [start for start, _, _ in self.items]
        self.longest = max((m.end - m.start for _, _, m in self.items), default=0)

    def shortest_over(self, start: int, end: int) -> Mention | None:
        """The shortest mention with an entity covering [start, end); the first of equals."""
        low, high = bisect_left(self.starts, start - self.longest), bisect_right(self.starts, start)
        best: tuple[int, int, Mention] | None = None
        for _, rank, m in self.items[low:high]:
            if m.start <= start and end <= m.end and (best is None or (m.end - m.start, rank) < best[:2]):
                best = (m.end - m.start, rank, m)
        return best[2] if best else None


def carrier_index(doc: Doc) -> dict[int, Event]:
    """Token index -> the event whose trigger, or a verb folded into it, is that token."""
    owner: dict[int, Event] = {}
    for event in doc.events:
        for carrier in event.carrier_tokens():
            owner.setdefault(carrier, event)
    return owner
