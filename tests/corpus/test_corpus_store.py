"""The corpus layer in the store: rebuilt by `letopis ingest`, read by `letopis conflicts`,
corrected by `letopis merge`, and the corrections holding when more documents come in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from letopis.cli import main

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _paths(*names: str) -> list[str]:
    return [str(FIXTURES / name) for name in names]


def _events(db: str) -> list[dict]:
    import letopis.corpus as corpus
    from letopis.store import open_store

    with open_store(db, create=False) as store:
        return corpus.corpus_events(store)


def _event_told(events: list[dict], word: str, *sources: str) -> dict | None:
    for event in events:
        told = {(Path(m["source"]).name, m["trigger"]["text"].lower()) for m in event["mentions"]}
        if all((s, word) in told for s in sources):
            return event
    return None


def _store_id(events: list[dict], word: str, source: str) -> str:
    return next(m["event"] for e in events for m in e["mentions"]
                if Path(m["source"]).name == source and m["trigger"]["text"].lower() == word)


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory, fixture_outcomes):  # fixture_outcomes: models loaded once
    db = str(tmp_path_factory.mktemp("corpus") / "corpus.db")
    assert main(["ingest", "-q", "--db", db, *_paths("prague-a.txt", "prague-b.txt", "budapest-a.txt", "budapest-b.txt")]) == 0
    return db


def test_ingest_builds_the_corpus_layer_and_conflicts_reads_it(corpus_db, capsys):
    assert _event_told(_events(corpus_db), "восстание", "prague-a.txt", "prague-b.txt") is not None
    assert main(["conflicts", "--db", corpus_db, "--format", "json"]) == 0
    [conflict] = json.loads(capsys.readouterr().out)
    assert conflict["kind"] == "date"
    assert {Path(c["source"]).name for c in conflict["claims"]} == {"budapest-a.txt", "budapest-b.txt"}
    assert conflict["corpus_event"]["id"] == conflict["event"]
    assert main(["conflicts", "--db", corpus_db]) == 0
    table = capsys.readouterr().out
    assert "budapest-a.txt" in table and "1956-10-23" in table and "[восстание]" in table


def test_corrections_survive_a_later_ingest(corpus_db, capsys):
    events = _events(corpus_db)
    uprising = _event_told(events, "восстание", "prague-a.txt", "prague-b.txt")
    called, call = _store_id(events, "призвали", "prague-a.txt"), _store_id(events, "призывом", "prague-b.txt")
    assert _event_told(events, "призывом", "prague-a.txt", "prague-b.txt") is None

    assert main(["merge", "--db", corpus_db, "--undo", uprising["id"]]) == 0
    assert main(["merge", "--db", corpus_db, "--force", called, call]) == 0
    events = _events(corpus_db)
    assert _event_told(events, "восстание", "prague-a.txt", "prague-b.txt") is None
    forced = _event_told(events, "призвали", "prague-a.txt")
    assert {m["event"] for m in forced["mentions"]} >= {called, call}

    more = _paths("novocherkassk-a.txt", "novocherkassk-b.txt")
    assert main(["ingest", "-q", "--db", corpus_db, *more]) == 0
    events = _events(corpus_db)
    assert _event_told(events, "восстание", "prague-a.txt", "prague-b.txt") is None  # the split holds
    forced = _event_told(events, "призвали", "prague-a.txt")
    assert {m["event"] for m in forced["mentions"]} >= {called, call}  # the join holds
    assert _event_told(events, "демонстрацию", "novocherkassk-a.txt") is not None

    capsys.readouterr()
    assert main(["merge", "--db", corpus_db, "--list", "--format", "json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    assert [(c["kind"], c["action"]) for c in listing["corrections"]] == [("event", "split"), ("event", "join")]
    assert all(c["a_now"] and c["b_now"] for c in listing["corrections"])

    assert main(["conflicts", "--db", corpus_db, "--kind", "number", "--format", "json"]) == 0
    [number] = json.loads(capsys.readouterr().out)
    assert {Path(c["source"]).name for c in number["claims"]} == {"novocherkassk-a.txt", "novocherkassk-b.txt"}


@pytest.mark.parametrize("argv, message", [
    (["merge", "--undo", "C999"], "no corpus event C999"),
    (["merge", "--undo", "d1.ev999"], "no event d1.ev999"),
    (["merge", "--force", "d1.ev1", "E1"], "two events or two entities"),
    (["merge", "--forget", "999"], "no correction 999"),
    (["merge", "--undo", "banana"], "not an event id"),
])
def test_bad_corrections_are_one_line_errors(corpus_db, capsys, argv, message):
    assert main([*argv, "--db", corpus_db]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_missing_database_is_a_clear_error(tmp_path, capsys):
    assert main(["conflicts", "--db", str(tmp_path / "none.db")]) == 1
    assert "no corpus at" in capsys.readouterr().err


def test_a_stale_corpus_layer_is_rebuilt_before_it_is_read(tmp_path, fixture_outcomes, capsys):
    from letopis.store import open_store

    db = str(tmp_path / "stale.db")
    with open_store(db) as store:  # documents stored without `letopis ingest`: no corpus layer yet
        for name in ("budapest-a.txt", "budapest-b.txt"):
            outcome = fixture_outcomes[name]
            store.add_document(name, outcome.text, outcome.chronology)
    assert main(["conflicts", "--db", db, "--format", "json"]) == 0
    [conflict] = json.loads(capsys.readouterr().out)
    assert conflict["kind"] == "date"
    assert [Path(c["source"]).name for c in conflict["claims"]] == ["budapest-a.txt", "budapest-b.txt"]
