"""Anchoring: narrative context, the document date (news), named events; the stage and its trace."""

from __future__ import annotations

from pathlib import Path

import pytest

from letopis.doc import Doc, Sentence, Timex
from letopis.pipeline import Pipeline
from letopis.stages.timex import TimexStage
from letopis.time import extract, resolve_anchor

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "paris-1944.txt"


def one(text: str, span: str, dct: str | None = None):
    found = [t for t in extract(text, dct=dct) if t.text == span]
    assert found, f"{span!r} not in {[t.text for t in extract(text, dct=dct)]}"
    return found[0]


# ---- the narrative reference ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, span, value, anchor", [
    # the year of the last explicit date, not of the first one
    ("В 1941 году началась война. В 1944 году 14 июля прошёл парад.", "14 июля", "1944-07-14", "context"),
    # a month or two before the reference is a flashback within the same year
    ("19 августа 1944 года началось восстание; ещё 14 июля было неспокойно.", "14 июля", "1944-07-14", "context"),
    # more than half a year before it: the narrative has crossed a year end
    ("31 декабря 1944 года шли бои, а 15 января фронт двинулся.", "15 января", "1945-01-15", "context"),
    ("В октябре 1917 года пало правительство, а в марте заключили мир.", "в марте", "1918-03", "context"),
    # relative expressions move the reference; a later year-less date follows it
    ("30 декабря 1944 года шли бои. Через три дня, 2 января, фронт прорвали.", "2 января", "1945-01-02", "context"),
    # an explicit year is absolute whatever came before
    ("В 1944 году шли бои. 9 мая 1945 года пришла победа.", "9 мая 1945 года", "1945-05-09", "absolute"),
    # without any reference the year stays unknown
    ("Праздник 14 июля отмечают во Франции.", "14 июля", "XXXX-07-14", "context"),
    # nor can a decade, a century or a span of years give one year
    ("В 1920-е годы 14 июля был праздником.", "14 июля", "XXXX-07-14", "context"),
    ("В XIX веке 14 июля не праздновали.", "14 июля", "XXXX-07-14", "context"),
    ("В 1941–1945 годах шла война; 9 мая стало праздником позже.", "9 мая", "XXXX-05-09", "context"),
    # a range within one year does
    ("С 19 по 25 августа 1944 года шли бои; 26 августа был парад.", "26 августа", "1944-08-26", "context"),
    # BCE years carry over too
    ("В 44 году до н. э., 15 марта, убили Цезаря.", "15 марта", "BC0044-03-15", "context"),
])
def test_context_year(text, span, value, anchor):
    t = one(text, span)
    assert (t.value, t.anchor) == (value, anchor)


def test_weekday_follows_the_reference_day():
    t = one("19 августа 1944 года (суббота) началось восстание, а в понедельник пришли танки.", "в понедельник")
    assert (t.value, t.earliest, t.anchor) == ("1944-08-21", "1944-08-21", "context")


def test_time_of_day_on_the_reference_day():
    t = one("25 августа 1944 года шли бои. В 15:30 генерал сдался.", "В 15:30")
    assert (t.value, t.earliest, t.latest) == ("1944-08-25T15:30", "1944-08-25", "1944-08-25")


