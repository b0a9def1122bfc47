"""A corpus before our era (issue 18): two sources tell the Ides of March; the corpus event keeps
its proleptic ISO day through the store's layer and every corpus export."""

from __future__ import annotations

import csv
import json

import pytest

from letopis.cli import main

pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

SOURCES = {
    "plutarch.txt": "15 марта 44 года до н. э. Гай Юлий Цезарь был убит заговорщиками в Риме.",
    "suetonius.txt": "Заговорщики убили Цезаря в Риме 15 марта 44 года до н. э. в курии Помпея.",
}
IDES = "-0043-03-15"


@pytest.fixture(scope="module")
def store(analyse, tmp_path_factory):
    from letopis import corpus
    from letopis.chronology import build
    from letopis.store import open_store

    path = tmp_path_factory.mktemp("bc") / "corpus.db"
    store = open_store(path)
    try:
        for name, text in SOURCES.items():
            store.add_document(name, text, build([analyse(text, source=name)]).to_dict())
        events = corpus.corpus_events(store)
    finally:
        store.close()
    return path, events


def _ides(events):
    return [e for e in events if e["time"].get("earliest") == IDES]


def test_the_murder_told_twice_is_one_agreed_corpus_event_before_our_era(store):
    _, events = store
    [murder] = _ides(events)
    assert murder["time"] == {"earliest": IDES, "latest": IDES, "status": "agreed"}
    assert murder["sources"] == 2


def test_the_corpus_timeline_places_it_before_our_era(store, tmp_path):
    path, events = store
    out = tmp_path / "corpus.json"
    assert main(["export", "--db", str(path), "--corpus", "-f", "timelinejs", "-o", str(out)]) == 0
    slides = {s["unique_id"]: s for s in json.loads(out.read_text(encoding="utf-8"))["events"]}
    [murder] = _ides(events)
    assert slides[murder["id"]]["start_date"]["year"] in (-43, "-43")
    assert slides[murder["id"]]["start_date"]["month"] in (3, "3") and slides[murder["id"]]["start_date"]["day"] in (15, "15")


def test_the_csv_and_json_ld_keep_the_day(store, tmp_path):
    path, events = store
    [murder] = _ides(events)
    assert main(["export", "--db", str(path), "--corpus", "-f", "csv", "-o", str(tmp_path / "t")]) == 0
    with open(tmp_path / "t" / "corpus_events.csv", encoding="utf-8-sig", newline="") as handle:
        rows = {r["id"]: r for r in csv.DictReader(handle)}
    assert (rows[murder["id"]]["earliest"], rows[murder["id"]]["status"], rows[murder["id"]]["documents"]) == (IDES, "agreed", "2")
    out = tmp_path / "corpus.jsonld"
    assert main(["export", "--db", str(path), "--corpus", "-f", "jsonld", "-o", str(out)]) == 0
    assert IDES in out.read_text(encoding="utf-8")
