"""Clusters that grow by union under constraints: the merge decision shared by entities and events.

A union is refused when it would put two items that must stay apart in one cluster:
items a user has split (`cannot` links), or, for events, two items of one document
(`exclusive` groups: a document never tells one event twice unless it says so). Each
cluster keeps its members and the exclusive groups it holds, so a check costs the size of
the smaller cluster, not of the corpus.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable


class Clusters:
    """Union-find over items 0..n-1 with cannot-link constraints."""

    def __init__(self, size: int, groups: Iterable[Hashable] | None = None):
        self._parent = list(range(size))
        self._members: dict[int, list[int]] = {i: [i] for i in range(size)}
        self._groups: dict[int, set[Hashable]] | None = (
            {i: {g} for i, g in enumerate(groups)} if groups is not None else None
        )
        self._cannot: dict[int, set[int]] = {}

    def find(self, item: int) -> int:
        root = item
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[item] != root:  # path compression
            self._parent[item], item = root, self._parent[item]
        return root

    def forbid(self, a: int, b: int) -> None:
        """a and b must never share a cluster."""
        self._cannot.setdefault(a, set()).add(b)
        self._cannot.setdefault(b, set()).add(a)

    def allowed(self, a: int, b: int, *, groups: bool = True) -> bool:
        """Whether a and b may join; `groups=False` checks the cannot-links only."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if groups and self._groups is not None and self._groups[ra] & self._groups[rb]:
            return False
        small, large = sorted((ra, rb), key=lambda r: len(self._members[r]))
        large_members = set(self._members[large])
        return not any(self._cannot.get(m, set()) & large_members for m in self._members[small])

    def union(self, a: int, b: int, *, force: bool = False, groups: bool = True) -> bool:
        """Join the clusters of a and b; False (and nothing changes) when not allowed.

        `force` skips every check (a user's join); `groups=False` skips only the
        exclusive groups (a document's own word that two of its events are one)."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb or (not force and not self.allowed(a, b, groups=groups)):
            return False
        if len(self._members[ra]) < len(self._members[rb]):
            ra, rb = rb, ra
        self._parent[rb] = ra
        self._members[ra].extend(self._members.pop(rb))
        if self._groups is not None:
            self._groups[ra] |= self._groups.pop(rb)
        return True

    def clusters(self) -> list[list[int]]:
        """Every cluster as a sorted list of items, ordered by first item."""
        return sorted(sorted(members) for members in self._members.values())
