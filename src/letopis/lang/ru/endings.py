"""Word endings that rules strip or restore when they give a mention its normal form."""

from __future__ import annotations

import re

# An ordinal written with digits, split into number, hyphen and ending («4-й», «62-ой»).
DIGIT_ORDINAL_PARTS: re.Pattern[str] = re.compile(r"^(\d+)(-?)([а-яё]{1,3})$")

# Regular endings of masculine hard-stem nouns in the singular, by case («Тоттенхэм-е»).
MASCULINE_ENDINGS: dict[str, str] = {"Gen": "а", "Dat": "у", "Ins": "ом", "Loc": "е"}
CONSONANTS: frozenset[str] = frozenset("бвгджзклмнпрстфхцчшщ")
