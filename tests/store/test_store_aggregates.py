"""Corpus-wide counts in SQL (`letopis.store.aggregates`), checked against the same counts
made in Python over the records the store returns."""

from __future__ import annotations

from collections import Counter

import pytest

from letopis.doc import ACTOR_TYPES, PLACE_TYPES


def _co_actors_by_hand(store, entity_id: str, within: int | None, top: int) -> Counter:
    counts: Counter[str] = Counter()
    for event in store.events(entity=entity_id, limit=within):
        counts.update({p["entity"] for p in event["participants"]} - {entity_id})
    return Counter(dict(counts.most_common(top)))


@pytest.mark.parametrize("within, top", [(None, 20), (500, 20), (3, 20), (1, 5), (None, 1)])
def test_co_actors_count_shared_events(store, within, top):
    checked = 0
    for entity in store.entities(limit=25):
        found = store.co_actors(entity["id"], within=within, top=top)
        counts = [n for _, n in found]
        assert counts == sorted(counts, reverse=True), "most frequent first"
        expected = _co_actors_by_hand(store, entity["id"], within, top)
        assert sorted(counts) == sorted(expected.values())
        assert all(expected[i] == n for i, n in found if i in expected), "same counts for the same entities"
        assert len(found) == len(set(found)) and entity["id"] not in dict(found)
        checked += bool(found)
    assert checked, "some entity acts with others"


def test_co_actors_of_an_unknown_entity(store):
    assert store.co_actors("E999999") == []


def _top_by_hand(store, types, limit, located):
    found = [e for type_ in types for e in store.entities(type=type_)]
    if located:
        found = [e for e in found if isinstance((e["attributes"].get("geo") or {}).get("lat"), (int, float))
                 and isinstance((e["attributes"].get("geo") or {}).get("lon"), (int, float))]
    found.sort(key=lambda e: -len(e["mentions"]))
    return [e["id"] for e in found[:limit]]


@pytest.mark.parametrize("types, limit, located", [
    (ACTOR_TYPES, 15, False),
    (ACTOR_TYPES, 1, False),
    (("PERSON",), 100, False),
    (PLACE_TYPES, 300, True),
    (PLACE_TYPES, 2, True),
    (PLACE_TYPES, 300, False),
    ((), 10, False),
])
def test_top_entities(store, types, limit, located):
    found = store.top_entities(types, limit=limit, located=located)
    assert [e["id"] for e in found] == _top_by_hand(store, types, limit, located)
    assert all(e["mentions"] for e in found), "whole entity records, with their mentions"


def test_some_places_are_located(store):
    assert store.top_entities(PLACE_TYPES, limit=5, located=True)
