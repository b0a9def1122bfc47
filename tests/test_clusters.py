"""Union-find (`letopis.clusters.UnionFind`): the sets that joins make, as a table."""

from __future__ import annotations

import pytest

from letopis.clusters import UnionFind

# (number of items, joins, the sets)
JOINS = [
    (3, [], [[0], [1], [2]]),
    (4, [(0, 1), (2, 3)], [[0, 1], [2, 3]]),
    (5, [(4, 3), (3, 2), (1, 0)], [[0, 1], [2, 3, 4]]),
    (4, [(0, 3), (3, 0), (1, 2), (2, 3)], [[0, 1, 2, 3]]),
]


@pytest.mark.parametrize("size, joins, groups", JOINS)
def test_joins_make_sets(size, joins, groups):
    forest = UnionFind(size)
    for a, b in joins:
        forest.union(a, b)
    assert sorted(forest.groups()) == groups
    assert all(forest.find(item) == min(group) for group in groups for item in group), "the smallest item is the root"


def test_a_second_join_changes_nothing():
    forest = UnionFind(2)
    assert forest.union(0, 1) and not forest.union(1, 0)