# ---- document date (news) ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, span, dct, value, earliest, latest", [
    ("Сегодня президент подписал указ.", "Сегодня", "2017-05-11", "2017-05-11", "2017-05-11", "2017-05-11"),
    ("Указ обсуждали вчера.", "вчера", "2017-05-11", "2017-05-10", "2017-05-10", "2017-05-10"),
    ("Решение примут завтра.", "завтра", "2017-05-11", "2017-05-12", "2017-05-12", "2017-05-12"),
    ("В прошлом году прошли выборы.", "В прошлом году", "2017-05-11", "2016", "2016-01-01", "2016-12-31"),
    ("В этом году выборов нет.", "В этом году", "2017-05-11", "2017", "2017-01-01", "2017-12-31"),
    ("В следующем году пройдут выборы.", "В следующем году", "2017-05-11", "2018", "2018-01-01", "2018-12-31"),
    ("Голоса подсчитали в декабре прошлого года.", "в декабре прошлого года", "2017-05-11", "2016-12",
     "2016-12-01", "2016-12-31"),
    ("Премьера пройдёт в июне этого года.", "в июне этого года", "2017-05-11", "2017-06", "2017-06-01", "2017-06-30"),
    ("В январе нынешнего года цены выросли.", "В январе нынешнего года", "2017-05-11", "2017-01", "2017-01-01",
     "2017-01-31"),
    ("30 октября Спейси сделал заявление.", "30 октября", "2017-11-05", "2017-10-30", "2017-10-30", "2017-10-30"),
    ("30 декабря он уехал.", "30 декабря", "2018-01-10", "2017-12-30", "2017-12-30", "2017-12-30"),
    ("5 января он вернётся.", "5 января", "2017-12-20", "2018-01-05", "2018-01-05", "2018-01-05"),
    ("В понедельник прошли переговоры.", "В понедельник", "2017-05-11", "2017-05-08", "2017-05-08", "2017-05-08"),
    ("На прошлой неделе его задержали.", "На прошлой неделе", "2017-05-11", "2017-W18", "2017-05-01", "2017-05-07"),
    ("Два года назад он уехал.", "Два года назад", "2017-05-11", "2015", "2015-01-01", "2015-12-31"),
    ("Три дня назад он уехал.", "Три дня назад", "2017-05-11", "2017-05-08", "2017-05-08", "2017-05-08"),
    ("В этом месяце цены выросли.", "В этом месяце", "2017-05-11", "2017-05", "2017-05-01", "2017-05-31"),
    ("На днях его видели в Москве.", "На днях", "2017-05-11", "PAST_REF", None, "2017-05-11"),
])
def test_document_date(text, span, dct, value, earliest, latest):
    t = one(text, span, dct=dct)
    assert (t.value, t.earliest, t.latest, t.anchor) == (value, earliest, latest, "document")


def test_without_dct_speech_time_words_stay_open():
    t = one("Сегодня президент подписал указ.", "Сегодня")
    assert (t.earliest, t.latest) == (None, None)


# ---- anchored to a named event ---------------------------------------------------------------------------

def test_event_anchor_is_structured_and_unresolved():
    text = "На следующий день после всеобщей забастовки, 19 августа 1944 года, началось восстание."
    found = extract(text)
    rel, date = found
    assert (rel.text, rel.anchor, rel.earliest, rel.latest) == ("На следующий день", "relative", None, None)
    ref = rel.anchor_ref
    assert (ref["relation"], ref["offset"]) == ("after", "P1D")
    assert ref["event"]["text"] == "всеобщей забастовки"
    assert text[ref["event"]["start"]:ref["event"]["end"]] == "всеобщей забастовки"
    # the explicit date is its own timex and carries the day
    assert (date.text, date.value, date.anchor) == ("19 августа 1944 года", "1944-08-19", "absolute")


@pytest.mark.parametrize("text, span, relation, offset, event", [
    ("Оружие раздали за три дня до начала восстания.", "за три дня", "before", "P3D", "начала восстания"),
    ("Через неделю после капитуляции гарнизона город ожил.", "Через неделю", "after", "P1W", "капитуляции гарнизона"),
    ("Спустя два дня после штурма ратуши начались переговоры.", "Спустя два дня", "after", "P2D", "штурма ратуши"),
    ("Накануне восстания город затих.", "Накануне", "before", "P1D", "восстания"),
    ("Через несколько дней после высадки, 12 июня, взяли Карантан.", "Через несколько дней", "after", "PXD", "высадки"),
    ("После войны город отстроили заново.", "После войны", "after", None, "войны"),
    ("До революции здесь была усадьба.", "До революции", "before", None, "революции"),
    ("После Второй мировой войны Европа разделилась.", "После Второй мировой войны", "after", None,
     "Второй мировой войны"),
    ("Во время оккупации Парижа театры работали.", "Во время оккупации Парижа", "during", None, "оккупации Парижа"),
])
def test_event_anchors(text, span, relation, offset, event):
    """The event words are kept apart from the timex; the offset says how far from the event."""
    ref = one(text, span).anchor_ref
    assert (ref["relation"], ref["offset"], ref["event"]["text"]) == (relation, offset, event)


