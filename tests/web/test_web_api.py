"""The viewer's JSON API over a real stored corpus: data, status codes, limits, safety."""

from __future__ import annotations

import json
from urllib.parse import quote
import re

import pytest

from letopis.web.openapi import spec
from letopis.web.routes import API, PAGES


# --- the API is documented --------------------------------------------------------------

def test_every_api_route_is_documented_in_openapi():
    paths = spec()["paths"]
    for route in API:
        assert route.path in paths, f"{route.path} is not in the OpenAPI document"
        assert route.method.lower() in paths[route.path], f"{route.method} {route.path} is not documented"
    assert set(paths) == {route.path for route in API}, "the OpenAPI document names a route the server lacks"


def test_openapi_takes_the_contract_from_its_one_definition():
    from letopis.contract import openapi_components

    schemas = spec()["components"]["schemas"]
    for name, schema in openapi_components().items():
        assert schemas[name] == schema
    assert {"$ref": "#/components/schemas/EventRecord"} in schemas["Event"]["allOf"]


def test_openapi_is_3_1_and_every_reference_resolves(server):
    status, document = server.json("/api/openapi.json")
    assert status == 200 and document["openapi"] == "3.1.0"
    schemas = document["components"]["schemas"]
    refs = re.findall(r'"\$ref": "#/components/schemas/(\w+)"', json.dumps(document))
    assert refs and all(ref in schemas for ref in refs)


# --- reading ----------------------------------------------------------------------------

def test_documents_and_one_document_with_its_text(server, corpus_db):
    status, page = server.json("/api/documents")
    assert status == 200 and page["total"] == 2
    assert [d["id"] for d in page["items"]] == [corpus_db["example"], corpus_db["hostile"]]
    status, doc = server.json(f"/api/documents/{corpus_db['example']}")
    assert status == 200
    for ev in doc["events"]:
        assert doc["text"][ev["trigger"]["start"]:ev["trigger"]["end"]] == ev["trigger"]["text"]


def test_events_are_paginated_without_overlap(server):
    _, first = server.json("/api/events?limit=5")
    _, second = server.json("/api/events?limit=5&offset=5")
    assert len(first["items"]) == 5 and first["more"] is True
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}
    named = {p["entity"] for e in first["items"] for p in e["participants"]} | {p for e in first["items"] for p in e["places"]}
    assert named <= set(first["entities"]), "every entity an event names comes with its name"


def test_events_in_a_date_range_meet_it(server):
    status, page = server.json("/api/events?from=1944-08-19&to=1944-08-19&limit=200")
    assert status == 200 and page["items"]
    for ev in page["items"]:
        earliest, latest = ev["time"]["earliest"], ev["time"]["latest"]
        assert (earliest or "0000") <= "1944-08-19" <= (latest or "9999"), ev["id"]


def test_dated_and_undated_events_part_the_list(server):
    _, everything = server.json("/api/events?limit=1000")
    _, dated = server.json("/api/events?dated=yes&limit=1000")
    _, undated = server.json("/api/events?dated=no&limit=1000")
    has_date = lambda e: bool(e["time"]["earliest"] or e["time"]["latest"])  # noqa: E731
    assert dated["items"] and undated["items"]
    assert all(has_date(e) for e in dated["items"]) and not any(has_date(e) for e in undated["items"])
    assert sorted(e["id"] for e in dated["items"] + undated["items"]) == sorted(e["id"] for e in everything["items"])
    _, second = server.json("/api/events?dated=no&limit=2&offset=2")
    assert [e["id"] for e in second["items"]] == [e["id"] for e in undated["items"][2:4]]


def test_event_page_marks_the_trigger_in_its_sentence(server):
    _, page = server.json("/api/events?from=1944-08-19&to=1944-08-19&limit=200")
    for brief in page["items"]:
        status, ev = server.json(f"/api/events/{brief['id']}")
        assert status == 200
        triggers = [h for h in ev["highlights"] if h["kind"] == "trigger"]
        assert len(triggers) == 1
        assert ev["sentence_text"][triggers[0]["start"]:triggers[0]["end"]] == ev["trigger"]["text"]
        for mark in ev["highlights"]:
            assert 0 <= mark["start"] < mark["end"] <= len(ev["sentence_text"])
        assert ev["date"]["text"] and ev["date"]["explained"]


def test_explicit_date_is_explained_with_its_time_expression(server):
    _, page = server.json("/api/events?from=1944-08-19&to=1944-08-19&limit=200")
    explicit = [e for e in page["items"] if e["time"]["basis"] == "explicit"]
    assert explicit
    _, ev = server.json(f"/api/events/{explicit[0]['id']}")
    assert ev["timex"]["text"] in ev["date"]["explained"]
    assert any(h["kind"] == "timex" for h in ev["highlights"])


