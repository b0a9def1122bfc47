"""Small helpers over the dependency tree stored on `Doc.tokens` (head indices)."""

from __future__ import annotations

from collections.abc import Iterator

from .doc import Doc, Token


def children(doc: Doc, index: int) -> list[int]:
    """Token indices whose head is `index`, within the same sentence."""
    sent = doc.sentences[doc.tokens[index].sent]
    return [other for other in range(sent.first, sent.last) if doc.tokens[other].head == index]


def child_map(doc: Doc, sentence: int) -> dict[int, list[int]]:
    """head index -> dependents, for one sentence (computed once per sentence)."""
    sent = doc.sentences[sentence]
    kids: dict[int, list[int]] = {}
    for index in range(sent.first, sent.last):
        head = doc.tokens[index].head
        if head >= 0:
            kids.setdefault(head, []).append(index)
    return kids


class Children:
    """`children(doc, index)` for many questions about one document: each sentence's
    dependents are gathered once, so asking about every token of a long sentence costs
    its length, not its length squared. Build it after the parse; it does not follow
    later changes to the heads."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.maps: dict[int, dict[int, list[int]]] = {}

    def of_sentence(self, sentence: int) -> dict[int, list[int]]:
        kids = self.maps.get(sentence)
        if kids is None:
            kids = self.maps[sentence] = child_map(self.doc, sentence)
        return kids

    def __call__(self, index: int) -> list[int]:
        if index < 0:  # what `children` answers for a missing head
            return children(self.doc, index)
        return self.of_sentence(self.doc.tokens[index].sent).get(index, [])

    def subtree(self, index: int) -> list[int]:
        """`subtree_at(doc, index)`."""
        return subtree(self.of_sentence(self.doc.tokens[index].sent), index)


def span_head(doc: Doc, indices: list[int]) -> int:
    """The token of a span (`indices`, not empty) whose head lies outside it: the first such,
    if several."""
    inside = set(indices)
    for i in indices:
        if doc.tokens[i].head not in inside:
            return i
    return indices[0]


def highest_head(doc: Doc, indices: list[int]) -> int | None:
    """Of the tokens of a span whose head lies outside it, the one highest in the tree (the
    first of equals); None for an empty span."""
    if not indices:
        return None
    inside = set(indices)
    outer = [t for t in indices if doc.tokens[t].head not in inside]
    if not outer:
        return indices[0]
    return min(outer, key=lambda t: sum(1 for _ in ancestors(doc, t)))


def ancestors(doc: Doc, index: int, limit: int = 64) -> Iterator[int]:
    """The chain of heads above `index`, nearest first (cycles cut by `limit`)."""
    head = doc.tokens[index].head
    while head >= 0 and limit:
        yield head
        head = doc.tokens[head].head
        limit -= 1


def subtree(kids: dict[int, list[int]], index: int) -> list[int]:
    """`index` and every token below it, in index order (a parser's cycle is cut)."""
    seen, stack = {index}, [index]
    while stack:
        for child in kids.get(stack.pop(), ()):
            if child not in seen:
                seen.add(child)
                stack.append(child)
    return sorted(seen)


def subtree_at(doc: Doc, index: int) -> list[int]:
    """`index` and every token below it, in index order, for a one-off question."""
    return subtree(child_map(doc, doc.tokens[index].sent), index)


def tree_distance(doc: Doc, a: int, b: int) -> int:
    """Number of edges between two tokens of a sentence (a large number if unconnected)."""
    up_a = [a, *ancestors(doc, a)]
    depth_a = {node: depth for depth, node in enumerate(up_a)}
    for depth_b, node in enumerate([b, *ancestors(doc, b)]):
        if node in depth_a:
            return depth_a[node] + depth_b
    return 10_000


def case_of(token: Token) -> str:
    return token.feats.get("Case", "")


def preposition(doc: Doc, kids: dict[int, list[int]], index: int) -> str:
    """The lemma of the preposition attached to `index` («в», «на», «к» ...), or ''."""
    for child in kids.get(index, ()):
        if doc.tokens[child].rel == "case":
            return doc.tokens[child].lemma
    return ""
