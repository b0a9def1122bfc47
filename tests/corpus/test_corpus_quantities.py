"""Figures and what they count, as a historian reads them."""

from __future__ import annotations

import pytest

from letopis.corpus.quantities import quantities
from letopis.corpus.wording import stem

FIGURES = [
    # text, figure as found, counted kind, low, high
    ("почти 100 000 жителей города вышли на улицы", "почти 100 000 жителей", "people", 80_000, 100_000),
    ("на площадь пришли около 10 000 человек", "около 10 000 человек", "people", 7_500, 12_500),
    ("около 5 тыс. человек вышли на демонстрацию", "около 5 тыс. человек", "people", 3_750, 6_250),
    ("в ней участвовали несколько сотен человек", "несколько сотен человек", "people", 200, 999),
    ("десятки тысяч демонстрантов заполнили улицы", "десятки тысяч демонстрантов", "people", 20_000, 99_999),
    ("свыше двадцати пяти тысяч рабочих", "свыше двадцати пяти тысяч рабочих", "people", 25_000, 50_000),
    ("10 тыс. парижан", "10 тыс. парижан", "people", 9_000, 11_000),
    ("погибли 26 человек", "26 человек", "people", 26, 26),
    ("около 10 000 вооружённых повстанцев", "около 10 000 вооружённых повстанцев", "fighters", 7_500, 12_500),
    ("в город вошли 300 танков", "300 танков", stem("танков"), 300, 300),
]


@pytest.mark.parametrize("text, figure, kind, low, high", FIGURES)
def test_figures_with_their_nouns(text, figure, kind, low, high):
    [found] = quantities(text)
    assert (found.text, found.kind) == (figure, kind)
    assert found.low == pytest.approx(low) and found.high == pytest.approx(high)


@pytest.mark.parametrize("text", [
    "2 июня 1962 года",                      # a date, not a count
    "за 3 дня до восстания",                  # a duration
    "в 1944 году",
    "4-й пехотной дивизии",                   # an ordinal
])
def test_figures_of_time_are_not_counts(text):
    assert quantities(text) == []


def test_spans_of_time_expressions_are_skipped():
    text = "На следующий день, 2 июня, около 5 тыс. человек вышли."
    start = text.index("2 июня")
    assert [q.text for q in quantities(text, [(start, start + 6)])] == ["около 5 тыс. человек"]


@pytest.mark.parametrize("first, second, meet", [
    ("почти 100 000 жителей", "около 10 000 человек", False),
    ("почти 100 000 жителей", "десятки тысяч парижан", True),
    ("около 5 тыс. человек", "несколько сотен человек", False),
    ("около 5 тыс. человек", "5 000 человек", True),
    ("26 человек", "24 человек", False),
    ("более 100 человек", "150 человек", True),
])
def test_approximate_words_widen_the_tolerance(first, second, meet):
    [a], [b] = quantities(first), quantities(second)
    assert a.meets(b) is meet
