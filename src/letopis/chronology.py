"""The chronology: typed records that serialise to the `letopis.chronology/1` contract.

`build(docs)` turns analysed documents into one chronology: entities unified across
documents, every mention, timex and event with its document and offsets, events in
chronological order (ties keep narrative order).
"""

from __future__ import annotations

import json
from typing import Any

from .contract import (  # noqa: F401  (the records, re-exported for `letopis.chronology` users)
    SCHEMA,
    CalendarRecord,
    Chronology,
    DocumentRecord,
    EntityRecord,
    EventRecord,
    EvidenceRecord,
    MentionRecord,
    OffsetsRecord,
    ParticipantRecord,
    PhraseRecord,
    RelationRecord,
    TimeRecord,
    TimexRecord,
    TriggerRecord,
)
from .doc import Doc, Entity, Phrase
from .index import tokens_inside
from .placement import placement


def _unify(docs: list[Doc]) -> tuple[list[Entity], dict[tuple[str, str], str]]:
    """Corpus entities and the map (doc id, local id) -> corpus id."""
    try:
        from .entities.merge import unify
    except ImportError:
        unify = None
    if unify is not None:
        return unify(docs)
    corpus: list[Entity] = []
    mapping: dict[tuple[str, str], str] = {}
    for doc in docs:
        for entity in doc.entities:
            corpus_id = f"E{len(corpus) + 1}"
            mapping[(doc.id, entity.id)] = corpus_id
            corpus.append(Entity(corpus_id, entity.type, entity.name, entity.subtype, list(entity.aliases), [], dict(entity.attributes)))
    return corpus, mapping


def _entity_records(docs: list[Doc]) -> tuple[list[EntityRecord], dict[tuple[str, str], str]]:
    corpus, mapping = _unify(docs)
    records = {e.id: EntityRecord(e.id, e.type, e.subtype, e.name, list(e.aliases), [], _plain(e.attributes)) for e in corpus}
    for doc in docs:
        for mention in doc.mentions:
            if mention.entity is None:
                continue
            corpus_id = mapping.get((doc.id, mention.entity))
            if corpus_id in records:
                records[corpus_id].mentions.append(
                    MentionRecord(doc.id, mention.start, mention.end, mention.text, mention.form,
                                  span_lemma(doc, mention.start, mention.end))
                )
    kept = [r for r in records.values() if r.mentions]
    for record in kept:
        record.mentions.sort(key=lambda m: (m.doc, m.start))
    return kept, mapping


def with_doc_id(value: Any, old: str, new: str) -> Any:
    """`value` (entity attributes: dicts and lists) with every `"doc": old` set to `new`,
    as when a document analysed under one id is renamed (title mentions carry their doc)."""
    if isinstance(value, dict):
        return {k: (new if k == "doc" and v == old else with_doc_id(v, old, new)) for k, v in value.items()}
    if isinstance(value, list):
        return [with_doc_id(v, old, new) for v in value]
    return value


def _plain(value: Any) -> Any:
    """Attributes as JSON-ready data (tuples to lists, drop private keys)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items() if not str(k).startswith("_")}
    if isinstance(value, (list, tuple, set)):
        return [_plain(v) for v in value]
    return value


def span_lemma(doc: Doc, start: int, end: int) -> str:
    """The lemmas of the words inside [start, end), lowercase, joined by spaces; a word the
    morphology left without a lemma counts as its lowercase text, and so does a span that
    covers no whole word."""
    words = [doc.tokens[i] for i in tokens_inside(doc, start, end)]
    if not words:
        return doc.text[start:end].lower()
    return " ".join((token.lemma or token.text).lower() for token in words)


def _phrase(found: Phrase) -> PhraseRecord:
    """A cause or effect phrase as the contract shows it: its span, its words, its evidence."""
    return PhraseRecord(found.start, found.end, found.text, OffsetsRecord(found.evidence.start, found.evidence.end))


def build(docs: list[Doc]) -> Chronology:
    chron = Chronology([], [], [], [], [])
    entities, mapping = _entity_records(docs)
    chron.entities = entities
    placed: list[tuple[int, int, int, EventRecord]] = []
    for doc_order, doc in enumerate(docs):
        chron.documents.append(DocumentRecord(doc.id, doc.source, doc.sha256, len(doc.text)))
        prefix = f"{doc.id}."
        for t in doc.timexes:
            chron.timexes.append(
                TimexRecord(prefix + t.id, doc.id, t.start, t.end, t.text, t.value, t.mod, t.edtf, t.anchor, t.type, t.earliest, t.latest, t.rule,
                            None if t.calendar is None else CalendarRecord(t.calendar.calendar, t.calendar.written, t.calendar.basis))
            )
        for order, (position, event) in enumerate(zip(placement(doc.events), doc.events)):
            sent = doc.sentences[event.sentence]
            record = EventRecord(
                id=prefix + event.id,
                doc=doc.id,
                trigger=TriggerRecord(event.trigger.start, event.trigger.end, event.trigger.text,
                                      span_lemma(doc, event.trigger.start, event.trigger.end)),
                sentence=OffsetsRecord(sent.start, sent.end),
                type=event.type,
                factuality=event.factuality,
                time=TimeRecord(
                    event.time.earliest, event.time.latest, event.time.edtf, event.time.basis,
                    prefix + event.time.timex if event.time.timex else None,
                ),
                participants=[
                    ParticipantRecord(p.role, mapping[(doc.id, p.entity)])
                    for p in event.participants
                    if (doc.id, p.entity) in mapping
                ],
                places=[mapping[(doc.id, p)] for p in event.places if (doc.id, p) in mapping],
                phase=event.phase,
                cause_phrases=[_phrase(c) for c in event.causes],
                effect_phrases=[_phrase(c) for c in event.effects],
            )
            placed.append((position, doc_order, order, record))
        for relation in doc.relations:
            evidence = (
                EvidenceRecord(doc.id, relation.evidence.start, relation.evidence.end)
                if relation.evidence
                else None
            )
            chron.relations.append(RelationRecord(relation.type, prefix + relation.source, prefix + relation.target, evidence))
    placed.sort(key=lambda item: item[:3])
    chron.events = [record for *_, record in placed]
    return chron
