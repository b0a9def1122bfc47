"""Pronouns and zero subjects linked to the persons, organisations and groups they stand for.

Third-person pronouns («он», «им», «её», «они», possessive «его») go to the most salient
earlier entity that agrees in gender and number: nearer sentences first, subjects and
persons preferred, co-arguments of the same verb excluded. «который» goes to the noun
its clause modifies. Each link is a `Mention(source="pronoun")` whose `evidence` says why.

`subject_of` answers who does what a verb says when the clause names no subject:
a gerund («Отправившись в Лондон, он ...») and coordinated verbs share the main verb's
subject, a participle belongs to the noun it modifies, and a finite verb with no subject
continues the previous sentence's subject if they agree.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from ..doc import Doc, Entity, Mention
from ..lang.ru.names import POSSESSIVES, PRONOUNS, RELATIVE_PRONOUNS
from ..index import MentionsOver, tree
from ..syntax_tree import Children
from .tree import mention_tokens, span_head, subtree

ANTECEDENT_TYPES = ("PERSON", "ORGANIZATION", "GROUP")
WINDOW = 3  # sentences back to look for an antecedent
_SUBJECT_RELS = ("nsubj", "nsubj:pass")
_NAME_RELS = ("appos", "flat", "flat:name", "flat:foreign")


@dataclass(slots=True)
class _Candidate:
    entity: Entity
    token: int  # head token of the mention
    sentence: int
    end: int
    subject: bool


def _climb_name(doc: Doc, token: int) -> int:
    """From a name's head up through appositions («генерал Жак ...») to the phrase's head."""
    for _ in range(16):  # parsers may leave cycles
        if doc.tokens[token].rel not in _NAME_RELS or doc.tokens[token].head < 0:
            break
        token = doc.tokens[token].head
    return token


def is_subject(doc: Doc, token: int) -> bool:
    return doc.tokens[_climb_name(doc, token)].rel in _SUBJECT_RELS


def _agrees(entity: Entity, gender: str | None, number: str) -> bool:
    e_number = entity.attributes.get("_number", "Sing")
    if number == "Plur":
        return e_number == "Plur"
    if e_number == "Plur":
        return False
    e_gender = entity.attributes.get("_gender")
    return gender is None or e_gender is None or e_gender == gender


def _features(doc: Doc, index: int) -> tuple[str | None, str] | None:
    token = doc.tokens[index]
    lemma = (token.lemma or "").lower()
    if token.pos == "PRON" and lemma in PRONOUNS and token.feats.get("Person", "3") == "3":
        gender, number = PRONOUNS[lemma]
        return token.feats.get("Gender", gender) if number == "Sing" else None, token.feats.get("Number", number)
    if token.pos == "DET" and token.text.lower() in POSSESSIVES:
        return POSSESSIVES[token.text.lower()]
    return None


def _co_arguments(doc: Doc, pronoun: int, candidate: int) -> bool:
    """«Иван увидел его»: a plain pronoun never names its own verb's other argument."""
    p, c = doc.tokens[pronoun], doc.tokens[_climb_name(doc, candidate)]
    return p.pos == "PRON" and p.head >= 0 and p.head == c.head


def _score(doc: Doc, pronoun: int, c: _Candidate) -> float:
    distance = doc.tokens[pronoun].sent - c.sentence
    score = -2.0 * distance + (1.5 if c.subject else 0.0)
    if c.entity.type == "PERSON":
        score += 1.0
    return score + c.end / 1e9  # later mentions win ties


def _relative(doc: Doc, index: int, owner: dict[int, str], entities: dict[str, Entity]) -> tuple[Entity, str] | None:
    """«полковника Анри Роль-Танги, который посчитал ...» → the noun the clause modifies."""
    clause = doc.tokens[index].head
    if clause < 0 or not doc.tokens[clause].rel.startswith("acl"):
        return None
    noun = doc.tokens[clause].head
    if noun < 0:
        return None
    named = [t for t in subtree(doc, noun) if t in owner and t < index]
    if not named:
        return None
    token = max(named)  # the name nearest before «который»
    return entities[owner[token]], f"«который» opens a clause on «{doc.tokens[token].text}»"


class _ByEnd:
    """Candidates in a list sorted by end offset, found by a range of ends."""

    def __init__(self, items: list[_Candidate]):
        self.items = items
        self.ends = [c.end for c in items]

    def append(self, c: _Candidate) -> None:
        self.items.append(c)
        self.ends.append(c.end)

    def between(self, low: int, high: int) -> list[_Candidate]:
        """Candidates with low < end <= high, in list order."""
        return self.items[bisect_right(self.ends, low) : bisect_right(self.ends, high)]


