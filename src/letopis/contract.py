"""The `letopis.chronology/1` contract, defined once (docs/contract.md).

`chronology.build` makes these records and `letopis extract --format json` prints them.
Everything else that states the contract is generated from here: the JSON Schema
(`schema/chronology.schema.json`, written by `make schema`), the OpenAPI components of the
viewer's API, and `validate`, which checks a chronology read from outside. A test checks
docs/contract.md against `field_paths()`.

This module is the one place that imports msgspec; the rest of the package sees plain
records, dicts and `ContractError`.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

import msgspec
from msgspec import Meta, Struct

from .errors import LetopisError

SCHEMA = "letopis.chronology/1"

Offset = Annotated[int, Meta(ge=0)]
Label = Annotated[str, Meta(min_length=1)]
Day = Annotated[str, Meta(pattern=r"^-?\d{4,}-\d{2}-\d{2}$")]
Sha256 = Annotated[str, Meta(pattern=r"^[0-9a-f]{64}$")]
Lemma = Annotated[
    str | None,
    Meta(description="the span's words as lemmas (dictionary forms), lowercase, joined by single spaces; "
                     "absent from data stored before lemmas were carried"),
]
Factuality = Literal["actual", "negated", "intended", "unrealized", "hypothetical", "uncertain"]
Basis = Literal["explicit", "context", "relative", "inferred", "unknown"]
Anchor = Literal["absolute", "context", "relative", "document"]
CalendarName = Literal["julian", "gregorian"]
CalendarBasis = Literal["old-style mark", "new-style mark", "dual", "convention", "option"]
Form = Literal["name", "adjective", "descriptor", "pronoun"]
Phase = Literal["begin", "continue", "resume", "end"]


class ContractError(LetopisError):
    """Data that does not keep the contract; the message says where and why."""


class DocumentRecord(Struct):
    """One analysed document."""

    id: str
    source: str
    sha256: Sha256
    length: Offset


class MentionRecord(Struct):
    """One span of a document that names (or refers to) the entity."""

    doc: str
    start: Offset
    end: Offset
    text: str
    form: Annotated[Form | None, Meta(description=(
        "How the mention names its entity: a proper name, a place or people adjective, a descriptor "
        "(common noun phrase) or a pronoun (letopis.entities.forms)."))] = None
    lemma: Lemma = None


class EntityRecord(Struct):
    """A person, organisation, place, ... unified across the documents."""

    id: str
    type: Label
    subtype: str | None
    name: Annotated[str, Meta(min_length=1, description="normalised: nominative case, full form")]
    aliases: list[str]
    mentions: list[MentionRecord]
    attributes: Annotated[dict[str, Any], Meta(description="titles, roles, gazetteer point (geo), ...")] = {}


class CalendarRecord(Struct):
    """The calendar a time expression is written on, where a style mark, a dual date or the Old Style convention says (docs/time.md, "Calendars")."""

    calendar: Annotated[CalendarName, Meta(description="the calendar the text writes the date on")]
    written: Annotated[str, Meta(description="the TIMEX3 value as the text writes it, on that calendar")]
    basis: Annotated[CalendarBasis, Meta(description=(
        "why: «по старому стилю» (old-style mark), «по новому стилю» (new-style mark), a dual date, the "
        "convention that Russian dates before 1918 in a text about Russia are Old Style, or the user's option"))]


class TimexRecord(Struct):
    """A time expression with its TIMEX3 normalisation and day bounds."""

    id: str
    doc: str
    start: Offset
    end: Offset
    text: str
    value: str
    mod: str | None
    edtf: str | None
    anchor: Anchor
    type: Annotated[str, Meta(description="TIMEX3 type: DATE, TIME, DURATION, SET")] = "DATE"
    earliest: Day | None = None
    latest: Day | None = None
    rule: Annotated[str, Meta(description="the rule that read it")] = ""
    calendar: Annotated[CalendarRecord | None, Meta(description=(
        "the calendar it is written on and its value as written; null when read as written on the Gregorian "
        "calendar with nothing to decide"))] = None


class TriggerRecord(Struct):
    """The word(s) that name an event."""

    start: Offset
    end: Offset
    text: str
    lemma: Lemma = None


class OffsetsRecord(Struct):
    start: Offset
    end: Offset


class TimeRecord(Struct):
    """When an event began, as far as the text allows."""

    earliest: Annotated[Day | None, Meta(description="earliest day on which the event may have begun")]
    latest: Annotated[Day | None, Meta(description="latest day by which it had begun")]
    edtf: str | None
    basis: Basis
    timex: Annotated[str | None, Meta(description="id of the timex it rests on")]


class ParticipantRecord(Struct):
    role: Annotated[str, Meta(description="agent, patient, recipient, ...")]
    entity: str


class PhraseRecord(Struct):
    """A cause or effect the text gives without naming an event of its own, and its marker."""

    start: Offset
    end: Offset
    text: str
    evidence: Annotated[OffsetsRecord, Meta(description="the preposition or causal verb that marks it")]


class EventRecord(Struct):
    """One event with its trigger, sentence, type, factuality, time, participants and places."""

    id: str
    doc: str
    trigger: TriggerRecord
    sentence: OffsetsRecord
    type: Label
    factuality: Factuality
    time: TimeRecord
    participants: list[ParticipantRecord]
    places: Annotated[list[str], Meta(description="entity ids")]
    phase: Annotated[Phase | None, Meta(description="the phase a folded phasal verb gave the event")] = None
    cause_phrases: Annotated[list[PhraseRecord], Meta(
        description="causes the text gives that name no event of their own, with the words that mark them")] = []
    effect_phrases: Annotated[list[PhraseRecord], Meta(
        description="effects the text gives that name no event of their own, with the causal verb")] = []


class EvidenceRecord(Struct):
    doc: str
    start: Offset
    end: Offset


class RelationRecord(Struct):
    """A relation between two events; for "cause" the source causes the target."""

    type: Label
    source: str
    target: str
    evidence: EvidenceRecord | None


class Chronology(Struct, tag_field="schema", tag=SCHEMA):
    """The fields every consumer may rely on (docs/contract.md); others may be added, these are never renamed or dropped without a new schema version."""  # noqa: E501  (one line: it is the schema's description)

    documents: list[DocumentRecord]
    entities: list[EntityRecord]
    timexes: list[TimexRecord]
    events: Annotated[list[EventRecord], Meta(description="in chronological order; ties keep narrative order")]
    relations: list[RelationRecord]

    def to_dict(self) -> dict[str, Any]:
        """The contract as plain JSON-ready data."""
        return msgspec.to_builtins(self)

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def entity(self, entity_id: str) -> EntityRecord | None:
        return next((e for e in self.entities if e.id == entity_id), None)


def validate(data: Any) -> dict[str, Any]:
    """`data` itself if it keeps the contract, else a `ContractError` naming the first fault
    and where it is (`$.events[3].time.basis`). Fields the contract does not name are free."""
    if not isinstance(data, dict):
        raise ContractError("expected a JSON object")
    try:
        msgspec.convert(data, Chronology, strict=True)
    except msgspec.ValidationError as error:
        raise ContractError(_message(str(error))) from None
    return data


def _message(text: str) -> str:
    """msgspec's message in the package's words: «"events" is missing», «... at $.events[0]»."""
    head, _, where = text.partition(" - at `")
    where = where.rstrip("`")
    if head.startswith("Object missing required field `"):
        field = head.split("`")[1]
        head = f'"{field}" is missing'
    elif head.startswith("Missing required field `") or head.startswith("Object contains unknown field"):
        head = head.replace("`", '"')
    return f"{head} at {where}" if where and where != "$" else head


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the contract, as `schema/chronology.schema.json` holds it."""
    schema = msgspec.json.schema(Chronology)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://letopis.invalid/schema/chronology-1.json",
        "title": f"letopis chronology, schema {SCHEMA}",
        "description": "Generated from letopis.contract by `make schema`; do not edit by hand.",
        **schema,
    }


def openapi_components() -> dict[str, dict[str, Any]]:
    """The contract records as OpenAPI 3.1 components, named as the records are (`EventRecord`, ...)."""
    _, components = msgspec.json.schema_components([Chronology], ref_template="#/components/schemas/{name}")
    return components


def field_paths() -> set[str]:
    """Every field of the contract as a dotted path through lists: `events.trigger.lemma`, ..."""
    from msgspec import inspect

    paths: set[str] = set()

    def walk(info: Any, prefix: str) -> None:
        while isinstance(info, (inspect.Metadata, inspect.ListType, inspect.UnionType)):
            if isinstance(info, inspect.UnionType):
                structs = [t for t in info.types if not isinstance(t, inspect.NoneType)]
                if len(structs) != 1:
                    return
                info = structs[0]
            else:
                info = info.type if isinstance(info, inspect.Metadata) else info.item_type
        if not isinstance(info, inspect.StructType):
            return
        if info.tag_field:
            paths.add(prefix + info.tag_field)
        for field in info.fields:
            paths.add(prefix + field.encode_name)
            walk(field.type, prefix + field.encode_name + ".")

    walk(inspect.type_info(Chronology), "")
    return paths
