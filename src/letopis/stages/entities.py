"""Entities: rule mentions, normal forms, titles, merging, pronoun links and places.

Runs, in order: type canonicalisation (a recogniser's CITY is a LOCATION with subtype
CITY), the rule table (`entities.rules`), normal forms (`entities.normalise`), titles
(`entities.titles`), places (`entities.geo`), one entity per referent
(`entities.merge`), then pronouns and zero subjects (`entities.coref`).
"""

from __future__ import annotations

from typing import Any

from ..adapters import natasha
from ..doc import Doc, Mention
from ..entities import coref, geo
from ..entities.forms import assign_forms
from ..entities.merge import MentionInfo, build_entities
from ..entities.normalise import (PLACE_OPTIONS, clean_word, gender_of, number_of, person_forms, person_normal, phrase_normal,
                                  shared_head)
from ..entities.rules import apply_rules
from ..entities.glued import unglue
from ..entities.types import persons_by_name, retype
from ..entities.titles import leading_titles, person_titles
from ..entities.tree import mention_tokens, span_head
from ..lang.ru.facilities import FACILITY_NOUNS

ENTITY_TYPES = ("PERSON", "ORGANIZATION", "LOCATION", "FACILITY", "GROUP")
# A role named without a name («президент подписал указ», «министр обороны уволил ...») is the
# actor the text gives: an entity of this type named by the role. Like a group, it stands for
# the office, so the same role merges across documents by its name.
ROLE = "PROFESSION"
# Recogniser types that are subtypes of ours (NEREL's inventory).
_AS_SUBTYPE: dict[str, tuple[str, str]] = {
    "CITY": ("LOCATION", "CITY"),
    "COUNTRY": ("LOCATION", "COUNTRY"),
    "REGION": ("LOCATION", "REGION"),
    "STATE_OR_PROVINCE": ("LOCATION", "REGION"),
    "DISTRICT": ("LOCATION", "DISTRICT"),
    "NATIONALITY": ("GROUP", "NATIONALITY"),
}


def _canonical(doc: Doc) -> None:
    for m in doc.mentions:
        if m.type in _AS_SUBTYPE:
            m.type, subtype = _AS_SUBTYPE[m.type]
            m.subtype = m.subtype or subtype


def _normal(doc: Doc, m: Mention, tokens: list[int], attested: frozenset[str] = frozenset()) -> str:
    if m.type == "PERSON":
        return person_normal(doc, tokens, attested)
    if m.type == "ORGANIZATION" and (shared := shared_head(doc, tokens)):
        doc.note("entities", "shared_head", m.start, m.end, normal=shared)
        return shared
    text = phrase_normal(doc, tokens, options=PLACE_OPTIONS if m.type == "LOCATION" else None)
    first = doc.tokens[tokens[0]]
    opening = tokens[0] == doc.sentences[first.sent].first and not first.text.isupper()
    common = m.type in ("GROUP", ROLE) or (m.type == "FACILITY" and (first.lemma or "").lower() in FACILITY_NOUNS)
    if opening and common:
        text = text[:1].lower() + text[1:]  # «Немцы запретили ...» names the group «немцы», «Президент ...» the role
    return text


def _role_holders(doc: Doc, infos: dict[int, MentionInfo]) -> dict[int, MentionInfo]:
    """Roles the text names without a person: the outermost role mentions that are no
    person's title and overlap no person's name («генерал Петров» is Петров, titled).

    Spans are compared within their sentence only, so a long text stays linear."""
    taken: dict[int, list[tuple[int, int]]] = {}  # sentence -> titles and person names
    names: dict[int, list[tuple[int, int]]] = {}  # sentence -> mentions that are entities already
    roles: dict[int, list[tuple[int, int]]] = {}  # sentence -> role mentions
    for info in infos.values():
        for t in info.attributes.get("title_mentions", []):
            taken.setdefault(doc.sentence_at(t["start"]), []).append((t["start"], t["end"]))
    for k, m in enumerate(doc.mentions):
        sentence = doc.sentence_at(m.start)
        if m.type == "PERSON":
            taken.setdefault(sentence, []).append((m.start, m.end))
        if k in infos:
            names.setdefault(sentence, []).append((m.start, m.end))
        if m.type == ROLE and m.source != "pronoun":
            roles.setdefault(sentence, []).append((m.start, m.end))
    found: dict[int, MentionInfo] = {}
    for k, m in enumerate(doc.mentions):
        if m.type != ROLE or m.source == "pronoun":
            continue
        sentence = doc.sentence_at(m.start)
        if any(a < m.end and m.start < b for a, b in taken.get(sentence, ())):
            continue
        if any(a <= m.start and m.end <= b for a, b in names.get(sentence, ())):
            continue  # «полицейские» of the group «парижские полицейские»
        if any(a <= m.start and m.end <= b and (a, b) != (m.start, m.end) for a, b in roles[sentence]):
            continue  # «министр» inside «министр обороны»
        tokens = mention_tokens(doc, m)
        if not tokens or doc.tokens[span_head(doc, tokens)].pos != "NOUN":
            continue  # «полицейские репрессии»: a role's adjective names no one
        m.normal = _normal(doc, m, tokens)
        found[k] = MentionInfo(m.normal, None, {"_gender": gender_of(doc, tokens, True), "_number": number_of(doc, tokens)})
        doc.note("entities", "role_holder", m.start, m.end, normal=m.normal)
    return found


_NAME_RELATIONS = ("appos", "flat", "flat:name", "flat:foreign")


