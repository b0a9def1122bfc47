"""The corpus layer's tables (`letopis.store.layer`), read and written through store methods.

A small hand-made layer, so every case says exactly what the store should answer.
"""

from __future__ import annotations

import pytest

from letopis.errors import LetopisError, StoreError
from letopis.store import open_store

LAYER = {
    "entities": [
        {"id": "CE1", "type": "PERSON", "name": "Леклерк",
         "members": [{"entity": "E1", "key": "PERSON:леклерк"}, {"entity": "E7", "key": "PERSON:леклерк"}]},
        {"id": "CE2", "type": "LOCATION", "name": "Париж", "members": [{"entity": "E2", "key": "LOCATION:париж"}]},
    ],
    "events": [
        {"id": "C1", "type": "movement", "time": {"earliest": "1944-08-24", "latest": "1944-08-24", "status": "agreed"},
         "mentions": [{"event": "d1.ev1", "doc": "d1", "key": "a:1-5"}, {"event": "d2.ev3", "doc": "d2", "key": "b:7-12"}]},
        {"id": "C2", "type": "meeting", "time": {"status": "unknown"},
         "mentions": [{"event": "d3.ev1", "doc": "d3", "key": "c:0-4"}]},
    ],
    "conflicts": [{"id": "K1", "kind": "date", "event": "C1"}, {"id": "K2", "kind": "actor", "event": "C1"}],
}


@pytest.fixture
def layered(tmp_path):
    with open_store(tmp_path / "corpus.db") as store:
        store.replace_corpus_layer(LAYER, {"comparisons": 3})
        yield store


def _id(record):
    return record["id"] if record else None


@pytest.mark.parametrize("corpus_id, expected", [("C1", "C1"), ("C2", "C2"), ("C9", None), ("d1.ev1", None)])
def test_corpus_event(layered, corpus_id, expected):
    assert _id(layered.corpus_event(corpus_id)) == expected


@pytest.mark.parametrize("event_id, expected", [("d1.ev1", "C1"), ("d2.ev3", "C1"), ("d3.ev1", "C2"), ("d9.ev9", None)])
def test_corpus_event_of(layered, event_id, expected):
    assert layered.corpus_event_of(event_id) == expected


@pytest.mark.parametrize("event_ids, expected", [
    ([], {}),
    (["d1.ev1", "d3.ev1", "d9.ev9"], {"d1.ev1": ("C1", 2), "d3.ev1": ("C2", 1)}),
    ([f"d1.ev{n}" for n in range(1, 1200)], {"d1.ev1": ("C1", 2)}),  # more ids than one statement takes
])
def test_corpus_sources(layered, event_ids, expected):
    assert layered.corpus_sources(event_ids) == expected


@pytest.mark.parametrize("entity_id, expected", [("CE1", "CE1"), ("E7", "CE1"), ("E2", "CE2"), ("E99", None)])
def test_corpus_entity_by_its_id_or_a_member(layered, entity_id, expected):
    assert _id(layered.corpus_entity(entity_id)) == expected


@pytest.mark.parametrize("merged_only, expected", [(False, ["C1", "C2"]), (True, ["C1"])])
def test_corpus_events(layered, merged_only, expected):
    assert [e["id"] for e in layered.corpus_events(merged_only=merged_only)] == expected


@pytest.mark.parametrize("kind, expected", [(None, ["K1", "K2"]), ("date", ["K1"]), ("outcome", [])])
def test_corpus_conflicts(layered, kind, expected):
    assert [c["id"] for c in layered.corpus_conflicts(kind=kind)] == expected


def test_corpus_entities_and_state(layered):
    assert [e["id"] for e in layered.corpus_entities()] == ["CE1", "CE2"]
    state = layered.corpus_state()
    assert state["stats"] == {"comparisons": 3} and state["built"]


def test_a_rebuild_replaces_the_whole_layer(layered):
    layered.replace_corpus_layer({"entities": [], "events": [], "conflicts": []}, {})
    assert (layered.corpus_events(), layered.corpus_entities(), layered.corpus_event_of("d1.ev1")) == ([], [], None)


def test_corrections_replace_one_per_pair_and_are_forgotten_by_number(layered):
    first = layered.add_corpus_correction("event", "split", "b-key", "a-key", "undo C1")
    layered.add_corpus_correction("entity", "join", "x", "y")
    again = layered.add_corpus_correction("event", "join", "a-key", "b-key", "force")
    rows = layered.corpus_corrections()
    assert [(r.kind, r.action, r.a, r.b, r.note) for r in rows] == [("entity", "join", "x", "y", ""),
                                                                     ("event", "join", "a-key", "b-key", "force")]
    assert again > first
    assert layered.forget_corpus_correction(again) is True
    assert layered.forget_corpus_correction(again) is False
    assert [r.a for r in layered.corpus_corrections()] == ["x"]


def test_the_fingerprint_tells_a_stale_layer(layered):
    assert layered.corpus_built_from() == layered.corpus_fingerprint()
    layered.add_corpus_correction("event", "split", "a", "b")
    assert layered.corpus_built_from() != layered.corpus_fingerprint()


def test_a_new_store_has_no_layer_built(tmp_path):
    with open_store(tmp_path / "new.db") as store:
        assert store.corpus_built_from() is None
        assert store.corpus_state() == {"built": None, "stats": {}}
        assert store.corpus_fingerprint() == "documents 0/0 corrections 0/0"


def test_a_read_only_store_refuses_corrections(layered):
    with open_store(layered.path, readonly=True) as reader:
        assert _id(reader.corpus_event("C1")) == "C1"
        with pytest.raises(LetopisError, match="read-only"):
            reader.add_corpus_correction("event", "join", "a", "b")


def test_a_sqlite_failure_is_a_store_error(layered):
    layered.connection.execute("DROP TABLE corpus_conflicts")
    with pytest.raises(StoreError, match="corpus layer cannot be read"):
        layered.corpus_conflicts()
