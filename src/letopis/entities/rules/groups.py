"""Groups of people: nationalities and demonyms («немцы», «парижане»), collective actors
(«парижские полицейские», «повстанцы»), and an organisation's people («Исследователи …»)."""

from __future__ import annotations

from ...adapters import natasha
from ...doc import Doc, Mention, Token
from ...lang.ru.demonyms import (
    COLLECTIVE_ACTORS, COLLECTIVE_ROLES, DEMONYM_ENDINGS, DEMONYMS, GROUP_ADJECTIVES, NATIONALITIES,
    NATIONALITY_ADJECTIVE_SUFFIXES,
)
from ...index import tree as tree_of
from ..forms import PROPER_MARKS
from ..tree import mention_tokens, span_head
from .common import folded_lemma, make_mention, noun_reading, plural_noun


def _is_demonym(token: Token) -> bool:
    lemma = noun_reading(token) or folded_lemma(token)
    return lemma in DEMONYMS or (lemma.endswith(DEMONYM_ENDINGS) and token.feats.get("Animacy") == "Anim")


def peoples(doc: Doc) -> list[Mention]:
    """Plural nationality and demonym nouns: «немцы», «парижане», «англичан»."""
    out = []
    for i, token in enumerate(doc.tokens):
        if not plural_noun(token):
            continue
        lemma = noun_reading(token) or ""
        if lemma in NATIONALITIES:
            out.append(make_mention(doc, i, i, "GROUP", "NATIONALITY"))
        elif _is_demonym(token):
            out.append(make_mention(doc, i, i, "GROUP"))
    return out


def _place_adjective(token: Token) -> bool:
    if token.pos != "ADJ":
        return False
    lemma = folded_lemma(token)
    return lemma.endswith(NATIONALITY_ADJECTIVE_SUFFIXES) or lemma in GROUP_ADJECTIVES


def collectives(doc: Doc) -> list[Mention]:
    """Collective actors: «парижские полицейские», «немецкие солдаты», «повстанцы»."""
    out = []
    tree = tree_of(doc)
    for i, token in enumerate(doc.tokens):
        lemma = noun_reading(token)
        if lemma is None or lemma in NATIONALITIES:
            continue
        if lemma in COLLECTIVE_ROLES:
            adjectives = [k for k in tree(i) if k < i and doc.tokens[k].rel == "amod" and _place_adjective(doc.tokens[k])]
            if adjectives:
                out.append(make_mention(doc, min(adjectives), i, "GROUP"))
                continue
        if lemma in COLLECTIVE_ACTORS:
            out.append(make_mention(doc, i, i, "GROUP"))
    return out


def members(doc: Doc) -> list[Mention]:
    """The people of an organisation are a group, not the organisation. «Исследователи
    Брукхейвенской национальной лаборатории» opening a sentence reads to the recogniser as
    one organisation's name, but its head is a plural animate common noun and the
    organisation, a mention of its own, is the genitive after it. «Свидетели Иеговы» and
    «Друзья культуры Азербайджана» stay organisations: nothing after their first word is one."""
    organisations = {(m.start, m.end) for m in doc.mentions if m.type == "ORGANIZATION"}
    out = []
    for m in doc.mentions:
        idx = mention_tokens(doc, m)
        if m.type != "ORGANIZATION" or len(idx) < 2 or span_head(doc, idx) != idx[0]:
            continue
        if (doc.tokens[idx[1]].start, m.end) in organisations and _people_noun(doc.tokens[idx[0]]):
            out.append(Mention(m.start, m.end, m.text, "GROUP", None, source="rule"))
    return out


def _people_noun(token: Token) -> bool:
    """A plural animate common noun: «исследователи», «сотрудники», «члены»."""
    readings = natasha.analyses(token.text.lower())
    best = readings[0] if readings else None
    return (best is not None and best.pos == "NOUN" and {"plur", "anim"} <= best.grammemes
            and not best.grammemes & PROPER_MARKS)