def _facility_name(doc: Doc, m: Mention, facilities: list[list[int]]) -> bool:
    """Whether the place mention `m` is a facility's own name standing beside its noun
    («газовый завод Ла-Виллет»), rather than a place in the genitive («больница Финикса»)."""
    tokens = mention_tokens(doc, m)
    if not tokens:
        return False
    head = doc.tokens[span_head(doc, tokens)]
    return head.rel in _NAME_RELATIONS and head.feats.get("Case") != "Gen" and any(
        f[0] < tokens[0] and tokens[-1] == f[-1] and head.head in f for f in facilities
    )


def _without_facility_names(doc: Doc, infos: dict[int, MentionInfo], unknown: set[int]) -> dict[int, MentionInfo]:
    """Drop place mentions that only name a facility and that the gazetteer does not know
    as places: «Ла-Виллет» of «газовый завод Ла-Виллет» is not a town of its own, while
    «Казань» of «аэропорт Казань» stays the city. Returns `infos` re-keyed to the kept mentions."""
    facilities = [mention_tokens(doc, m) for m in doc.mentions if m.type == "FACILITY"]
    drop = {k for k in unknown if _facility_name(doc, doc.mentions[k], facilities)}
    if not drop:
        return infos
    for k in sorted(drop):
        m = doc.mentions[k]
        doc.note("entities", "facility_name", m.start, m.end, dropped=m.text)
    kept = [k for k in range(len(doc.mentions)) if k not in drop]
    renumber = {old: new for new, old in enumerate(kept)}
    doc.mentions[:] = [doc.mentions[k] for k in kept]
    return {renumber[k]: info for k, info in infos.items() if k in renumber}


class EntityStage:
    name = "entities"
    requires = ("tokens", "sentences", "morph", "syntax", "mentions")
    assigns = ("entities",)

    def __call__(self, doc: Doc) -> Doc:
        _canonical(doc)
        apply_rules(doc)
        unglue(doc)
        retype(doc)
        infos: dict[int, MentionInfo] = {}
        locations: list[int] = []
        attested = person_forms(doc)
        for k, m in enumerate(doc.mentions):
            if m.type not in ENTITY_TYPES or m.source == "pronoun":
                continue
            tokens = mention_tokens(doc, m)
            if not tokens:
                continue
            attributes: dict[str, Any] = {}
            if m.type == "PERSON":
                tokens, titles = leading_titles(doc, tokens)
                titles += person_titles(doc, tokens)
                if titles:
                    attributes["titles"] = [t.title for t in titles]
                    attributes["title_mentions"] = [{**t.record(), "doc": doc.id} for t in titles]
            if m.type == "LOCATION" and all(doc.tokens[i].pos == "ADJ" for i in tokens):
                # A place adjective («парижские», «германской») is a mention of the place itself.
                found = geo.adjective_place(doc.tokens[tokens[-1]].lemma or doc.tokens[tokens[-1]].text)
                doc.note("entities", "place_adjective", m.start, m.end, place=found[0] if found else None)
                if found is None:
                    continue
                m.normal = found[0]
            else:
                m.normal = _normal(doc, m, tokens, attested)
                if m.type == "LOCATION" and len(tokens) == 1:
                    word = clean_word(doc.tokens[tokens[0]].text)
                    lemmas = [a.lemma for a in natasha.analyses(word) if "Geox" in a.grammemes]
                    known = geo.known_form(word, lemmas, m.normal)
                    if known and known != m.normal:
                        doc.note("entities", "known_place_form", m.start, m.end, was=m.normal, normal=known)
                        m.normal = known
            # Grammatical agreement, for pronouns; internal (the chronology drops `_` keys).
            attributes["_gender"] = gender_of(doc, tokens, m.type == "PERSON")
            attributes["_number"] = "Sing" if m.type == "PERSON" else number_of(doc, tokens)
            if m.type == "GROUP":
                attributes["_number"] = "Plur"
            if m.ref:
                attributes["ref"] = m.ref  # the identifier the source's markup gives it
            infos[k] = MentionInfo(m.normal, None, attributes)
            doc.note("entities", "normal", m.start, m.end, normal=m.normal, head=doc.tokens[span_head(doc, tokens)].text)
            if m.type == "LOCATION":
                locations.append(k)
        for k in persons_by_name(doc, {k: info.normal for k, info in infos.items()}):
            m = doc.mentions[k]
            m.type, m.subtype = "PERSON", None
            locations.remove(k)
            infos[k].attributes["_number"] = "Sing"
        places = geo.resolve([(doc.mentions[k].normal, doc.mentions[k].subtype) for k in locations])
        for k, (place, why) in zip(locations, places):
            m = doc.mentions[k]
            doc.note("entities", "geo", m.start, m.end, place=place.id if place else None, why=why)
            if place is not None:
                infos[k].place = place.id
                infos[k].attributes["geo"] = geo.record(place)
                # The gazetteer knows the kind of place better than a recogniser's guess,
                # unless the two agree («DISTRICT» of a city stays a district).
                if not geo.compatible(m.subtype, place.kind):
                    m.subtype = geo.SUBTYPE_FOR_KIND.get(place.kind, m.subtype)
        unknown = {k for k, (place, _) in zip(locations, places) if place is None}
        infos = _without_facility_names(doc, infos, unknown)
        infos.update(_role_holders(doc, infos))
        build_entities(doc, infos)
        coref.link_pronouns(doc)
        coref.zero_subjects(doc)
        assign_forms(doc)  # a name, a place adjective, a descriptor or a pronoun
        return doc
