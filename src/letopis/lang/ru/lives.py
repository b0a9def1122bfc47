"""Words of a life for dating a biography: birth, death, and ages («в 14 лет»)."""

from __future__ import annotations

import re

BIRTH_LEMMAS = frozenset({"родиться"})
DEATH_LEMMAS = frozenset({"умереть", "скончаться"})
# Nouns of a birth or a death («после рождения Орлова», «до его смерти»): the protagonist's
# only when the text names whose (the opening's name, «его», «её»), never «рождения сына».
BIRTH_NOUNS = frozenset({"рождение"})
DEATH_NOUNS = frozenset({"смерть", "кончина"})
OWNER_PRONOUNS = frozenset({"его", "её", "ее"})
SUBJECT_PRONOUNS = frozenset({"он", "она"})  # the protagonist spoken of, as a subject

_NUMBER = r"\d{1,3}(?:-?(?:ти|ми|х|и))?|[а-яё]+(?:\s+[а-яё]+)?"
# «в 14 лет», «в возрасте 20 лет», «в возрасте шестидесяти двух лет», «в три года»
AGE = re.compile(
    rf"(?<![\w-])в\s+(?:(?P<approx>около|почти|неполных|полных)\s+)?(?:(?:[а-яё]+\s+){{0,2}}?возрасте\s+(?:около\s+)?)?"
    rf"(?P<n>{_NUMBER})\s+(?:лет|года?)(?![\w-])"
    # «с 14 лет»: from that year of life on
    rf"|(?<![\w-])с\s+(?P<since>\d{{1,3}}|[а-яё]+)\s+лет(?![\w-])"
    # «в двухлетнем возрасте», «в 17-летнем возрасте», «с 5-летнего возраста»
    rf"|(?<![\w-])(?:в|с)\s+(?P<adj>\d{{1,3}}-|[а-яё]+?)летн(?:ем\s+возрасте|его\s+возраста)(?![\w-])"
    # «когда ему было 42 года», «когда Блезу исполнилось 3 года»: the age of whom the clause names
    rf"|(?<![\w-])когда\s+(?P<whose>[А-ЯЁа-яё]+)\s+(?:было|исполнилось|шёл|шел)\s+(?P<when>{_NUMBER})\s+(?:лет|года?)(?![\w-])",
    re.IGNORECASE,
)
OLDEST = 120  # an age beyond this is no age («в 1812 году» is a year)
