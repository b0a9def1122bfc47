"""Factuality: whether an event happened (negation, modality, intention, reported failure).

- negated: «не» on the trigger or on a verb folded into it;
- intended: governed by a verb or noun of ordering, planning, requesting or calling;
- hypothetical: under «бы» or a condition; uncertain: hedged («возможно», «якобы»);
- unrealized: intended, and a later clause says it did not come about
  («... приказ уничтожить мосты. Но этого не произошло»);
- intended, as a goal: the subject of a goal or a plan named as the predicate
  («целью заговора было свержение самодержавия»);
- hypothetical, as a prediction: a verb in the future tense in a character's direct speech
  («– Завтра его убьют, – сказал он»).
"""

from __future__ import annotations

from ..doc import Doc, Event
from ..lang.ru import events as lex
from ..index import tree

# Relations through which a governor's intention reaches what it governs: its complements.
INTENT_PATHS = {"xcomp", "acl", "obl", "nmod", "obj", "ccomp"}
TOPIC_PREPOSITIONS = {"о", "об", "обо", "к", "на"}
CONTRAST = {"но", "однако", "а", "тем не менее"}


def _has_child(doc: Doc, kids: dict[int, list[int]], index: int, lemmas: set[str]) -> int | None:
    for child in kids.get(index, ()):
        if doc.tokens[child].lemma in lemmas:
            return child
    return None


def _intending_governor(doc: Doc, event: Event) -> int | None:
    """The governor that intends the event: its direct head, when the event is that head's
    complement («приказ уничтожить», «просил о переброске», «призыв к мобилизации»)."""
    token = doc.tokens[event.head]
    head = token.head
    if head < 0 or token.rel.split(":")[0] not in INTENT_PATHS:
        return None
    if doc.tokens[head].lemma in lex.INTENT:
        return head
    # «просил командование о переброске»: a topic phrase may hang one noun lower.
    above = doc.tokens[head].head
    if above >= 0 and doc.tokens[head].pos == "NOUN" and doc.tokens[above].lemma in lex.INTENT:
        kids = tree(doc).of_sentence(token.sent)
        if any(doc.tokens[c].rel == "case" and doc.tokens[c].lemma in TOPIC_PREPOSITIONS for c in kids.get(event.head, ())):
            return above
    return None


def _goal_predicate(doc: Doc, event: Event) -> int | None:
    """«целью было свержение»: the event is the subject of a noun of intention as predicate."""
    token = doc.tokens[event.head]
    head = token.head
    if head < 0 or token.rel.split(":")[0] != "nsubj":
        return None
    governor = doc.tokens[head]
    return head if governor.pos == "NOUN" and governor.lemma in lex.INTENT else None


DASHES = ("–", "—")  # a line of dialogue opens with a dash


def _predicted_in_speech(doc: Doc, event: Event) -> bool:
    """A future-tense verb on a line of dialogue or inside quotes: what a character foresees."""
    token = doc.tokens[event.head]
    if token.pos != "VERB" or token.feats.get("Tense") != "Fut":
        return False
    line = doc.text[doc.text.rfind("\n", 0, token.start) + 1 : token.start].lstrip()
    if line.startswith(DASHES):
        return True
    before = doc.text[doc.sentences[event.sentence].start : token.start]
    return before.count("«") > before.count("»") or before.count("“") > before.count("”")


def _failures(doc: Doc, sentence: int, kids: dict[int, list[int]]) -> list[int]:
    """Token indices of verbs that report a failure («не произошло», «не привело к ...»)."""
    found = []
    sent = doc.sentences[sentence]
    for index in range(sent.first, sent.last):
        token = doc.tokens[index]
        for pattern in lex.FAILURE:
            if token.lemma != pattern[-1]:
                continue
            if len(pattern) == 2 and _has_child(doc, kids, index, {pattern[0]}) is None:
                continue
            found.append(index)
    return found


