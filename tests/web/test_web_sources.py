"""The cross-document layer through the API: accounts of one event from several sources,
why they were merged, their conflicts, and corrections on a writable server only.

The corpus is tests/corpus/fixtures/ (two accounts of the Hungarian uprising that differ
on its first day, two of Novocherkassk that differ on the size of the crowd, two of
Prague that agree, one unrelated text), analysed by the real pipeline.
"""

from __future__ import annotations

import json

import pytest

JSON = {"Content-Type": "application/json"}


def _date_conflict(server) -> dict:
    status, page = server.json("/api/conflicts?kind=date")
    assert status == 200 and page["items"], "the Budapest accounts disagree on the date"
    return page["items"][0]


def _post(server, path: str, body, headers=JSON) -> tuple[int, dict]:
    return server.json(path, method="POST", body=json.dumps(body).encode(), headers=headers)


def test_conflicts_list_each_claim_with_its_source(sources_server):
    status, page = sources_server.json("/api/conflicts")
    assert status == 200 and page["total"] == len(page["items"]) >= 2
    kinds = {c["kind"] for c in page["items"]}
    assert {"date", "number"} <= kinds
    for conflict in page["items"]:
        assert len({c["doc"] for c in conflict["claims"]}) == len(conflict["claims"]) >= 2, "one claim per source"
        assert len({c["claim_words"] for c in conflict["claims"]}) >= 2, "the claims differ"
        for claim in conflict["claims"]:
            span = claim["highlights"][0]
            assert claim["sentence_text"][span["start"]:span["end"]] == claim["trigger"]["text"]
    date = _date_conflict(sources_server)
    assert sorted(c["source"] for c in date["claims"]) == ["budapest-a.txt", "budapest-b.txt"]
    assert {c["claim_words"] for c in date["claims"]} == {c["date"]["text"] for c in date["claims"]}


def test_event_page_data_has_every_source_the_evidence_and_the_conflict(sources_server):
    conflict = _date_conflict(sources_server)
    first = conflict["claims"][0]["event"]
    status, event = sources_server.json(f"/api/events/{first}")
    assert status == 200
    corpus = event["corpus"]
    assert corpus["id"] == conflict["event"] and corpus["sources"] == 2
    assert {m["event"] for m in corpus["mentions"]} == {c["event"] for c in conflict["claims"]}
    assert [m["this"] for m in corpus["mentions"]].count(True) == 1
    assert corpus["time"]["status"] == "conflict" and corpus["date"]["text"] == "источники расходятся"
    assert corpus["evidence"] and all(e["words"] for e in corpus["evidence"])
    assert {corpus["evidence"][0]["a"], corpus["evidence"][0]["b"]} == {m["event"] for m in corpus["mentions"]}
    assert [c["id"] for c in corpus["conflicts"]] == [conflict["id"]]
    status, same = sources_server.json(f"/api/corpus-events/{corpus['id']}")
    assert status == 200 and same["mentions"] == [m | {"this": False} for m in corpus["mentions"]]
    assert sources_server.json(f"/api/corpus-events/{first}")[1]["id"] == corpus["id"], "a document's event id names it too"
    assert sources_server.json("/api/corpus-events/C99999")[0] == 404


def test_event_lists_count_sources_and_filter_the_disputed(sources_server):
    _, conflicts = sources_server.json("/api/conflicts")
    claimed = {c["event"] for k in conflicts["items"] for c in k["claims"]}
    status, disputed = sources_server.json("/api/events?disputed=yes")
    assert status == 200 and {e["id"] for e in disputed["items"]} == claimed
    assert all(e["conflicts"] for e in disputed["items"])
    _, every = sources_server.json("/api/events?limit=1000")
    assert {e["id"] for e in every["items"] if e["conflicts"]} == claimed
    merged = [e for e in every["items"] if e["sources"] > 1]
    assert merged and len(merged) < len(every["items"]), "some events are told by several sources, not all"
    budapest = sources_server.json("/api/events?disputed=yes&from=1956-01-01&to=1956-12-31")[1]["items"]
    assert {e["id"] for e in budapest} == {c["event"] for c in _date_conflict(sources_server)["claims"]}
    assert sources_server.json("/api/events?disputed=maybe")[0] == 400


