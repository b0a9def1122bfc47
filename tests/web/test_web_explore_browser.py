"""The exploration page on a corpus of many centuries: a period brushed on the histogram
filters the timeline, the map, the graph and the table; a place or an actor chosen in a
view filters the others; the state is in the URL; names are found from their start."""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlsplit

from web_support import shot
from playwright.sync_api import expect


def _wait(page) -> None:
    expect(page.locator("#table-count")).to_have_count(1)
    expect(page.locator(".view.busy")).to_have_count(0)
    expect(page.locator("#ex-status")).not_to_be_empty()


def _events(server, query: dict) -> list[dict]:
    _, found = server.json("/api/events?" + urlencode({**query, "limit": 1000}))
    return found["items"]


def _shown(page, selector: str, attribute: str) -> set[str]:
    return set(page.locator(selector).evaluate_all(f"(nodes) => nodes.map((n) => n.getAttribute('{attribute}'))"))


def test_brushing_a_period_filters_map_graph_and_table(centuries_server, page):
    page.goto(centuries_server.url + "/explore")
    _wait(page)
    shot(page, "explore-centuries")
    before = _shown(page, "#ex-table tbody tr", "data-event")
    strip = page.locator("#ex-histogram svg")
    box = strip.bounding_box()
    # the last tenth of the span: the twentieth and twenty-first centuries
    page.mouse.move(box["x"] + box["width"] * 0.90, box["y"] + 20)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.995, box["y"] + 20, steps=6)
    page.mouse.up()
    page.wait_for_url("**/explore?*from=*")
    _wait(page)
    query = {k: v[-1] for k, v in parse_qs(urlsplit(page.url).query).items()}
    assert query["from"] > "1800" and "to" in query
    wanted = _events(centuries_server, {"from": query["from"], "to": query["to"]})
    ids = {ev["id"] for ev in wanted}
    assert ids and ids != before
    # the table: the first page of exactly these events, with their count
    table = _shown(page, "#ex-table tbody tr", "data-event")
    assert table and table <= ids and (len(table) == min(25, len(ids)))
    assert f"из {len(ids)}" in page.locator("#table-count").inner_text()
    # the timeline: only these events, and its axis inside the period
    assert _shown(page, "#ex-timeline g.ev", "data-event") <= ids
    # the graph: event nodes are among these events
    graph = _shown(page, "#ex-graph g.event", "data-event")
    assert graph and graph <= ids
    # the map: exactly the places of these events that have coordinates
    _, every = centuries_server.json("/api/events?" + urlencode({"from": query["from"], "to": query["to"], "limit": 1000}))
    located = {p for ev in every["items"] for p in ev["places"] if (every["entities"].get(p) or {}).get("geo")}
    shown = {i for group in _shown(page, "#ex-map g.place", "data-place") for i in group.split()}
    assert shown == located
    shot(page, "explore-brushed")
    # the state is in the URL: the same address shows the same selection
    page.goto(page.url)
    _wait(page)
    assert _shown(page, "#ex-table tbody tr", "data-event") == table


def test_choosing_a_place_and_an_actor_filters_the_other_views(centuries_server, page):
    page.goto(centuries_server.url + "/explore")
    _wait(page)
    place = page.locator("#ex-map g.place").first
    place.click()
    page.wait_for_url("**/explore?*place=*")
    _wait(page)
    name = parse_qs(urlsplit(page.url).query)["place"][0]
    ids = {ev["id"] for ev in _events(centuries_server, {"place": name})}
    assert _shown(page, "#ex-table tbody tr", "data-event") <= ids
    page.locator("#chips button").first.click() if page.locator("#chips button").count() else None
    page.goto(centuries_server.url + "/explore")
    _wait(page)
    actor = page.locator("#ex-graph g.actor").first
    entity = actor.get_attribute("data-entity")
    actor.click()
    page.wait_for_url(f"**/explore?*entity={entity}*")
    _wait(page)
    ids = {ev["id"] for ev in _events(centuries_server, {"entity": entity})}
    assert _shown(page, "#ex-table tbody tr", "data-event") <= ids
    assert page.locator("#chips [data-facet=entity]").count() == 1
    shot(page, "explore-actor")


def test_a_name_is_found_from_its_start(centuries_server, page):
    status, found = centuries_server.json("/api/suggest?q=%D0%9B%D0%BE%D0%B1%D0%B0%D1%87&type=PERSON")  # Лобач
    assert status == 200 and any(e["name"].endswith("Лобачевский") for e in found["items"])
    page.goto(centuries_server.url + "/explore")
    _wait(page)
    page.fill("#facets input[name=person]", "Лобач")
    page.locator("#suggest-person option").first.wait_for(state="attached")
    assert "Лобачевский" in page.locator("#suggest-person option").first.get_attribute("value")
    page.locator("#facets button[type=submit]").click()
    page.wait_for_url("**/explore?*person=*")
    _wait(page)
    rows = page.locator("#ex-table tbody tr")
    assert rows.count() >= 3
    assert "Лобачевский" in page.locator("#ex-table tbody").inner_text()
