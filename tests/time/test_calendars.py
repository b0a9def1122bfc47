"""Calendars: the Old Style convention for Russian dates before 1918, style marks, dual dates
and ranges, the `auto` decision and the `calendar` option (docs/time.md, "Calendars").

The sentences are written for these tests."""

from __future__ import annotations

import json

import pytest

from letopis.doc import Doc, Entity, Mention
from letopis.pipeline import Pipeline
from letopis.render.dates import styled_phrase
from letopis.stages.timex import TimexStage
from letopis.time import convention, extract

N = None

# (sentence, expression, earliest, latest, calendar, written, basis) with the convention on.
CONVENTION = [
    ("Манифест об освобождении крестьян подписан 19 февраля 1861 года.", "19 февраля 1861 года",
     "1861-03-03", "1861-03-03", "julian", "1861-02-19", "convention"),
    ("Полки выступили из лагеря в марте 1854 года.", "в марте 1854 года",
     "1854-03-13", "1854-04-12", "julian", "1854-03", "convention"),
    ("Ярмарку перенесли в Нижний Новгород в 1817 году.", "в 1817 году",
     "1817-01-13", "1818-01-12", "julian", "1817", "convention"),
    ("Новгородцы призвали князя в 1136 году.", "в 1136 году",
     "1136-01-08", "1137-01-07", "julian", "1136", "convention"),
    ("Учредительное собрание разогнали 6 января 1918 года.", "6 января 1918 года",
     "1918-01-19", "1918-01-19", "julian", "1918-01-06", "convention"),
    # from 1 February 1918 (as written) Russia counted in the New Style
    ("Мирный договор подписали 3 марта 1918 года.", "3 марта 1918 года", "1918-03-03", "1918-03-03", N, N, N),
    ("Перепись прошла в 1926 году.", "в 1926 году", "1926-01-01", "1926-12-31", N, N, N),
    # an ISO date is Gregorian by its standard
    ("Он родился 1869-03-09 в Шавлях.", "1869-03-09", "1869-03-09", "1869-03-09", N, N, N),
    # years reaching past the switch are read as written
    ("Гражданская война шла в 1917–1920 годах.", "в 1917–1920 годах", "1917-01-01", "1920-12-31", N, N, N),
    # a year that spans the switch moves at its start only
    ("Гражданская война разгорелась в 1918 году.", "в 1918 году", "1918-01-14", "1918-12-31",
     "julian", "1918", "convention"),
]


@pytest.mark.parametrize("sentence, span, earliest, latest, cal, written, basis", CONVENTION)
def test_unmarked_dates_follow_the_convention(sentence, span, earliest, latest, cal, written, basis):
    [t] = [t for t in extract(sentence, julian_before_1918=True) if t.text.lower() == span.lower()]
    assert (t.earliest, t.latest) == (earliest, latest)
    style = (t.style.calendar, t.style.written, t.style.basis) if t.style else (N, N, N)
    assert style == (cal, written, basis)


@pytest.mark.parametrize("sentence, span, earliest, latest, cal, written, basis", CONVENTION)
def test_without_the_convention_dates_stay_as_written(sentence, span, earliest, latest, cal, written, basis):
    [t] = [t for t in extract(sentence) if t.text.lower() == span.lower()]
    assert t.style is None and not t.old_style
    if cal is None:
        assert (t.earliest, t.latest) == (earliest, latest)
    else:
        assert t.earliest.startswith(written) or t.earliest == f"{written}-01-01"


# (sentence, julian_before_1918, expression, earliest, latest, calendar, written, basis)
MARKS = [
    ("Бунт вспыхнул 15 мая 1682 года по старому стилю.", False, "15 мая 1682 года по старому стилю",
     "1682-05-25", "1682-05-25", "julian", "1682-05-15", "old-style mark"),
    ("Указ объявлен 20 декабря 1699 года (ст. ст.).", False, "20 декабря 1699 года (ст. ст.)",
     "1699-12-30", "1699-12-30", "julian", "1699-12-20", "old-style mark"),
    ("Крейсер вышел в море 9 ноября 1904 года по новому стилю.", True, "9 ноября 1904 года",
     "1904-11-09", "1904-11-09", "gregorian", "1904-11-09", "new-style mark"),
    ("Эскадра покинула Либаву 15 октября 1904 года (н. ст.).", True, "15 октября 1904 года",
     "1904-10-15", "1904-10-15", "gregorian", "1904-10-15", "new-style mark"),
]


