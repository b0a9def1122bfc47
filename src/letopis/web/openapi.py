"""The OpenAPI 3.1 description of the viewer's JSON API (served at /api/openapi.json)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .. import __version__
from ..contract import openapi_components

Schema = dict[str, Any]


def _ref(name: str) -> Schema:
    return {"$ref": f"#/components/schemas/{name}"}


def _param(name: str, where: str, description: str, schema: Schema | None = None, required: bool = False) -> Schema:
    return {"name": name, "in": where, "required": required or where == "path", "description": description,
            "schema": schema or {"type": "string"}}


def _ok(description: str, schema: Schema) -> Schema:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict[str, Schema]:
    words = {400: "bad parameter or input", 403: "refused (read-only server, or another site)",
             404: "no such record", 413: "body larger than --max-upload", 503: "no corpus open, or busy",
             415: "the body is not application/json", 504: "analysis took longer than --timeout"}
    return {str(code): {"description": words[code], "content": {"application/json": {"schema": _ref("Error")}}}
            for code in codes}


def _page(item: Schema, **extra: Schema) -> Schema:
    return {"type": "object", "required": ["items", "limit", "offset", "more"], "properties": {
        "items": {"type": "array", "items": item}, "limit": {"type": "integer"},
        "offset": {"type": "integer"}, "more": {"type": "boolean", "description": "whether another page follows"},
        **extra}}


LIMIT = _param("limit", "query", "page size", {"type": "integer", "minimum": 1})
OFFSET = _param("offset", "query", "items to skip", {"type": "integer", "minimum": 0})
ID = _param("id", "path", "the record's corpus id (d3, d3.ev7, E12)")
ENTITY_MAP = {"type": "object", "additionalProperties": _ref("EntitySummary"),
              "description": "the entities the items name, by id"}
# An ISO day, years below 1 included (-0043-03-15); JSON Schema's "date" format cannot say BC.
DAY = {"type": "string", "pattern": "^-?\\d{4,}-\\d{2}-\\d{2}$", "examples": ["1944-08-19", "-0043-03-15"]}

# The contract's records (EventRecord, TriggerRecord, ...) come from their one definition.
SCHEMAS: dict[str, Schema] = {
    **openapi_components(),
    "Error": {"type": "object", "required": ["error"], "properties": {"error": {
        "type": "object", "required": ["status", "message"],
        "properties": {"status": {"type": "integer"}, "message": {"type": "string"}}}}},
    "DateWords": {"type": "object", "description": "the date in Russian words: text, basis label, both",
                  "properties": {"text": {"type": "string"}, "basis": {"type": "string"},
                                 "described": {"type": "string"}, "explained": {"type": "string"}}},
    "Event": {"description": "a contract event (docs/contract.md) plus its date in words",
              "allOf": [_ref("EventRecord"), {"type": "object", "properties": {"date": _ref("DateWords")}}]},
    "EventPage": {"allOf": [_ref("Event"), {"type": "object", "properties": {
        "sentence_text": {"type": "string"},
        "timex": {"oneOf": [_ref("TimexRecord"), {"type": "null"}], "description": "the contract timex the date rests on"},
        "highlights": {"type": "array", "description": "spans to mark, as offsets into sentence_text",
                       "items": {"type": "object", "properties": {
                           "start": {"type": "integer"}, "end": {"type": "integer"},
                           "kind": {"enum": ["trigger", "timex", "participant", "place"]},
                           "entity": {"type": "string"}, "label": {"type": "string"}, "role": {"type": "string"}}}},
        "factuality_words": {"type": "object"}, "entities": ENTITY_MAP,
        "roles": {"type": "object", "additionalProperties": {"type": "string"}},
        "causes": {"type": "array", "items": {"type": "object"}}, "effects": {"type": "array", "items": {"type": "object"}},
        "document": {"type": "object", "properties": {"id": {"type": "string"}, "source": {"type": "string"}}},
        "corpus": {"oneOf": [_ref("CorpusEvent"), {"type": "null"}],
                   "description": "the corpus event this event belongs to (its sources, merge evidence, conflicts)"}}}]},
    "EntitySummary": {"type": "object", "required": ["id", "type", "name"], "properties": {
        "id": {"type": "string"}, "type": {"type": "string"}, "subtype": {"type": ["string", "null"]},
        "name": {"type": "string"}, "mentions": {"type": "integer"},
        "geo": {"type": "object", "properties": {"lat": {"type": "number"}, "lon": {"type": "number"}}}}},
    "Document": {"type": "object", "required": ["id", "source"], "properties": {
        "id": {"type": "string"}, "source": {"type": "string"}, "sha256": {"type": "string"},
        "length": {"type": "integer"}, "events": {"type": "integer"}}},
    "SourceAccount": {"type": "object", "description": "one source's account of a corpus event (docs/corpus.md mention)",
                      "properties": {
                          "doc": {"type": "string"}, "source": {"type": "string"}, "event": {"type": "string"},
                          "type": {"type": "string"}, "trigger": _ref("TriggerRecord"), "sentence_text": {"type": "string"},
                          "highlights": {"type": "array", "items": {"type": "object"},
                                         "description": "the trigger, as offsets into sentence_text"},
                          "date": _ref("DateWords"), "time": {"type": "object"}, "factuality": {"type": "string"},
                          "this": {"type": "boolean", "description": "the account of the event the page shows"}}},
    "Conflict": {"type": "object", "description": "a disagreement between the sources of a corpus event",
                 "required": ["id", "kind", "event", "claims"], "properties": {
                     "id": {"type": "string"}, "kind": {"enum": ["date", "number", "actor", "outcome"]},
                     "kind_words": {"type": "string"}, "event": {"type": "string", "description": "corpus event C<N>"},
                     "type": {"type": ["string", "null"]}, "trigger": {"type": ["string", "null"]},
                     "summary": {"type": "string"},
                     "claims": {"type": "array", "items": {"allOf": [_ref("SourceAccount"), {"type": "object", "properties": {
                         "claim": {"description": "as in docs/corpus.md, by kind"},
                         "claim_words": {"type": "string"}}}]}}}},
    "CorpusEvent": {"type": "object", "description": "one happening told by one or more documents",
                    "required": ["id", "mentions", "evidence", "conflicts"], "properties": {
                        "id": {"type": "string"}, "type": {"type": "string"}, "time": {"type": "object"},
                        "date": _ref("DateWords"),
                        "sources": {"type": "integer", "description": "how many documents tell it (not mentions)"},
                        "mentions_in_documents": {"type": "integer", "description": "its mentions, several in one document included"},
                        "mentions": {"type": "array", "items": _ref("SourceAccount")},
                        "evidence": {"type": "array", "description": "why the accounts were merged", "items": {
                            "type": "object", "properties": {
                                "a": {"type": "string"}, "b": {"type": "string"}, "score": {"type": ["number", "null"]},
                                "features": {"type": "object"},
                                "words": {"type": "array", "items": {"type": "string"}}}}},
                        "conflicts": {"type": "array", "items": _ref("Conflict")}}},
    "Correction": {"type": "object", "properties": {
        "message": {"type": "string"}, "corpus_events": {"type": "integer"}, "merged": {"type": "integer"},
        "conflicts": {"type": "integer"}}},
    "SearchHit": {"type": "object", "properties": {
        "kind": {"enum": ["event", "document"]}, "id": {"type": "string"}, "doc": {"type": "string"},
        "snippet": {"type": "string"}, "event": _ref("Event")}},
}


def _get(summary: str, parameters: list[Schema], schema: Schema, *errors: int) -> Schema:
    return {"get": {"summary": summary, "parameters": parameters,
                    "responses": {"200": _ok(summary, schema), **_errors(400, 503, *errors)}}}


def _correction(summary: str, body: Schema) -> Schema:
    return {"post": {"summary": summary, "requestBody": {"required": True, "content": {"application/json": {"schema": body}}},
                     "responses": {"200": _ok("the correction stored and the corpus layer rebuilt", _ref("Correction")),
                                   **_errors(400, 403, 415, 503)}}}


@lru_cache(maxsize=1)
def spec() -> Schema:
    """The API description; tests check that it names every route of `routes.API`."""
    q = lambda name, text, schema=None: _param(name, "query", text, schema)  # noqa: E731
    event_filters = [
        q("person", "a person's name or alias, any case or word form"),
        q("place", "a place's name or alias"), q("entity", "an entity id (any role)"),
        q("type", "event type from the taxonomy (docs/events.md), as its code or its Russian label"),
        q("factuality", "actual, negated, intended, unrealized, hypothetical or uncertain"),
        q("doc", "a document id"),
        q("from", "keep events whose [earliest, latest] meets [from, to]; drops undated events", DAY),
        q("to", "end of the date range", DAY),
        q("dated", "yes: only events with a date bound; no: only events without any (listed apart on the timeline)",
          {"enum": ["yes", "no"]}),
        q("disputed", "yes: only events whose sources disagree (a claim of some conflict)", {"enum": ["yes"]}),
        q("count", "yes: also give `total`, how many events meet the filters (not with disputed or dated=no)",
          {"enum": ["yes"]}),
        LIMIT, OFFSET,
    ]
    paths = {
        "/api/documents": _get("documents in ingest order", [LIMIT, OFFSET],
                               _page(_ref("Document"), total={"type": "integer"})),
        "/api/documents/{id}": _get("one document with its text and its events", [ID], _ref("Document"), 404),
        "/api/events": _get("events in chronological order, filtered", event_filters,
                            _page(_ref("Event"), entities=ENTITY_MAP)),
        "/api/events/{id}": _get("one event: sentence, highlights, date basis, causes and effects", [ID],
                                 _ref("EventPage"), 404),
        "/api/entities": _get("entities, most mentioned first",
                              [q("type", "PERSON, ORGANIZATION, LOCATION, FACILITY, GROUP, ..."),
                               q("name", "name or alias to match"), LIMIT, OFFSET], _page(_ref("EntitySummary"))),
        "/api/entities/{id}": _get("one entity: its events in order, aliases, titles, mentions in context, co-actors",
                                   [ID, LIMIT, OFFSET], {"allOf": [_ref("EntitySummary"), {"type": "object", "properties": {
                                       "aliases": {"type": "array", "items": {"type": "string"}},
                                       "titles": {"type": "array", "items": {"type": "string"}},
                                       "events": _page(_ref("Event")), "entities": ENTITY_MAP,
                                       "co_actors": {"type": "array", "items": {"type": "object"}},
                                       "mention_contexts": {"type": "array", "items": {"type": "object"}},
                                       "corpus": {"type": ["object", "null"], "description":
                                                  "its corpus entity: members in every document, merge rules"}}}]}, 404),
        "/api/search": _get("full-text search over documents and events",
                            [_param("q", "query", "words to look for (any word form; the last word also as the start "
                                                   "of a longer one when no whole word matches)", required=True),
                             q("kind", "event or document (or событие, документ)"), q("doc", "a document id"),
                             q("limit", "most hits", {"type": "integer", "minimum": 1, "maximum": 100}), OFFSET],
                            {"type": "object", "properties": {"query": {"type": "string"},
                                                              "items": {"type": "array", "items": _ref("SearchHit")},
                                                              "total": {"type": "integer"}, "more": {"type": "boolean"},
                                                              "prefix": {"type": "boolean"}}}),
        "/api/suggest": _get("names to offer as one types: entities with a name word starting with q (or q in any "
                             "word form), most mentioned first",
                             [_param("q", "query", "the start of a name", required=True),
                              q("type", "PERSON, LOCATION, ... (or its Russian label)"),
                              q("limit", "most names", {"type": "integer", "minimum": 1, "maximum": 50})],
                             {"type": "object", "properties": {"query": {"type": "string"},
                                                               "items": {"type": "array", "items": _ref("EntitySummary")}}}),
        "/api/places": _get("places with coordinates (most mentioned first) and their first events",
                            [q("limit", "most places", {"type": "integer"}),
                             q("events", "events listed per place", {"type": "integer"})],
                            {"type": "object", "properties": {"items": {"type": "array", "items": {"allOf": [
                                _ref("EntitySummary"), {"type": "object", "properties": {
                                    "events": {"type": "array", "items": _ref("Event")},
                                    "more_events": {"type": "boolean"}}}]}}}}),
        "/api/graph": _get("actors and the events they take part in",
                           [q("doc", "a document id"), q("person", "a person's name"), q("type", "event type"),
                            q("limit", "most events", {"type": "integer"})],
                           {"type": "object", "properties": {
                               "nodes": {"type": "array", "items": {"type": "object", "properties": {
                                   "id": {"type": "string"}, "kind": {"enum": ["actor", "event"]},
                                   "label": {"type": "string"}, "type": {"type": "string"}}}},
                               "links": {"type": "array", "items": {"type": "object", "properties": {
                                   "source": {"type": "string"}, "target": {"type": "string"},
                                   "role": {"type": "string"}}}}}}),
        "/api/conflicts": _get("where the sources disagree: each conflict with its claims and their sources",
                               [q("kind", "date, number, actor or outcome", {"enum": ["date", "number", "actor", "outcome"]}),
                                LIMIT, OFFSET], _page(_ref("Conflict"), total={"type": "integer"})),
        "/api/corpus-events/{id}": _get("one corpus event (C<N>, or the id of one of its events): every source's "
                                        "account, merge evidence, conflicts", [ID], _ref("CorpusEvent"), 404),
        "/api/merge/undo": _correction("split a merge (as `letopis merge --undo`); --writable servers only",
                                       {"type": "object", "required": ["id"], "properties": {"id": {
                                           "type": "string", "description": "C<N>, d<N>.ev<M>, CE<N> or E<N>"}}}),
        "/api/merge/force": _correction("join two events or two entities (as `letopis merge --force`); --writable only",
                                        {"type": "object", "required": ["ids"], "properties": {"ids": {
                                            "type": "array", "minItems": 2, "maxItems": 2, "items": {"type": "string"}}}}),
        "/api/extract": {"post": {
            "summary": "analyse a text and return its chronology; stored only with store=true on a --writable server",
            "parameters": [q("store", "with a raw body: 1 to store the text"), q("source", "with a raw body: a name"),
                           q("format", "with a raw body: text, markdown or html (default: sniffed)"),
                           q("dct", "with a raw body: document date YYYY-MM-DD", DAY)],
            "requestBody": {"required": True, "content": {
                "application/json": {"schema": {"type": "object", "required": ["text"], "properties": {
                    "text": {"type": "string"}, "source": {"type": "string"}, "dct": DAY,
                    "store": {"type": "boolean", "default": False}}}},
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"},
                                             "description": "a file's bytes in any encoding letopis reads"}}},
            "responses": {"200": _ok("the chronology (docs/contract.md), the text, seconds taken, stored id or null", {
                "type": "object", "properties": {"chronology": _ref("Chronology"), "text": {"type": "string"},
                                                 "seconds": {"type": "number"}, "stored": {"type": ["string", "null"]}}}),
                **_errors(400, 403, 413, 503, 504)}}},
        "/api/labels": _get("the Russian label of every code the viewer shows (types, roles, factuality, statuses, "
                            "conflict kinds and summaries); filters accept these labels too", [],
                            {"type": "object", "additionalProperties": {"type": "object",
                                                                        "additionalProperties": {"type": "string"}}}),
        "/api/histogram": _get("how many dated events fall in each of `bins` equal spans of the filtered period",
                               [*event_filters[:-2], q("bins", "number of spans", {"type": "integer"})],
                               {"type": "object"}),
        "/api/openapi.json": {"get": {"summary": "this description", "responses": {
            "200": _ok("OpenAPI 3.1 document", {"type": "object"})}}},
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "letopis viewer API", "version": __version__,
                 "description": "Read a corpus of source-linked chronologies (see docs/viewer.md and docs/contract.md)."},
        "paths": paths,
        "components": {"schemas": SCHEMAS},
    }
