"""TimelineJS JSON and spreadsheet CSV, checked by TimelineJS's documented rules (the
slow test in test_timelinejs_browser.py runs TimelineJS itself on the same exports)."""

from __future__ import annotations

import calendar
import csv
import io
import json
import re
from html.parser import HTMLParser

import pytest

from export_support import dated, timelinejs_date_problems, timelinejs_problems
from letopis import export
from letopis.export import timelinejs, timelinejs_csv
from letopis.render.dates import describe


def _span(start: dict, end: dict | None) -> tuple[str, str]:
    """The first and last day a TimelineJS start (and end) date covers."""
    last = end or start

    def iso(y, m, d):
        return f"{y:04d}-{m:02d}-{d:02d}"

    first_day = iso(start["year"], start.get("month", 1), start.get("day", 1))
    month = last.get("month", 12)
    day = last.get("day") or calendar.monthrange(last["year"], month)[1]
    return first_day, iso(last["year"], month, day)


@pytest.mark.parametrize("earliest, latest, start, end", [
    ("1944-08-19", "1944-08-19", {"year": 1944, "month": 8, "day": 19}, None),       # a day
    ("1944-08-01", "1944-08-31", {"year": 1944, "month": 8}, None),                  # «в августе»
    ("1944-01-01", "1944-12-31", {"year": 1944}, None),                              # «в 1944 году»
    ("1941-01-01", "1945-12-31", {"year": 1941}, {"year": 1945}),                    # «в 1941–1945 годах»
    ("1944-06-01", "1944-08-31", {"year": 1944, "month": 6}, {"year": 1944, "month": 8}),  # «летом»
    ("1944-08-01", "1944-08-10", {"year": 1944, "month": 8, "day": 1}, {"year": 1944, "month": 8, "day": 10}),
    ("1944-08-19", None, {"year": 1944, "month": 8, "day": 19}, None),               # «не ранее»
    (None, "1944-08-18", {"year": 1944, "month": 8, "day": 18}, None),               # «не позднее»
    ("-0043-03-15", "-0043-03-15", {"year": -43, "month": 3, "day": 15}, None),      # 44 BCE, astronomical
])
def test_date_objects_keep_the_precision_of_the_bounds(earliest, latest, start, end):
    assert timelinejs.date_objects({"earliest": earliest, "latest": latest}) == (start, end)
    assert timelinejs_date_problems(start) == []


def test_every_dated_event_is_one_valid_slide(chronology):
    data = timelinejs.timeline(chronology)
    assert timelinejs_problems(data) == []
    slides = {s["unique_id"]: s for s in data["events"]}
    assert list(slides) == [e["id"] for e in dated(chronology)]
    assert len(slides) >= 10, "the example dates many events"


def test_slide_dates_are_the_event_bounds(chronology):
    slides = {s["unique_id"]: s for s in timelinejs.timeline(chronology)["events"]}
    for event in dated(chronology):
        time, slide = event["time"], slides[event["id"]]
        words = describe(time["earliest"], time["latest"], time["basis"])
        assert slide["display_date"] == slide["start_date"]["display_date"] == words
        first, last = _span(slide["start_date"], slide.get("end_date"))
        if time["earliest"] and time["latest"]:
            assert (first, last) == (time["earliest"], time["latest"]), event["id"]
        else:
            bound = time["earliest"] or time["latest"]
            assert first == last == bound and "end_date" not in slide
            assert words.startswith("не ранее" if time["earliest"] else "не позднее")


def test_uncertain_windows_are_shown_in_words(chronology):
    shown = {s["display_date"] for s in timelinejs.timeline(chronology)["events"]}
    assert any(re.match(r"\d+–\d+ августа 1944", d) for d in shown)      # «в начале августа»
    assert any(d.startswith("не позднее ") for d in shown)
    assert any(d.startswith("не ранее ") for d in shown)


def test_title_says_how_many_undated_events_are_left_out(chronology):
    data = timelinejs.timeline(chronology)
    undated = len(chronology["events"]) - len(dated(chronology))
    assert undated > 0
    text = data["title"]["text"]["text"]
    assert f"На ленте {len(data['events'])} " in text
    assert re.search(rf"\b{undated} событи\w* без даты не показан", text)
    assert data["title"]["unique_id"] not in {s["unique_id"] for s in data["events"]}