@pytest.mark.parametrize("sentence, julian, span, earliest, latest, cal, written, basis", MARKS)
def test_style_marks_win_over_the_convention(sentence, julian, span, earliest, latest, cal, written, basis):
    [t] = [t for t in extract(sentence, julian_before_1918=julian) if t.text == span]
    assert (t.earliest, t.latest) == (earliest, latest)
    assert (t.style.calendar, t.style.written, t.style.basis) == (cal, written, basis)


# (sentence, the one expression, value, earliest, latest, written)
DUALS = [
    ("Штурм дворца начался 25 октября (7 ноября) 1917 года.", "25 октября (7 ноября) 1917 года",
     "1917-11-07", "1917-11-07", "1917-11-07", "1917-10-25"),
    ("Войска вступили в город 5 (17) сентября 1812 года.", "5 (17) сентября 1812 года",
     "1812-09-17", "1812-09-17", "1812-09-17", "1812-09-05"),
    ("Съезд заседал 25–26 октября (7–8 ноября по новому стилю) 1917 года.",
     "25–26 октября (7–8 ноября по новому стилю) 1917 года",
     "1917-11-07/1917-11-08", "1917-11-07", "1917-11-08", "1917-10-25/1917-10-26"),
    ("Съезд заседал 25–26 октября 1917 года (7–8 ноября по новому стилю).",
     "25–26 октября 1917 года (7–8 ноября по новому стилю)",
     "1917-11-07/1917-11-08", "1917-11-07", "1917-11-08", "1917-10-25/1917-10-26"),
    ("Манифест огласили 17 октября 1905 года (30 октября по новому стилю).",
     "17 октября 1905 года (30 октября по новому стилю)", "1905-10-30", "1905-10-30", "1905-10-30", "1905-10-17"),
    ("Полк выступил 20 декабря 1877 года (1 января 1878 года).", "20 декабря 1877 года (1 января 1878 года)",
     "1878-01-01", "1878-01-01", "1878-01-01", "1877-12-20"),
]


@pytest.mark.parametrize("julian", [False, True])
@pytest.mark.parametrize("sentence, span, value, earliest, latest, written", DUALS)
def test_a_dual_date_or_range_is_one_expression_with_one_reading(sentence, span, value, earliest, latest, written,
                                                                 julian):
    found = extract(sentence, julian_before_1918=julian)
    assert [t.text for t in found] == [span]
    [t] = found
    assert (t.value, t.earliest, t.latest) == (value, earliest, latest)
    assert (t.style.calendar, t.style.written, t.style.basis) == ("gregorian", written, "dual")


def test_days_counted_from_a_marked_date_keep_its_calendar():
    text = "Съезд открылся 25 октября 1917 года по старому стилю. На следующий день он принял декреты."
    first, nxt = extract(text, julian_before_1918=False)
    assert (first.earliest, nxt.earliest) == ("1917-11-07", "1917-11-08")
    assert nxt.style.calendar == "julian"
    text = "Съезд открылся 7 ноября 1917 года по новому стилю. На следующий день он принял декреты."
    first, nxt = extract(text, julian_before_1918=True)
    assert (first.earliest, nxt.earliest) == ("1917-11-07", "1917-11-08")
    assert nxt.style.calendar == "gregorian"


def test_a_date_that_takes_only_its_year_from_a_dual_date_follows_the_convention():
    text = "Штурм был 25 октября (7 ноября) 1917 года. 27 октября пал Кремль."
    _, later = extract(text, julian_before_1918=True)
    assert (later.earliest, later.style.basis) == ("1917-11-09", "convention")


