"""Fast checks of the benchmark's scoring, dataset readers, task registry and runner parsing.

No peer environment is needed; the dataset checks skip when ../shared/data is absent.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
for path in (ROOT, ROOT / "bench" / "runners"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from bench import datasets, tasks  # noqa: E402
from bench.scoring import match, match_any  # noqa: E402
from bench.systems import SYSTEMS  # noqa: E402

needs_data = pytest.mark.skipif(not (datasets.DATA / "nerel").is_dir(), reason="shared data absent")


@pytest.mark.parametrize(
    "pred, gold, scorer, expected",  # expected: (tp_pred, tp_gold, pred, gold)
    [
        ([(0, 5)], [(0, 5)], match, (1, 1, 1, 1)),
        ([(0, 5)], [(3, 9)], match, (1, 1, 1, 1)),  # overlap is enough
        ([(0, 5)], [(5, 9)], match, (0, 0, 1, 1)),  # touching is not overlap
        ([(0, 9)], [(0, 3), (5, 9)], match, (1, 1, 1, 2)),  # one-to-one: one gold left over
        ([(0, 3), (5, 9)], [(0, 9)], match, (1, 1, 2, 1)),  # the second prediction is spurious
        ([(0, 9)], [(0, 3), (5, 9)], match_any, (1, 2, 1, 2)),  # relaxed: both gold found
        ([(0, 3), (5, 9)], [(0, 9)], match_any, (2, 1, 2, 1)),
        ([(0, 5), (0, 5)], [(0, 5)], match, (1, 1, 1, 1)),  # duplicates count once
        ([], [(0, 5)], match, (0, 0, 0, 1)),
        ([(0, 4)], [(0, 5)], lambda p, g: match(p, g, exact=True), (0, 0, 1, 1)),
    ],
)
def test_matching(pred, gold, scorer, expected) -> None:
    s = scorer(pred, gold)
    assert (s.tp_pred, s.tp_gold, s.pred, s.gold) == expected


def test_f1_of_empty_is_zero() -> None:
    assert match([], []).f1 == 0.0


@pytest.mark.parametrize(
    "system, layer, native, label",
    [
        ("letopis", "entity", "PERSON", "PER"),
        ("letopis", "entity", "LOCATION", "LOC"),
        ("letopis", "entity", "FACILITY", None),
        ("letopis", "timex", "DURATION", "DATE"),
        ("natasha", "entity", "ORG", "ORG"),
        ("heideltime", "timex", "SET", "DATE"),
        ("dateparser", "entity", "PER", None),
    ],
)
def test_system_labels(system: str, layer: str, native: str, label: str | None) -> None:
    assert SYSTEMS[system].label(layer, native) == label


def test_every_task_names_known_systems_and_corpora() -> None:
    for task in tasks.TASKS.values():
        assert task.corpus in tasks.CORPORA
        assert set(task.systems) <= set(SYSTEMS)
        assert all(s.script.is_file() for s in SYSTEMS.values())


def test_select_by_group_and_unknown() -> None:
    assert {t.name for t in tasks.select("entities")} == {"entities-nerel", "entities-factrueval", "entities-factrueval-all"}
    with pytest.raises(SystemExit):
        tasks.select("nonsense")


@needs_data
def test_nerel_dev_reads_with_offsets() -> None:
    docs = list(datasets.nerel("dev"))
    assert len(docs) == 94
    spans = [s for d in docs for s in d.spans]
    assert all(d.text[s.start:s.end] == s.text for d in docs for s in d.spans)
    gold = tasks.TASKS["entities-nerel"].gold(docs[0])
    assert set(gold) <= {"PER", "ORG", "LOC"} and sum(map(len, gold.values())) > 0
    assert {s.type for s in spans} >= {"PERSON", "DATE", "EVENT"}


@needs_data
def test_factrueval_name_spans_only() -> None:
    docs = list(datasets.factrueval())
    assert len(docs) == 122
    kinds = {s.type for d in docs for s in d.spans}
    assert kinds <= set(datasets.FACTRUEVAL_NAME_SPANS)
    # an organisation named only by a descriptor ("компания") yields no gold span
    text_of = [d.text[a:b] for d in docs for s in d.spans if s.type == "Org" for a, b in s.fragments]
    assert "компания" not in {t.lower() for t in text_of}


@pytest.mark.parametrize(
    "text, timeml, expected",
    [
        ("В мае 2007 года.", '<TimeML>\nВ <TIMEX3 tid="t1" type="DATE" value="2007-05">мае 2007 года</TIMEX3>.\n</TimeML>',
         [("DATE", 2, 15, "2007-05")]),
        ("Вчера утром.\n", '<TimeML>\n<TIMEX3 tid="t1" type="TIME" value="X">Вчера утром</TIMEX3>.\n\n</TimeML>',
         [("TIME", 0, 11, "X")]),
        ("A&B 2007", "<TimeML>\nA&B <TIMEX3 type=\"DATE\">2007</TIMEX3>\n</TimeML>", [("DATE", 4, 8, "")]),
    ],
)
def test_heideltime_timeml_offsets(text: str, timeml: str, expected: list) -> None:
    from heideltime_batch import align, parse_timeml

    plain, found = parse_timeml(timeml)
    assert align(text, plain, found) == expected


@pytest.mark.parametrize(
    "value, earliest, latest",
    [
        ("1812-08-26", "1812-08-26", "1812-08-26"),
        ("1812-02", "1812-02-01", "1812-02-29"),
        ("1812", "1812-01-01", "1812-12-31"),
        ("181", "1810-01-01", "1819-12-31"),  # a decade
        ("18", "1800-01-01", "1899-12-31"),  # a century
        ("BC0044", "-0043-01-01", "-0043-12-31"),  # 44 BC
        ("1812-WI", "1812-12-01", "1813-02-28"),
        ("PRESENT_REF", None, None),
        ("P3D", None, None),
    ],
)
def test_timex3_bounds(value: str, earliest: str | None, latest: str | None) -> None:
    from runner_io import timex3_bounds

    assert timex3_bounds(value) == {"earliest": earliest, "latest": latest}


@pytest.mark.parametrize(
    "text, found, cursor, expected",
    [
        ("в 2007 году и в 2007 году", "2007 году", 10, (16, 25)),  # after the cursor first
        ("в 2007 году", "2007 году", 5, (2, 11)),  # else anywhere
        ("12  мая", "12 мая", 0, (0, 7)),  # whitespace may differ
        ("нет", "май", 0, None),
    ],
)
def test_dateparser_locate(text: str, found: str, cursor: int, expected) -> None:
    from dateparser_search import locate

    assert locate(text, found, cursor) == expected


EVENTS = [(0, 6), (20, 27)]


@pytest.mark.parametrize(
    "pred, gold, expected",  # expected: (tp, pred counted, gold)
    [
        ([((0, 6), (10, 14))], [((0, 6), (10, 14))], (1, 1, 1)),
        ([((1, 4), (11, 13))], [((0, 6), (10, 14))], (1, 1, 1)),  # both ends overlap
        ([((0, 6), (30, 34))], [((0, 6), (10, 14))], (0, 1, 1)),  # wrong argument
        ([((40, 45), (10, 14))], [((0, 6), (10, 14))], (0, 0, 1)),  # event outside gold: not counted
        ([((0, 6), (10, 14)), ((0, 6), (11, 12))], [((0, 6), (10, 14))], (1, 2, 1)),  # one-to-one
    ],
)
def test_link_matching(pred, gold, expected) -> None:
    from bench.scoring import match_links

    s = match_links(pred, gold, EVENTS)
    assert (s.tp_pred, s.pred, s.gold) == expected


@needs_data
def test_gold_links_have_event_spans() -> None:
    doc = next(d for d in datasets.nerel("dev") if d.relations)
    events = set(tasks.TASKS["event-links-nerel"].gold(doc).get("EVENT", []))
    for label, links in tasks.gold_links(doc).items():
        assert label in tasks.LINK_LABELS
        assert all(event in events for event, _ in links)


def test_letopis_links_from_doc() -> None:
    doc_mod = pytest.importorskip("letopis.doc")
    from letopis_full import links

    text = "В 1812 году Наполеон вошёл в Москву, и начался пожар."
    doc = doc_mod.Doc(id="t", text=text)
    doc.timexes.append(doc_mod.Timex("t1", 2, 11, text[2:11]))
    doc.mentions += [doc_mod.Mention(12, 20, "Наполеон", "PERSON", entity="e1"),
                     doc_mod.Mention(29, 35, "Москву", "LOCATION", entity="e2")]
    enter = doc_mod.Event("ev1", doc.span(21, 26), 0, "movement", time=doc_mod.EventTime(timex="t1"),
                          participants=[doc_mod.Participant("agent", "e1")], places=["e2"])
    fire = doc_mod.Event("ev2", doc.span(39, 46), 0, "disaster")
    doc.events += [enter, fire]
    doc.relations.append(doc_mod.Relation("cause", "ev1", "ev2"))
    found = {(r["type"], tuple(r["event"]), tuple(r["arg"])) for r in links(doc)}
    assert found == {
        ("event-time", (21, 26), (2, 11)),
        ("event-participant", (21, 26), (12, 20)),
        ("event-place", (21, 26), (29, 35)),
        ("cause", (39, 46), (21, 26)),
    }


def test_unavailable_system_shows_na_rows_and_the_reason() -> None:
    from bench import report, run
    from bench.execute import Run

    gold = datasets.GoldDoc("d", Path("d.txt"), "Пётр I основал Петербург в 1703 году.", [
        datasets.GoldSpan("T1", "DATE", 25, 36, "в 1703 году"),
    ])
    ok = Run("heideltime", {"nerel-dev/d": {"spans": [{"layer": "timex", "type": "DATE", "start": 27, "end": 31}]}},
             {"docs": 1, "chars": 37, "load_s": 1.0, "process_s": 0.5, "errors": 0}, peak_rss_mb=100.0)
    broken = Run("letopis", failure="unavailable: letopis.analyse is not there yet")
    rows = run.score([tasks.TASKS["dates-nerel"]], {"nerel-dev": [gold]}, {"heideltime": ok, "letopis": broken})
    by_system = {r[3]: r for r in rows}
    assert by_system["heideltime"][4:10] == ["1.000", "1.000", "1.000", "1.000–1.000", "1", "1"]
    assert by_system["letopis"][4:7] == ["n/a"] * 3
    assert report.speed_row(ok)[4] == "2.0"  # docs/s over processing time only
    assert "unavailable" in report.speed_row(broken)[-1]


def test_the_f1_interval_holds_the_f1_and_narrows_with_more_documents() -> None:
    from bench.scoring import Score, f1_interval

    # documents alike in size, half of them scored perfectly and half at F1 0.5
    docs = [Score(10, 10, 10, 10), Score(5, 5, 10, 10)]
    few, many = f1_interval(docs * 5), f1_interval(docs * 200)
    assert few[0] < 0.75 < few[1] and many[0] < 0.75 < many[1]
    assert many[1] - many[0] < few[1] - few[0]
    assert f1_interval(docs * 5) == few  # the same figures give the same interval
    assert f1_interval([Score(3, 3, 3, 3)] * 4) == (1.0, 1.0)
