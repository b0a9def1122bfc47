"""The timeline on a corpus of many centuries (52 BC to 2015): the axis fits the filter with
ticks that suit the span, BC years read «до н. э.», labels open their event, events with an
open bound stay inside the window and a switch hides them."""

from __future__ import annotations

from web_support import shot


def _ticks(page) -> list[str]:
    return page.locator("#timeline .axis text.tick").evaluate_all("(ts) => ts.map((t) => t.dataset.day)")


def test_a_summer_of_1944_fits_the_axis_and_a_label_opens_its_event(centuries_server, page):
    page.goto(centuries_server.url + "/timeline?from=1944-06-01&to=1944-09-30")
    page.locator("#timeline g.ev").first.wait_for()
    days = _ticks(page)
    assert len(days) >= 3 and all(day.startswith("1944-") for day in days), days
    # a window of four months is drawn in days or months, never in years
    assert any(not day.endswith("-01-01") for day in days)
    shot(page, "timeline-1944-summer")
    label = page.locator("#timeline g.ev text.evlabel").first
    event_id = label.evaluate("(t) => t.closest('g.ev').dataset.event")
    label.click()
    page.wait_for_url(f"**/events/{event_id}")
    page.locator("#sentence mark.trigger").wait_for()


def test_the_whole_corpus_reads_bc_years_and_the_overview_spans_it(centuries_server, page):
    page.goto(centuries_server.url + "/timeline")
    page.locator("#timeline g.ev").first.wait_for()
    page.locator("#overview svg rect.bar").first.wait_for()
    axis = " ".join(page.locator("#timeline .axis text.tick").all_text_contents())
    overview = " ".join(page.locator("#overview svg text").all_text_contents())
    assert "до н. э." in axis + overview
    assert not any(t.lstrip().startswith("-") for t in page.locator("#timeline .axis text.tick").all_text_contents())
    shot(page, "timeline-centuries")


def test_open_bounds_stay_in_the_window_and_can_be_hidden(centuries_server, page):
    _, found = centuries_server.json("/api/events?from=1944-06-01&to=1944-09-30&limit=1000")
    open_ended = [e for e in found["items"] if bool(e["time"]["earliest"]) != bool(e["time"]["latest"])]
    assert open_ended, "the corpus has an open-ended event (after 50 BC) that meets 1944"
    page.goto(centuries_server.url + "/timeline?from=1944-06-01&to=1944-09-30")
    page.locator("#timeline g.ev").first.wait_for()
    width = page.locator("#timeline svg").evaluate("(svg) => svg.viewBox.baseVal.width")
    for ev in open_ended:
        mark = page.locator(f'#timeline g.ev[data-event="{ev["id"]}"] rect').first
        x = float(mark.get_attribute("x"))
        assert 0 < x < width, (ev["id"], x, width)
    page.locator("#open-toggle").uncheck()
    for ev in open_ended:
        assert page.locator(f'#timeline g.ev[data-event="{ev["id"]}"]').count() == 0
    assert "open=no" in page.url


def test_brushing_the_overview_sets_the_period(centuries_server, page):
    page.goto(centuries_server.url + "/timeline")
    strip = page.locator("#overview svg")
    strip.locator("rect.bar").first.wait_for()
    box = strip.bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.80, box["y"] + 20)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.99, box["y"] + 20, steps=5)
    page.mouse.up()
    page.wait_for_url("**/timeline?*from=*")
    assert "to=" in page.url
