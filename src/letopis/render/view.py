"""What a chronology report shows, independent of the output markup.

`build(chron, texts)` turns the contract JSON (a plain dict, see
/work/shared/spec/chronology-json.md) and the document texts into rows of plain strings:
one per event, entity, relation and document. The Markdown and HTML writers only escape
and lay out these rows, so both reports say exactly the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..lang.ru.labels import ENTITY_TYPES, FACTUALITY, RELATIONS, ROLES, SUBTYPES  # the one table of labels
from . import dates


@dataclass(slots=True)
class Quote:
    """A source sentence cut around the trigger; `mark` is empty when it cannot be placed."""

    doc: str
    before: str
    mark: str
    after: str


@dataclass(slots=True)
class EventRow:
    number: int
    id: str
    doc: str
    date: str  # «19 августа 1944», «дата неизвестна»
    basis: str  # «указана», «из контекста», ... or ""
    edtf: str  # the contract's EDTF value, "" if none
    type: str
    trigger: str
    factuality: str  # "" for actual
    who: list[tuple[str, str]] = field(default_factory=list)  # (name, role in words)
    where: list[str] = field(default_factory=list)
    quote: Quote | None = None  # None when the document text is not available


@dataclass(slots=True)
class EntityRow:
    id: str
    name: str
    type: str  # «место (город)»
    aliases: list[str]
    mentions: int


@dataclass(slots=True)
class RelationRow:
    type: str  # «вызвало»
    source: tuple[int | None, str, str]  # (event number, trigger, event id); a phrase: (None, text, "")
    target: tuple[int | None, str, str]
    evidence: str  # the evidence span's text, "" if none


@dataclass(slots=True)
class DocumentRow:
    id: str
    source: str
    length: int | None


@dataclass(slots=True)
class Report:
    documents: list[DocumentRow]
    events: list[EventRow]
    entities: list[EntityRow]
    relations: list[RelationRow]
    several_documents: bool


def build(chron: dict[str, Any], texts: dict[str, str]) -> Report:
    """The report rows for a contract dict and a map from document id to its text."""
    entities = {e.get("id"): e for e in chron.get("entities") or []}
    timexes = {t.get("id"): t for t in chron.get("timexes") or []}
    events = chron.get("events") or []
    numbers = {ev.get("id"): i for i, ev in enumerate(events, 1)}
    triggers = {ev.get("id"): (ev.get("trigger") or {}).get("text", "") for ev in events}
    documents = [DocumentRow(str(d.get("id", "")), str(d.get("source", "")), d.get("length"))
                 for d in chron.get("documents") or []]
    doc_ids = {d.id for d in documents} | {str(ev.get("doc", "")) for ev in events}
    return Report(
        documents=documents,
        events=[_event(i, ev, entities, texts, timexes) for i, ev in enumerate(events, 1)],
        entities=[_entity(e) for e in chron.get("entities") or []],
        relations=[_relation(r, numbers, triggers, texts) for r in chron.get("relations") or []]
        + [row for ev in events for row in _phrase_relations(ev, numbers, texts)],
        several_documents=len(doc_ids) > 1,
    )


def entity_name(entities: dict[str, dict], entity_id: str) -> str:
    entity = entities.get(entity_id)
    return str(entity.get("name") or entity_id) if entity else str(entity_id)


def type_words(type_: str | None, subtype: str | None) -> str:
    words = ENTITY_TYPES.get(type_ or "", type_ or "")
    if subtype:
        words = f"{words} ({SUBTYPES.get(subtype, subtype)})"
    return words


def _event(number: int, ev: dict[str, Any], entities: dict[str, dict], texts: dict[str, str],
           timexes: dict[str, dict] | None = None) -> EventRow:
    time = ev.get("time") or {}
    trigger = ev.get("trigger") or {}
    factuality = ev.get("factuality") or "actual"
    timex = (timexes or {}).get(time.get("timex")) or {}
    phrase = dates.styled_phrase(time.get("earliest"), time.get("latest"), timex.get("calendar"))
    return EventRow(
        number=number,
        id=str(ev.get("id", "")),
        doc=str(ev.get("doc", "")),
        date=phrase,
        basis="" if phrase == dates.UNKNOWN else dates.basis_label(time.get("basis")),
        edtf=str(time.get("edtf") or ""),
        type=str(ev.get("type") or ""),
        trigger=str(trigger.get("text") or ""),
        factuality=FACTUALITY.get(factuality, factuality),
        who=[(entity_name(entities, p.get("entity", "")), ROLES.get(p.get("role", ""), p.get("role", "")))
             for p in ev.get("participants") or []],
        where=[entity_name(entities, place) for place in ev.get("places") or []],
        quote=_quote(ev, texts),
    )


def _quote(ev: dict[str, Any], texts: dict[str, str]) -> Quote | None:
    doc = str(ev.get("doc", ""))
    text = texts.get(doc)
    sentence = ev.get("sentence") or {}
    start, end = sentence.get("start"), sentence.get("end")
    if text is None or not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= end <= len(text):
        return None
    trigger = ev.get("trigger") or {}
    t0, t1 = trigger.get("start"), trigger.get("end")
    if not isinstance(t0, int) or not isinstance(t1, int) or not start <= t0 <= t1 <= end:
        return Quote(doc, text[start:end], "", "")
    return Quote(doc, text[start:t0], text[t0:t1], text[t1:end])


def _entity(e: dict[str, Any]) -> EntityRow:
    return EntityRow(
        id=str(e.get("id", "")),
        name=str(e.get("name") or e.get("id", "")),
        type=type_words(e.get("type"), e.get("subtype")),
        aliases=[str(a) for a in e.get("aliases") or []],
        mentions=len(e.get("mentions") or []),
    )


def _phrase_relations(ev: dict[str, Any], numbers: dict, texts: dict[str, str]) -> list[RelationRow]:
    """Causes and effects the text gives without naming an event: the phrase stands in for
    the event (its id is empty), «сердечного приступа» вызвало «умер»."""
    event = (numbers.get(ev.get("id")), str((ev.get("trigger") or {}).get("text", "")), str(ev.get("id", "")))
    text = texts.get(str(ev.get("doc", "")))
    rows = []
    for key, caused in (("cause_phrases", True), ("effect_phrases", False)):
        for found in ev.get(key) or []:
            phrase = (None, str(found.get("text", "")), "")
            evidence = found.get("evidence") or {}
            start, stop = evidence.get("start"), evidence.get("end")
            words = text[start:stop] if text is not None and isinstance(start, int) and isinstance(stop, int) else ""
            source, target = (phrase, event) if caused else (event, phrase)
            rows.append(RelationRow(RELATIONS["cause"], source, target, words))
    return rows


def _relation(r: dict[str, Any], numbers: dict, triggers: dict, texts: dict[str, str]) -> RelationRow:
    def end(event_id: Any) -> tuple[int | None, str, str]:
        return numbers.get(event_id), str(triggers.get(event_id, event_id)), str(event_id)

    evidence = ""
    ev = r.get("evidence")
    if isinstance(ev, dict):
        text = texts.get(str(ev.get("doc", "")))
        start, stop = ev.get("start"), ev.get("end")
        if text is not None and isinstance(start, int) and isinstance(stop, int) and 0 <= start <= stop <= len(text):
            evidence = text[start:stop]
    type_ = str(r.get("type", ""))
    return RelationRow(RELATIONS.get(type_, type_), end(r.get("source")), end(r.get("target")), evidence)
