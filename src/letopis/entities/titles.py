"""Titles, ranks and roles of persons, read from the syntax around the name.

A title is an attribute of the person («полковник», «председатель Национального
Совета Сопротивления»), never part of the name. Each rule below takes the person's
name tokens and returns the token spans (with their head word) of its titles.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..doc import Doc
from ..fold import fold_case
from ..lang.ru.ranks import TITLE_MODIFIERS, TITLES
from .normalise import phrase_normal
from ..index import tree as tree_of
from .tree import children, span_head, subtree

_APPOSITIVE = frozenset({"appos", "conj", "nmod", "parataxis"})


@dataclass(slots=True)
class Title:
    title: str  # normalised, nominative: «председатель Национального Совета Сопротивления»
    start: int
    end: int
    rule: str

    def record(self) -> dict[str, object]:
        return {"title": self.title, "start": self.start, "end": self.end, "rule": self.rule}


def _lemma(doc: Doc, i: int) -> str:
    return fold_case(doc.tokens[i].lemma or doc.tokens[i].text)


def _is_title(doc: Doc, i: int) -> bool:
    return doc.tokens[i].pos in ("NOUN", "PROPN", "ADJ") and _lemma(doc, i) in TITLES


def _role_noun(doc: Doc, i: int) -> bool:
    token = doc.tokens[i]
    return _is_title(doc, i) or (token.pos == "NOUN" and token.feats.get("Animacy") == "Anim")


def _clip(doc: Doc, head: int, indices: list[int]) -> list[int]:
    """The title phrase: the head's own modifiers before it, and its dependents after it up to punctuation."""
    keep = set(indices)
    first = _modifiers(doc, head)
    last = head
    while last + 1 in keep and doc.tokens[last + 1].pos != "PUNCT":
        last += 1
    return list(range(first, last + 1))


def _modifiers(doc: Doc, title: int) -> int:
    """Leftmost token of the modifiers that belong to a title («бригадный генерал»)."""
    first = title
    while first - 1 >= 0 and doc.tokens[first - 1].head == title and doc.tokens[first - 1].rel in ("amod", "compound") and (
        _lemma(doc, first - 1) in TITLE_MODIFIERS or doc.tokens[first - 1].pos == "ADJ"
    ):
        first -= 1
    return first


def before_name(doc: Doc, name: list[int]) -> list[tuple[int, list[int]]]:
    """«полковника Анри Роль-Танги», «премьер-министр Великобритании Уинстон Черчилль»."""
    first = name[0]
    sent_first = doc.sentences[doc.tokens[first].sent].first
    for title in range(first - 1, max(sent_first, first - 5) - 1, -1):
        if doc.tokens[title].pos == "PUNCT":
            return []
        if _is_title(doc, title):
            between = range(title + 1, first)
            # Everything between the title and the name must hang off the title («министр Великобритании»).
            if all(_under(doc, k, title) for k in between):
                return [(title, list(range(_modifiers(doc, title), first)))]
            return []
    return []


def _under(doc: Doc, index: int, top: int, limit: int = 6) -> bool:
    for _ in range(limit):
        index = doc.tokens[index].head
        if index == top:
            return True
        if index < 0:
            return False
    return False


def _same_case(a: str | None, b: str | None) -> bool:
    """Apposition agrees in case; animate accusative and genitive share their forms."""
    return a == b or {a, b} == {"Acc", "Gen"}


def appositive_before(doc: Doc, name: list[int]) -> list[tuple[int, list[int]]]:
    """«Представитель Свободной Франции в регионе, генерал Жак Шабан-Дельмас»."""
    found = before_name(doc, name)
    anchor = found[0][1][0] if found else name[0]  # the first word of «генерал Жак ...»
    comma = anchor - 1
    if comma < 1 or doc.tokens[comma].text != "," or doc.tokens[comma - 1].sent != doc.tokens[anchor].sent:
        return []
    head_word = found[0][0] if found else span_head(doc, name)
    if doc.tokens[head_word].rel == "appos" and 0 <= doc.tokens[head_word].head < comma:
        top = doc.tokens[head_word].head
    else:  # the phrase before the comma: climb from its last word while heads stay before the comma
        top = comma - 1
        for _ in range(32):  # parsers may leave cycles
            if not (0 <= doc.tokens[top].head < comma and doc.tokens[top].sent == doc.tokens[comma].sent):
                break
            top = doc.tokens[top].head
    a, b = doc.tokens[head_word], doc.tokens[top]
    linked = a.head == top or (a.head == b.head and a.rel == b.rel)  # apposition, or parsed as twin subjects
    if _role_noun(doc, top) and linked and _same_case(a.feats.get("Case"), b.feats.get("Case")):
        below = set(subtree(doc, head_word))
        return [(top, _clip(doc, top, [i for i in subtree(doc, top) if i not in below and i < comma]))]
    # The parser hung the apposition elsewhere: take the nearest role noun of the same case
    # in the words just before the comma, up to a verb or punctuation.
    for k in range(comma - 1, max(comma - 6, 0) - 1, -1):
        token = doc.tokens[k]
        if token.pos in ("PUNCT", "VERB", "AUX") or token.sent != a.sent:
            break
        if _is_title(doc, k) and _same_case(token.feats.get("Case"), a.feats.get("Case")):
            return [(k, list(range(_modifiers(doc, k), comma)))]
    return []


