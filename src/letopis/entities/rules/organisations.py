"""Organisation names the recogniser cuts short or runs together: a name continued by a
genitive name, a name cut after its adjective, an organisation named inside another's description."""

from __future__ import annotations

from itertools import takewhile

from ...adapters import gazetteer, natasha
from ...doc import Doc, Mention
from ...syntax_tree import ancestors
from ..forms import CaseEvidence
from ..tree import mention_tokens, span_head
from .common import Taken, make_mention, named_tokens


def fuller_organisations(doc: Doc) -> list[Mention]:
    """An organisation name continued by a genitive name: «Комитетом освобождения» + «Парижа»."""
    names = named_tokens(doc)
    out = []
    for m in doc.mentions:
        if m.type not in ("ORGANIZATION", "FACILITY"):
            continue
        idx = mention_tokens(doc, m)
        if not idx:
            continue
        first, last = idx[0], idx[-1]
        grown = last
        while grown + 1 < len(doc.tokens):
            nxt = grown + 1
            token = doc.tokens[nxt]
            if token.head not in range(first, grown + 1) or token.feats.get("Case") != "Gen" or nxt not in names:
                break
            grown = names[nxt][1]
        if grown > last:
            out.append(make_mention(doc, first, grown, m.type, m.subtype))
    return out


def adjective_names(doc: Doc) -> list[Mention]:
    """A name cut after its adjective («Советский» of «Советский Союз») gets its noun back."""
    names = named_tokens(doc)
    out = []
    for m in doc.mentions:
        if m.type not in ("LOCATION", "ORGANIZATION", "FACILITY"):
            continue
        idx = mention_tokens(doc, m)
        if not idx or any(doc.tokens[i].pos not in ("ADJ", "DET") and doc.tokens[i].feats.get("VerbForm") != "Part" for i in idx):
            continue
        noun = idx[-1] + 1
        if noun >= len(doc.tokens) or doc.tokens[idx[-1]].head != noun or doc.tokens[noun].pos not in ("NOUN", "PROPN"):
            continue
        if not doc.tokens[noun].text[:1].isupper():
            continue
        last = noun
        if last + 1 in names and doc.tokens[last + 1].head == noun:  # «Штаты» + «Америки»
            last = names[last + 1][1]
        out.append(make_mention(doc, idx[0], last, m.type, m.subtype))
    return out


def inner_names(doc: Doc) -> list[Mention]:
    """An organisation named inside an organisation's description: «комиссия Европейского
    союза», «комитет ООН против пыток», «служба прессы Конституционного суда». The
    description is headed by a common noun; a genitive dependent of it that starts with a
    proper word and that no mention covers is an organisation of its own, unless it reads
    as a place («правительство Кипра» keeps «Кипра» for the places)."""
    cases = CaseEvidence(doc)
    taken = Taken((m.start, m.end) for m in doc.mentions)
    out = []
    for m in doc.mentions:
        idx = mention_tokens(doc, m)
        if m.type != "ORGANIZATION" or len(idx) < 2:
            continue
        head = span_head(doc, idx)
        if cases.proper(head):
            continue
        inside = set(idx)
        for i in idx:
            token = doc.tokens[i]
            if i == head or token.head not in inside or token.rel != "nmod" or token.feats.get("Case", "Gen") != "Gen":
                continue
            part = sorted(j for j in idx if j == i or i in takewhile(inside.__contains__, ancestors(doc, j)))
            if part != list(range(part[0], part[-1] + 1)) or not cases.proper(part[0]):
                continue
            start, end = doc.tokens[part[0]].start, doc.tokens[part[-1]].end
            if taken.crossed(start, end, holders=True) or _reads_as_place(doc, part):
                continue
            out.append(make_mention(doc, part[0], part[-1], "ORGANIZATION"))
            taken.add(start, end)
    return out


def _reads_as_place(doc: Doc, part: list[int]) -> bool:
    if any("Geox" in a.grammemes for i in part for a in natasha.analyses(doc.tokens[i].text)[:1]):
        return True
    head = doc.tokens[span_head(doc, part)]
    lemma = (head.lemma or head.text)
    return len(part) == 1 and bool(gazetteer.lookup(lemma[:1].upper() + lemma[1:]))
