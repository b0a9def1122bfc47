"""A TEI edition in the viewer: stored as the text letopis read (the base text, without notes
or variant readings), and its document page marks the same event triggers."""

from __future__ import annotations

from pathlib import Path

import pytest

from letopis.ingest import read

from web_support import Running

EDITION = Path(__file__).resolve().parents[1] / "tei" / "data" / "edition.xml"


@pytest.fixture(scope="module")
def tei_server(tmp_path_factory):
    from letopis.cli import main

    db = tmp_path_factory.mktemp("tei-web") / "corpus.db"
    assert main(["ingest", str(EDITION), "--db", str(db), "-q", "-j", "1"]) == 0
    running = Running(db, timeout=120)
    yield running
    running.stop()


def _document(server) -> dict:
    _, page = server.json("/api/documents")
    (item,) = page["items"]
    return server.json(f"/api/documents/{item['id']}")[1]


def test_stored_text_is_the_base_text_and_triggers_point_into_it(tei_server):
    doc = _document(tei_server)
    assert doc["text"] == read(EDITION).text
    assert "Новъгородъ" not in doc["text"] and "приписка" not in doc["text"]
    assert doc["events"]
    for event in doc["events"]:
        assert doc["text"][event["trigger"]["start"]:event["trigger"]["end"]] == event["trigger"]["text"]


def test_document_page_shows_the_text_as_read_with_its_triggers(tei_server, page):
    doc = _document(tei_server)
    page.goto(tei_server.url + "/documents/" + doc["id"])
    page.locator("#text").wait_for()
    assert page.locator("#text").inner_text().strip() == doc["text"].strip()
    links = page.locator("#text a.ev")
    assert links.count() == len({e["trigger"]["start"] for e in doc["events"]})
    assert sorted(links.all_inner_texts()) == sorted({e["trigger"]["text"] for e in doc["events"]})


def test_an_uploaded_tei_file_is_read_with_its_markup(server):
    body = (Path(__file__).resolve().parents[1] / "tei" / "data" / "oldstyle.xml").read_bytes()
    status, answer = server.json("/api/extract?source=oldstyle.xml", method="POST", body=body,
                                 headers={"Content-Type": "application/xml"})
    assert status == 200
    assert not answer["text"].startswith("<") and "Сенатскую площадь" in answer["text"]
    (date,) = [t for t in answer["chronology"]["timexes"] if t["text"] == "14 декабря 1825 года"]
    # the edition's @calendar, not the Old Style convention letopis would apply on its own
    assert (date["earliest"], date["calendar"]["written"], date["calendar"]["basis"], date["rule"]) == (
        "1825-12-26", "1825-12-14", "old-style mark", "tei_date")
