"""The era marks of dates («до н. э.», «н. э.», «до Р. Х.») where a sentence splitter sees a full stop.

A sentence that is nothing but a date ending in an era mark («В 49 году до н. э.», «15 марта
44 года до н. э.», «Около 300 г. до н.э.») is the opening of the sentence after it: razdel
ends a sentence at the abbreviation's full stop when a capital follows.
"""

from __future__ import annotations

import re

# The era mark that ends such a sentence.
ENDS_WITH_ERA = re.compile(r"(?:до\s+)?(?:н\.\s*э\.|р\.\s*х\.)$", re.IGNORECASE)
MAX_DATE_WORDS = 10
# The words that may stand in such a date besides numbers (lowercase, without a full stop).
DATE_WORDS: frozenset[str] = frozenset({
    "год", "года", "году", "годом", "годах", "годы", "годов", "г", "гг", "век", "века", "веке", "веков", "вв", "в",
    "тыс", "тысячелетии", "тысячелетия", "тысячелетие", "середине", "начале", "конце", "середина", "начало", "конец",
    "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
    "декабря", "весной", "летом", "осенью", "зимой", "около", "примерно", "до", "после", "между", "на", "от", "к",
    "с", "со", "во", "и", "по", "н", "э", "р", "х",
})
