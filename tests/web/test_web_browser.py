"""The viewer in Debian's Chromium: the historian's path through the example, and safety.

Screenshots of every page go to test-artifacts/ for a person to look at.
"""

from __future__ import annotations

from urllib.parse import quote

from web_support import shot
from playwright.sync_api import expect

DAY = "1944-08-19"


def test_timeline_to_event_with_the_trigger_marked(server, page):
    page.goto(server.url + "/timeline")
    dated = page.locator(f'#timeline g.ev[data-earliest="{DAY}"][data-latest="{DAY}"]')
    dated.first.wait_for()
    assert page.locator("#undated tbody tr").count() > 0, "undated events are listed apart"
    assert "null" not in page.locator("main").inner_text() and "undefined" not in page.locator("main").inner_text()
    shot(page, "timeline")
    event_id = dated.first.get_attribute("data-event")
    dated.first.locator("circle").click()
    page.wait_for_url(f"**/events/{event_id}")
    trigger = page.locator("#sentence mark.trigger")
    trigger.wait_for()
    _, data = server.json(f"/api/events/{event_id}")
    assert trigger.inner_text() == data["trigger"]["text"]
    assert data["trigger"]["text"] in page.locator("#sentence").inner_text()
    assert "19 августа 1944" in page.locator("#date").inner_text()
    assert page.locator("#basis").inner_text() == data["date"]["explained"]
    shot(page, "event")
    page.locator("#in-context").click()
    page.locator("#focus").wait_for()
    assert data["sentence_text"] in page.locator("#focus").inner_text()
    shot(page, "document")


def test_timeline_rows_by_actor_and_filters(server, page):
    page.goto(server.url + "/timeline?rows=actor")
    page.locator("#timeline g.ev").first.wait_for()
    labels = page.locator("#timeline .rowlabel").all_text_contents()
    _, people = server.json("/api/entities?type=PERSON&limit=100")
    assert any(label.startswith(p["name"][:23]) for label in labels for p in people["items"])
    _, unrealized = server.json("/api/events?factuality=unrealized")
    undated = [e for e in unrealized["items"] if not (e["time"]["earliest"] or e["time"]["latest"])]
    assert unrealized["items"]
    page.select_option("select[name=factuality]", "unrealized")
    page.click("form.filters button[type=submit]")
    expect(page.locator("#undated tbody tr")).to_have_count(len(undated))
    expect(page.locator("#timeline g.ev")).to_have_count(len(unrealized["items"]) - len(undated))
    assert "factuality=unrealized" in page.url
    shot(page, "timeline-actors-unrealized")


def test_person_page(server, page):
    _, people = server.json("/api/entities?type=PERSON&limit=100")
    with_events = [p for p in people["items"] if server.json(f"/api/entities/{p['id']}")[1]["events"]["items"]]
    person = max(with_events, key=lambda p: p["mentions"])
    _, data = server.json(f"/api/entities/{person['id']}")
    page.goto(server.url + "/entities/" + quote(person["id"]))
    page.locator("#events tbody tr").first.wait_for()
    assert page.locator("h1").inner_text() == person["name"]
    assert page.locator("#events tbody tr").count() == len(data["events"]["items"])
    assert page.locator("#mentions li").count() == len(data["mention_contexts"])
    shot(page, "person")


def test_search_page(server, page):
    _, data = server.json("/api/events?from=1944-08-19&to=1944-08-19")
    word = data["items"][0]["trigger"]["text"]
    page.goto(server.url + "/search")
    page.fill("input[name=q]", word)
    page.click("form button[type=submit]")
    page.locator("#results li").first.wait_for()
    assert word.lower() in page.locator("#results mark").first.inner_text().lower() or page.locator("#results mark").count()
    shot(page, "search")


def test_paste_page_shows_events_without_storing(server, page):
    text = "19 августа 1944 года в Париже началось восстание. Через шесть дней генерал де Голль вернулся в Париж."
    page.goto(server.url + "/paste")
    page.fill("#text", text)
    page.click("#run")
    page.locator("#chronology tbody tr").first.wait_for(timeout=120_000)
    triggers = page.locator("#chronology tbody tr td:nth-child(3) strong").all_inner_texts()
    assert triggers and all(t in text for t in triggers)
    assert "19 августа 1944" in page.locator("#chronology").inner_text()
    assert "не сохранён" in page.locator("#status").inner_text()
    assert page.locator("#store").is_disabled(), "a read-only server offers no storing"
    shot(page, "paste")


def test_map_and_graph_draw(server, page):
    page.goto(server.url + "/map")
    page.locator("#map circle.place").first.wait_for()
    _, places = server.json("/api/places")
    drawn = page.locator("#map circle.place").evaluate_all("(cs) => cs.flatMap((c) => c.dataset.place.split(' '))")
    assert sorted(drawn) == sorted(p["id"] for p in places["items"]), "every place drawn once, alone or in a cluster"
    page.locator("#map circle.place:not(.cluster)").last.click()  # drawn last, so on top
    page.locator("#place h2").wait_for()
    page.locator("#place a", has_text="все места").click()
    page.locator("#place-list a").first.click()
    assert page.locator("#place h2").inner_text() == places["items"][0]["name"]
    assert "null" not in page.locator("main").inner_text()
    shot(page, "map")
    page.goto(server.url + "/graph")
    page.locator("#graph a.node").first.wait_for()
    assert page.locator('#graph a.node[data-kind="actor"]').count() > 0
    shot(page, "graph")


def test_markup_in_a_document_is_shown_as_text(server, corpus_db, page):
    page.goto(server.url + "/documents/" + corpus_db["hostile"])
    page.locator("#text").wait_for()
    assert "<script>window.__pwned = 1</script>" in page.locator("#text").inner_text()
    assert page.locator("main script, main img, main b").count() == 0
    assert page.evaluate("window.__pwned") is None
    _, events = server.json(f"/api/events?doc={corpus_db['hostile']}")
    if events["items"]:
        page.goto(server.url + "/events/" + events["items"][0]["id"])
        page.locator("#sentence mark.trigger").wait_for()
        assert page.locator("main script, main img").count() == 0
        assert page.evaluate("window.__pwned") is None
    page.goto(server.url + "/search?q=" + quote("Леклерк"))
    page.locator("#results li").first.wait_for()
    assert page.locator("main script, main img").count() == 0 and page.evaluate("window.__pwned") is None
    shot(page, "hostile-document")


def test_paste_page_reads_a_file_and_refuses_one_too_large(server, page):
    text = "В 1812 году Наполеон вошёл в Москву. Через месяц французская армия оставила город."
    page.goto(server.url + "/paste")
    page.set_input_files("#file", files=[{"name": "1812.txt", "mimeType": "text/plain", "buffer": text.encode("cp1251")}])
    page.click("#run")
    page.locator("#chronology tbody tr").first.wait_for(timeout=120_000)
    assert "1812" in page.locator("#chronology").inner_text()
    big = ("слово " * 200_000).encode("utf-8")  # over the server's --max-upload of 1 MB
    page.set_input_files("#file", files=[{"name": "big.txt", "mimeType": "text/plain", "buffer": big}])
    page.click("#run")
    error = page.locator("#status .error")
    error.wait_for()
    assert "--max-upload" in error.inner_text()
