"""Exports of a stored corpus with its cross-document layer (`letopis export --db --corpus`):
two real sources that date the same uprising differently."""

from __future__ import annotations

import csv
import json

import pytest

from export_support import timelinejs_problems
from letopis.cli import main
from letopis.render.titles import title_of

pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

SOURCES = {
    "first.txt": "Восстание в Париже началось 19 августа 1944 года. Полицейские вышли на улицы.",
    "second.txt": "Восстание в Париже началось 20 августа 1944 года, когда полицейские захватили префектуру.",
}


@pytest.fixture(scope="module")
def store(analyse, tmp_path_factory):
    from letopis import corpus
    from letopis.chronology import build
    from letopis.store import open_store

    path = tmp_path_factory.mktemp("corpus") / "corpus.db"
    store = open_store(path)
    try:
        for name, text in SOURCES.items():
            store.add_document(name, text, build([analyse(text, source=name)]).to_dict())
        layer = {"events": corpus.corpus_events(store), "conflicts": corpus.conflicts(store)}
    finally:
        store.close()
    return path, layer


def _read(path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_timeline_has_one_slide_per_dated_corpus_event(store, tmp_path):
    path, layer = store
    out = tmp_path / "corpus.json"
    assert main(["export", "--db", str(path), "--corpus", "-f", "timelinejs", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert timelinejs_problems(data) == []
    told = [c for c in layer["events"] if c["time"].get("earliest") or c["time"].get("latest") or c["time"].get("sources")]
    assert [s["unique_id"] for s in data["events"]] == [c["id"] for c in told]
    disputed = [c for c in layer["events"] if c["time"]["status"] == "conflict"]
    assert disputed, "the two sources disagree on the day"
    for c in disputed:
        slide = next(s for s in data["events"] if s["unique_id"] == c["id"])
        first, last = c["time"]["sources"][0], c["time"]["sources"][-1]
        assert slide["display_date"].startswith("источники расходятся")
        assert slide["start_date"]["day"] == int(first[-2:]) and slide["end_date"]["day"] == int(last[-2:])
        for mention in c["mentions"]:
            assert title_of(mention["source"]) in slide["text"]["text"]  # the title, not the path
        assert slide["text"]["text"].count("Расхождение") == len(c["conflicts"]) >= 1


def test_csv_adds_the_corpus_tables(store, tmp_path):
    path, layer = store
    assert main(["export", "--db", str(path), "--corpus", "-f", "csv", "-o", str(tmp_path / "t")]) == 0
    events = {r["id"] for r in _read(tmp_path / "t" / "events.csv")}
    corpus_events = _read(tmp_path / "t" / "corpus_events.csv")
    assert [r["id"] for r in corpus_events] == [c["id"] for c in layer["events"]]
    mentions = _read(tmp_path / "t" / "corpus_mentions.csv")
    assert len(mentions) == sum(len(c["mentions"]) for c in layer["events"])
    assert {m["event"] for m in mentions} <= events
    conflicts = _read(tmp_path / "t" / "conflicts.csv")
    assert [(k["id"], k["kind"], k["corpus_event"]) for k in conflicts] == \
        [(k["id"], k["kind"], k["event"]) for k in layer["conflicts"]]
    claims = _read(tmp_path / "t" / "conflict_claims.csv")
    assert len(claims) == sum(len(k["claims"]) for k in layer["conflicts"])
    assert all(isinstance(json.loads(c["claim"]), (dict, list, str)) for c in claims)


def test_corpus_needs_a_store(example_json, tmp_path, capsys):
    assert main(["export", "--from-json", str(example_json), "--corpus", "-f", "csv", "-o", str(tmp_path / "t")]) == 2  # a usage error (issue 22: usage errors exit 2)
    assert "--corpus needs a corpus store" in capsys.readouterr().err


def test_jsonld_links_each_merged_event_to_the_sources_events(store, tmp_path):
    from rdflib import RDF, Graph, Namespace, URIRef

    sem, vocab = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/"), Namespace("urn:letopis:vocab:")
    path, layer = store
    out = tmp_path / "corpus.jsonld"
    assert main(["export", "--db", str(path), "--corpus", "-f", "jsonld", "-o", str(out)]) == 0
    graph = Graph().parse(out, format="json-ld")
    for c in layer["events"]:
        node = URIRef(f"urn:letopis:corpus-event:{c['id']}")
        assert (node, RDF.type, sem.Event) in graph
        told = set(graph.objects(node, vocab.toldAs))
        assert told == {URIRef(f"urn:letopis:event:{m['event']}") for m in c["mentions"]}
        assert all((t, RDF.type, sem.Event) in graph and graph.value(t, sem.accordingTo) is not None for t in told)
        assert (graph.value(node, sem.hasTime) is None) == (not (c["time"].get("earliest") or c["time"].get("latest")))
    for k in layer["conflicts"]:
        conflict = URIRef(f"urn:letopis:conflict:{k['id']}")
        assert str(graph.value(conflict, vocab.kind)) == k["kind"]
        assert graph.value(conflict, vocab.about) == URIRef(f"urn:letopis:corpus-event:{k['event']}")
        assert len(set(graph.objects(conflict, vocab.claimOf))) == len({c["event"] for c in k["claims"]})
