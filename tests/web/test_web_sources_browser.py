"""The cross-document layer in Debian's Chromium over the corpus fixtures: disputed events
marked on the timeline, every source and the disagreement on the event page, the
conflicts page, and undoing a merge from the page on a writable server only.

Screenshots go to test-artifacts/ (sources-*.png) for a person to look at.
"""

from __future__ import annotations

from web_support import shot
from playwright.sync_api import expect


def _date_conflict(server) -> dict:
    return server.json("/api/conflicts?kind=date")[1]["items"][0]


def test_timeline_marks_disputed_events_and_filters_them(sources_server, page):
    _, disputed = sources_server.json("/api/events?disputed=yes&dated=yes")
    claimed = {e["id"] for e in disputed["items"]}
    page.goto(sources_server.url + "/timeline")
    page.locator("#timeline g.ev").first.wait_for()
    marked = page.locator("#timeline g.ev.disputed")
    expect(marked).to_have_count(len(claimed))
    assert {marked.nth(i).get_attribute("data-event") for i in range(marked.count())} == claimed
    assert marked.first.locator("circle.ring, rect.ring").count() == 1, "a red ring around the mark"
    expect(page.locator("#legend-disputed")).to_be_visible()
    several = page.locator('#timeline g.ev:not([data-sources="1"]) tspan.srccount')
    assert several.count() > 0 and (several.first.text_content() or "").startswith("×")
    shot(page, "sources-timeline")
    page.check("input[name=disputed]")
    page.click("form.filters button[type=submit]")
    expect(page.locator("#timeline g.ev")).to_have_count(len(claimed))
    expect(page.locator("#timeline g.ev:not(.disputed)")).to_have_count(0)
    assert "disputed=yes" in page.url
    shot(page, "sources-timeline-disputed")


def test_event_page_lists_both_sources_and_the_disagreement(sources_server, page):
    conflict = _date_conflict(sources_server)
    event_id = conflict["claims"][0]["event"]
    page.goto(sources_server.url + f"/events/{event_id}")
    accounts = page.locator("#sources ol.accounts > li")
    accounts.first.wait_for()
    expect(accounts).to_have_count(2)
    text = page.locator("#sources").inner_text()
    for claim in conflict["claims"]:
        assert claim["title"] in text and claim["claim_words"] in text  # the document by its title, not its file
    assert page.locator("#sources mark.trigger").count() == 2
    assert page.locator("#why li").count() >= 1 and "оценка" in page.locator("#why").inner_text()
    box = page.locator(f'#disagreements section.conflict[data-conflict="{conflict["id"]}"]')
    expect(box).to_be_visible()
    assert box.locator("tbody tr").count() == len(conflict["claims"])
    expect(page.locator("#undo-merge")).to_have_count(0)
    expect(page.locator("#corrections-readonly")).to_be_visible()
    shot(page, "sources-event")


def test_conflicts_page_links_to_the_event(sources_server, page):
    _, data = sources_server.json("/api/conflicts")
    conflict = _date_conflict(sources_server)
    page.goto(sources_server.url + "/conflicts")
    boxes = page.locator("#conflicts section.conflict")
    boxes.first.wait_for()
    expect(boxes).to_have_count(data["total"])
    assert page.locator('header nav a[aria-current="page"]').inner_text() == "Разногласия"
    shot(page, "sources-conflicts")
    box = page.locator(f'section.conflict[data-conflict="{conflict["id"]}"]')
    event_id = conflict["claims"][1]["event"]
    box.locator(f'a[href="/events/{event_id}"]').click()
    page.wait_for_url(f"**/events/{event_id}")
    page.locator("#sources").wait_for()


def test_undo_from_the_event_page_splits_the_event(sources_writable, page):
    conflict = _date_conflict(sources_writable)
    event_id = conflict["claims"][0]["event"]
    page.goto(sources_writable.url + f"/events/{event_id}")
    page.locator("#undo-merge").click()
    expect(page.locator("#sources ol.accounts > li")).to_have_count(1)
    expect(page.locator("#disagreements section.conflict")).to_have_count(0)
    shot(page, "sources-event-undone")
    other = conflict["claims"][1]["event"]
    page.fill("#force-merge input[name=other]", other)
    page.click("#force-merge button[type=submit]")
    expect(page.locator("#sources ol.accounts > li")).to_have_count(2)
    assert "вручную" in page.locator("#why").inner_text()


def test_entity_page_shows_its_other_documents_and_undoes_the_merge(sources_writable, page):
    server = sources_writable
    _, entities = server.json("/api/entities?limit=1000")
    merged = next(e for e in (server.json(f"/api/entities/{x['id']}")[1] for x in entities["items"])
                  if e["corpus"] and e["corpus"]["merged"])
    page.goto(server.url + f"/entities/{merged['id']}")
    members = page.locator("#members li")
    members.first.wait_for()
    expect(members).to_have_count(len(merged["corpus"]["members"]))
    assert merged["corpus"]["merges"][0]["words"] in page.locator("#across").inner_text()
    # the other documents by their titles, not their ids
    titles = {merged["documents"][d] for m in merged["corpus"]["members"] for d in m["docs"]}
    assert all(t in page.locator("#members").inner_text() for t in titles)
    shot(page, "sources-entity")
    page.locator("#undo-merge").click()
    expect(page.locator("#members")).to_have_count(0)
    expect(page.locator("#across")).to_contain_text("не объединено")
