"""Every page of the viewer speaks Russian: no code of the contract (an event type, a role,
a factuality, an entity type, a conflict kind) appears in the visible text of any page,
and an unknown address is a page a reader can leave by a link."""

from __future__ import annotations

import re

import pytest
from web_support import shot
from playwright.sync_api import expect

from letopis.lang.ru import labels

CODES = sorted({code for table in ("event_types", "roles", "factuality", "entity_types", "subtypes", "conflict_kinds",
                                    "relations", "basis", "status") for code in labels.TABLES[table]} - {""})
CODE = re.compile(r"(?<![\w-])(" + "|".join(re.escape(c) for c in CODES) + r")(?![\w-])")


def _pages(server, corpus_db) -> list[str]:
    _, events = server.json("/api/events?limit=1000")
    typed = next(e for e in events["items"] if e["participants"] and e["type"] != "other")
    _, people = server.json("/api/entities?type=PERSON&limit=1")
    return ["/", "/timeline", "/timeline?rows=actor", "/explore", f"/events/{typed['id']}", "/entities",
            f"/entities/{people['items'][0]['id']}", "/documents", f"/documents/{corpus_db['example']}", "/map", "/graph",
            "/search?q=%D0%9F%D0%B0%D1%80%D0%B8%D0%B6", "/conflicts", "/paste", "/no-such-page"]


def test_no_english_code_in_the_visible_text_of_any_page(server, corpus_db, page):
    for path in _pages(server, corpus_db):
        page.goto(server.url + path)
        page.wait_for_load_state("networkidle")
        expect(page.locator("main .loading")).to_have_count(0)
        text = page.locator("body").inner_text()
        found = CODE.findall(text)
        assert not found, f"{path} shows codes {sorted(set(found))}"
        assert "undefined" not in text and "null" not in text, path
        if path == "/no-such-page":  # its own 404 is the one expected console error
            page.errors[:] = [e for e in page.errors if "404" not in e]
    shot(page, "not-found")


def test_an_unknown_address_is_a_page_with_the_way_back(server, page):
    response = page.goto(server.url + "/events/d1.ev1/nothing")
    assert response.status == 404 and response.headers["content-type"].startswith("text/html")
    page.errors.clear()  # the 404 itself
    page.locator("#back").click()
    page.wait_for_url(server.url + "/")


@pytest.mark.parametrize("words", ["сражение", "восстание"])
def test_the_timeline_filter_takes_a_russian_type(server, page, words):
    page.goto(server.url + "/timeline")
    page.fill("input[name=type]", words)
    page.click("form.filters button[type=submit]")
    page.locator("#timeline g.ev").first.wait_for()
    labels_shown = page.locator("#timeline .rowlabel").all_text_contents()
    assert labels_shown and all(label.startswith(words + words + ":") for label in labels_shown)
