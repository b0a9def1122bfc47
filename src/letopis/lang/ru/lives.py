"""Words of a life for dating a biography: birth, death, and ages («в 14 лет»)."""

from __future__ import annotations

import re

BIRTH_LEMMAS = frozenset({"родиться"})
DEATH_LEMMAS = frozenset({"умереть", "скончаться"})
SUBJECT_PRONOUNS = frozenset({"он", "она"})  # the protagonist spoken of, as a subject

_NUMBER = r"\d{1,3}(?:-?(?:ти|ми|х|и))?|[а-яё]+(?:\s+[а-яё]+)?"
# «в 14 лет», «в возрасте 20 лет», «в возрасте шестидесяти двух лет», «в три года»
AGE = re.compile(
    rf"(?<![\w-])в\s+(?:(?P<approx>около|почти|неполных|полных)\s+)?(?:(?:[а-яё]+\s+){{0,2}}?возрасте\s+(?:около\s+)?)?"
    rf"(?P<n>{_NUMBER})\s+(?:лет|года?)(?![\w-])"
    # «в двухлетнем возрасте», «в 17-летнем возрасте»
    rf"|(?<![\w-])в\s+(?P<adj>\d{{1,3}}-|[а-яё]+?)летнем\s+возрасте(?![\w-])",
    re.IGNORECASE,
)
OLDEST = 120  # an age beyond this is no age («в 1812 году» is a year)
