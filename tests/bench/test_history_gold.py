"""The history benchmark's gold tool and scorer, on excerpts written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.history import annotate, gold, score
from bench.history.gold import GoldAgent, GoldEvent, GoldText, GoldTimex

TEXT = ("Княжение Ярослава\n"
        "В 1036 году Ярослав разбил печенегов под Киевом. Через год он заложил Софийский собор.\n"
        "1054 - смерть Ярослава. Сыновья поделили земли.\n")


@pytest.fixture()
def history(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "yaroslav.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.setattr(gold, "HISTORY", tmp_path)
    return tmp_path


def draft(**changes) -> dict:
    base = {
        "id": "yaroslav", "source": "notes/yaroslav.txt", "start": 0, "end": len(TEXT) - 1, "kind": "notes",
        "calendar": "julian",
        "timexes": [{"id": "t1", "s": 2, "text": "1036 году", "value": "1036", "earliest": "1036", "latest": "1036"},
                    {"id": "t2", "s": 4, "text": "1054", "value": "1054", "earliest": "1054", "latest": "1054"}],
        "events": [
            {"id": "e1", "s": 2, "trigger": "разбил", "class": "battle", "earliest": "1036", "latest": "1036",
             "tier": "explicit", "timex": "t1", "agent": "Ярослав", "agent_name": "Ярослав Мудрый"},
            {"id": "e2", "s": 3, "trigger": "заложил", "class": "construction", "earliest": "1037", "latest": "1037",
             "tier": "relative", "agent": ["он", {"s": 2, "text": "Ярослав"}], "agent_name": "Ярослав Мудрый"},
            {"id": "e3", "s": 4, "trigger": "смерть", "class": "death", "earliest": "1054-02-20",
             "latest": "1054-02-20", "tier": "explicit", "timex": "t2"},
            {"id": "e4", "s": 5, "trigger": "поделили", "class": "partition", "earliest": "1054", "latest": None,
             "tier": "inferred", "optional": True},
        ],
    }
    base.update(changes)
    return base


def test_sentences_are_lines_cut_by_razdel(history: Path) -> None:
    spans = annotate.sentences(TEXT, 0, len(TEXT))
    assert [TEXT[a:b] for a, b in spans] == [
        "Княжение Ярослава", "В 1036 году Ярослав разбил печенегов под Киевом.",
        "Через год он заложил Софийский собор.", "1054 - смерть Ярослава.", "Сыновья поделили земли."]


def test_a_draft_resolves_to_offsets_and_whole_days(history: Path) -> None:
    doc = annotate.resolve(draft())
    e1, e2 = doc.events[:2]
    assert TEXT[slice(*e1.triggers[0])] == "разбил"
    assert (e1.earliest, e1.latest) == ("1036-01-01", "1036-12-31")
    assert [TEXT[a:b] for a, b in e2.agent.spans] == ["он", "Ярослав"]
    assert doc.events[3].latest is None and doc.events[3].optional
    assert doc.split == gold.split_of("yaroslav")


def test_a_round_trip_through_the_draft_gives_the_same_gold(history: Path) -> None:
    doc = annotate.resolve(draft())
    again = annotate.resolve(json.loads(json.dumps(annotate.to_draft(doc))))
    assert gold.to_json(again) == gold.to_json(doc)


@pytest.mark.parametrize("change, message", [
    ({"events": [{"id": "e1", "s": 2, "trigger": "победил", "class": "battle", "tier": "unknown"}]}, "is not in sentence"),
    ({"events": [{"id": "e1", "s": 9, "trigger": "разбил", "class": "battle", "tier": "unknown"}]}, "not in the excerpt"),
    ({"events": [{"id": "e1", "s": 2, "trigger": "разбил", "class": "battle", "tier": "explicit"}]}, "without a date window"),
    ({"events": [{"id": "e1", "s": 2, "trigger": "разбил", "class": "battle", "tier": "explicit",
                  "earliest": "1037", "latest": "1036"}]}, "is after latest"),
    ({"events": [{"id": "e1", "s": 2, "trigger": "разбил", "class": "battle", "tier": "unknown",
                  "agent": "Ярослав"}]}, "agent_name"),
])
def test_a_bad_draft_says_what_is_wrong(history: Path, change: dict, message: str) -> None:
    with pytest.raises(annotate.DraftError, match=message):
        annotate.resolve(draft(**change))


def gold_text() -> GoldText:
    doc = GoldText("t", "x.txt", "", 100, 200, "notes", "train")
    doc.events = [
        GoldEvent("e1", [(110, 116), (130, 136)], (100, 150), "battle", "1812-08-26", "1812-08-26", "julian",
                  "explicit", agent=GoldAgent("Михаил Кутузов", [(102, 109)])),
        GoldEvent("e2", [(160, 166)], (150, 199), "travel", "1812", None, "gregorian", "inferred", optional=True),
    ]
    doc.timexes = [GoldTimex("t1", (140, 150), "1812", "1812-01-01", "1812-12-31", "julian")]
    return doc


def event(trigger, earliest=None, latest=None, agents=(), factuality="actual") -> dict:
    return {"trigger": list(trigger), "earliest": earliest, "latest": latest, "basis": "explicit",
            "factuality": factuality, "agents": list(agents)}


def test_one_event_matches_once_and_a_second_trigger_is_a_false_alarm() -> None:
    found = score.score_events(gold_text(), {"events": [event((10, 16)), event((30, 36)), event((60, 66))]})
    # the optional event found counts neither way; the second word of e1 is a duplicate
    assert (found["events"].tp_pred, found["events"].pred, found["events"].gold) == (1, 2, 1)


@pytest.mark.parametrize("earliest, latest, right", [
    ("1812-09-07", "1812-09-07", True),  # 26 August Old Style is 7 September
    ("1812-08-26", "1812-08-26", False),  # the date as written is 12 days off
    ("1812-01-01", "1812-12-31", False),  # coarser than the text
    (None, None, False),
])
def test_event_dates_are_read_on_the_gregorian_calendar(earliest, latest, right) -> None:
    found = score.score_events(gold_text(), {"events": [event((10, 16), earliest, latest)]})
    assert found["dates-explicit"].tp_gold == right


def test_a_year_reads_the_same_on_either_calendar() -> None:
    doc = gold_text()
    assert score.date_right("1812-01-01", "1812-12-31", doc.timexes[0])
    assert score.date_right("1812-01-13", "1813-01-12", doc.timexes[0])
    assert not score.date_right("1812-01-01", None, doc.timexes[0])


@pytest.mark.parametrize("agents, right", [
    ([{"name": "Кутузов", "spans": [[2, 9]]}], True),  # the mention overlaps
    ([{"name": "Михаил Кутузов", "spans": [[70, 77]]}], True),  # the name is the gold's
    ([{"name": "Кутузов", "spans": [[70, 77]]}], True),  # the surname alone
    ([{"name": "Наполеон", "spans": [[70, 78]]}], False),
    ([], False),
])
def test_agents(agents, right) -> None:
    found = score.score_events(gold_text(), {"events": [event((10, 16), agents=agents)]})
    assert (found["agents"].tp_gold, found["agents"].gold) == (int(right), 1)


def test_time_expressions_score_spans_and_values_apart() -> None:
    spans = [{"layer": "timex", "type": "DATE", "start": 40, "end": 44, "earliest": "1812-06-01",
              "latest": "1812-06-30"},
             {"layer": "timex", "type": "DURATION", "start": 60, "end": 66}]  # undated: not counted
    found = score.score_timexes(gold_text(), {"spans": spans})
    assert (found["timex-spans"].tp_gold, found["timex-spans"].pred) == (1, 1)
    assert found["timex-values"].tp_gold == 0


def shipped() -> list[GoldText]:
    return list(gold.load())


@pytest.mark.skipif(not gold.HISTORY.is_dir(), reason="../shared/data/history is not here")
@pytest.mark.parametrize("doc", shipped(), ids=lambda d: d.id)
def test_the_shipped_gold_fits_its_text(doc: GoldText) -> None:
    text = doc.full_text  # raises when the text is not the one annotated
    assert 0 <= doc.start < doc.end <= len(text)
    assert doc.kind in gold.KINDS and doc.split == gold.split_of(doc.id)
    inside = lambda span: doc.start <= span[0] < span[1] <= doc.end  # noqa: E731
    for t in doc.timexes:
        assert inside(t.span) and t.calendar in gold.CALENDARS and (t.earliest or t.latest), t.id
    for e in doc.events:
        assert inside(e.sentence), e.id
        assert all(e.sentence[0] <= a < b <= e.sentence[1] for a, b in e.triggers), e.id
        assert e.tier in gold.TIERS and e.factuality in gold.FACTUALITY and e.calendar in gold.CALENDARS, e.id
        assert (e.tier == "unknown") == (e.earliest is None and e.latest is None), e.id
        assert e.agent is None or all(inside(s) for s in e.agent.spans), e.id
    for x in doc.entities or []:
        assert x.type in gold.ENTITY_TYPES and x.names and x.mentions and all(inside(m) for m in x.mentions), x.id
        assert x.point is None or x.type in ("LOCATION", "FACILITY"), x.id


def test_a_century_may_be_counted_either_way() -> None:
    century = GoldTimex("t", (0, 1), "15", "1501-01-01", "1600-12-31", "gregorian")
    assert score.date_right("1500-01-01", "1599-12-31", century)
    assert not score.date_right("1450-01-01", "1599-12-31", century)


@pytest.mark.parametrize("pred, right", [
    ({"earliest": "1766-01-01", "latest": None}, False),  # «с 1766 года» read as an open interval alone
    ({"earliest": "1766-01-01", "latest": None, "value_earliest": "1766-01-01", "value_latest": "1766-12-31"}, True),
    ({"earliest": "1766-01-01", "latest": "1766-12-31"}, True),
])
def test_a_time_expression_may_be_read_as_the_value_its_mod_opens(pred: dict, right: bool) -> None:
    year = GoldTimex("t", (0, 1), "1766", "1766-01-01", "1766-12-31", "gregorian")
    assert score.timex_right(pred, year) == right


def entity_draft(**changes) -> dict:
    base = {"id": "yaroslav", "entities": [
        {"id": "p1", "type": "PERSON", "names": ["Ярослав Мудрый", "Ярослав"],
         "mentions": [{"s": 1, "text": "Ярослава"}, {"s": 2, "text": "Ярослав"}, {"s": 4, "text": "Ярослава"}]},
        {"id": "l1", "type": "LOCATION", "subtype": "CITY", "names": ["Киев"],
         "mentions": [{"s": 2, "text": "Киевом"}], "point": [50.45, 30.52]},
    ]}
    base.update(changes)
    return base


def test_entities_resolve_to_mentions_and_points(history: Path) -> None:
    doc = annotate.resolve(draft())
    doc.entities = annotate.resolve_entities(doc, entity_draft())
    person, city = doc.entities
    assert [TEXT[a:b] for a, b in person.mentions] == ["Ярослава", "Ярослав", "Ярослава"]
    assert city.point == (50.45, 30.52) and city.subtype == "CITY"
    assert gold.from_json(json.loads(json.dumps(gold.to_json(doc)))).entities == doc.entities


@pytest.mark.parametrize("entities, message", [
    ([{"id": "x", "type": "PERSON", "names": ["Ярослав"], "mentions": [{"s": 2, "text": "Ярослав"}],
       "point": [50.0, 30.0]}], "only places"),
    ([{"id": "x", "type": "KING", "names": ["Ярослав"], "mentions": [{"s": 2, "text": "Ярослав"}]}], "type must be"),
    ([{"id": "x", "type": "PERSON", "names": ["Ярослав"], "mentions": [{"s": 2, "text": "Ярослав"}]},
      {"id": "y", "type": "PERSON", "names": ["Ярослав"], "mentions": [{"s": 2, "text": "Ярослав"}]}], "also in entity"),
])
def test_a_bad_entity_draft_says_what_is_wrong(history: Path, entities: list, message: str) -> None:
    doc = annotate.resolve(draft())
    with pytest.raises(annotate.DraftError, match=message):
        annotate.resolve_entities(doc, entity_draft(entities=entities))


def entity_gold() -> GoldText:
    doc = gold_text()
    doc.entities = [
        gold.GoldEntity("p1", "PERSON", ["Михаил Кутузов", "Кутузов"], [(102, 109), (170, 177)]),
        gold.GoldEntity("l1", "LOCATION", ["Москва"], [(120, 126)], "CITY", (55.75, 37.62)),
    ]
    return doc


def test_entities_names_merges_persons_and_pins() -> None:
    predicted = [
        {"id": "a", "type": "PERSON", "name": "Кутузов", "mentions": [[2, 9]], "point": None},
        {"id": "b", "type": "PERSON", "name": "Кутузова", "mentions": [[70, 77]], "point": None},  # not merged
        {"id": "c", "type": "LOCATION", "name": "Москва", "mentions": [[20, 26]], "point": [55.76, 37.61]},
        {"id": "d", "type": "PERSON", "name": "Тарутин", "mentions": [[40, 47]], "point": [54.9, 36.9]},
        {"id": "e", "type": "LOCATION", "name": "Москва", "mentions": [[120, 126]], "point": None},
    ]
    found = score.score_entities(entity_gold(), {"entities": predicted})
    names = found["entity-names"]
    assert (names.tp_gold, names.pred, names.gold) == (2, 2, 2)
    merged = found["mentions-merged"]
    assert (merged.tp_gold, merged.gold, merged.pred) == (0, 1, 0)  # the two mentions of Кутузов stay apart
    persons = found["persons"]
    assert (persons.tp_pred, persons.pred, persons.tp_gold, persons.gold) == (2, 3, 1, 1)
    pins = found["map"]
    assert (pins.tp_pred, pins.pred, pins.tp_gold, pins.gold) == (1, 2, 1, 1)  # a person on the map is wrong


def test_an_excerpt_without_entity_gold_scores_nothing() -> None:
    found = score.score_entities(gold_text(), {"entities": [{"id": "a", "type": "PERSON", "name": "X",
                                                             "mentions": [[0, 1]], "point": None}]})
    assert all(s.pred == s.gold == 0 for s in found.values())


@pytest.mark.parametrize("start, chars, end", [
    (0, 30, 17),  # cut back to the last whole line
    (0, 17, 17),  # an excerpt ending at a line's end keeps that line
    (20, 10, 17 + 1 + 49 - 0),  # a start inside a line moves to the line's start...
])
def test_excerpts_snap_to_whole_lines(start: int, chars: int, end: int) -> None:
    got = annotate.snap(TEXT, start, chars)
    assert got[0] == TEXT.rfind("\n", 0, start) + 1
    if start == 0:
        assert got[1] == end


def test_the_third_of_a_century_may_be_counted_from_either_year() -> None:
    start = GoldTimex("t", (0, 1), "11", "1101-01-01", "1133-12-31", "gregorian")  # начало XII века
    assert score.date_right("1100-01-01", "1132-12-31", start)
    assert not score.date_right("1100-01-01", "1166-12-31", start)
