"""Clustering by union-find: the one forest every merge of letopis grows.

`UnionFind` is the forest alone (entity mentions within a document, `entities.merge`).
`Clusters` adds the constraints of the corpus merge, shared by corpus entities and
events: a union is refused when it would put two items that must stay apart in one cluster:
items a user has split (`cannot` links), or, for events, two items of one document
(`exclusive` groups: a document never tells one event twice unless it says so). Each
cluster keeps its members and the exclusive groups it holds, so a check costs the size of
the smaller cluster and its cannot-links, never the size of the corpus.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable


class UnionFind:
    """Disjoint sets over items 0..n-1, with path compression."""

    def __init__(self, size: int):
        self._parent = list(range(size))

    def __len__(self) -> int:
        return len(self._parent)

    def find(self, item: int) -> int:
        """The root of the item's set."""
        root = item
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[item] != root:  # path compression
            self._parent[item], item = root, self._parent[item]
        return root

    def link(self, child: int, root: int) -> None:
        """Put the set of root `child` under root `root` (both must be roots)."""
        self._parent[child] = root

    def union(self, a: int, b: int) -> bool:
        """Join the sets of a and b, the smaller root staying root; False when already one."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self.link(max(ra, rb), min(ra, rb))
        return True

    def groups(self) -> list[list[int]]:
        """Every set as a list of items in order, ordered by first item."""
        out: dict[int, list[int]] = {}
        for item in range(len(self._parent)):
            out.setdefault(self.find(item), []).append(item)
        return list(out.values())


class Clusters:
    """Union-find over items 0..n-1 with cannot-link constraints."""

    def __init__(
        self,
        size: int,
        groups: Iterable[Hashable] | None = None,
        bounds: Iterable[tuple[int | None, int | None]] | None = None,
        tolerance: int = 0,
    ):
        self._forest = UnionFind(size)
        # Per cluster: the latest earliest bound and the earliest latest bound of its members.
        # A union whose intervals would then lie more than `tolerance` apart is refused, so
        # near-miss dates can join two sources without chaining days into weeks.
        self._bounds = {i: b for i, b in enumerate(bounds)} if bounds is not None else None
        self._tolerance = tolerance
        self._members: dict[int, list[int]] = {i: [i] for i in range(size)}
        self._groups: dict[int, set[Hashable]] | None = (
            {i: {g} for i, g in enumerate(groups)} if groups is not None else None
        )
        self._cannot: dict[int, set[int]] = {}

    def find(self, item: int) -> int:
        return self._forest.find(item)

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
        if self._bounds is not None and not self._close(ra, rb):
            return False
        if not self._cannot:
            return True
        small, large = sorted((ra, rb), key=lambda r: len(self._members[r]))
        return not any(self.find(x) == large for m in self._members[small] for x in self._cannot.get(m, ()))

    def _close(self, ra: int, rb: int) -> bool:
        lo, hi = self._joined(ra, rb)
        return lo is None or hi is None or lo - hi <= self._tolerance

    def _joined(self, ra: int, rb: int) -> tuple[int | None, int | None]:
        (lo_a, hi_a), (lo_b, hi_b) = self._bounds[ra], self._bounds[rb]
        lo = max((x for x in (lo_a, lo_b) if x is not None), default=None)
        hi = min((x for x in (hi_a, hi_b) if x is not None), default=None)
        return lo, hi

    def union(self, a: int, b: int, *, force: bool = False, groups: bool = True) -> bool:
        """Join the clusters of a and b; False (and nothing changes) when not allowed.

        `force` skips every check (a user's join); `groups=False` skips only the
        exclusive groups (a document's own word that two of its events are one)."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb or (not force and not self.allowed(a, b, groups=groups)):
            return False
        if len(self._members[ra]) < len(self._members[rb]):
            ra, rb = rb, ra
        self._forest.link(rb, ra)
        if self._bounds is not None:
            self._bounds[ra] = self._joined(ra, rb)
            del self._bounds[rb]
        self._members[ra].extend(self._members.pop(rb))
        if self._groups is not None:
            self._groups[ra] |= self._groups.pop(rb)
        return True

    def clusters(self) -> list[list[int]]:
        """Every cluster as a sorted list of items, ordered by first item."""
        return sorted(sorted(members) for members in self._members.values())
