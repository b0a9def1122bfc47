"""The chronology: typed records that serialise to the `letopis.chronology/1` contract.

`build(docs)` turns analysed documents into one chronology: entities unified across
documents, every mention, timex and event with its document and offsets, events in
chronological order (ties keep narrative order).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from .doc import Doc, Entity, Phrase
from .stages.link import placement

SCHEMA = "letopis.chronology/1"


@dataclass(slots=True)
class DocumentRecord:
    id: str
    source: str
    sha256: str
    length: int


@dataclass(slots=True)
class MentionRecord:
    doc: str
    start: int
    end: int
    text: str
    form: str | None = None  # name, adjective, descriptor, pronoun (letopis.entities.forms)


@dataclass(slots=True)
class EntityRecord:
    id: str
    type: str
    subtype: str | None
    name: str
    aliases: list[str]
    mentions: list[MentionRecord]
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class TimexRecord:
    id: str
    doc: str
    start: int
    end: int
    text: str
    value: str
    mod: str | None
    edtf: str | None
    anchor: str
    type: str = "DATE"
    earliest: str | None = None
    latest: str | None = None
    rule: str = ""


@dataclass(slots=True)
class SpanRecord:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class TimeRecord:
    earliest: str | None
    latest: str | None
    edtf: str | None
    basis: str
    timex: str | None


@dataclass(slots=True)
class ParticipantRecord:
    role: str
    entity: str


@dataclass(slots=True)
class EventRecord:
    id: str
    doc: str
    trigger: SpanRecord
    sentence: dict[str, int]
    type: str
    factuality: str
    time: TimeRecord
    participants: list[ParticipantRecord]
    places: list[str]
    phase: str | None = None
    # What the text gives as this event's cause or effect without naming an event of its own
    # («умер от сердечного приступа»): {"start", "end", "text", "evidence": {"start", "end"}}.
    cause_phrases: list[dict[str, Any]] = field(default_factory=list)
    effect_phrases: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class RelationRecord:
    type: str
    source: str
    target: str
    evidence: dict[str, Any] | None


@dataclass(slots=True)
class Chronology:
    documents: list[DocumentRecord] = field(default_factory=list)
    entities: list[EntityRecord] = field(default_factory=list)
    timexes: list[TimexRecord] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
    relations: list[RelationRecord] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "documents": [asdict(d) for d in self.documents],
            "entities": [asdict(e) for e in self.entities],
            "timexes": [asdict(t) for t in self.timexes],
            "events": [asdict(e) for e in self.events],
            "relations": [asdict(r) for r in self.relations],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def entity(self, entity_id: str) -> EntityRecord | None:
        return next((e for e in self.entities if e.id == entity_id), None)


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
                records[corpus_id].mentions.append(MentionRecord(doc.id, mention.start, mention.end, mention.text, mention.form))
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


def _phrase(found: Phrase) -> dict[str, Any]:
    """A cause or effect phrase as the contract shows it: its span, its words, its evidence."""
    return {"start": found.start, "end": found.end, "text": found.text,
            "evidence": {"start": found.evidence.start, "end": found.evidence.end}}


def build(docs: list[Doc]) -> Chronology:
    chron = Chronology()
    entities, mapping = _entity_records(docs)
    chron.entities = entities
    placed: list[tuple[tuple[int, int, int], int, int, EventRecord]] = []
    for doc_order, doc in enumerate(docs):
        chron.documents.append(DocumentRecord(doc.id, doc.source, doc.sha256, len(doc.text)))
        prefix = f"{doc.id}."
        for t in doc.timexes:
            chron.timexes.append(
                TimexRecord(prefix + t.id, doc.id, t.start, t.end, t.text, t.value, t.mod, t.edtf, t.anchor, t.type, t.earliest, t.latest, t.rule)
            )
        for order, (position, event) in enumerate(zip(placement(doc.events), doc.events)):
            sent = doc.sentences[event.sentence]
            record = EventRecord(
                id=prefix + event.id,
                doc=doc.id,
                trigger=SpanRecord(event.trigger.start, event.trigger.end, event.trigger.text),
                sentence={"start": sent.start, "end": sent.end},
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
                {"doc": doc.id, "start": relation.evidence.start, "end": relation.evidence.end}
                if relation.evidence
                else None
            )
            chron.relations.append(RelationRecord(relation.type, prefix + relation.source, prefix + relation.target, evidence))
    placed.sort(key=lambda item: item[:3])
    chron.events = [record for *_, record in placed]
    return chron
