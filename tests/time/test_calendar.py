"""Day arithmetic (`time.calendar`): ISO days and day numbers, BC included, checked against
`convertdate` over a wide range of random days."""

from __future__ import annotations

import random

import pytest
from convertdate import gregorian, julian

from letopis.time import calendar

# (ISO day, Julian Day Number): days a historian meets, BC and the turn of the era among them.
DAYS = [
    ("1944-08-19", 2431322),  # восстание в Париже
    ("1812-09-07", 2383129),  # Бородино
    ("0001-01-01", 1721426),  # первый день 1 года н. э.
    ("0000-12-31", 1721425),  # последний день 1 года до н. э. (астрономический год 0)
    ("0000-02-29", 1721119),  # год 0 високосный
    ("-0043-03-15", 1705428),  # мартовские иды 44 года до н. э.
    ("-4713-11-24", 0),  # начало счёта юлианских дней
]


@pytest.mark.parametrize("text, number", DAYS)
def test_iso_day_and_day_number(text, number):
    assert calendar.day_number(text) == number
    assert calendar.day_text(number) == text


@pytest.mark.parametrize("text", ["1944-02-30", "0001-13-01", "0001-00-10", "1900-02-29", "19440819", "вчера", "", "1944-8-19"])
def test_not_a_day(text):
    assert calendar.parse_day(text) is None
    assert calendar.day_number_or_none(text) is None
    with pytest.raises(ValueError):
        calendar.day_number(text)


def test_missing_day_is_none():
    assert calendar.day_number_or_none(None) is None


@pytest.mark.parametrize("earlier, later", [
    ("-0044-12-31", "-0043-01-01"),
    ("-0001-12-31", "0000-01-01"),
    ("0000-12-31", "0001-01-01"),
    ("0999-12-31", "1000-01-01"),
])
def test_day_numbers_order_days_across_the_era(earlier, later):
    assert calendar.day_number(later) - calendar.day_number(earlier) == 1


def test_random_days_agree_with_convertdate():
    """Gregorian and Julian (Old Style) dates and day numbers, from 10000 BC to AD 10000."""
    rng = random.Random(20240815)
    low, high = calendar.jdn(-9999, 1, 1), calendar.jdn(9999, 12, 31)
    for _ in range(5000):
        number = rng.randint(low, high)
        date = calendar.from_jdn(number)
        assert date == gregorian.from_jd(number - 0.5), number  # convertdate's days begin at midnight
        assert gregorian.to_jd(*date) + 0.5 == number
        assert calendar.jdn(*date) == number
        assert calendar.day_number(calendar.day_text(number)) == number
        old_style = julian.from_jd(number - 0.5)
        assert calendar.julian_jdn(*old_style) == number
        assert calendar.old_style_to_gregorian(*old_style) == date