# The `auto` decision: (text, place mention countries or None, julian?, basis)
DECISIONS = [
    ("Армия отступала к Смоленску.", ["RU", "RU", "BY", "DE"], True, "places"),
    ("Гаусс учился в Гёттингене и переписывался с Петербургской академией.",
     ["DE", "DE", "RU", "DE", "FR"], False, "places"),
    ("Паскаль родился в Клермон-Ферране и умер в Париже.", ["FR", "FR", "FR"], False, "places"),
    ("Царь созвал бояр; губерния платила подати, уезд выставлял рекрутов.", None, True, "vocabulary"),
    ("Царь созвал бояр; губерния платила подати.", ["RU", None], True, "vocabulary"),
    # Russian patronymics name people of Russia
    ("Вениамин Фёдорович учился у Петра Ивановича; Анна Сергеевна жила в Одессе.", None, True, "vocabulary"),
    # Western biographies in Russian name Petersburg and Russia without being about them
    ("Эйлер переехал в Петербург, работал в России и в Берлине.", None, False, "no evidence"),
]


@pytest.mark.parametrize("text, countries, julian, basis", DECISIONS)
def test_auto_decides_whether_a_text_is_about_russia(text, countries, julian, basis):
    decision = convention.decide(text, countries)
    assert (decision.julian, decision.basis) == (julian, basis)


@pytest.mark.parametrize("setting, julian", [("gregorian", False), ("julian-before-1918", True)])
def test_the_option_overrides_the_decision(setting, julian):
    decision = convention.decide("Паскаль родился в Клермон-Ферране.", ["FR"] * 5, setting)
    assert (decision.julian, decision.basis) == (julian, "option")
    decision = convention.decide("Царь созвал бояр в Москве.", ["RU"] * 5, setting)
    assert (decision.julian, decision.basis) == (julian, "option")


def test_an_unknown_setting_is_refused():
    with pytest.raises(ValueError):
        convention.decide("текст", None, "byzantine")


def _doc_with_places(text: str, places: list[tuple[str, str]], calendar: str = "auto") -> Doc:
    """A Doc whose entity stages found `places` (name, gazetteer country), one mention each."""
    doc = Doc("d", text, calendar=calendar)
    for i, (name, country) in enumerate(places):
        start = text.index(name)
        doc.mentions.append(Mention(start, start + len(name), name, "LOCATION", entity=f"E{i}"))
        doc.entities.append(Entity(f"E{i}", "LOCATION", name, mentions=[i],
                                   attributes={"geo": {"country": country}}))
    return doc


RUSSIAN = "19 февраля 1861 года в Москве, Твери и Калуге зачитали манифест."
WESTERN = "19 февраля 1861 года в Берлине, Гамбурге и Вене открылась выставка."


@pytest.mark.parametrize("text, places, setting, earliest, basis", [
    (RUSSIAN, [("Москве", "RU"), ("Твери", "RU"), ("Калуге", "RU")], "auto", "1861-03-03", "convention"),
    (WESTERN, [("Берлине", "DE"), ("Гамбурге", "DE"), ("Вене", "AT")], "auto", "1861-02-19", N),
    (RUSSIAN, [("Москве", "RU"), ("Твери", "RU"), ("Калуге", "RU")], "gregorian", "1861-02-19", N),
    (WESTERN, [("Берлине", "DE"), ("Гамбурге", "DE"), ("Вене", "AT")], "julian-before-1918", "1861-03-03", "option"),
])
def test_the_stage_decides_from_the_located_places_and_the_option(text, places, setting, earliest, basis):
    doc = Pipeline([TimexStage()], given=("text", "mentions", "entities"))(_doc_with_places(text, places, setting))
    [t] = doc.timexes
    assert t.earliest == earliest
    assert (t.calendar.basis if t.calendar else None) == basis
    assert t.old_style == (basis is not None)
    [note] = [e for e in doc.trace if e["rule"] == "calendar_convention"]
    assert note["julian_before_1918"] == (basis is not None)
    assert note["basis"] == ("option" if setting != "auto" else "places")


