"""Regular-expression building blocks compiled from the language data.

Every pattern works on the raw text, case-insensitively; named groups carry
the parts that `rules.py` turns into values. Word edges are explicit
lookarounds so a pattern never starts or ends inside a word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from . import lexicon as lx


def alt(words: Iterable[str]) -> str:
    """A non-capturing alternation that prefers the longest form, written as a trie.

    It matches what `(?:longest|...|shortest)` matches, trying the same forms in the same
    order (a form before its prefixes), but a failing position costs one branch per
    distinct first letter rather than one per word: with IGNORECASE the regex engine
    cannot skip a branch by its first letter, so a flat list of 300 ordinals is slow.
    """
    trie: dict = {}
    for word in sorted(set(words), key=len, reverse=True):
        node = trie
        for piece in (r"\s+" if ch == " " else re.escape(ch) for ch in word):
            node = node.setdefault(piece, {})
        node[""] = {}  # the word may end here
    return "(?:" + _branches(trie) + ")"


def _branches(node: dict) -> str:
    forms = [piece + (_branches(child) if piece else "") for piece, child in node.items() if piece]
    if "" in node:
        forms.append("")  # ending here is tried after every longer form
    if len(forms) == 1:
        return forms[0]
    return "(?:" + "|".join(forms) + ")"


W0 = r"(?<![\w\-])"  # a word starts here
W1 = r"(?!\w)"  # a word ends here
S = r"\s+"
DASH = r"\s*[-–—]\s*"

MONTH = alt(lx.MONTHS) + W1
MONTH_ABBR = alt(lx.MONTH_ABBR) + r"\."
WEEKDAY = alt(lx.WEEKDAYS) + W1
SEASON = alt(lx.SEASONS) + W1
CARDINAL = alt(lx.CARDINALS) + W1
UNIT = alt(lx.UNITS) + W1
UNIT_WORD = alt(lx.UNIT_WORDS) + W1
ORDINAL = alt(stem + end for stem in lx.ORDINAL_STEMS for end in lx.ORDINAL_ENDINGS) + W1

# Prepositions before a date («с», «до», «к», «не позднее», «в ночь на» ...).
PRE = rf"(?P<pre>{alt(lx.PREPOSITIONS)}|(?:в\s+)?ночь\s+(?:на|с|со))\s+"
# «в начале», «к концу», «в первой половине» ...
PART = (
    rf"(?:(?P<part>{alt(lx.PARTS)})|(?P<half>{alt(lx.HALVES)})\s+половин[аеуы]"
    rf"|(?P<dec>последн(?:ей|юю|яя|ие|их)|перв(?:ой|ую|ая|ые|ых))\s+(?:дек[аа]д[аеуы]|трет[иья])){W1}\s+"
)
HEAD = rf"{W0}(?:{PRE})?(?:{PART})?"

DAY = r"(?P<d>[0-3]?\d)(?:-?(?:го|е|ое|м))?"
YEAR_WORD = r"(?:(?:года|году|годом|год)(?!\w)|гг?\.|г(?!\w))"
YEAR_SUFFIX = r"(?:-?(?:го|м|й|х|е))?"
# A year after a month: 3–4 digits, or any number followed by «года» / «г.».
# A year of five digits or more with its year word («1 января 10000 года») is beyond the
# calendar letopis dates in; a date followed by one is not read at all rather than cut to its
# first four digits. Digits glued to a year without a year word are a footnote («19 июня 162312,»).
NOT_LONGER = rf"(?!\d+\s*{YEAR_WORD})"
YEAR_AFTER_MONTH = rf"(?:\s+(?P<y>\d{{3,4}}){NOT_LONGER}{YEAR_SUFFIX}(?:\s*(?P<yw>{YEAR_WORD}))?|\s+(?P<y_>\d{{1,4}}){NOT_LONGER}\s*{YEAR_WORD})"
NO_LONG_YEAR = rf"(?!\s+\d{{5,}}\s*{YEAR_WORD})"
ERA = (
    r"(?:\s*(?P<era>(?:до\s+(?:нашей\s+эры|н\.\s*э\.?|р\.\s*х\.?|рождества\s+христова))"
    r"|(?:нашей\s+эры|н\.\s*э\.?)))?"
)
OLD_STYLE = r"(?:\s*\(?\s*(?P<os>по\s+(?:старому\s+стилю|ст\.\s*ст\.?)|ст\.\s*ст\.?|ст\.\s*стиля)\s*\)?)?"
# «этого года», «прошлого года», «с.г.»
REL_YEAR = r"(?:\s+(?P<ry>этого|прошлого|следующего|будущего|текущего|нынешнего|минувшего|позапрошлого)\s+года|\s+(?P<sg>с\.\s*г)\.?)"
ROMAN = r"(?-i:(?P<rom>[IVXLХІ]{1,10}))(?:-?(?:го|м|й|ом))?"
REL_ADJ = r"(?P<rel>этом|этот|эту|этой|этого|того|тому|нынешн\w+|текущ\w+|прошл\w+|минувш\w+|позапрошл\w+|следующ\w+|будущ\w+|предыдущ\w+|последн\w+|ближайш\w+|тот|том|ту|той|то|те|тех)"


def compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)
