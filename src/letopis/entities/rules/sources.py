"""Web addresses given as the source of a report: «сообщает baltinfo.ru», «по данным Lenta.ru»."""

from __future__ import annotations

import re

from ...doc import Doc, Mention
from ...lang.ru.sources import REPORTING_VERBS, SOURCE_BEFORE, SOURCE_PHRASES
from ...index import tokens_inside
from .common import folded_lemma, make_mention

# A web address written as a word («Lenta.ru», «www.tv100.ru», «baltinfo.ru»), not a link's part.
_WEB_NAME = re.compile(
    r"(?<![\w./@:-])(?:www\.)?[^\W_][\w-]*(?:\.[\w-]+)*"
    r"\.(?:ru|su|рф|com|org|net|info|biz|ua|by|kz|eu|uk|de|fr|tv|io|me)(?![\w/@-])(?!\.\w)",
    re.IGNORECASE,
)


def web_sources(doc: Doc) -> list[Mention]:
    """A web address given as the source of a report is its publisher, an organisation:
    «сообщает baltinfo.ru», «цитирует infox.ru», «по данным Lenta.ru», «издание NJ.com»,
    «NEWSru.com сообщает». An address anywhere else may name a site («петиция на сайте
    change.org»), which NEREL counts as a product, so it is left to the recogniser."""
    out = []
    for match in _WEB_NAME.finditer(doc.text):
        idx = tokens_inside(doc, match.start(), match.end())
        if not idx or doc.tokens[idx[0]].start != match.start() or doc.tokens[idx[-1]].end != match.end():
            continue  # not whole tokens
        first, last = idx[0], idx[-1]
        if not _reported_by(doc, first, last):
            continue
        if any(m.start < match.end() and match.start() < m.end for m in doc.mentions if m.type != "PROFESSION"):
            continue
        out.append(make_mention(doc, first, last, "ORGANIZATION"))
    return out


def _reported_by(doc: Doc, first: int, last: int) -> bool:
    """Whether the words around tokens first..last present them as a report's source."""
    before = [doc.tokens[i] for i in range(max(doc.sentences[doc.tokens[first].sent].first, first - 2), first)]
    if before and folded_lemma(before[-1]) in SOURCE_BEFORE:
        return True
    if len(before) == 2 and (before[0].text.lower(), folded_lemma(before[1])) in SOURCE_PHRASES:
        return True
    after = last + 1
    return after < len(doc.tokens) and doc.tokens[after].sent == doc.tokens[last].sent and (
        folded_lemma(doc.tokens[after]) in REPORTING_VERBS)