def link_pronouns(doc: Doc) -> list[int]:
    """Add a pronoun mention for every third-person pronoun with an antecedent; return their indices."""
    entities = {e.id: e for e in doc.entities}
    owner: dict[int, str] = {}  # head token -> entity id, for every mention so far
    candidates: list[_Candidate] = []
    for m in doc.mentions:
        if m.entity and m.type in ANTECEDENT_TYPES:
            idx = mention_tokens(doc, m)
            if idx:
                head = span_head(doc, idx)
                for t in idx:
                    owner.setdefault(t, m.entity)
                candidates.append(_Candidate(entities[m.entity], head, doc.tokens[head].sent, m.end, is_subject(doc, head)))
    candidates.sort(key=lambda c: c.end)
    named = _ByEnd(candidates)  # mentions, sorted by end
    linked = _ByEnd([])  # pronouns linked so far, appended in text order
    added: list[int] = []
    for index, token in enumerate(doc.tokens):
        found: tuple[Entity, str] | None = None
        if (token.lemma or "").lower() in RELATIVE_PRONOUNS:
            found = _relative(doc, index, owner, entities)
        else:
            features = _features(doc, index)
            if features is None:
                continue
            gender, number = features
            # Only candidates ending inside the window's sentences can qualify: a mention's
            # end lies after the start of the sentence its head is in.
            oldest = doc.tokens[doc.sentences[max(token.sent - WINDOW + 1, 0)].first].start
            pool = [
                c for c in (*named.between(oldest, token.start), *linked.between(oldest, token.start))
                if c.end <= token.start and token.sent - c.sentence < WINDOW
                and (c.subject or token.sent - c.sentence <= 1)  # further back, only subjects stay in focus
                and _agrees(c.entity, gender, number) and not _co_arguments(doc, index, c.token)
            ]
            if pool:
                best = max(pool, key=lambda c: _score(doc, index, c))
                why = [f"agrees ({gender or 'any'}/{number})"]
                if best.subject:
                    why.append("subject")
                if best.sentence < token.sent:
                    why.append(f"{token.sent - best.sentence} sentence(s) back")
                found = best.entity, f"antecedent «{doc.tokens[best.token].text}»: " + ", ".join(why)
        if found is None:
            continue
        entity, evidence = found
        mention = Mention(token.start, token.end, token.text, entity.type, entity.subtype, entity.name,
                          entity.id, source="pronoun", evidence=evidence)
        doc.mentions.append(mention)
        entity.mentions.append(len(doc.mentions) - 1)
        added.append(len(doc.mentions) - 1)
        owner[index] = entity.id
        linked.append(_Candidate(entity, index, token.sent, token.end, is_subject(doc, index)))
        doc.note("entities", "coref.pronoun", token.start, token.end, entity=entity.id, evidence=evidence)
    return added


@dataclass(slots=True)
class SubjectContext:
    """What `subject_of` looks things up in, built once per document."""

    kids: Children
    owners: MentionsOver
    entities: dict[str, Entity]

    @classmethod
    def of(cls, doc: Doc) -> "SubjectContext":
        entities: dict[str, Entity] = {}
        for e in doc.entities:
            entities.setdefault(e.id, e)
        return cls(tree(doc), MentionsOver(doc), entities)


def entity_at(doc: Doc, token: int, context: SubjectContext) -> str | None:
    """The entity a mention over `token` (or the name in apposition to it) belongs to."""
    for candidate in (token, *[k for k in context.kids(token) if doc.tokens[k].rel in _NAME_RELS]):
        best = context.owners.shortest_over(doc.tokens[candidate].start, doc.tokens[candidate].end)
        if best is not None:
            return best.entity
    return None


def agrees_with_verb(doc: Doc, verb: int, entity_id: str, context: SubjectContext) -> bool:
    entity = context.entities.get(entity_id)
    if entity is None:
        return False
    feats = doc.tokens[verb].feats
    return _agrees(entity, feats.get("Gender"), feats.get("Number", entity.attributes.get("_number", "Sing")))


def _main_subject(doc: Doc, sentence: int, context: SubjectContext) -> tuple[int, str] | None:
    """The root verb of a sentence and the entity of its subject."""
    sent = doc.sentences[sentence]
    for k in range(sent.first, sent.last):
        if doc.tokens[k].head == -1 and doc.tokens[k].rel == "root":
            found = subject_of(doc, k, _depth=1, _context=context)
            return (k, found[0]) if found else None
    return None


def subject_of(doc: Doc, verb: int, _depth: int = 0, _context: SubjectContext | None = None) -> tuple[str, str] | None:
    """(entity id, evidence) of whoever is the subject of the verb at token index `verb`, or None."""
    if _depth > 6 or verb < 0:
        return None
    context = _context or SubjectContext.of(doc)
    token = doc.tokens[verb]
    for k in context.kids(verb):
        if doc.tokens[k].rel in _SUBJECT_RELS:
            entity = entity_at(doc, k, context)
            return (entity, f"subject «{doc.tokens[k].text}»") if entity else None
    form, rel = token.feats.get("VerbForm"), token.rel
    if form == "Conv" and token.head >= 0:
        found = subject_of(doc, token.head, _depth + 1, context)
        return (found[0], f"gerund shares the subject of «{doc.tokens[token.head].text}»: {found[1]}") if found else None
    if form == "Part" and rel.startswith("acl") and token.head >= 0:
        entity = entity_at(doc, token.head, context)
        return (entity, f"participle modifies «{doc.tokens[token.head].text}»") if entity else None
    if rel == "conj" and token.head >= 0 and doc.tokens[token.head].pos == "VERB":
        found = subject_of(doc, token.head, _depth + 1, context)
        return (found[0], f"coordinated with «{doc.tokens[token.head].text}»: {found[1]}") if found else None
    if _depth == 0 and rel == "root" and form == "Fin" and token.sent > 0:
        previous = _main_subject(doc, token.sent - 1, context)
        if previous and agrees_with_verb(doc, verb, previous[1], context):
            return previous[1], f"zero subject continues the subject of «{doc.tokens[previous[0]].text}» in the previous sentence"
    return None


def zero_subjects(doc: Doc) -> None:
    """Record in the trace every finite or gerund verb whose subject comes from elsewhere."""
    context = SubjectContext.of(doc)
    for index, token in enumerate(doc.tokens):
        if token.pos != "VERB" or any(doc.tokens[k].rel in _SUBJECT_RELS for k in context.kids(index)):
            continue
        if token.feats.get("VerbForm") not in ("Fin", "Conv"):
            continue
        found = subject_of(doc, index, _context=context)
        if found:
            doc.note("entities", "coref.zero_subject", token.start, token.end, entity=found[0], evidence=found[1])
