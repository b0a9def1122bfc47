"""Folding names and words for comparison: the one place that says which differences do not count.

Each fold answers its own question, so each has its own name:

  fold_case     a word or a name as written, case and ё aside («Ёлкин» = «елкин»);
                the store's index keys and word forms
  fold_name     a name with the spaces around it aside too: entity names within and
                across documents
  fold_lookup   a gazetteer key: also stray punctuation at the ends and runs of spaces
                («Париж.», «« Париж »»)
  fold_wording  the wording the corpus layer compares: also every quote, dashes as hyphens
                and runs of spaces («Сопротивление» «"Сопротивление"»)
"""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"«": "", "»": "", '"': "", "“": "", "”": "", "„": "", "'": "", "–": "-", "—": "-"})
_LOOKUP_ENDS = " .,«»\"'"


_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))


def fold_case(text: str) -> str:
    """Lowercase with ё as е, without the characters that do not show (a soft hyphen)."""
    return text.lower().replace("ё", "е").translate(_INVISIBLE)


def fold_name(text: str) -> str:
    """Lowercase with ё as е, without the spaces around it."""
    return fold_case(text).strip()


def fold_lookup(text: str) -> str:
    """The lookup key of a name: lowercase, ё as е, one space, no stray punctuation at the ends."""
    return " ".join(fold_case(text).replace("\u00a0", " ").strip(_LOOKUP_ENDS).split())


def fold_wording(text: str) -> str:
    """Lowercase, ё as е, no quotes, dashes as hyphens, one space between words."""
    return _SPACE.sub(" ", fold_case(text.translate(_QUOTES))).strip()
