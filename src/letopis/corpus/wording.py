"""Words as the corpus layer compares them: folded names, trigger lemmas, light stems of nouns.

The chronology carries each trigger's lemma (`events.trigger.lemma`), so «забастовку» and
«забастовка» compare as «забастовка» with no model to load: the merge stays a pure function
over contract dicts and runs on corpora of any size. Two things still need a light suffix
stripper: the counted nouns of figures (`quantities`), which are words of the sentence and
not contract spans, and triggers of events stored before lemmas were carried.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from ..fold import fold_wording


# Inflectional endings, longest first: adjectival, nominal, verbal (past, present, infinitive).
_ENDINGS = tuple(sorted(set("""
    ыми ими ого его ому ему ая яя ое ее ые ие ый ий ой ую юю ых их ым им ом ем
    иями ями ами иях ях ах ией ей ия ие ию ии ья ье ью ьи ов ев ам ям а я о е у ю ы и ь й
    ешь ишь ете ите ить ать ять еть уть ыть ила ыла ела ала яла или ыли али яли ели
    ил ыл ал ял ел ит ет ут ют ат ят ли ла ло л ть
""".split()), key=len, reverse=True))
_REFLEXIVE = ("ся", "сь")
_MIN_STEM = 3


def trigger_word(trigger: Mapping[str, Any]) -> str:
    """What the matcher compares of a trigger: the lemma of its last word, which carries the
    event («началась высадка» is about «высадка»). A trigger stored without a lemma falls back
    to the stem of its text, which matches only other such triggers' stems."""
    lemma = trigger.get("lemma")
    if lemma:
        return fold_wording(lemma).rsplit(" ", 1)[-1]
    return stem(trigger["text"])


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stem: «забастовку», «забастовки» → «забастовк»; «вошли», «вошел» → «вош».

    One reflexive particle and then the longest inflectional ending are removed, keeping
    at least three letters. Different lemmas of one root («призвать», «призыв») keep
    different stems; that is wanted: the trigger feature is about wording.
    """
    word = fold_wording(word)
    if " " in word:  # a multi-word trigger: its last word carries the event
        word = word.rsplit(" ", 1)[1]
    for particle in _REFLEXIVE:
        if word.endswith(particle) and len(word) - len(particle) >= _MIN_STEM:
            word = word[: -len(particle)]
            break
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            return word[: -len(ending)]
    return word


def words(text: str) -> list[str]:
    """The folded words of a name."""
    return fold_wording(text).split()