# (earliest, latest, the timex's calendar record, the phrase)
PHRASES = [
    ("1917-11-07", "1917-11-07", {"calendar": "julian"}, "25 октября (7 ноября) 1917"),
    ("1812-09-19", "1812-09-19", {"calendar": "julian"}, "7 (19) сентября 1812"),
    ("1918-01-02", "1918-01-02", {"calendar": "gregorian", "basis": "dual"}, "20 декабря 1917 (2 января 1918)"),
    ("1917-11-07", "1917-11-08", {"calendar": "gregorian", "basis": "dual"}, "25–26 октября 1917 (7–8 ноября 1917)"),
    ("1812-01-13", "1813-01-12", {"calendar": "julian"}, "1812 (по ст. ст.)"),
    ("1904-11-09", "1904-11-09", {"calendar": "gregorian", "basis": "new-style mark"}, "9 ноября 1904"),
    ("1861-02-19", "1861-02-19", None, "19 февраля 1861"),
]


@pytest.mark.parametrize("earliest, latest, calendar, text", PHRASES)
def test_reports_show_both_dates(earliest, latest, calendar, text):
    assert styled_phrase(earliest, latest, calendar) == text


def test_markdown_report_shows_both_dates():
    from letopis.render.markdown import render_markdown

    text = "Штурм начался 25 октября 1917 года по старому стилю."
    chron = {
        "schema": "letopis.chronology/1",
        "documents": [{"id": "d1", "source": "x", "sha256": "0" * 64, "length": len(text)}],
        "entities": [],
        "timexes": [{"id": "d1.t1", "doc": "d1", "start": 14, "end": 52, "text": text[14:52], "value": "1917-11-07",
                     "mod": None, "edtf": "1917-11-07", "anchor": "absolute",
                     "calendar": {"calendar": "julian", "written": "1917-10-25", "basis": "old-style mark"}}],
        "events": [{"id": "d1.ev1", "doc": "d1", "trigger": {"start": 6, "end": 13, "text": "начался"},
                    "sentence": {"start": 0, "end": len(text)}, "type": "occurrence", "factuality": "actual",
                    "time": {"earliest": "1917-11-07", "latest": "1917-11-07", "edtf": "1917-11-07",
                             "basis": "explicit", "timex": "d1.t1"},
                    "participants": [], "places": []}],
        "relations": [],
    }
    assert "25 октября (7 ноября) 1917" in render_markdown(chron, {"d1": text})


def test_the_option_reaches_the_chronology_and_the_events():
    import letopis

    text = "В Москве, Твери и Калуге 19 февраля 1861 года зачитали манифест."
    as_written = letopis.extract(text, calendar="gregorian")
    converted = letopis.extract(text, calendar="julian-before-1918")
    [t0], [t1] = as_written.timexes, converted.timexes
    assert (t0.earliest, t0.calendar) == ("1861-02-19", None)
    assert t1.earliest == "1861-03-03"
    assert (t1.calendar.calendar, t1.calendar.written, t1.calendar.basis) == ("julian", "1861-02-19", "option")
    dated = [e for e in converted.events if e.time.timex == t1.id]
    assert dated and all((e.time.earliest, e.time.latest) == ("1861-03-03", "1861-03-03") for e in dated)
    data = json.loads(converted.to_json())
    assert data["timexes"][0]["calendar"] == {"calendar": "julian", "written": "1861-02-19", "basis": "option"}
    with pytest.raises(ValueError):
        letopis.extract(text, calendar="byzantine")


def test_cli_calendar_option(capsys, tmp_path):
    from letopis.cli import EXIT_OK, EXIT_USAGE, main

    path = tmp_path / "a.txt"
    path.write_text("В Москве, Твери и Калуге 19 февраля 1861 года зачитали манифест.", encoding="utf-8")
    days = {}
    for setting in ("gregorian", "julian-before-1918"):
        assert main(["extract", str(path), "-j", "1", "-q", "--calendar", setting]) == EXIT_OK
        days[setting] = json.loads(capsys.readouterr().out)["timexes"][0]["earliest"]
    assert days == {"gregorian": "1861-02-19", "julian-before-1918": "1861-03-03"}
    with pytest.raises(SystemExit) as stop:
        main(["extract", str(path), "--calendar", "byzantine"])
    assert stop.value.code == EXIT_USAGE
