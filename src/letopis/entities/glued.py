"""Names a recogniser glued together, taken apart before anything else reads them.

Each rule looks at one mention and returns the mentions it should be instead (`None`: keep
it); the first rule that speaks wins, and the stage writes it to the trace.

| rule | what it cuts | example |
|---|---|---|
| `acronym_after_name` | an all-capitals word closing an organisation's name whose initials it spells: the name and the acronym, two mentions | «Вестника опытной физики и элементарной математики ВОФЭМ» |
| `joined_at_conjunction` | an organisation's name running on across «и» into a word in another case: the part before «и» | «Губотдела Народного Образования и заведующим Научным отделом» |
| `word_before_initials` | a person's name whose initials follow another capitalised word: the name from the initials on | «издательства Матезис М. Ф. Шпенцера» |
"""

from __future__ import annotations

from collections.abc import Callable

from ..doc import Doc, Mention
from .merge import acronym_of
from .normalise import clean_word
from .tree import mention_tokens

def _span(doc: Doc, m: Mention, first: int, last: int, type_: str | None = None) -> Mention:
    """A mention over tokens `first`..`last` of `m`'s kind."""
    start, end = doc.tokens[first].start, doc.tokens[last].end
    return Mention(start, end, doc.text[start:end], type_ or m.type, m.subtype if type_ is None else None,
                   source=m.source, ref=m.ref)


def acronym_after_name(doc: Doc, m: Mention, tokens: list[int]) -> list[Mention] | None:
    if m.type != "ORGANIZATION" or len(tokens) < 3:
        return None
    word = clean_word(doc.tokens[tokens[-1]].text)
    name = doc.text[m.start:doc.tokens[tokens[-2]].end]
    if not (2 <= len(word) <= 8 and word.isupper() and word.isalpha()) or doc.tokens[tokens[-2]].text.isupper():
        return None
    if not acronym_of(word, name):
        return None
    return [_span(doc, m, tokens[0], tokens[-2]), _span(doc, m, tokens[-1], tokens[-1])]


def joined_at_conjunction(doc: Doc, m: Mention, tokens: list[int]) -> list[Mention] | None:
    if m.type != "ORGANIZATION":
        return None
    for n in range(1, len(tokens) - 1):
        conj, before, after = doc.tokens[tokens[n]], doc.tokens[tokens[n - 1]], doc.tokens[tokens[n + 1]]
        if conj.text != "и" or not after.text[:1].islower():
            continue
        if before.feats.get("Case") and after.feats.get("Case") and before.feats["Case"] != after.feats["Case"]:
            return [_span(doc, m, tokens[0], tokens[n - 1])]
    return None


def _initial(text: str) -> bool:
    return len(text) == 2 and text[0].isupper() and text[1] == "."


def word_before_initials(doc: Doc, m: Mention, tokens: list[int]) -> list[Mention] | None:
    if m.type != "PERSON" or len(tokens) < 4:
        return None
    words = [doc.tokens[i].text for i in tokens]
    # the initials may be tokens of their own («М», «.») or glued («М.»)
    joined = doc.text[doc.tokens[tokens[1]].start:m.end].replace(" ", "")
    if not words[0][:1].isupper() or len(words[0]) < 3 or words[0].endswith("."):
        return None
    if not (len(joined) > 4 and _initial(joined[:2]) and _initial(joined[2:4])):
        return None
    return [_span(doc, m, tokens[1], tokens[-1])]


RULES: list[tuple[str, Callable[[Doc, Mention, list[int]], list[Mention] | None]]] = [
    ("acronym_after_name", acronym_after_name),
    ("joined_at_conjunction", joined_at_conjunction),
    ("word_before_initials", word_before_initials),
]


def unglue(doc: Doc) -> None:
    """Replace each glued mention by its parts (the trace names the rule)."""
    out: list[Mention] = []
    for m in doc.mentions:
        tokens = mention_tokens(doc, m) if m.source != "pronoun" else []
        parts = None
        for name, rule in RULES:
            parts = rule(doc, m, tokens) if tokens else None
            if parts is not None:
                doc.note("entities", name, m.start, m.end, was=m.text, parts=[p.text for p in parts])
                break
        out.extend(parts if parts is not None else [m])
    doc.mentions[:] = out