def test_slide_text_quotes_the_source_sentence_with_the_trigger(chronology, texts):
    data = timelinejs.timeline(chronology, texts=texts)
    events = {e["id"]: e for e in chronology["events"]}
    for slide in data["events"]:
        event = events[slide["unique_id"]]
        sentence = texts[event["doc"]][event["sentence"]["start"]:event["sentence"]["end"]]
        parsed = _Html(slide["text"]["text"])
        assert sentence in parsed.text
        assert event["trigger"]["text"] in parsed.bold


class _Html(HTMLParser):
    """The tags and the text a browser would see."""

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.tags, self.text, self.bold, self._in_b = [], "", [], False
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._in_b = tag == "b"

    def handle_endtag(self, tag):
        self._in_b = False

    def handle_data(self, data):
        self.text += data
        if self._in_b:
            self.bold.append(data)


TRICKY = "19 августа 1944 года в Париже <b>рабочие</b> & служащие начали восстание против оккупантов."


@pytest.fixture(scope="module")
def tricky(analyse):
    from letopis.chronology import build

    doc = analyse(TRICKY, source="<script>.txt")
    return build([doc]).to_dict(), {doc.id: TRICKY}


def test_markup_in_the_source_is_shown_as_text_not_run(tricky):
    chronology, texts = tricky
    assert dated(chronology), "the sentence is dated and has an event"
    data = timelinejs.timeline(chronology, texts=texts)
    for slide in data["events"]:
        parsed = _Html(slide["text"]["text"])
        assert set(parsed.tags) <= {"blockquote", "p", "b"}
        assert "<b>рабочие</b> & служащие" in parsed.text
        assert "<" not in slide["text"]["headline"]
    title = _Html(data["title"]["text"]["headline"])
    assert title.tags == [] and "«<script>»" in title.text  # the file «<script>.txt» by its title


def test_csv_has_the_template_columns_and_the_same_slides(chronology):
    data = timelinejs.timeline(chronology)
    rows = list(csv.DictReader(io.StringIO(timelinejs_csv.to_csv(chronology))))
    assert tuple(rows[0]) == timelinejs_csv.COLUMNS
    title, *events = rows
    assert title["Type"] == "title" and title["Year"] == ""
    assert title["Text"] == data["title"]["text"]["text"]
    assert len(events) == len(data["events"])
    for row, slide in zip(events, data["events"]):
        start, end = slide["start_date"], slide.get("end_date", {})
        as_json = {"year": row["Year"], "month": row["Month"], "day": row["Day"]}
        assert timelinejs_date_problems(as_json) == []
        assert as_json == {k: str(start.get(k, "")) for k in ("year", "month", "day")}
        assert (row["End Year"], row["End Month"], row["End Day"]) == tuple(str(end.get(k, "")) for k in ("year", "month", "day"))
        assert row["Display Date"] == slide["display_date"]
        assert row["Headline"] == slide["text"]["headline"] and row["Group"] == slide["group"]


def test_render_gives_json_text(chronology):
    assert json.loads(export.render(chronology, "timelinejs")) == timelinejs.timeline(chronology)


def test_a_chronology_without_dates_is_refused_in_words(analyse):
    from letopis.chronology import build

    chronology = build([analyse("Полицейские вышли на улицы и захватили префектуру.")]).to_dict()
    assert chronology["events"] and not dated(chronology)
    with pytest.raises(export.ExportError, match=r"no event has a date \(\d+ undated\)"):
        timelinejs.timeline(chronology)


# --- groups only when few, and a title slide of titles -----------------------------------

def test_slides_are_grouped_by_a_handful_of_coarse_kinds(chronology):
    data = timelinejs.timeline(chronology)
    groups = {slide.get("group") for slide in data["events"]}
    assert 1 < len(groups) <= timelinejs.MAX_GROUPS
    assert not any(re.search("[a-z]", g or "") for g in groups), groups


def test_grouping_by_actor_keeps_the_main_agents_and_the_rest_together(chronology):
    data = timelinejs.timeline(chronology, groups="actor")
    groups = {slide.get("group") for slide in data["events"]}
    assert len(groups) <= timelinejs.MAX_GROUPS and "другие участники" in groups


def test_no_groups_when_asked(chronology):
    assert not any("group" in slide for slide in timelinejs.timeline(chronology, groups="none")["events"])


def test_the_title_slide_names_documents_by_title_not_path(chronology):
    headline = timelinejs.timeline(chronology)["title"]["text"]["headline"]
    assert "/" not in headline and ".txt" not in headline and "paris 1944" in headline