@pytest.mark.parametrize("relation, offset, earliest, latest, expected", [
    ("after", "P1D", "1944-08-18", "1944-08-18", ("1944-08-19", "1944-08-19", "1944-08-19", "1944-08-19")),
    ("before", "P3D", "1944-08-19", "1944-08-19", ("1944-08-16", "1944-08-16", "1944-08-16", "1944-08-16")),
    ("after", "P1W", "1944-08-01", "1944-08-10", ("1944-08-08", "1944-08-17", "1944-08", "1944-08-08/1944-08-17")),
    ("after", "P1Y", "1945-05-09", "1945-05-09", ("1946-05-09", "1946-05-09", "1946-05-09", "1946-05-09")),
    ("after", "PXD", "1944-06-06", "1944-06-06", ("1944-06-07", None, "XXXX-XX-XX", "1944-06-07/..")),
    ("before", "P1D", None, None, (None, None, "XXXX-XX-XX", None)),
    ("after", None, "1941-06-22", "1941-06-22", ("1941-06-23", None, "XXXX-XX-XX", "1941-06-23/..")),
    ("before", None, "1917-11-07", "1917-11-07", (None, "1917-11-06", "XXXX-XX-XX", "../1917-11-06")),
    ("during", None, "1940-06-14", "1940-06-14", ("1940-06-14", "1940-06-14", "1940-06-14", "1940-06-14")),
    ("before", "P2D", "-0043-03-15", "-0043-03-15", ("-0043-03-13", "-0043-03-13", "BC0044-03-13", "-0043-03-13")),
])
def test_resolve_anchor(relation, offset, earliest, latest, expected):
    timex = Timex(id="t1", start=0, end=1, text="x", anchor="relative",
                  anchor_ref={"relation": relation, "offset": offset, "event": {"start": 0, "end": 1, "text": "x"}})
    assert resolve_anchor(timex, earliest, latest) == expected


# ---- Old Style ------------------------------------------------------------------------------------------------

def test_old_style_is_flagged_and_converted():
    t = one("Восстание началось 25 октября 1917 года по старому стилю.", "25 октября 1917 года по старому стилю")
    assert (t.old_style, t.value, t.edtf) == (True, "1917-11-07", "1917-11-07")
    assert "old_style_to_gregorian" in t.how
    assert not one("Парад прошёл 7 ноября 1917 года.", "7 ноября 1917 года").old_style
    dual = one("Съезд открылся 30 ноября (12 декабря) 1917 г.", "30 ноября (12 декабря) 1917 г.")
    assert (dual.old_style, dual.value) == (True, "1917-12-12")  # the bracketed New Style date, not converted twice


# ---- the stage ---------------------------------------------------------------------------------------------------

def _doc(text: str, dct: str | None = None) -> Doc:
    return Doc(id="d", text=text, dct=dct, sentences=[Sentence(0, len(text), 0, 0)])


def test_stage_ids_order_and_trace():
    text = "6 июня 1944 года началась высадка. Через неделю союзники взяли Байё. Бои шли два месяца."
    doc = TimexStage()(_doc(text))
    assert [t.id for t in doc.timexes] == ["t1", "t2", "t3"]
    assert [t.text for t in doc.timexes] == ["6 июня 1944 года", "Через неделю", "два месяца"]
    assert all(text[t.start:t.end] == t.text for t in doc.timexes)
    trace = [e for e in doc.trace if e["stage"] == "timex"]
    assert trace[0]["rule"] == "calendar_convention" and trace[0]["julian_before_1918"] is False
    assert [(e["rule"], e["start"], e["value"]) for e in trace[1:]] == [
        ("date.day_month", 0, "1944-06-06"), ("rel.after", text.index("Через"), "1944-06-13"),
        ("dur.number", text.index("два месяца"), "P2M")]
    assert doc.timexes[1].type == "DATE" and doc.timexes[2].type == "DURATION"