def test_entity_data_names_its_members_in_other_documents(sources_server):
    _, entities = sources_server.json("/api/entities?limit=1000")
    found = [e for e in (sources_server.json(f"/api/entities/{x['id']}")[1] for x in entities["items"])
             if e["corpus"] and e["corpus"]["merged"]]
    assert found, "the fixtures name one group in two ways («чешские повстанцы», «повстанцы»)"
    corpus = found[0]["corpus"]
    assert len(corpus["members"]) >= 2 and all(m["name"] for m in corpus["members"])
    assert corpus["merges"] and all(m["words"] for m in corpus["merges"])


def test_read_only_server_refuses_corrections(sources_server):
    conflict = _date_conflict(sources_server)
    status, body = _post(sources_server, "/api/merge/undo", {"id": conflict["event"]})
    assert status == 403 and "read-only" in body["error"]["message"]
    assert _post(sources_server, "/api/merge/force", {"ids": ["d1.ev1", "d2.ev1"]})[0] == 403
    assert _date_conflict(sources_server)["id"] == conflict["id"], "nothing changed"


def test_undo_splits_the_event_and_force_joins_it_again(sources_writable, sources_db):
    from letopis.corpus import rebuild, storage
    from letopis.store import open_store

    server = sources_writable
    conflict = _date_conflict(server)
    a, b = (c["event"] for c in conflict["claims"])
    status, done = _post(server, "/api/merge/undo", {"id": conflict["event"]})
    assert status == 200 and "undone" in done["message"]
    assert server.json(f"/api/events/{a}")[1]["corpus"]["sources"] == 1
    assert server.json(f"/api/events/{b}")[1]["corpus"]["sources"] == 1
    assert "date" not in {c["kind"] for c in server.json("/api/conflicts")[1]["items"]}, "one source cannot disagree"
    db = server.server.app.corpus
    with db.store() as store:
        assert [c.action for c in storage.corrections(store)] == ["split"], "the correction is in the store"
        rebuild(store)  # as a later ingest does: the split holds
        assert storage.corpus_event_of(store, a) != storage.corpus_event_of(store, b)
    status, done = _post(server, "/api/merge/force", {"ids": [a, b]})
    assert status == 200 and "joined" in done["message"]
    event = server.json(f"/api/events/{a}")[1]["corpus"]
    assert event["sources"] == 2 and any("вручную" in w for e in event["evidence"] for w in e["words"])
    with open_store(sources_db, readonly=True) as original:
        assert storage.corrections(original) == [], "the session's corpus is untouched"


def test_undo_an_entity_merge(sources_writable):
    server = sources_writable
    _, entities = server.json("/api/entities?limit=1000")
    merged = next(e for e in (server.json(f"/api/entities/{x['id']}")[1] for x in entities["items"])
                  if e["corpus"] and e["corpus"]["merged"])
    status, done = _post(server, "/api/merge/undo", {"id": merged["id"]})
    assert status == 200, done
    assert server.json(f"/api/entities/{merged['id']}")[1]["corpus"]["merged"] is False


@pytest.mark.parametrize("path, body, headers, status", [
    ("/api/merge/undo", {"id": "C99999"}, JSON, 400),
    ("/api/merge/undo", {}, JSON, 400),
    ("/api/merge/undo", {"id": "d1.ev1"}, {"Content-Type": "text/plain"}, 415),
    ("/api/merge/force", {"ids": ["d1.ev1"]}, JSON, 400),
    ("/api/merge/force", {"ids": ["d1.ev1", "E1"]}, JSON, 400),
    ("/api/merge/undo", {"id": "d1.ev1"}, JSON | {"Origin": "http://evil.example"}, 403),
])
def test_bad_corrections_are_refused_with_a_message(sources_writable, path, body, headers, status):
    code, answer = _post(sources_writable, path, body, headers)
    assert code == status and answer["error"]["message"]


def test_conflicts_page_is_served_and_in_the_navigation(sources_server):
    status, _, body = sources_server.request("/timeline")
    assert b'href="/conflicts"' in body
    assert sources_server.request("/conflicts")[0] == 200
