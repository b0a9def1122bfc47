"""The viewer on a phone (390 px wide): no page scrolls sideways."""

from __future__ import annotations

import pytest
from web_support import shot
from playwright.sync_api import expect

PATHS = ["/explore", "/timeline", "/map", "/graph", "/search?q=%D0%9F%D0%B0%D1%80%D0%B8%D0%B6", "/entities", "/documents",
         "/conflicts", "/paste"]


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="ru-RU", device_scale_factor=1)
    tab = context.new_page()
    yield tab
    context.close()


def test_no_page_overflows_sideways_at_390_px(centuries_server, phone):
    _, events = centuries_server.json("/api/events?limit=1")
    _, docs = centuries_server.json("/api/documents?limit=1")
    for path in [*PATHS, f"/events/{events['items'][0]['id']}", f"/documents/{docs['items'][0]['id']}"]:
        phone.goto(centuries_server.url + path)
        phone.wait_for_load_state("networkidle")
        expect(phone.locator("main .loading")).to_have_count(0)
        width = phone.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 390, f"{path} is {width} px wide at 390 px"
        if path == "/explore":
            shot(phone, "explore-390px")
