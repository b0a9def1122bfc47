"""Vehicles named in quotes after their noun: «корабль «Союз ТМА-11»», «крейсер «Аврора»»."""

from __future__ import annotations

from ...doc import Doc, Mention
from ...lang.ru.function_words import NAME_LIST_SEPARATORS
from ...lang.ru.vehicles import VEHICLE_NOUNS
from ..forms import QUOTES
from .common import folded_lemma, make_mention, occurrences, shape


def vehicles(doc: Doc) -> list[Mention]:
    """A vehicle named in quotes after its noun is a vehicle (PRODUCT, subtype VEHICLE), and
    so are the names listed after it («шаттлы «Индевор» (в апреле) и «Атлантис»») and the
    same names wherever else the document gives them: «корабль «Союз ТМА-11»», «крейсер
    «Аврора»», then «следующего «Союза»» — not organisations."""
    names: set[tuple[tuple[str, bool], ...]] = set()
    for i, token in enumerate(doc.tokens):
        if folded_lemma(token) not in VEHICLE_NOUNS:
            continue
        at = i + 1
        while (found := _quoted_name(doc, at)) is not None:
            first, last = found
            if doc.tokens[first].text[:1].isupper():
                names.add(shape(doc, range(first, last)))
            at = _next_in_list(doc, last + 1)
    if not names:
        return []
    out = []
    for i, n in occurrences(doc, names, lambda i, n: True):
        out.append(make_mention(doc, i, i + n - 1, "PRODUCT", "VEHICLE"))
    return out


def _quoted_name(doc: Doc, at: int) -> tuple[int, int] | None:
    """(first, end) of the words between the opening quote at token `at` and its closing one."""
    if at >= len(doc.tokens) or doc.tokens[at].text not in QUOTES:
        return None
    closing = QUOTES[doc.tokens[at].text]
    end = at + 1
    while end < len(doc.tokens) and end - at <= 6 and doc.tokens[end].text != closing:
        end += 1
    if end == at + 1 or end >= len(doc.tokens) or doc.tokens[end].text != closing:
        return None
    return at + 1, end


def _next_in_list(doc: Doc, at: int) -> int:
    """The token after a list separator («,», «и», «или») that follows token `at`, past a
    parenthesis; `len(doc.tokens)` when no list goes on."""
    if at < len(doc.tokens) and doc.tokens[at].text == "(":
        depth = 0
        while at < len(doc.tokens):
            depth += {"(": 1, ")": -1}.get(doc.tokens[at].text, 0)
            at += 1
            if depth == 0:
                break
    if at < len(doc.tokens) and doc.tokens[at].text.lower() in NAME_LIST_SEPARATORS:
        return at + 1
    return len(doc.tokens)
