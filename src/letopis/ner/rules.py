"""Rules beside the tagger: peoples named by plural nationality nouns («немцы», «французы»),
and spans of foreign function words alone («The» cut from «The Right Move»), which name nothing.

The lexicon (data/ner/nationalities.txt) is built from NEREL train by
train/ner/nationalities.py; a word counts when its noun reading's lemma is listed.
A singular noun («один немец») names one person's nationality, not a people, so it
is not a GROUP mention.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from ..adapters import natasha

LEXICON = Path(__file__).resolve().parents[1] / "data" / "ner" / "nationalities.txt"
# Articles, prepositions and conjunctions of the languages whose names Russian news quotes
# in Latin letters: a name is never made of these alone.
FOREIGN_FUNCTION_WORDS = frozenset(
    """
    the a an of and or in on at to for by with from de del della di da du des la le les el
    los las der die das den dem und von van zu y e et
    """.split()
)


def function_words_only(words: Sequence[str]) -> bool:
    """Whether every word is a foreign function word («The», «de la»)."""
    return all(word.lower() in FOREIGN_FUNCTION_WORDS for word in words)


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[str]]:
    lines = LEXICON.read_text(encoding="utf-8").splitlines()
    lemmas = frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))
    return lemmas, frozenset(lemma[:3] for lemma in lemmas)


def singular_noun(word: str) -> bool:
    readings = natasha.analyses(word.lower())
    return bool(readings) and readings[0].pos == "NOUN" and "sing" in readings[0].grammemes


def nationality_nouns(words: Sequence[str]) -> list[tuple[int, int, str]]:
    """Token spans (first, one past the last, "NATIONALITY") of plural nationality nouns."""
    lemmas, prefixes = _lexicon()
    found = []
    for i, word in enumerate(words):
        if word[:3].lower() not in prefixes:
            continue  # most words: no morphological lookup
        readings = natasha.analyses(word.lower())
        if readings and readings[0].pos == "NOUN" and readings[0].lemma in lemmas and "plur" in readings[0].grammemes:
            found.append((i, i + 1, "NATIONALITY"))
    return found
