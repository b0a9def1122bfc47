"""Words for search: lemmatised text for the FTS5 index, queries lemmatised the same way,
name matching in any word form, and snippets cut from the original text.

SQLite's FTS5 knows nothing of Russian inflection, so the index holds each word's
likeliest lemma («забастовку» is indexed as «забастовка») and a query word becomes an OR
of all its lemmas. A snippet is cut from the text as written, with every word whose
lemma was asked for marked, so what the user reads is the source, not the lemmas.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..adapters import natasha
from ..errors import UsageError
from ..fold import fold_case

WORD = re.compile(r"\w+(?:-\w+)*")
MAX_QUERY_WORDS = 24
WINDOW = 1500  # characters either side of the first likely match that a document's snippet is cut from
MARK_OPEN, MARK_CLOSE = "[", "]"


def word_lemmas(word: str) -> tuple[str, ...]:
    """The word's lemmas (likeliest first), folded; a number or a Latin word stays as it is."""
    if not any("а" <= ch <= "я" or ch == "ё" for ch in word.lower()):
        return (fold_case(word),)
    return tuple(dict.fromkeys(fold_case(lemma) for lemma in natasha.lemmas(word)))


def lemma_text(text: str) -> str:
    """The text as its words' likeliest lemmas, for the FTS5 index."""
    return " ".join(word_lemmas(match.group())[0] for match in WORD.finditer(text))


def name_words(name: str) -> str:
    """A name's words and all their lemmas, space-padded, for `LIKE '% word %'` matching.

    Both the word as written and every lemma are kept because a surname is often read as
    an inflected form of something else (pymorphy2 reads «Голль» as a form of «голля»).
    """
    words: dict[str, None] = {}
    for match in WORD.finditer(name):
        words.setdefault(fold_case(match.group()), None)
        for lemma in word_lemmas(match.group()):
            words.setdefault(lemma, None)
    return " " + " ".join(words) + " "


def query_forms(query: str) -> list[tuple[str, ...]]:
    """For each word of a query, the forms that may stand for it: as written and its lemmas."""
    forms = []
    for match in WORD.finditer(query):
        word = match.group()
        forms.append(tuple(dict.fromkeys((fold_case(word), *word_lemmas(word)))))
    return forms


def fts_query(query: str, *, prefix: bool = False) -> str | None:
    """An FTS5 MATCH expression: every query word, each as an OR of its lemmas; None if no words.
    With `prefix`, the last word as written also matches the start of a longer word."""
    parts = []
    every = query_forms(query)
    if len(every) > MAX_QUERY_WORDS:
        raise UsageError(f"a search has at most {MAX_QUERY_WORDS} words, not {len(every)}")
    for i, forms in enumerate(every):
        alternatives = " OR ".join(_quote(form) for form in forms)
        if prefix and i == len(every) - 1:
            alternatives += " OR " + _quote(forms[0]) + "*"
        parts.append(f"({alternatives})")
    return " AND ".join(parts) or None


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def document_snippet(text: str, query: str, *, base: int = 0) -> dict[str, object]:
    """`snippet` over a window of the document around the first likely match, so its cost
    does not grow with the document: a likely match is a word starting with the stem of a
    query word's form (lemmas and inflected forms share it); the words of the window are
    then matched exactly as in `snippet`."""
    if len(text) <= 4 * WINDOW:
        return snippet(text, query, base=base)
    stems = {_stem(form) for forms in query_forms(query) for form in forms}
    pattern = "|".join(sorted(stems, key=len, reverse=True))
    found = re.search(r"(?<!\w)(?:" + pattern + ")", text, re.IGNORECASE) if pattern else None
    middle = found.start() if found else 0
    start = max(0, middle - WINDOW)
    end = min(len(text), middle + WINDOW)
    if start > 0:  # whole words only
        space = text.find(" ", start, middle)
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.rfind(" ", middle, end)
        end = space if space > middle else end
    out = snippet(text[start:end], query, base=base + start)
    if start > 0 and not str(out["snippet"]).startswith("…"):
        out["snippet"] = "…" + str(out["snippet"])
    if end < len(text) and not str(out["snippet"]).endswith("…"):
        out["snippet"] = str(out["snippet"]) + "…"
    return out


def _stem(form: str) -> str:
    """A regex for the stem of a folded word form: its first letters (ё or е alike)."""
    stem = form[:max(3, len(form) - 3)]
    return "".join("[её]" if ch == "е" else re.escape(ch) for ch in stem)


def snippet(text: str, query: str, *, base: int = 0, width: int = 12) -> dict[str, object]:
    """A window of about 2 × `width` words, as written, showing as many query words as it can.

    Returns `snippet` (matches in [brackets]), `text` (the same without marks), `marks`
    (start, end of each match within `text`) and `start`/`end` (the window's offsets in the
    document, `base` being the offset of `text` in it).
    """
    asked = query_forms(query)
    words = list(WORD.finditer(text))
    if not words:
        return {"snippet": text, "text": text, "marks": [], "start": base, "end": base + len(text)}
    found: dict[int, set[int]] = {}  # word index -> which query words it matches
    for i, m in enumerate(words):
        forms = {fold_case(m.group()), *word_lemmas(m.group())}
        matched = {q for q, alternatives in enumerate(asked) if forms.intersection(alternatives)}
        if matched:
            found[i] = matched
    lo = max(0, _best_start(found, 2 * width) - width // 3)
    hi = min(len(words) - 1, lo + 2 * width)
    lo = max(0, min(lo, hi - 2 * width))
    hits = sorted(found)
    start = 0 if lo == 0 else words[lo].start()
    end = len(text) if hi == len(words) - 1 else words[hi].end()
    window = text[start:end]
    marks = [(words[i].start() - start, words[i].end() - start) for i in hits if lo <= i <= hi]
    marked, last = [], 0
    for a, b in marks:
        marked += [window[last:a], MARK_OPEN, window[a:b], MARK_CLOSE]
        last = b
    marked.append(window[last:])
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return {
        "snippet": prefix + " ".join("".join(marked).split()) + suffix,
        "text": window,
        "marks": [list(mark) for mark in marks],
        "start": base + start,
        "end": base + end,
    }


def _best_start(found: dict[int, set[int]], span: int) -> int:
    """The matching word from which `span` words show the most different query words."""
    best, best_score = 0, -1
    for start in sorted(found):
        covered = set().union(*(q for i, q in found.items() if start <= i < start + span))
        if len(covered) > best_score:
            best, best_score = start, len(covered)
    return best


def like_patterns(forms: Iterable[str]) -> list[str]:
    """`LIKE` patterns that find a word among a `name_words` string."""
    return ["% " + form.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + " %" for form in forms]
