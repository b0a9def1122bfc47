"""TimelineJS itself reads our exports: the published npm package (3.9.11) is installed into
a temporary folder and its bundle runs in Chromium (Debian's, through Playwright).

TimelineJS is a browser library: its config code sanitises text with DOMPurify, which needs
a DOM, so the bundle runs in a browser rather than bare node. The JSON goes through
`new TL.Timeline(el, data)` and the CSV through TimelineJS's own CSV reader (a `.csv` URL,
served here by Playwright), i.e. TimelineConfig, ConfigFactory and TLDate as shipped.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from export_support import dated
from letopis.export import timelinejs, timelinejs_csv
from letopis.export.source import display_date

pytestmark = pytest.mark.slow

PACKAGE = "@knight-lab/timelinejs@3.9.11"
CHROMIUM = "/usr/bin/chromium"
SITE = "http://letopis.invalid/"


@pytest.fixture(scope="module")
def timeline_js(tmp_path_factory) -> Path:
    npm = shutil.which("npm")
    if npm is None or not Path(CHROMIUM).exists():
        pytest.skip("needs npm and Chromium")
    folder = tmp_path_factory.mktemp("timelinejs")
    subprocess.run([npm, "install", "--prefix", str(folder), "--no-audit", "--no-fund", "--ignore-scripts", PACKAGE],
                   check=True, capture_output=True, timeout=300)
    bundle = folder / "node_modules" / "@knight-lab" / "timelinejs" / "dist" / "js" / "timeline.js"
    assert bundle.is_file()
    return bundle


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM)
        yield chromium
        chromium.close()


def _load(browser, bundle: Path, data, files: dict[str, str]) -> dict:
    """Build a Timeline from `data` (a config or a URL) and return what TimelineJS made of it."""
    page = browser.new_page()

    def serve(route):
        name = route.request.url.removeprefix(SITE)
        if name in files:
            route.fulfill(body=files[name], content_type="text/csv; charset=utf-8")
        else:
            route.fulfill(body="<html><body><div id='tl' style='width:900px;height:600px'></div></body></html>",
                          content_type="text/html; charset=utf-8")

    page.route(f"{SITE}**", serve)
    page.goto(f"{SITE}index.html")
    page.add_script_tag(path=str(bundle))
    page.evaluate("(data) => { window.tl = new TL.Timeline('tl', data); }", data)
    page.wait_for_function("() => window.tl.config !== null", timeout=20000)
    result = page.evaluate("""() => {
        const c = window.tl.config;
        const day = (d) => d && d.data.date_obj.toISOString().slice(0, 10);
        return {
            valid: c.isValid(),
            errors: c.getErrors().map(e => e.message_key || String(e)),
            title: c.title && c.title.text.headline,
            events: c.events.map(e => ({id: e.unique_id, start: day(e.start_date), end: day(e.end_date),
                                        headline: e.text.headline, display: e.display_date || e.start_date.data.display_date})),
        };
    }""")
    page.close()
    return result


def _expected_start(event: dict) -> str:
    time = event["time"]
    return time["earliest"] or time["latest"]


def test_timelinejs_reads_the_json(browser, timeline_js, chronology, texts):
    data = timelinejs.timeline(chronology, texts=texts)
    seen = _load(browser, timeline_js, data, {})
    assert seen["valid"], seen["errors"]
    assert seen["title"] == data["title"]["text"]["headline"]
    by_id = {e["id"]: e for e in seen["events"]}
    assert set(by_id) == {e["id"] for e in dated(chronology)}
    for event in dated(chronology):
        got = by_id[event["id"]]
        # TimelineJS places the slide on the first day of our window, whatever its precision
        assert got["start"] == _expected_start(event), event["id"]
        time = event["time"]
        if got["end"] is not None:
            assert time["earliest"] < time["latest"]
            assert got["end"] <= time["latest"]
        assert got["display"] == display_date(event)
    ours = {s["unique_id"]: s["text"]["headline"] for s in data["events"]}
    assert {i: e["headline"] for i, e in by_id.items()} == ours  # DOMPurify left our escaped text alone
    starts = [e["start"] for e in seen["events"]]
    assert starts == sorted(starts)


def test_timelinejs_reads_the_spreadsheet_csv(browser, timeline_js, chronology):
    seen = _load(browser, timeline_js, f"{SITE}chronology.csv", {"chronology.csv": timelinejs_csv.to_csv(chronology)})
    assert seen["valid"], seen["errors"]
    assert seen["title"].startswith("Хронология")
    assert sorted(e["start"] for e in seen["events"]) == sorted(_expected_start(e) for e in dated(chronology))


def test_timelinejs_rejects_what_our_checks_reject(browser, timeline_js):
    """The browser run can fail: a month TimelineJS cannot parse is an error there too."""
    bad = "Year,Month,Day,Headline\n1944,авг,19,x\n"
    seen = _load(browser, timeline_js, f"{SITE}bad.csv", {"bad.csv": bad})
    assert not seen["valid"] and "invalid_date_err" in seen["errors"]
