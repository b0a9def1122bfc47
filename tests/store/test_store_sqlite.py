"""The SQLite store on real analyses: round trip, idempotency, rollback, corpus entities, queries."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from contract import check_contract

from letopis.errors import LetopisError
from letopis.store import open_store
from letopis.fold import fold_case


def _texts(store) -> dict[str, str]:
    return {d["id"]: store.document(d["id"])["text"] for d in store.documents()}


def test_round_trip_gives_a_valid_contract(store, analysed):
    corpus = store.chronology()
    check_contract(corpus, _texts(store))
    assert [d["sha256"] for d in corpus["documents"]] == [a.chronology["documents"][0]["sha256"] for a in analysed]
    assert len(corpus["events"]) == sum(len(a.chronology["events"]) for a in analysed)
    assert len(corpus["relations"]) == sum(len(a.chronology["relations"]) for a in analysed)
    assert len(corpus["timexes"]) == sum(len(a.chronology["timexes"]) for a in analysed)


@pytest.mark.parametrize("index", range(4))
def test_each_event_comes_back_as_analysed(store, analysed, index):
    """Ids are rewritten to the corpus document; everything else, participants by name, is kept."""
    original = analysed[index].chronology
    doc_id = f"d{index + 1}"
    local_names = {e["id"]: e for e in original["entities"]}
    stored = {e["id"]: e for e in store.events(doc=doc_id)}
    assert len(stored) == len(original["events"])
    for event in original["events"]:
        back = stored[doc_id + event["id"][event["id"].index("."):]]
        for key in ("trigger", "sentence", "type", "factuality"):
            assert back[key] == event[key]
        assert {k: v for k, v in back["time"].items() if k != "timex"} == \
               {k: v for k, v in event["time"].items() if k != "timex"}
        corpus_entities = {e: store.entity(e) for e in [p["entity"] for p in back["participants"]] + back["places"]}
        for mine, theirs in zip(back["participants"], event["participants"]):
            assert mine["role"] == theirs["role"]
            entity = corpus_entities[mine["entity"]]
            assert fold_case(local_names[theirs["entity"]]["name"]) in {fold_case(n) for n in [entity["name"], *entity["aliases"]]}


def test_one_document_chronology_is_valid_on_its_own(store):
    part = store.chronology(["d2"])
    check_contract(part, {"d2": store.document("d2")["text"]})
    assert {e["doc"] for e in part["events"]} == {"d2"}
    assert all(m["doc"] == "d2" for e in part["entities"] for m in e["mentions"])


def test_adding_twice_changes_nothing(store, analysed):
    before = store.stats()
    for doc in analysed:
        assert store.add_document(doc.source, doc.text, doc.chronology) in {"d1", "d2", "d3", "d4"}
    assert store.stats() == before
    assert [d["id"] for d in store.documents()] == ["d1", "d2", "d3", "d4"]


def test_a_failure_inside_a_document_stores_none_of_it(tmp_path, analysed):
    broken = dict(analysed[0].chronology)
    events = [dict(e) for e in broken["events"]]
    events[-1]["participants"] = [{"role": "agent", "entity": "E999"}]  # defined nowhere: fails at the last event
    broken["events"] = events
    with open_store(tmp_path / "c.db") as store:
        with pytest.raises(LetopisError, match="E999"):
            store.add_document("broken", analysed[0].text, broken)
        assert store.stats() | {"schema_version": 0} == {"documents": 0, "events": 0, "entities": 0, "mentions": 0,
                                                         "relations": 0, "schema_version": 0}
        assert store.search("Париж") == []
        assert store.add_document(analysed[0].source, analysed[0].text, analysed[0].chronology) == "d1"


def test_a_chronology_of_the_wrong_shape_is_one_clear_error(tmp_path, analysed):
    shapeless = dict(analysed[2].chronology, events=[{"id": "d1.ev1", "doc": "d1"}])  # no trigger, time ...
    with open_store(tmp_path / "c.db") as store:
        with pytest.raises(LetopisError, match="contract's shape.*nothing was stored"):
            store.add_document("odd.json", analysed[2].text, shapeless)
        assert store.documents() == [] and store.entities() == []


def test_ctrl_c_inside_a_document_stores_none_of_it(tmp_path, analysed, monkeypatch):
    from letopis.store import write

    calls = []

    def interrupted(self):
        calls.append(self.doc)
        raise KeyboardInterrupt

    with open_store(tmp_path / "c.db") as store:
        store.add_document(analysed[1].source, analysed[1].text, analysed[1].chronology)
        with monkeypatch.context() as patch:
            patch.setattr(write.DocumentWriter, "_relations", interrupted)  # after entities, timexes and events
            with pytest.raises(KeyboardInterrupt):
                store.add_document(analysed[0].source, analysed[0].text, analysed[0].chronology)
        assert calls == ["d2"]
        assert [d["source"] for d in store.documents()] == [analysed[1].source]
        assert {e["doc"] for e in store.events()} == {"d1"}
        assert store.add_document(analysed[0].source, analysed[0].text, analysed[0].chronology) == "d2"
        check_contract(store.chronology(), _texts(store))


def test_the_same_person_and_place_across_documents_are_one_entity(store):
    paris = store.entities(name="Париж", type="LOCATION")
    assert len(paris) == 1
    assert {m["doc"] for m in paris[0]["mentions"]} == {"d1", "d3"}
    gaulle = store.entities(name="Голль", type="PERSON")
    assert len(gaulle) == 1
    assert gaulle[0]["name"] == "Шарль де Голль"  # the fuller name wins
    assert "де Голль" in gaulle[0]["aliases"]
    assert {m["doc"] for m in gaulle[0]["mentions"]} == {"d1", "d3"}
    merges = dict(store.connection.execute("SELECT doc, reason FROM document_entities WHERE entity = ?",
                                           (paris[0]["id"],)).fetchall())
    assert merges == {"d1": "new", "d3": "geo"}


def test_person_in_any_word_form_within_a_date_range(store):
    august = store.events(person="де Голля", date_from="1944-08-01", date_to="1944-08-31")
    assert august, "de Gaulle acts in August 1944 in two documents"
    assert {e["doc"] for e in august} == {"d1", "d3"}
    names = store.entity_names([p["entity"] for e in august for p in e["participants"]])
    for event in august:
        assert any("Голль" in names[p["entity"]] for p in event["participants"])
        earliest, latest = event["time"]["earliest"], event["time"]["latest"]
        assert (earliest or latest) and (earliest or "0") <= "1944-08-31" and (latest or "9999") >= "1944-08-01"
    assert store.events(person="де Голль", date_from="1918-01-01", date_to="1918-12-31") == []
    assert store.events(person="Наполеон") == []


def test_events_come_in_chronological_order_and_page(store):
    events = store.events()
    keys = [e["time"]["earliest"] or e["time"]["latest"] for e in events]
    dated = [k for k in keys if k]
    assert dated == sorted(dated)
    assert all(k is None for k in keys[len(dated):]), "undated events come last"
    assert store.count_events() == len(events)
    assert [e["id"] for e in store.events(limit=5, offset=3)] == [e["id"] for e in events[3:8]]
    assert store.count_events(type="strike") == len(store.events(type="strike")) >= 2


def test_place_and_factuality_filters(store):
    in_ivanovo = store.events(place="в Иваново-Вознесенске")
    assert {e["doc"] for e in in_ivanovo} == {"d4"}
    assert {e["type"] for e in in_ivanovo} >= {"strike"}
    intended = store.events(factuality="intended")
    assert intended and all(e["factuality"] == "intended" for e in intended)


def test_search_finds_word_forms_and_marks_them(store):
    hits = store.search("забастовку")
    assert {h["doc"] for h in hits} >= {"d1", "d3", "d4"}
    for hit in hits:
        text = store.document(hit["doc"])["text"]
        assert hit["marks"], hit
        assert text[hit["start"]:hit["end"]] == hit["text"]
        for start, end in hit["marks"]:
            assert fold_case(hit["text"][start:end]).startswith("забастовк")
            assert f"[{hit['text'][start:end]}]" in hit["snippet"]
    strike_events = store.events(search="забастовкой")
    assert strike_events and all(e["doc"] in {"d1", "d3", "d4"} for e in strike_events)
    assert store.search("марсианин") == []


def test_event_detail(store):
    strike = store.events(type="strike", doc="d4")[0]
    detail = store.event(strike["id"])
    text = store.document("d4")["text"]
    assert detail["sentence_text"] == text[strike["sentence"]["start"]:strike["sentence"]["end"]]
    assert detail["timex"] is None or detail["timex"]["id"] == strike["time"]["timex"]
    caused = [r for r in store.relations() if r["type"] == "cause"]
    assert caused, "the example states causes"
    assert caused[0]["source"] in store.event(caused[0]["target"])["causes"]
    assert store.event("d9.ev1") is None and store.entity("E99999") is None


def test_readonly_refuses_writes(store, analysed):
    path = store.path
    reader = open_store(path, readonly=True)
    try:
        assert len(reader.events()) == store.count_events()
        with pytest.raises(LetopisError, match="read-only"):
            reader.add_document("x.txt", analysed[0].text, analysed[0].chronology)
        with pytest.raises(sqlite3.OperationalError):
            reader.connection.execute("DELETE FROM events")
    finally:
        reader.close()


def test_missing_database_says_how_to_make_one(tmp_path):
    for kwargs in ({"readonly": True}, {"create": False}):
        with pytest.raises(LetopisError, match=r"no corpus at .*letopis ingest"):
            open_store(tmp_path / "none.db", **kwargs)
    assert not (tmp_path / "none.db").exists()
    (tmp_path / "notes.db").write_text("not a database, just words " * 100)
    with pytest.raises(LetopisError, match="is damaged or not a letopis corpus"):
        open_store(tmp_path / "notes.db")


def test_threads_read_at_once(store):
    expected = [e["id"] for e in store.events(limit=20)]
    results, errors = [], []

    def read():
        try:
            results.append([e["id"] for e in store.events(limit=20)])
        except Exception as error:  # pragma: no cover - shown by the assertion
            errors.append(error)

    threads = [threading.Thread(target=read) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and results == [expected] * 8


def test_threads_that_come_and_go_reuse_connections(store):
    """A server thread per request must not leave a connection per request behind."""
    for _ in range(30):
        thread = threading.Thread(target=lambda: store.events(limit=1))
        thread.start()
        thread.join()
    assert len(store._owners) <= 2  # this thread's and one handed from thread to thread
