"""Folding names (`letopis.fold`): what each fold leaves aside, as a table of Russian names."""

from __future__ import annotations

import pytest

from letopis.fold import fold_case, fold_lookup, fold_name, fold_wording

# (written, fold_case, fold_name, fold_lookup, fold_wording)
NAMES = [
    ("Ёлкин", "елкин", "елкин", "елкин", "елкин"),
    ("Пётр Великий", "петр великий", "петр великий", "петр великий", "петр великий"),
    (" Шарль де Голль ", " шарль де голль ", "шарль де голль", "шарль де голль", "шарль де голль"),
    ("Париж.", "париж.", "париж.", "париж", "париж."),
    ("«Сопротивление»", "«сопротивление»", "«сопротивление»", "сопротивление", "сопротивление"),
    ("газета «Правда» сообщила", "газета «правда» сообщила", "газета «правда» сообщила",
     "газета «правда» сообщила", "газета правда сообщила"),
    ("Нижний\u00a0Новгород", "нижний\u00a0новгород", "нижний\u00a0новгород", "нижний новгород", "нижний новгород"),
    ("Ростов-на-Дону", "ростов-на-дону", "ростов-на-дону", "ростов-на-дону", "ростов-на-дону"),
    ("Шабан—Дельмас", "шабан—дельмас", "шабан—дельмас", "шабан—дельмас", "шабан-дельмас"),
    ("Соединённые   Штаты", "соединенные   штаты", "соединенные   штаты", "соединенные штаты", "соединенные штаты"),
]


@pytest.mark.parametrize("written, case, name, lookup, wording", NAMES)
def test_each_fold(written, case, name, lookup, wording):
    assert (fold_case(written), fold_name(written), fold_lookup(written), fold_wording(written)) == (case, name, lookup, wording)
