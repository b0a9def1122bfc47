"""Years the calendar does not reach (issue 22): «1 января 10000 года» was cut to 1000-01-01.
A day or month followed by a year of five digits or more is not read at all, and «года» after
a number that cannot count years («10000 года», «1945 года») is no duration."""

from __future__ import annotations

import pytest

from letopis.time import extract

# (sentence, the text that must not be taken for a date or a duration)
BEYOND = [
    ("1 января 10000 года в хрониках не упоминается.", "10000"),
    ("Пятого мая 12345 года был пир.", "12345"),
    ("С 1 по 5 января 10000 года шли бои.", "10000"),
    ("В январе 10000 года ничего не было.", "январе"),
    ("1 января 10000 г. упомянуто в рукописи.", "10000"),
    ("1 января 10000 года в хрониках не упоминается.", "1 января"),
]


@pytest.mark.parametrize("sentence, text", BEYOND)
def test_five_digit_year_is_not_cut_to_four(sentence, text):
    at = sentence.index(text)
    hits = [(t.text, t.value) for t in extract(sentence) if t.start < at + len(text) and at < t.end]
    assert hits == []


# (sentence, span, value): the neighbours that must keep working
KEPT = [
    ("1 января 9999 года наступит не скоро.", "1 января 9999 года", "9999-01-01"),
    ("1 января 1000 года крестили дружину.", "1 января 1000 года", "1000-01-01"),
    ("Он правил в течение 21 года.", "в течение 21 года", "P21Y"),
    ("Осада длилась 3 года.", "3 года", "P3Y"),
    ("Война шла 15 лет.", "15 лет", "P15Y"),
]


@pytest.mark.parametrize("sentence, span, value", KEPT)
def test_four_digit_years_and_counts_of_years_stay(sentence, span, value):
    assert (span, value) in [(t.text, t.value) for t in extract(sentence)]


def test_footnote_digits_glued_to_a_year_keep_the_date():
    """Wikipedia text glues footnote numbers to years: «19 июня 162312,» is 19 June 1623."""
    assert ("19 июня 1623", "1623-06-19") in [(t.text, t.value) for t in extract("Паскаль родился 19 июня 162312, в Клермоне.")]