def appositive_after(doc: Doc, name: list[int]) -> list[tuple[int, list[int]]]:
    """«Жоржа Бидо, председателя Национального Совета Сопротивления»."""
    after = name[-1] + 1
    if after + 1 >= len(doc.tokens) or doc.tokens[after].text != "," or doc.tokens[after].sent != doc.tokens[name[0]].sent:
        return []
    candidate = after + 1
    while candidate < len(doc.tokens) and doc.tokens[candidate].head == candidate + 1 and doc.tokens[candidate].pos == "ADJ":
        candidate += 1  # «, бывшего президента»
    if candidate >= len(doc.tokens) or not _role_noun(doc, candidate):
        return []
    head = span_head(doc, name)
    linked = doc.tokens[candidate].head in name or doc.tokens[head].head == candidate
    same_case = _same_case(doc.tokens[candidate].feats.get("Case"), doc.tokens[head].feats.get("Case"))
    if not (linked and same_case) or doc.tokens[candidate].rel not in _APPOSITIVE | {"amod"}:
        return []
    if any(doc.tokens[k].rel == "cc" for k in children(doc, candidate)):
        return []  # «Бидо, председателя и ...» reads as a list, not a title
    return [(candidate, _clip(doc, candidate, subtree(doc, candidate)))]


def as_role(doc: Doc, name: list[int]) -> list[tuple[int, list[int]]]:
    """«Генерал Эйзенхауэр, как командующий высадкой в Нормандии, направил ...»."""
    subject = span_head(doc, name)
    if doc.tokens[subject].rel == "appos" and doc.tokens[subject].head >= 0 and _is_title(doc, doc.tokens[subject].head):
        subject = doc.tokens[subject].head
    if doc.tokens[subject].rel != "nsubj":
        return []
    verb = doc.tokens[subject].head
    out = []
    tree = tree_of(doc)
    for role in tree(verb):
        kids = tree(role)
        marker = _modifiers(doc, role) - 1
        if _role_noun(doc, role) and marker in kids and _lemma(doc, marker) == "как":
            body = [i for i in tree.subtree(role) if _lemma(doc, i) != "как"]
            out.append((role, _clip(doc, role, body)))
    return out


RULES: list[tuple[str, Callable[[Doc, list[int]], list[tuple[int, list[int]]]]]] = [
    ("before_name", before_name),
    ("appositive_before", appositive_before),
    ("appositive_after", appositive_after),
    ("as_role", as_role),
]


def _title_text(doc: Doc, head: int, indices: list[int]) -> str:
    text = phrase_normal(doc, indices, head=head)
    first = doc.tokens[indices[0]]
    if first.text[:1].isupper() and _lemma(doc, indices[0]) == _lemma(doc, indices[0]).lower():
        sentence_initial = indices[0] == doc.sentences[first.sent].first
        if sentence_initial or _lemma(doc, indices[0]) in TITLES or first.text[1:2].islower():
            text = text[:1].lower() + text[1:] if not first.text.isupper() else text
    return text


def leading_titles(doc: Doc, name: list[int]) -> tuple[list[int], list[Title]]:
    """Title words the recogniser left inside a name («генерал Жак Шабан-Дельмас») split off."""
    titles = []
    while len(name) > 1 and _is_title(doc, name[0]) and doc.tokens[name[0]].pos != "PROPN":
        token = doc.tokens[name[0]]
        titles.append(Title(_title_text(doc, name[0], [name[0]]), token.start, token.end, "inside_name"))
        name = name[1:]
    return name, titles


def person_titles(doc: Doc, name: list[int]) -> list[Title]:
    """Every title the rules find for the person named by the tokens `name`."""
    out: list[Title] = []
    seen: set[tuple[int, int]] = set()
    for rule_name, rule in RULES:
        for head, indices in rule(doc, name):
            if not indices or set(indices) & set(name):
                continue
            start, end = doc.tokens[indices[0]].start, doc.tokens[indices[-1]].end
            if (start, end) in seen:
                continue
            seen.add((start, end))
            out.append(Title(_title_text(doc, head, indices), start, end, rule_name))
            doc.note("entities", f"title.{rule_name}", start, end, person=doc.text[doc.tokens[name[0]].start : doc.tokens[name[-1]].end])
    return out
