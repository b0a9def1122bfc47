"""The factRuEval view of a system's entity spans (bench.tasks.predicted_spans, without_heads):
only the mentions given as names, not a span that begins a longer one of its label (the
longer name's head), facilities as places.

Records are built by hand over one real sentence, as a runner writes them: letopis spans
carry a `form` (letopis.entities.forms), natasha spans carry none.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import tasks  # noqa: E402
from bench.datasets import GoldDoc, GoldSpan  # noqa: E402
from bench.tasks import FACTRUEVAL_RELABEL, without_heads, predicted_spans  # noqa: E402

TEXT = "Вчера правительство Китая и МИД России осудили российские удары по Киеву у Зимнего дворца."


def span(phrase: str, type_: str, form: str | None = None, layer: str = "entity") -> dict:
    """A runner's span over the first `phrase` of TEXT."""
    start = TEXT.index(phrase)
    s = {"layer": layer, "type": type_, "start": start, "end": start + len(phrase)}
    if form is not None:
        s["form"] = form
    return s


def at(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


LETOPIS = {"spans": [
    span("правительство Китая", "ORGANIZATION", "descriptor"),
    span("правительство", "ORGANIZATION", "descriptor"),
    span("Китая", "LOCATION", "name"),
    span("МИД России", "ORGANIZATION", "name"),
    span("МИД", "ORGANIZATION", "name"),
    span("России", "LOCATION", "name"),
    span("российские", "LOCATION", "adjective"),
    span("Киеву", "LOCATION", "name"),
    span("Зимнего дворца", "FACILITY", "name"),
    span("Вчера", "DATE", layer="timex"),
]}


def test_every_mention_counts_without_names_only() -> None:
    spans = predicted_spans("letopis", LETOPIS)
    assert spans["ORG"] == [at("правительство Китая"), at("правительство"), at("МИД России"), at("МИД")]
    assert spans["LOC"] == [at("Китая"), at("России"), at("российские"), at("Киеву")]
    assert spans["DATE"] == [at("Вчера")]
    assert "FACILITY" not in spans and at("Зимнего дворца") not in spans["LOC"]  # no relabel given


def test_names_only_drops_descriptors_adjectives_and_heads_of_longer_names() -> None:
    spans = predicted_spans("letopis", LETOPIS, names_only=True)
    assert spans["ORG"] == [at("МИД России")]  # descriptors gone, «МИД» inside «МИД России»
    assert spans["LOC"] == [at("Китая"), at("России"), at("Киеву")]  # «российские» gone
    assert spans["DATE"] == [at("Вчера")]  # a span without a form counts as a name


def test_relabel_files_facilities_as_places_only_where_given() -> None:
    relabelled = predicted_spans("letopis", LETOPIS, names_only=True, relabel=FACTRUEVAL_RELABEL)
    assert relabelled["LOC"] == [at("Китая"), at("России"), at("Киеву"), at("Зимнего дворца")]
    assert relabelled["ORG"] == [at("МИД России")]
    plain = predicted_spans("letopis", LETOPIS, names_only=True)
    assert at("Зимнего дворца") not in plain["LOC"]


def test_relabel_keeps_the_names_only_filter() -> None:
    record = {"spans": [span("Зимнего дворца", "FACILITY", "descriptor")]}
    assert predicted_spans("letopis", record, names_only=True, relabel=FACTRUEVAL_RELABEL) == {}
    assert predicted_spans("letopis", record, relabel=FACTRUEVAL_RELABEL) == {"LOC": [at("Зимнего дворца")]}


def test_relabel_reads_only_entity_spans() -> None:
    record = {"spans": [span("Вчера", "FACILITY", layer="timex")]}
    assert predicted_spans("letopis", record, relabel=FACTRUEVAL_RELABEL) == {"DATE": [at("Вчера")]}


NATASHA = {"spans": [
    span("правительство Китая", "ORG"),
    span("Китая", "LOC"),
    span("МИД России", "ORG"),
    span("МИД", "ORG"),
    span("России", "LOC"),
]}


def test_spans_without_a_form_are_names() -> None:
    spans = predicted_spans("natasha", NATASHA, names_only=True, relabel=FACTRUEVAL_RELABEL)
    # nothing dropped for its form; only the nested «МИД» goes
    assert spans["ORG"] == [at("правительство Китая"), at("МИД России")]
    assert spans["LOC"] == [at("Китая"), at("России")]


def test_labels_are_not_flattened_against_each_other() -> None:
    record = {"spans": [span("МИД России", "ORGANIZATION", "name"), span("России", "LOCATION", "name")]}
    spans = predicted_spans("letopis", record, names_only=True)
    assert spans == {"ORG": [at("МИД России")], "LOC": [at("России")]}


def test_forms_count_only_with_names_only() -> None:
    record = {"spans": [span("российские", "LOCATION", "adjective"),
                        span("правительство", "ORGANIZATION", "descriptor")]}
    assert predicted_spans("letopis", record) == {"LOC": [at("российские")], "ORG": [at("правительство")]}
    assert predicted_spans("letopis", record, names_only=True) == {}


@pytest.mark.parametrize(
    "spans, kept",
    [
        ([], []),
        ([(0, 10)], [(0, 10)]),
        ([(0, 3), (0, 10)], [(0, 10)]),  # the head «МИД» of «МИД России», whatever the order
        ([(0, 10), (0, 3), (7, 10)], [(0, 10), (7, 10)]),  # a name further in («РАН» of «Института ... РАН») stays
        ([(0, 5), (0, 5)], [(0, 5)]),  # duplicates once
        ([(0, 5), (3, 9)], [(0, 5), (3, 9)]),  # crossing spans both stay
        ([(20, 25), (0, 5), (0, 2), (21, 22)], [(0, 5), (20, 25), (21, 22)]),  # sorted by start
        ([(0, 4), (0, 10), (2, 12)], [(0, 10), (2, 12)]),  # the longest of those at one start
    ],
)
def test_without_heads(spans: list[tuple[int, int]], kept: list[tuple[int, int]]) -> None:
    assert without_heads(spans) == kept


def test_factrueval_task_reads_names_and_nerel_task_every_mention() -> None:
    names, every, nerel = (tasks.TASKS[n] for n in ("entities-factrueval", "entities-factrueval-all", "entities-nerel"))
    assert names.names_only and names.relabel == {"FACILITY": "LOC"}
    assert not every.names_only and every.relabel == {"FACILITY": "LOC"}
    assert not nerel.names_only and nerel.relabel is None


def test_factrueval_scores_differ_by_view() -> None:
    """The same record scored against factRuEval-style gold (names only) by both rows."""
    gold = GoldDoc("d", Path("d"), TEXT, [
        GoldSpan("T1", "Org", *at("МИД России"), "МИД России"),
        GoldSpan("T2", "Location", *at("Китая"), "Китая"),
        GoldSpan("T3", "Location", *at("России"), "России"),
        GoldSpan("T4", "Location", *at("Киеву"), "Киеву"),
        GoldSpan("T5", "Location", *at("Зимнего дворца"), "Зимнего дворца"),
    ])
    names = tasks.score_spans(tasks.TASKS["entities-factrueval"], "letopis", [(gold, LETOPIS)])
    every = tasks.score_spans(tasks.TASKS["entities-factrueval-all"], "letopis", [(gold, LETOPIS)])
    assert (names["ORG"].precision, names["ORG"].recall) == (1.0, 1.0)
    assert (names["LOC"].precision, names["LOC"].recall) == (1.0, 1.0)
    assert every["ORG"].recall == 1.0 and every["ORG"].precision < 1.0
    assert every["LOC"].recall == 1.0 and every["LOC"].precision < 1.0
