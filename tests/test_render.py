"""Markdown and HTML chronology reports from a hand-built contract dict."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from letopis.render import render_html, render_markdown
from letopis.render.markdown import escape as md_escape

TEXT = ("Восстание в Париже началось 19 августа 1944 года. "
        "Немцы получили приказ уничтожить мосты, но этого не произошло.\n"
        "Через несколько дней немецкий гарнизон капитулировал. "
        "Фон Хольтиц, по словам очевидцев, не стал исполнять приказ <script>alert(1)</script> | *все* _мосты_ [целы].")


def span(text: str, word: str, after: int = 0) -> dict:
    start = text.index(word, after)
    return {"start": start, "end": start + len(word), "text": word}


def sentence_of(text: str, word: str) -> dict:
    i = text.index(word)
    dot = text.rfind(". ", 0, i)
    start = max(dot + 2 if dot >= 0 else 0, text.rfind("\n", 0, i) + 1)
    ends = [j for j in (text.find(". ", i), text.find(".\n", i)) if j >= 0]
    end = min(ends) + 1 if ends else len(text)
    return {"start": start, "end": end}


def event(id: str, word: str, type: str, factuality: str, time: dict, participants=(), places=(), doc="paris"):
    return {"id": id, "doc": doc, "trigger": span(TEXT, word), "sentence": sentence_of(TEXT, word),
            "type": type, "factuality": factuality,
            "time": {"edtf": None, "timex": None, **time},
            "participants": [{"role": r, "entity": e} for r, e in participants], "places": list(places)}


def mention(word: str) -> dict:
    return {"doc": "paris", **span(TEXT, word)}


CHRON = {
    "schema": "letopis.chronology/1",
    "documents": [{"id": "paris", "source": "paris-1944.txt", "sha256": "0" * 64, "length": len(TEXT)}],
    "entities": [
        {"id": "E1", "type": "LOCATION", "subtype": "CITY", "name": "Париж", "aliases": ["столица Франции"],
         "mentions": [mention("Париже")]},
        {"id": "E2", "type": "PERSON", "subtype": None, "name": "Дитрих фон Хольтиц", "aliases": ["Хольтиц"],
         "mentions": [mention("Фон Хольтиц")]},
        {"id": "E3", "type": "GROUP", "subtype": "MILITARY_UNIT", "name": "немецкий гарнизон", "aliases": [],
         "mentions": [mention("немецкий гарнизон")]},
        {"id": "E4", "type": "GROUP", "subtype": "NATIONALITY", "name": "немцы", "aliases": [],
         "mentions": [mention("Немцы")]},
    ],
    "timexes": [],
    "events": [
        event("ev1", "началось", "CONFLICT.UPRISING", "actual",
              {"earliest": "1944-08-19", "latest": "1944-08-19", "basis": "explicit"}, places=["E1"]),
        event("ev2", "уничтожить", "CONFLICT.DESTROY", "unrealized",
              {"earliest": "1944-08-19", "latest": "1944-08-25", "basis": "context"}, [("agent", "E4")]),
        event("ev3", "капитулировал", "CONFLICT.SURRENDER", "actual",
              {"earliest": "1944-08-19", "latest": None, "basis": "inferred"}, [("agent", "E3")], ["E1"]),
        event("ev4", "исполнять", "ACTION.EXECUTE", "negated",
              {"earliest": None, "latest": None, "basis": "unknown"}, [("agent", "E2")]),
    ],
    "relations": [
        {"type": "cause", "source": "ev1", "target": "ev3", "evidence": None},
        {"type": "before", "source": "ev2", "target": "ev4",
         "evidence": {"doc": "paris", **{k: v for k, v in span(TEXT, "Через несколько дней").items() if k != "text"}}},
    ],
}
TEXTS = {"paris": TEXT}


def test_fixture_offsets_are_right():
    for ev in CHRON["events"]:
        t, s = ev["trigger"], ev["sentence"]
        assert TEXT[t["start"]:t["end"]] == t["text"]
        assert s["start"] <= t["start"] < t["end"] <= s["end"]
        assert TEXT[s["start"]].isupper() and TEXT[s["end"] - 1] == "."


# --- Markdown ---------------------------------------------------------------------------------

def md_rows(md: str, header: str) -> list[str]:
    lines = md.splitlines()
    i = lines.index(header)
    return [line for line in lines[i + 1:] if line.startswith("| ") and not line.startswith("| №")]


def cells(row: str) -> list[str]:
    return [c.strip() for c in re.split(r"(?<!\\)\|", row)[1:-1]]


@pytest.mark.parametrize("number, date, what, who, where", [
    (1, "19 августа 1944 · *указана*", "CONFLICT.UPRISING «началось»", "", "Париж"),
    (2, "19–25 августа 1944 · *из контекста*", "CONFLICT.DESTROY «уничтожить» — *не осуществлено*",
     "немцы (деятель)", ""),
    (3, "не ранее 19 августа 1944 · *выведена*", "CONFLICT.SURRENDER «капитулировал»",
     "немецкий гарнизон (деятель)", "Париж"),
    (4, "дата неизвестна", "ACTION.EXECUTE «исполнять» — *не произошло*", "Дитрих фон Хольтиц (деятель)", ""),
])
def test_markdown_event_rows(number, date, what, who, where):
    md = render_markdown(CHRON, TEXTS)
    row = cells([r for r in md.splitlines() if r.startswith(f"| {number} |")][0])
    assert row[:5] == [str(number), date, what, who, where]


@pytest.mark.parametrize("number, quote", [
    (1, "Восстание в Париже **началось** 19 августа 1944 года."),
    (2, "Немцы получили приказ **уничтожить** мосты, но этого не произошло."),
    (3, "Через несколько дней немецкий гарнизон **капитулировал**."),
    (4, r"Фон Хольтиц, по словам очевидцев, не стал **исполнять** приказ \<script\>alert(1)\</script\> \| "
        r"\*все\* \_мосты\_ \[целы\]."),
])
def test_markdown_marks_the_trigger_in_its_sentence(number, quote):
    md = render_markdown(CHRON, TEXTS)
    row = [r for r in md.splitlines() if r.startswith(f"| {number} |")][0]
    assert cells(row)[5] == quote


def test_markdown_rows_keep_their_shape_and_order():
    md = render_markdown(CHRON, TEXTS)
    events = [r for r in md_rows(md, "## События") if re.match(r"\| \d+ \|", r)]
    assert [cells(r)[0] for r in events] == ["1", "2", "3", "4"]
    assert all(len(cells(r)) == 6 for r in events)  # the "|" of the document is escaped
    assert "<script>" not in md
    assert "не осуществлено" not in events[0] and "не произошло" not in events[2]


def test_markdown_entities_and_relations():
    md = render_markdown(CHRON, TEXTS)
    entities = [cells(r) for r in md_rows(md, "## Участники и места") if not r.startswith("|---")]
    assert ["Париж", "место (город)", "столица Франции", "1"] in entities
    assert ["Дитрих фон Хольтиц", "лицо", "Хольтиц", "1"] in entities
    assert ["немецкий гарнизон", "группа (воинская часть)", "", "1"] in entities
    relations = [cells(r) for r in md_rows(md, "## Связи между событиями") if not r.startswith("|---")]
    assert relations[1:] == [
        ["1. «началось»", "вызвало", "3. «капитулировал»", ""],
        ["2. «уничтожить»", "раньше, чем", "4. «исполнять»", "Через несколько дней"],
    ]


@pytest.mark.parametrize("raw, escaped", [
    ("Иван *Грозный*", r"Иван \*Грозный\*"),
    ("a | b", r"a \| b"),
    ("<b>Пётр</b>", r"\<b\>Пётр\</b\>"),
    ("[ссылка](http://x)", r"\[ссылка\](http://x)"),
    ("строка\n\nдругая", "строка другая"),
    ("__init__ & `код`", r"\_\_init\_\_ \& \`код\`"),
    (r"C:\путь", r"C:\\путь"),
])
def test_markdown_escape(raw, escaped):
    assert md_escape(raw) == escaped


# --- HTML -------------------------------------------------------------------------------------

class Page(HTMLParser):
    """Visible text of the report and the tags it uses."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.marks: list[str] = []
        self.in_mark = False
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.in_mark = tag == "mark"
        self.in_style = tag == "style"

    def handle_endtag(self, tag):
        self.in_mark = self.in_mark and tag != "mark"
        self.in_style = self.in_style and tag != "style"

    def handle_data(self, data):
        if not self.in_style:
            self.text.append(data)
        if self.in_mark:
            self.marks.append(data)