def test_causes_and_effects_link_both_ways_with_their_triggers(server):
    _, page = server.json("/api/events?limit=1000")
    linked = 0
    for brief in page["items"]:
        _, ev = server.json(f"/api/events/{brief['id']}")
        for effect in ev["effects"]:
            _, other = server.json(f"/api/events/{effect['id']}")
            assert effect["trigger"]["text"] == other["trigger"]["text"]
            assert ev["id"] in [cause["id"] for cause in other["causes"]]
            linked += 1
    assert linked, "the example states causes («привели к», «ускорил»)"


def test_entity_page_has_events_in_order_and_context(server):
    _, people = server.json("/api/entities?type=PERSON&limit=50")
    person = next(p for p in people["items"] if server.json(f"/api/entities/{p['id']}")[1]["events"]["items"])
    _, entity = server.json(f"/api/entities/{person['id']}")
    keys = [e["time"]["earliest"] or e["time"]["latest"] for e in entity["events"]["items"]]
    dated = [k for k in keys if k]
    assert entity["name"] == person["name"] and keys
    assert dated == sorted(dated) and keys[:len(dated)] == dated, "events in order, undated last"
    for mention in entity["mention_contexts"]:
        assert mention["mark"]


def test_places_carry_coordinates_and_events(server):
    status, places = server.json("/api/places")
    assert status == 200 and places["items"]
    for place in places["items"]:
        assert -90 <= place["geo"]["lat"] <= 90 and -180 <= place["geo"]["lon"] <= 180
    assert any(place["events"] for place in places["items"])


def test_graph_links_join_actors_to_events(server):
    _, graph = server.json("/api/graph")
    kinds = {n["id"]: n["kind"] for n in graph["nodes"]}
    assert graph["links"]
    for link in graph["links"]:
        assert kinds[link["source"]] == "actor" and kinds[link["target"]] == "event"


def test_search_finds_a_word_of_the_text(server, corpus_db):
    status, found = server.json("/api/search?q=%D0%B7%D0%B0%D0%B1%D0%B0%D1%81%D1%82%D0%BE%D0%B2%D0%BA%D0%B0")  # забастовка
    assert status == 200 and found["items"]
    assert all(hit["doc"] == corpus_db["example"] for hit in found["items"])


# --- errors -----------------------------------------------------------------------------

@pytest.mark.parametrize("path, status", [
    ("/api/events/d999.ev1", 404),
    ("/api/entities/E99999", 404),
    ("/api/documents/d999", 404),
    ("/api/nothing", 404),
    ("/static/../pyproject.toml", 404),
    ("/api/events?limit=0", 400),
    ("/api/events?limit=many", 400),
    ("/api/events?from=19.08.1944", 400),
    ("/api/events?from=-44-03-15", 400),
    ("/api/events?from=-0043-01-01&to=-0044-12-31", 400),
    ("/api/events?from=1944-08-20&to=1944-08-19", 400),
    ("/api/events?factuality=probably", 400),
    ("/api/search", 400),
    ("/api/events?dated=maybe", 400),
    ("/api/events?dated=no&from=1944-01-01", 400),
])
def test_errors_are_json_with_their_status(server, path, status):
    got, headers, body = server.request(path)
    assert got == status
    assert headers["Content-Type"].startswith("application/json")
    assert json.loads(body)["error"]["message"]


@pytest.mark.parametrize("path", ["/nothing", "/events/d1.ev1/more", "/карта"])
def test_an_unknown_page_is_an_html_page_with_the_way_back(server, path):
    got, headers, body = server.request(quote(path))
    assert got == 404 and headers["Content-Type"].startswith("text/html")
    page = body.decode("utf-8")
    assert "Страница не найдена" in page and 'href="/"' in page
    assert "<script" not in page


def test_labels_name_every_code_in_russian(server, corpus_db):
    status, table = server.json("/api/labels")
    assert status == 200
    _, found = server.json("/api/events?limit=1000")
    for ev in found["items"]:
        assert ev["type_words"] == table["event_types"].get(ev["type"], ev["type"])
        assert not re.search("[a-z]", ev["type_words"]), ev["type"]
        for p in ev["participants"]:
            assert not re.search("[a-z]", p["role_words"]), p["role"]


@pytest.mark.parametrize("code, words", [("battle", "сражение"), ("uprising", "Восстание"), ("strike", "забастовка")])
def test_the_type_filter_takes_the_russian_label(server, code, words):
    _, by_code = server.json(f"/api/events?type={code}")
    _, by_words = server.json("/api/events?type=" + quote(words))
    assert [e["id"] for e in by_code["items"]] == [e["id"] for e in by_words["items"]]


