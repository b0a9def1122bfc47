"""Word endings that rules strip or restore when they give a mention its normal form."""

from __future__ import annotations

import re

# An ordinal written with digits, split into number, hyphen and ending («4-й», «62-ой»).
DIGIT_ORDINAL_PARTS: re.Pattern[str] = re.compile(r"^(\d+)(-?)([а-яё]{1,3})$")

# Regular endings of masculine hard-stem nouns in the singular, by case («Тоттенхэм-е»).
MASCULINE_ENDINGS: dict[str, str] = {"Gen": "а", "Dat": "у", "Ins": "ом", "Loc": "е"}
CONSONANTS: frozenset[str] = frozenset("бвгджзклмнпрстфхцчшщ")

# Characters that do not show: a soft hyphen a typesetter left («Нико\u00adлай»), zero-width
# spaces and joiners, a byte-order mark. Names are compared and normalised without them; the
# offsets into the text keep them.
INVISIBLE: frozenset[str] = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")

# Oblique endings of a man's surname or a foreign name declined as a hard- or soft-stem
# masculine noun, by Universal case, with what the nominative ends in instead
# («Лагранж-ем» → «Лагранж», «Миних-у» → «Миних», «Бонапарт-е» → «Бонапарт»).
MASCULINE_NAME_ENDINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "Gen": (("а", ""), ("я", "й")),
    "Acc": (("а", ""), ("я", "й")),
    "Dat": (("у", ""), ("ю", "й")),
    "Ins": (("ом", ""), ("ем", ""), ("ём", ""), ("ем", "й")),
    "Loc": (("е", ""), ("е", "й")),
}
# The same for a name declined like «Сметона», «Гита» (-а nouns of either gender).
A_NAME_ENDINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "Gen": (("ы", "а"), ("и", "а"), ("и", "я")),
    "Acc": (("у", "а"), ("ю", "я")),
    "Dat": (("е", "а"), ("е", "я"), ("и", "я")),
    "Ins": (("ой", "а"), ("ей", "а"), ("ей", "я")),
    "Loc": (("е", "а"), ("е", "я"), ("и", "я")),
}

# Markers that copies of encyclopedia pages glue to a name: a link to the article in another
# language («Пикок[англ.]» → «Пикокангл»), to Wikidata («Паскаль[вд]» → «Паскальвд»).
GLUED_MARKERS: tuple[str, ...] = ("англ", "фр", "нем", "вд")

# Oblique endings of place names and the nominative endings they may come from («Казан-и» →
# «Казань», «Ливони-и» → «Ливония», «Сен-е» → «Сена», «Бородин-е» → «Бородино»); the
# gazetteer says which nominative is a place.
PLACE_ENDINGS: tuple[tuple[str, str], ...] = (
    ("ии", "ия"), ("ию", "ия"), ("ией", "ия"), ("и", "ь"), ("ью", "ь"), ("е", "ь"), ("ем", "ь"), ("я", "ь"),
    ("ю", "ь"), ("е", "а"), ("у", "а"), ("ы", "а"), ("ой", "а"), ("и", "а"), ("и", "я"), ("е", "я"), ("ю", "я"),
    ("е", ""), ("а", ""), ("у", ""), ("ом", ""), ("е", "о"), ("а", "о"), ("ом", "о"),
)
