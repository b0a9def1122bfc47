"""The real pipeline on the fixture accounts, then the merge: what is one event, where sources disagree."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _file(mention) -> str:
    return Path(mention["source"]).name


def _told(result, word: str, *files: str):
    """The corpus event that tells `word` (a trigger as written) in each of `files`, or None."""
    for event in result.events:
        told = {(_file(m), m["trigger"]["text"].lower()) for m in event.mentions}
        if all((f, word) in told for f in files):
            return event
    return None


def test_agreeing_accounts_merge_without_conflict(fixture_corpus):
    uprising = _told(fixture_corpus, "восстание", "prague-a.txt", "prague-b.txt")
    assert uprising is not None
    assert uprising.time == {"earliest": "1945-05-05", "latest": "1945-05-05", "status": "agreed"}
    assert uprising.evidence and uprising.evidence[0]["features"]["type"] == "uprising"
    prague = [e for e in fixture_corpus.events if {_file(m) for m in e.mentions} == {"prague-a.txt", "prague-b.txt"}]
    assert len(prague) >= 3  # the uprising, the radio taken, the entry into Prague
    assert not any(c.event in {e.id for e in prague} for c in fixture_corpus.conflicts)


def test_a_date_disagreement_is_one_event_and_a_date_conflict(fixture_corpus):
    uprising = _told(fixture_corpus, "восстание", "budapest-a.txt", "budapest-b.txt")
    assert uprising is not None and uprising.time["status"] == "conflict"
    [conflict] = [c for c in fixture_corpus.conflicts if c.event == uprising.id]
    assert conflict.kind == "date"
    claims = {_file(c): c["claim"]["earliest"] for c in conflict.claims}
    assert claims == {"budapest-a.txt": "1956-10-23", "budapest-b.txt": "1956-10-24"}
    assert all("восстание" in c["sentence"]["text"] for c in conflict.claims)


def test_a_number_disagreement_is_a_number_conflict(fixture_corpus):
    number = [c for c in fixture_corpus.conflicts if c.kind == "number"]
    assert len(number) == 1
    event = fixture_corpus.event(number[0].event)
    assert {_file(m) for m in event.mentions} == {"novocherkassk-a.txt", "novocherkassk-b.txt"}
    assert event.type == "protest"
    figures = {_file(c): [q["text"] for q in c["claim"]] for c in number[0].claims}
    assert figures == {"novocherkassk-a.txt": ["около 5 тыс. человек"], "novocherkassk-b.txt": ["несколько сотен человек"]}


def test_the_unrelated_text_merges_with_nothing(fixture_corpus):
    for event in fixture_corpus.events:
        files = {_file(m) for m in event.mentions}
        if "moscow-may-day.txt" in files:
            assert files == {"moscow-may-day.txt"}


def test_no_corpus_event_mixes_accounts_of_different_days(fixture_corpus):
    for event in fixture_corpus.events:
        topics = {_file(m).split("-")[0] for m in event.mentions}
        assert len(topics) == 1, [(_file(m), m["trigger"]["text"]) for m in event.mentions]


def test_only_the_planted_disagreements_are_conflicts(fixture_corpus):
    assert sorted(c.kind for c in fixture_corpus.conflicts) == ["date", "number"]


def test_entities_merge_across_documents_by_gazetteer_and_name(fixture_corpus):
    prague = [e for e in fixture_corpus.entities if e.name == "Прага"]
    assert len(prague) == 1 and {m["rule"] for m in prague[0].merges} == {"same_place"}
    assert len({h for m in prague[0].members for h in m["sha256"]}) == 2
    groups = [e for e in fixture_corpus.entities if e.type == "GROUP" and "head_word" in {m["rule"] for m in e.merges}]
    assert [sorted(m["key"] for m in e.members) for e in groups] == [["GROUP:повстанцы", "GROUP:чешские повстанцы"]]


def test_quality_against_the_hand_written_gold(fixture_outcomes, fixture_corpus):
    sys.path.insert(0, str(ROOT))
    from bench.merge import pairwise

    gold = json.loads((FIXTURES / "gold.json").read_text(encoding="utf-8"))
    texts = {name: o.text for name, o in fixture_outcomes.items()}
    names = {o.chronology["documents"][0]["sha256"]: name for name, o in fixture_outcomes.items()}
    scores = pairwise(fixture_corpus, gold, texts, names)["across documents"]
    assert scores["precision"] >= 0.9
    assert scores["recall"] >= 0.6


@pytest.mark.parametrize("name", ["prague-a.txt", "budapest-b.txt", "novocherkassk-a.txt"])
def test_every_mention_points_back_to_its_sentence(fixture_outcomes, fixture_corpus, name):
    text = fixture_outcomes[name].text
    mentions = [m for e in fixture_corpus.events for m in e.mentions if _file(m) == name]
    assert mentions
    for m in mentions:
        assert m["sentence"]["text"] == text[m["sentence"]["start"]:m["sentence"]["end"]]
        assert text[m["trigger"]["start"]:m["trigger"]["end"]] == m["trigger"]["text"]


def test_every_conflict_is_a_planted_disagreement(fixture_outcomes, fixture_corpus):
    sys.path.insert(0, str(ROOT))
    from bench.merge import conflict_precision

    gold = json.loads((FIXTURES / "gold.json").read_text(encoding="utf-8"))
    texts = {name: o.text for name, o in fixture_outcomes.items()}
    names = {o.chronology["documents"][0]["sha256"]: name for name, o in fixture_outcomes.items()}
    found = conflict_precision(fixture_corpus, gold, texts, names)
    assert found["predicted"] == 2 and found["precision"] == 1.0