def test_the_factuality_filter_takes_the_russian_label(server):
    _, by_code = server.json("/api/events?factuality=unrealized")
    _, by_words = server.json("/api/events?factuality=" + quote("не осуществлено"))
    assert by_code["items"] and [e["id"] for e in by_code["items"]] == [e["id"] for e in by_words["items"]]


def test_wrong_method_is_405(server):
    status, body = server.json("/api/events", method="POST", body=b"{}", headers={"Content-Type": "application/json"})
    assert status == 405 and "POST" in body["error"]["message"]


# --- safety -----------------------------------------------------------------------------

def test_pages_carry_no_document_text_and_forbid_inline_scripts(server, corpus_db):
    status, headers, body = server.request(f"/documents/{corpus_db['hostile']}")
    assert status == 200
    assert b"__pwned" not in body and b"<script>window" not in body
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_markup_in_a_document_comes_back_as_data(server, corpus_db):
    _, doc = server.json(f"/api/documents/{corpus_db['hostile']}")
    assert "<script>window.__pwned = 1</script>" in doc["text"]


def test_another_host_is_refused(server):
    status, body = server.json("/api/documents", headers={"Host": "attacker.example"})
    assert status == 403


def test_a_post_from_another_site_is_refused(writable_server):
    status, body = writable_server.json(
        "/api/extract", method="POST", body=json.dumps({"text": "Текст.", "store": True}).encode(),
        headers={"Content-Type": "application/json", "Origin": "http://attacker.example"})
    assert status == 403



# (from, to, whether an event of 19 August 1944 is in range): BC bounds are dates like any other
BC_RANGES = [
    ("-0052-01-01", "-0043-12-31", False),
    ("-0052-01-01", "1944-08-19", True),
    ("0001-01-01", "1944-08-19", True),
    ("-0052-01-01", "0001-01-01", False),
]


@pytest.mark.parametrize("date_from, date_to, found", BC_RANGES)
def test_events_in_a_range_before_our_era(server, date_from, date_to, found):
    from letopis.time.calendar import day_number

    status, page = server.json(f"/api/events?from={date_from}&to={date_to}&limit=1000")
    assert status == 200
    low, high = day_number(date_from), day_number(date_to)
    for ev in page["items"]:  # an open bound («не позднее 31 июля 1944») meets any earlier range
        earliest, latest = ev["time"]["earliest"], ev["time"]["latest"]
        assert (earliest is None or day_number(earliest) <= high) and (latest is None or day_number(latest) >= low)
    assert any(ev["time"]["earliest"] == "1944-08-19" for ev in page["items"]) == found


def test_extract_with_a_document_date_before_our_era(server):
    status, answer = server.json("/api/extract", method="POST", headers={"Content-Type": "application/json"},
                                 body=json.dumps({"text": "Вчера в городе началось восстание.", "dct": "-0043-03-15"}).encode())
    assert status == 200
    assert [e["time"]["earliest"] for e in answer["chronology"]["events"]] == ["-0043-03-14"]

# --- extract: limits and the read-only refusal -------------------------------------------

def test_too_large_a_text_is_413_before_analysis(server):
    body = ("слово " * 200_000).encode("utf-8")  # > 1 MB, the server's --max-upload here
    status, answer = server.json("/api/extract", method="POST", body=body, headers={"Content-Type": "text/plain"})
    assert status == 413 and "MB" in answer["error"]["message"]


def test_read_only_server_refuses_to_store(server):
    status, answer = server.json("/api/extract", method="POST", headers={"Content-Type": "application/json"},
                                 body=json.dumps({"text": "В 1812 году Наполеон вошёл в Москву.", "store": True}).encode())
    assert status == 403 and "--writable" in answer["error"]["message"]


def test_extract_without_storing(server):
    text = "19 августа 1944 года в Париже началось восстание."
    status, answer = server.json("/api/extract", method="POST", headers={"Content-Type": "application/json"},
                                 body=json.dumps({"text": text}).encode())
    assert status == 200 and answer["stored"] is None
    events = answer["chronology"]["events"]
    assert events and all(text[e["trigger"]["start"]:e["trigger"]["end"]] == e["trigger"]["text"] for e in events)
    assert any(row["date"] == "19 августа 1944" for row in answer["rows"])
    _, documents = server.json("/api/documents")
    assert documents["total"] == 2


def test_uploaded_file_bytes_are_decoded(server):
    text = "В 1812 году Наполеон вошёл в Москву."
    status, answer = server.json("/api/extract?source=old.txt", method="POST", body=text.encode("cp1251"),
                                 headers={"Content-Type": "application/octet-stream"})
    assert status == 200 and answer["text"] == text