def test_stage_needs_only_the_text_and_runs_standalone():
    stage = TimexStage()
    assert (stage.name, stage.requires, stage.assigns) == ("timex", ("text",), ("timexes",))
    doc = Pipeline([stage])(Doc(id="d", text="В 1944 году."))
    assert doc.timexes[0].value == "1944"


def test_stage_after_segmentation_finds_the_same_timexes():
    from letopis.stages.segment import SegmentStage

    text = EXAMPLE.read_text(encoding="utf-8")
    alone = Pipeline([TimexStage()])(Doc(id="d", text=text))
    segmented = Pipeline([SegmentStage(), TimexStage()])(Doc(id="d", text=text))
    assert segmented.sentences and not alone.sentences
    assert segmented.timexes == alone.timexes
    assert [e for e in segmented.trace if e["stage"] == "timex"] == [e for e in alone.trace if e["stage"] == "timex"]


def test_stage_uses_the_document_date():
    doc = TimexStage()(_doc("Вчера президент подписал указ.", dct="2017-05-11"))
    assert (doc.timexes[0].value, doc.timexes[0].anchor) == ("2017-05-10", "document")


def test_sample_document():
    text = EXAMPLE.read_text(encoding="utf-8")
    doc = TimexStage()(_doc(text))
    got = [(t.text, t.value, t.mod, t.earliest, t.latest, t.anchor) for t in doc.timexes]
    assert got == [
        ("Во время освобождения Парижа", "XXXX-XX-XX", None, None, None, "relative"),
        ("6 июня 1944 года", "1944-06-06", None, "1944-06-06", "1944-06-06", "absolute"),
        ("К июлю 1944 года", "1944-07", "ON_OR_BEFORE", None, "1944-07-31", "absolute"),
        ("14 июля", "1944-07-14", None, "1944-07-14", "1944-07-14", "context"),
        ("в начале августа 1944 года", "1944-08", "START", "1944-08-01", "1944-08-10", "absolute"),
        ("на 18 августа", "1944-08-18", None, "1944-08-18", "1944-08-18", "context"),
        ("На следующий день", "XXXX-XX-XX", None, None, None, "relative"),
        ("19 августа 1944 года", "1944-08-19", None, "1944-08-19", "1944-08-19", "absolute"),
    ]
    liberation = doc.timexes[0].anchor_ref
    assert liberation["relation"] == "during" and liberation["event"]["text"] == "освобождения Парижа"
    strike = doc.timexes[6].anchor_ref
    assert strike["relation"] == "after" and strike["event"]["text"] == "всеобщей забастовки"
    assert resolve_anchor(doc.timexes[6], "1944-08-18", "1944-08-18")[2] == "1944-08-19"


@pytest.mark.parametrize("text, outer, inner, inner_value", [
    ("Утром 17 октября 1917 года город был спокоен.", "Утром 17 октября 1917 года", "17 октября 1917 года", "1917-10-17"),
    ("Утром в среду, 20 января 1943 года, начался штурм.", "Утром в среду, 20 января 1943 года",
     "в среду, 20 января 1943 года", "1943-01-20"),
    ("Во вторник вечером прошла демонстрация.", "Во вторник вечером", "Во вторник", "XXXX-WXX-2"),
    ("Сообщение поступило 5 августа 2008 года в 10:35.", "5 августа 2008 года в 10:35", "5 августа 2008 года",
     "2008-08-05"),
])
def test_time_of_day_keeps_its_date_inside(text, outer, inner, inner_value):
    """A TIME joined from a time of day and a date also yields the DATE inside it, right after it."""
    found = [(t.text, t.type, t.value) for t in extract(text)]
    i = [f[0] for f in found].index(outer)
    assert found[i][1] == "TIME"
    assert found[i + 1][0::2] == (inner, inner_value) and found[i + 1][1] == "DATE"


def test_a_date_joined_to_a_weekday_is_one_timex():
    assert [t.text for t in extract("Во вторник, 13 сентября 2016 года, министр ушёл.")] == [
        "Во вторник, 13 сентября 2016 года"]
