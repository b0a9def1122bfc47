"""Facilities: a building noun named by a capitalised word («газовый завод Ла-Виллет»), and the
facility nouns listed beside a named one."""

from __future__ import annotations

from ...doc import Doc, Mention
from ...lang.ru.facilities import FACILITY_NOUNS
from ...lang.ru.function_words import LIST_SEPARATORS
from ..tree import mention_tokens
from .common import NAMED, folded_lemma, make_mention, named_tokens


def facilities(doc: Doc) -> list[Mention]:
    """A building noun named by a capitalised word: «газовый завод Ла-Виллет», «Зимний дворец»."""
    names = named_tokens(doc)
    out = []
    for i, token in enumerate(doc.tokens):
        if token.pos != "NOUN" or folded_lemma(token) not in FACILITY_NOUNS:
            continue
        sentence_start = doc.sentences[token.sent].first
        first = i
        while first > sentence_start and doc.tokens[first - 1].head == i and doc.tokens[first - 1].pos == "ADJ":
            first -= 1
        capitalised = any(doc.tokens[k].text[:1].isupper() for k in range(first, i + 1) if k != sentence_start)
        last = i
        nxt = i + 1
        if nxt < len(doc.tokens) and doc.tokens[nxt].head == i and doc.tokens[nxt].text[:1].isupper():
            last = names[nxt][1] if nxt in names else nxt
        if capitalised or last > i:
            out.append(make_mention(doc, first, last, "FACILITY"))
    return out


def _facility_phrase(doc: Doc, i: int) -> tuple[int, int]:
    """A facility noun with its adjectives and a genitive noun after it: «ратуши округов»."""
    sentence_start = doc.sentences[doc.tokens[i].sent].first
    first = i
    while first > sentence_start and doc.tokens[first - 1].head == i and doc.tokens[first - 1].pos == "ADJ":
        first -= 1
    last = i
    nxt = i + 1
    if nxt < len(doc.tokens) and doc.tokens[nxt].head == i and doc.tokens[nxt].pos == "NOUN" and doc.tokens[nxt].feats.get("Case") == "Gen":
        last = nxt
    return first, last


def listed_facilities(doc: Doc) -> list[Mention]:
    """Facility nouns listed beside a named facility: «ратуши округов, газовый завод
    Ла-Виллет и центральный почтамт» are three buildings taken, not one. A list item is
    read from the surface (commas and «и» between items), as the parser often links the
    items of a long list to different heads."""
    spans = {}
    for m in doc.mentions:
        if m.type == "FACILITY":
            idx = mention_tokens(doc, m)
            if idx:
                spans[idx[0]] = idx[-1]
    named = {k for m in doc.mentions if m.type in NAMED for k in mention_tokens(doc, m)}
    candidates = [
        _facility_phrase(doc, i) for i, t in enumerate(doc.tokens)
        if t.pos in ("NOUN", "ADJ") and folded_lemma(t) in FACILITY_NOUNS and i not in named  # «почтамт» is read as ADJ at times
    ]
    out: list[Mention] = []
    grown = True
    while grown:  # a list item next to an item found in the last round
        grown = False
        ends = {last: first for first, last in spans.items()}
        for first, last in candidates:
            if first in spans:
                continue
            before, after = first - 1, last + 1
            sentence = doc.tokens[first].sent
            near = (
                before > 0 and doc.tokens[before].text in LIST_SEPARATORS and before - 1 in ends
                and doc.tokens[before - 1].sent == sentence
            ) or (
                after + 1 < len(doc.tokens) and doc.tokens[after].text in LIST_SEPARATORS and after + 1 in spans
                and doc.tokens[after + 1].sent == sentence
            )
            if near:
                spans[first] = last
                out.append(make_mention(doc, first, last, "FACILITY"))
                grown = True
    return out