def parse(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    return parser


def test_html_is_self_contained_russian_and_safe():
    page = render_html(CHRON, TEXTS)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="ru">' in page
    parsed = parse(page)
    assert "script" not in parsed.tags and "img" not in parsed.tags and "link" not in parsed.tags
    assert "style" in parsed.tags
    assert not re.search(r'\b(src|href)="(?!#)', page)  # no external assets; only in-page links
    visible = "".join(parsed.text)
    assert "не стал исполнять приказ <script>alert(1)</script> | *все* _мосты_ [целы]." in visible
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_html_marks_each_trigger_once_in_order():
    parsed = parse(render_html(CHRON, TEXTS))
    assert parsed.marks == ["началось", "уничтожить", "капитулировал", "исполнять"]


@pytest.mark.parametrize("words", [
    "19 августа 1944", "указана", "19–25 августа 1944", "из контекста", "не ранее 19 августа 1944",
    "выведена", "дата неизвестна", "не осуществлено", "не произошло", "Дитрих фон Хольтиц",
    "деятель", "место (город)", "столица Франции", "вызвало", "раньше, чем", "1. «началось»",
])
def test_html_says_what_markdown_says(words):
    visible = "".join(parse(render_html(CHRON, TEXTS)).text)
    assert words in visible
    assert words in render_markdown(CHRON, TEXTS).replace("\\", "")


def test_html_event_rows_in_contract_order_and_linked():
    page = render_html(CHRON, TEXTS)
    assert re.findall(r'<tr id="ev-([^"]+)"', page) == ["ev1", "ev2", "ev3", "ev4"]
    assert '<a href="#ev-ev1">1. «началось»</a>' in page


def test_html_date_cell_carries_the_edtf():
    chron = {**CHRON, "events": [{**CHRON["events"][0], "time": {**CHRON["events"][0]["time"], "edtf": "1944-08-19"}}]}
    assert '<td class="date" title="EDTF 1944-08-19">19 августа 1944<span class="basis">указана</span>' in render_html(chron, TEXTS)


def test_html_escapes_contract_strings_too():
    chron = {**CHRON, "entities": [{**CHRON["entities"][1], "name": 'Хольтиц "<img src=x onerror=alert(1)>"'}]}
    page = render_html(chron, TEXTS)
    assert "<img" not in page
    assert "Хольтиц &quot;&lt;img src=x onerror=alert(1)&gt;&quot;" in page


# --- degraded input ---------------------------------------------------------------------------

@pytest.mark.parametrize("render", [render_markdown, render_html])
def test_without_the_document_text_the_trigger_still_shows(render):
    out = render(CHRON, {})
    assert "Восстание в Париже" not in out
    assert ("**началось**" in out) if render is render_markdown else ("<mark>началось</mark>" in out)


@pytest.mark.parametrize("render", [render_markdown, render_html])
def test_no_events(render):
    out = render({"schema": "letopis.chronology/1", "documents": [], "entities": [], "timexes": [],
                  "events": [], "relations": []}, {})
    assert "Событий не найдено." in out


@pytest.mark.parametrize("render", [render_markdown, render_html])
def test_several_documents_name_the_document(render):
    novgorod = "В 1478 году Иван III присоединил Новгород."
    second = {"id": "ev9", "doc": "novgorod", "trigger": span(novgorod, "присоединил"),
              "sentence": {"start": 0, "end": len(novgorod)}, "type": "POLITICS.ANNEX", "factuality": "actual",
              "time": {"earliest": "1478-01-01", "latest": "1478-12-31", "edtf": "1478", "basis": "explicit",
                       "timex": None}, "participants": [], "places": []}
    chron = {**CHRON, "events": [second, *CHRON["events"]],
             "documents": [*CHRON["documents"], {"id": "novgorod", "source": "novgorod.txt", "sha256": "1" * 64,
                                                 "length": len(novgorod)}]}
    out = render(chron, {**TEXTS, "novgorod": novgorod})
    assert "1478 " in out and "[novgorod]" in out.replace("\\", "")


def test_trigger_outside_its_sentence_is_not_marked():
    ev = {**CHRON["events"][0], "sentence": {"start": 0, "end": 9}}  # «Восстание»
    md = render_markdown({**CHRON, "events": [ev], "relations": []}, TEXTS)
    row = [r for r in md.splitlines() if r.startswith("| 1 |")][0]
    assert cells(row)[5] == "Восстание"


def test_a_cause_that_names_no_event_is_a_row_of_the_relations_table():
    import letopis

    text = "Высокие цены на хлеб привели к тому, что горожане вышли на улицы."
    chron = letopis.extract(text).to_dict()
    doc_id = chron["documents"][0]["id"]
    report = render_markdown(chron, {doc_id: text})
    assert "| «Высокие цены» | вызвало | 1. «вышли» | привели |" in report.splitlines()
    assert "«Высокие цены»" in render_html(chron, {doc_id: text})
