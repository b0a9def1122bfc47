"""Sources are documents (issue 18): the real pipeline on fixture accounts written for these tests.

Two documents telling one story merge; two unrelated documents of the same year do not; one
document that names an event three times is one source with three mentions, never agreement
or disagreement; a text before our era keeps its dates through the corpus layer and its exports.
"""

from __future__ import annotations

from pathlib import Path

import pytest


def _file(mention) -> str:
    return Path(mention["source"]).name


def _events_of(result, name: str):
    return [e for e in result.events if any(_file(m) == name for m in e.mentions)]


def test_two_documents_telling_one_story_are_two_sources(fixture_corpus):
    told = [e for e in fixture_corpus.events if {_file(m) for m in e.mentions} == {"prague-a.txt", "prague-b.txt"}]
    assert told
    for event in told:
        assert event.sources == 2
        assert event.time["status"] in {"agreed", "single", "unknown"}


def test_unrelated_documents_of_the_same_year_never_merge(fixture_corpus):
    for event in _events_of(fixture_corpus, "year1814-paris.txt") + _events_of(fixture_corpus, "year1814-kazan.txt"):
        files = {_file(m) for m in event.mentions}
        assert len(files) == 1, [(_file(m), m["trigger"]["text"]) for m in event.mentions]


def test_one_document_naming_an_event_three_times_is_one_source(fixture_corpus):
    [strike] = [e for e in _events_of(fixture_corpus, "rostov-strike.txt") if e.type == "strike"]
    assert [m["trigger"]["text"] for m in strike.mentions] == ["забастовка", "забастовки", "забастовки"]
    assert strike.sources == 1
    assert strike.time["status"] == "single"  # one document: never agreed, never a conflict
    assert not strike.conflicts
    rules = sorted(e["features"]["coreference"] for e in strike.evidence)
    assert rules == ["back_reference", "back_reference"]
    assert all("забастовки" in e["features"]["words"] for e in strike.evidence)


def test_no_corpus_event_of_one_document_is_agreed_or_disputed(fixture_corpus):
    for event in fixture_corpus.events:
        if event.sources < 2:
            assert event.time["status"] in {"single", "unknown"}
            assert not event.conflicts
    assert fixture_corpus.merged == sum(e.sources > 1 for e in fixture_corpus.events)


@pytest.mark.parametrize("trigger, earliest, latest", [
    ("перешёл", "-0048-01-01", "-0048-12-31"),  # 49 год до н. э.
    ("убит", "-0043-03-15", "-0043-03-15"),  # мартовские иды 44 года до н. э.
])
def test_a_text_before_our_era_keeps_its_dates_in_the_corpus(fixture_corpus, trigger, earliest, latest):
    [event] = [e for e in _events_of(fixture_corpus, "caesar-bc.txt") if e.mentions[0]["trigger"]["text"] == trigger]
    assert event.time == {"earliest": earliest, "latest": latest, "status": "single"}
