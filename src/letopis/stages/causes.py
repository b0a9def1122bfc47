"""Causes between events, and causes or effects that name no event: causal verbs («привели
к тому, что»), causal prepositions («из-за забастовки») and the pair model learnt on NEREL
(`cause_pairs`). The rules of the relations stage (`stages/relations.py`). A cause or
effect that names no event («умер от сердечного приступа», «..., что усилило возможности
комбатантов») is kept on its event as `Event.causes` / `Event.effects` (`Phrase`s); every
relation and phrase keeps its evidence.
"""

from __future__ import annotations

from ..doc import Doc, Event, Phrase
from ..lang.ru import relations as lex
from ..syntax_tree import ancestors, subtree
from . import cause_pairs
from .cause_pairs import CauseModel
from .relate import known, relate


def _first_event(owner: dict[int, Event], tokens: list[int], skip: Event | None = None) -> Event | None:
    """The event heading a phrase: the highest trigger in it (the first in token order)."""
    for index in tokens:
        event = owner.get(index)
        if event is not None and event is not skip:
            return event
    return None


def causal_verbs(
    doc: Doc, owner: dict[int, Event], sentence: int, kids: dict[int, list[int]], events: list[Event]
) -> None:
    """«X привели к тому, что Y», «X ускорил Y»: the subject's event causes the complement's.
    When the complement names no event («..., что усилило возможности комбатантов»), the
    phrase is kept on the cause as `Event.effects`, with the verb as evidence."""
    sent = doc.sentences[sentence]
    for index in range(sent.first, sent.last):
        token = doc.tokens[index]
        if token.lemma not in lex.CAUSAL_VERBS:
            continue
        if token.lemma in lex.CAUSAL_ONLY_WITH_K and not _has_k_phrase(doc, kids, index):
            continue  # «привести в исполнение» carries out; «привести к» causes
        if any(doc.tokens[child].lemma in lex.NEGATIONS for child in kids.get(index, ())):
            continue  # «это не привело к результату» says there was no such effect
        cause = effect = None
        complement: int | None = None
        subject: int | None = None
        for child in kids.get(index, ()):
            rel = doc.tokens[child].rel.split(":")[0]
            phrase = subtree(kids, child)
            if rel == "nsubj":
                subject = child
                cause = _first_event(owner, phrase)
                if cause is None and doc.tokens[child].lemma in lex.RELATIVE_PRONOUNS:
                    cause = _antecedent(doc, owner, events, child, index)
            elif rel in {"obl", "obj", "ccomp", "xcomp"}:
                effect = effect or _first_event(owner, phrase)
                if rel == "obj" or (rel == "obl" and _has_k_phrase(doc, kids, index)):
                    complement = complement if complement is not None else child
        if effect is None and owner.get(index) not in (None, cause):
            effect = owner[index]  # the verb names the change itself
        syntactic_cause = cause
        if cause is None or effect is None or cause is effect:
            # The parse missed the subject or complement: the main event on each side.
            before = [e for e in events if e.head < index]
            after = [e for e in events if e.head > index]
            cause, effect = _shallowest(doc, before), _shallowest(doc, after)
        if cause is not None and effect is not None:
            relate(doc, "cause", cause, effect, token.start, token.end, "causal_verb")
        elif syntactic_cause is not None and complement is not None and doc.tokens[complement].pos == "NOUN":
            _keep_phrase(doc, kids, syntactic_cause, "effects", complement, index)
        elif cause is None and effect is not None and subject is not None and doc.tokens[subject].pos == "NOUN":
            _keep_phrase(doc, kids, effect, "causes", subject, index)


def _antecedent(doc: Doc, owner: dict[int, Event], events: list[Event], pronoun: int, verb: int) -> Event | None:
    """The event a relative subject stands for. «..., что усилило ...» after a comma stands
    for the whole clause before it: that clause's last event. «забастовка, которая
    усилила ...» stands for the noun its clause is attached to."""
    token = doc.tokens[pronoun]
    after_comma = pronoun > 0 and doc.tokens[pronoun - 1].text == ","
    if token.lemma in lex.CLAUSE_PRONOUNS and after_comma:
        prior = [e for e in events if e.head < pronoun]
        return max(prior, key=lambda e: e.head, default=None)
    head = doc.tokens[verb].head
    return owner.get(head) if head >= 0 else None


def _keep_phrase(doc: Doc, kids: dict[int, list[int]], event: Event, key: str, noun: int, verb: int) -> None:
    """A causal verb's side that names no event is kept on the event of the other side as
    `Event.causes` or `Event.effects` (`key`), with the verb as evidence: «Листовки ...
    привели к тому, что жители вышли» (a cause of «вышли»), «..., что усилило возможности
    комбатантов» (an effect of what came before)."""
    start, end = cause_pairs.phrase(doc, kids, noun)
    verb_token = doc.tokens[verb]
    text, side = doc.text[start:end], key.removesuffix("s")
    phrases = event.causes if key == "causes" else event.effects
    phrases.append(Phrase(start, end, text, doc.span(verb_token.start, verb_token.end)))
    doc.note("relations", f"causal_verb_{side}_phrase", verb_token.start, verb_token.end, event=event.id, **{side: text})


def _depth(doc: Doc, index: int) -> int:
    return sum(1 for _ in ancestors(doc, index))


def _shallowest(doc: Doc, events: list[Event]) -> Event | None:
    """The event highest in the tree (then the first in the text): a phrase's main event."""
    unique = {e.id: e for e in events}.values()
    return min(unique, key=lambda e: (_depth(doc, e.head), e.head), default=None)


def _has_k_phrase(doc: Doc, kids: dict[int, list[int]], index: int) -> bool:
    for child in kids.get(index, ()):
        if any(doc.tokens[c].rel == "case" and doc.tokens[c].lemma == "к" for c in kids.get(child, ())):
            return True
    return False


def causal_prepositions(doc: Doc, owner: dict[int, Event], sentence: int) -> None:
    """«из-за забастовки», «в результате восстания»: the noun's event causes its head's."""
    sent = doc.sentences[sentence]
    text = doc.text
    for index in range(sent.first, sent.last):
        token = doc.tokens[index]
        event = owner.get(index)
        if event is None or token.head < 0:
            continue
        head_event = owner.get(token.head)
        if head_event is None:
            continue
        before = text[max(sent.start, token.start - 24) : token.start].lower()
        for phrase in lex.CAUSAL_PREPOSITIONS:
            if before.rstrip().endswith(phrase):
                start = token.start - len(before) + before.rfind(phrase)
                relate(doc, "cause", event, head_event, start, token.end, "causal_preposition")
                break


def learnt_causes(
    doc: Doc, sentence: int, kids: dict[int, list[int]], events: list[Event], mentions: dict[int, str],
    scorer: CauseModel,
) -> None:
    """Causes the pair model finds (`cause_pairs`): another event becomes a `cause`
    relation; a phrase that names no event («от сердечного приступа», «за мошенничество»)
    is kept on the effect as `Event.causes`, each with its span and evidence."""
    for found in cause_pairs.best_causes(doc, sentence, kids, events, scorer, mentions):
        start, end = found.evidence
        if found.cause is not None:
            if not known(doc, "cause", found.effect, found.cause):
                relate(doc, "cause", found.cause, found.effect, start, end, "cause_model")
            continue
        text = doc.text[found.span[0] : found.span[1]]
        found.effect.causes.append(
            Phrase(found.span[0], found.span[1], text, doc.span(start, end), round(found.probability, 3))
        )
        doc.note("relations", "cause_model_phrase", start, end, event=found.effect.id, cause=text)
