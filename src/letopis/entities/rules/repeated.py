"""Names the text gives again where the recogniser missed them."""

from __future__ import annotations

from ...doc import Doc, Mention
from ..forms import CaseEvidence, mention_form
from ..tree import mention_tokens
from .common import Taken, make_mention, occurrences, shape

_REPEATED = ("PERSON", "ORGANIZATION", "LOCATION", "FACILITY")


def repeated_names(doc: Doc) -> list[Mention]:
    """A name the text gives again where the recogniser missed it: an organisation tagged
    once as «Голоса Америки» is the same organisation at «Голос Америки:» opening a line.

    Only mentions that are names (`forms.mention_form`) are repeated: «Суд» opening a
    sentence is the word «суд». Names are compared by their words' lemmas and the case of
    each word's first letter, so «Правительство Китая» does not match «правительства
    Китая». A name recognised with two types in one document is left alone, and an
    occurrence is taken only where it overlaps no other mention but the ones inside it
    («Америки» inside «Голос Америки»)."""
    known: dict[tuple[tuple[str, bool], ...], set[tuple[str, str | None]]] = {}
    cases = CaseEvidence(doc)
    for m in doc.mentions:
        idx = mention_tokens(doc, m)
        if m.type in _REPEATED and idx and doc.tokens[idx[0]].text[:1].isupper():
            if mention_form(doc, m, cases) == "name":
                known.setdefault(shape(doc, idx), set()).add((m.type, m.subtype))
    names = {key: kinds.pop() for key, kinds in known.items() if len(kinds) == 1}
    taken = Taken((m.start, m.end) for m in doc.mentions)

    def free(i: int, n: int) -> bool:
        return not taken.crossed(doc.tokens[i].start, doc.tokens[i + n - 1].end, holders=False)

    out: list[Mention] = []
    for i, n in occurrences(doc, names, free):
        type_, subtype = names[shape(doc, range(i, i + n))]
        out.append(make_mention(doc, i, i + n - 1, type_, subtype))
    return out
