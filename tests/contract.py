"""Checks every test that makes output runs: the JSON Schema and the contract's promises
that a schema cannot state (ids resolve, offsets point at the text they claim)."""

from __future__ import annotations

from typing import Any

import jsonschema

from letopis.contract import validate
from letopis.schema import chronology_schema


def check_contract(data: dict[str, Any], texts: dict[str, str]) -> None:
    jsonschema.validate(data, chronology_schema())
    validate(data)  # the records' own check agrees with the schema made from them
    docs = {d["id"]: d for d in data["documents"]}
    assert set(docs) == set(texts), "every document has its text"
    for doc_id, doc in docs.items():
        assert doc["length"] == len(texts[doc_id])

    def span_ok(doc_id: str, start: int, end: int, text: str | None = None) -> None:
        assert doc_id in docs, f"unknown document {doc_id}"
        assert 0 <= start <= end <= docs[doc_id]["length"], (start, end)
        if text is not None:
            assert texts[doc_id][start:end] == text, (texts[doc_id][start:end], text)

    entity_ids = [e["id"] for e in data["entities"]]
    assert len(entity_ids) == len(set(entity_ids)), "entity ids are unique"
    for entity in data["entities"]:
        assert entity["mentions"], f"entity {entity['id']} has mentions"
        for mention in entity["mentions"]:
            span_ok(mention["doc"], mention["start"], mention["end"], mention["text"])
    timex_ids = {t["id"] for t in data["timexes"]}
    for timex in data["timexes"]:
        span_ok(timex["doc"], timex["start"], timex["end"], timex["text"])
    event_ids = [e["id"] for e in data["events"]]
    assert len(event_ids) == len(set(event_ids)), "event ids are unique"
    for event in data["events"]:
        trigger, sentence = event["trigger"], event["sentence"]
        span_ok(event["doc"], trigger["start"], trigger["end"], trigger["text"])
        span_ok(event["doc"], sentence["start"], sentence["end"])
        assert sentence["start"] <= trigger["start"] < trigger["end"] <= sentence["end"]
        time = event["time"]
        assert time["timex"] is None or time["timex"] in timex_ids
        if time["basis"] == "unknown":
            assert time["earliest"] is None and time["latest"] is None
        else:
            assert time["earliest"] or time["latest"], "a known basis gives a bound"
        if time["earliest"] and time["latest"]:
            assert _key(time["earliest"]) <= _key(time["latest"])
        for participant in event["participants"]:
            assert participant["entity"] in entity_ids
        for place in event["places"]:
            assert place in entity_ids
    for relation in data["relations"]:
        assert relation["source"] in event_ids and relation["target"] in event_ids
        if relation["evidence"]:
            span_ok(relation["evidence"]["doc"], relation["evidence"]["start"], relation["evidence"]["end"])


def _key(iso: str) -> tuple[int, ...]:
    sign = -1 if iso.startswith("-") else 1
    year, month, day = iso.lstrip("-").split("-")
    return sign * int(year), int(month), int(day)
