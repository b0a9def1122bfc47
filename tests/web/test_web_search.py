"""Search: counts and pages of hits, filters by kind and document, a name from its start."""

from __future__ import annotations

from urllib.parse import quote

from web_support import shot


def test_pages_of_hits_cover_the_count_without_overlap(centuries_server):
    _, first = centuries_server.json("/api/search?q=" + quote("Париж") + "&limit=3")
    assert first["total"] > 3 and first["more"] and len(first["items"]) == 3
    seen = []
    for offset in range(0, first["total"], 3):
        _, page = centuries_server.json(f"/api/search?q={quote('Париж')}&limit=3&offset={offset}")
        seen += [(hit["kind"], hit["id"]) for hit in page["items"]]
    assert len(seen) == first["total"] == len(set(seen))


def test_filters_keep_one_kind_and_one_document(centuries_server):
    _, docs = centuries_server.json("/api/documents")
    paris = next(d for d in docs["items"] if "2015" in d["source"])
    assert paris["title"] == "paris 2015"
    _, found = centuries_server.json(f"/api/search?q={quote('Париж')}&kind={quote('событие')}&doc={paris['id']}")
    assert found["items"] and all(h["kind"] == "event" and h["doc"] == paris["id"] for h in found["items"])
    assert all(h["title"] == "paris 2015" for h in found["items"])


def test_the_start_of_a_name_finds_it_in_the_browser(centuries_server, page):
    page.goto(centuries_server.url + "/search")
    page.fill("input[name=q]", "Лобач")
    page.locator("#suggest-q option").first.wait_for(state="attached")
    assert "Лобачевский" in page.locator("#suggest-q option").first.get_attribute("value")
    page.click("form button[type=submit]")
    page.locator("#results li").first.wait_for()
    assert "Лобачевск" in page.locator("#results").inner_text()
    assert "Найдено:" in page.locator("#hit-count").inner_text()
    shot(page, "search-prefix")
