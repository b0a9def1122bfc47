"""Military units: ordinal + adjectives + unit noun + owner («4-й пехотной дивизии армии США»)."""

from __future__ import annotations

from ...doc import Doc, Mention, Token
from ...lang.ru.ranks import TITLES
from ...lang.ru.units import DIGIT_ORDINAL, ORDINAL_WORDS, UNIT_ADJECTIVES, UNIT_NOUNS
from .common import folded_lemma, make_mention, named_tokens


def _ordinal(token: Token) -> bool:
    return bool(DIGIT_ORDINAL.match(token.text)) or folded_lemma(token) in ORDINAL_WORDS


def _unit_tail(doc: Doc, head: int, names: dict[int, tuple[int, int]]) -> int:
    """The last token of the genitive chain that names a unit's owner or commander."""
    last = head
    while True:
        nxt = last + 1
        if nxt >= len(doc.tokens) or doc.tokens[nxt].head not in range(head, last + 1):
            return last
        token = doc.tokens[nxt]
        if token.feats.get("Case") != "Gen" and token.pos not in ("PROPN",):
            return last
        if folded_lemma(token) in UNIT_NOUNS:
            last = _unit_tail(doc, nxt, names)
        elif nxt in names:
            last = names[nxt][1]
        elif folded_lemma(token) in TITLES and nxt + 1 in names:  # «дивизии генерала Леклерка»
            last = names[nxt + 1][1]
        elif token.pos == "PROPN":
            last = nxt
        else:
            return last


def military_units(doc: Doc) -> list[Mention]:
    """Ordinal + adjectives + unit noun + owner: «4-й пехотной дивизии армии США»."""
    names = named_tokens(doc)
    out = []
    for i, token in enumerate(doc.tokens):
        if token.pos not in ("NOUN", "PROPN") or folded_lemma(token) not in UNIT_NOUNS:
            continue
        first = i
        while first > doc.sentences[token.sent].first:
            prev = doc.tokens[first - 1]
            modifier = prev.pos in ("ADJ", "NUM") or prev.feats.get("VerbForm") == "Part"  # «бронетанковая» read as a participle
            if not modifier or not first <= prev.head <= i:
                break
            first -= 1
        left = doc.tokens[first:i]
        last = _unit_tail(doc, i, names)
        sentence_start = doc.sentences[token.sent].first
        capitalised = any(t.text[:1].isupper() for k, t in enumerate(doc.tokens[first : i + 1], first) if k != sentence_start)
        ordinal = any(_ordinal(t) for t in left)
        if not (ordinal or capitalised or last > i):
            continue
        if last == i and not ordinal and not any(folded_lemma(t) in UNIT_ADJECTIVES for t in left) and not capitalised:
            continue
        out.append(make_mention(doc, first, last, "ORGANIZATION", "MILITARY_UNIT"))
    return out