def _refers_back(doc: Doc, kids: dict[int, list[int]], verb: int) -> bool:
    """The failure verb speaks of something said before: «этого не произошло», «однако это ...»."""
    for child in kids.get(verb, ()):
        token = doc.tokens[child]
        if token.lemma in lex.ANAPHORIC_OBJECTS and token.rel.split(":")[0] in {"nsubj", "obj", "obl"}:
            return True
        if token.rel == "cc" and token.lemma in CONTRAST:
            return True
    return False


def assess(doc: Doc) -> None:
    by_sentence: dict[int, list[Event]] = {}
    for event in doc.events:
        by_sentence.setdefault(event.sentence, []).append(event)
    for sentence, events in by_sentence.items():
        kids = tree(doc).of_sentence(sentence)
        for event in events:
            for carrier in event.carrier_tokens():
                negator = _has_child(doc, kids, carrier, lex.NEGATORS)
                if negator is not None:
                    event.factuality = "negated"
                    doc.note("factuality", "negation", doc.tokens[negator].start, doc.tokens[negator].end, event=event.id)
                    break
                if _has_child(doc, kids, carrier, lex.HYPOTHETICAL) is not None:
                    event.factuality = "hypothetical"
                    doc.note("factuality", "hypothetical", doc.tokens[carrier].start, doc.tokens[carrier].end, event=event.id)
                    break
                if _has_child(doc, kids, carrier, lex.HEDGE) is not None:
                    event.factuality = "uncertain"
                    doc.note("factuality", "hedge", doc.tokens[carrier].start, doc.tokens[carrier].end, event=event.id)
                    break
            if event.factuality != "actual":
                continue
            if _predicted_in_speech(doc, event):
                event.factuality = "hypothetical"
                doc.note("factuality", "prediction_in_speech", event.trigger.start, event.trigger.end, event=event.id)
                continue
            governor = _intending_governor(doc, event)
            if governor is None:
                governor = _goal_predicate(doc, event)
            if governor is not None:
                event.factuality = "intended"
                event.intended_by = doc.tokens[governor].text
                doc.note("factuality", "intended_by_governor", doc.tokens[governor].start, doc.tokens[governor].end, event=event.id)
        _share_with_conjuncts(doc, events)
    _mark_unrealized(doc, by_sentence)


def _share_with_conjuncts(doc: Doc, events: list[Event]) -> None:
    """«приказ уничтожить мосты и подавить сопротивление»: conjuncts share the intention."""
    at = {event.head: event for event in events}
    for event in events:
        token = doc.tokens[event.head]
        first = at.get(token.head)
        if token.rel == "conj" and first is not None and first.factuality == "intended" and event.factuality == "actual":
            event.factuality = "intended"
            event.intended_by = first.intended_by
            doc.note("factuality", "intended_conjunct", token.start, token.end, event=event.id)


def _mark_unrealized(doc: Doc, by_sentence: dict[int, list[Event]]) -> None:
    for sentence in range(len(doc.sentences)):
        kids = tree(doc).of_sentence(sentence)
        for verb in _failures(doc, sentence, kids):
            if not _refers_back(doc, kids, verb):
                continue
            start = doc.tokens[verb].start
            here = [e for e in by_sentence.get(sentence, []) if e.trigger.end <= start and e.factuality == "intended"]
            targets = here or [e for e in by_sentence.get(sentence - 1, []) if e.factuality == "intended"]
            for event in targets:
                event.factuality = "unrealized"
                event.unrealized_evidence = doc.span(doc.tokens[verb].start, doc.tokens[verb].end)
                doc.note("factuality", "reported_failure", doc.tokens[verb].start, doc.tokens[verb].end, event=event.id)


class FactualityStage:
    name = "factuality"
    requires = ("tokens", "sentences", "morph", "syntax", "events")
    assigns = ("factuality",)

    def __call__(self, doc: Doc) -> Doc:
        assess(doc)
        return doc
