"""The relations stage: order and causes between events, sentence by sentence.

The rules live in `order` and `causes`; this stage runs them in one pass over the
sentences, so that `Doc.relations` lists each sentence's relations together (its gerunds'
order, then its causes, then the connective that ties it to the sentence before).
"""

from __future__ import annotations

from ..doc import Doc, Event
from ..index import carrier_index, tree
from . import cause_pairs, causes, order
from .cause_pairs import CauseModel


class RelationsStage:
    """`cause_model` scores the causes inside a sentence (`cause_pairs.CauseModel`); None
    takes the shipped one, when there is one. `learnt_causes=False` keeps to the rules."""

    name = "relations"
    requires = ("tokens", "sentences", "morph", "syntax", "mentions", "events", "factuality", "roles", "time_links", "coreference")
    assigns = ("relations", "causes")

    def __init__(self, cause_model: CauseModel | None = None, learnt_causes: bool = True):
        self.cause_model = cause_model
        self.learnt_causes = learnt_causes

    def _scorer(self) -> CauseModel | None:
        if not self.learnt_causes:
            return None
        return self.cause_model if self.cause_model is not None else cause_pairs.model()

    def __call__(self, doc: Doc) -> Doc:
        scorer = self._scorer()
        owner = carrier_index(doc)
        order.departure_before_return(doc)
        by_sentence: dict[int, list[Event]] = {}
        for event in doc.events:
            by_sentence.setdefault(event.sentence, []).append(event)
        previous: Event | None = None
        mentions = cause_pairs.mention_types(doc)
        for sentence in range(len(doc.sentences)):
            kids = tree(doc).of_sentence(sentence)
            events = by_sentence.get(sentence, [])
            for event in events:
                order.gerund_order(doc, owner, event)
            causes.causal_verbs(doc, owner, sentence, kids, events)
            causes.causal_prepositions(doc, owner, sentence)
            if events and scorer is not None:
                causes.learnt_causes(doc, sentence, kids, events, mentions, scorer)
            main = order.main_event(doc, owner, sentence, events)
            order.connectives(doc, sentence, main, previous)
            previous = main or previous
        order.anchor_order(doc)
        return doc