def test_empty_and_bad_bodies_are_400(server):
    for body, kind in [(b"", "application/octet-stream"), (b"{not json", "application/json"), (b'{"text": 5}', "application/json")]:
        status, answer = server.json("/api/extract", method="POST", body=body, headers={"Content-Type": kind})
        assert status == 400, body


def test_writable_server_stores_when_asked(writable_server):
    text = "В 1812 году Наполеон вошёл в Москву."
    status, answer = writable_server.json("/api/extract", method="POST", headers={"Content-Type": "application/json"},
                                          body=json.dumps({"text": text, "store": True, "source": "napoleon.txt"}).encode())
    assert status == 200 and answer["stored"]
    _, doc = writable_server.json(f"/api/documents/{answer['stored']}")
    assert doc["text"] == text and doc["source"] == "napoleon.txt"


def test_processing_time_limit_is_504():
    from letopis.web import App, Settings
    from letopis.web.http import Request

    app = App(None, Settings(timeout=0.001))
    try:
        request = Request("POST", "/api/extract", {}, {"content-type": "application/json"},
                          json.dumps({"text": "В 1812 году Наполеон вошёл в Москву. " * 50}).encode())
        response = app.respond(request)
    finally:
        app.close()
    assert response.status == 504
    assert "--timeout" in json.loads(response.body)["error"]["message"]


def test_without_a_corpus_reading_is_503_but_paste_works(server):
    from letopis.web import App, Settings
    from letopis.web.http import Request

    app = App(None, Settings())
    try:
        response = app.respond(Request("GET", "/api/events", {}, {}))
        assert response.status == 503 and "--db" in json.loads(response.body)["error"]["message"]
        assert app.respond(Request("GET", "/paste", {}, {})).status == 200
    finally:
        app.close()


def test_every_page_is_served(server):
    for route in PAGES:
        path = route.path.replace("{id}", "x")
        status, headers, body = server.request(path)
        assert status == 200 and headers["Content-Type"].startswith("text/html"), path
        script = re.search(rb'src="/static/(\w+\.js)"', body.split(b"common.js")[1]).group(1).decode()
        assert server.request(f"/static/{script}")[0] == 200, script


def test_documents_ingested_while_serving_appear(corpus_db, tmp_path, analyse):
    import shutil

    from web_support import Running

    from letopis.chronology import build
    from letopis.store import open_store

    db = tmp_path / "corpus.db"
    shutil.copy(corpus_db["path"], db)
    running = Running(db)
    try:
        assert running.json("/api/documents")[1]["total"] == 2
        text = "В 1812 году Наполеон вошёл в Москву."
        with open_store(db) as store:  # another process's `letopis ingest`, in effect
            added = store.add_document("napoleon.txt", text, build([analyse(text)]).to_dict())
        page = running.json("/api/documents")[1]
        assert page["total"] == 3 and page["items"][-1]["id"] == added
    finally:
        running.stop()


# --- the exploration page's API ------------------------------------------------------------

def test_the_histogram_counts_every_dated_event_once(server):
    _, every = server.json("/api/events?dated=yes&limit=1000")
    _, histogram = server.json("/api/histogram?bins=37")
    assert len(histogram["bins"]) == 37 and histogram["total"] == len(every["items"])
    assert sum(b["count"] for b in histogram["bins"]) == histogram["total"]
    assert histogram["open"] == sum(1 for e in every["items"] if bool(e["time"]["earliest"]) != bool(e["time"]["latest"]))


def test_the_histogram_spans_the_period_asked_for(server):
    _, histogram = server.json("/api/histogram?from=1944-08-01&to=1944-08-31&bins=31")
    assert histogram["from"] == "1944-08-01" and histogram["bins"][-1]["to"] == "1944-09-01"
    assert [b["from"] for b in histogram["bins"][:2]] == ["1944-08-01", "1944-08-02"]


def test_the_count_of_a_filtered_list(server):
    _, page = server.json("/api/events?from=1944-08-19&to=1944-08-25&limit=2&count=yes")
    _, every = server.json("/api/events?from=1944-08-19&to=1944-08-25&limit=1000")
    assert page["total"] == len(every["items"]) > 2 and page["more"]


@pytest.mark.parametrize("source, title", [
    ("examples/paris-1944.txt", "paris 1944"),
    ("C:\\тексты\\восстание_в_Варшаве.md", "восстание в Варшаве"),
    ("hostile.html.txt", "hostile"),
    (".hidden", ".hidden"),
    (None, "документ d3"),
])
def test_a_document_is_named_by_its_title(source, title):
    from letopis.render.titles import title_of

    assert title_of(source, "d3") == title
