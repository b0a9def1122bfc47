"""Hand-made one-document contract chronologies for the corpus layer's unit tests.

`Doc("text").event(...)` finds the trigger word in the text, so each test reads as the
sentences it is about; offsets and ids are computed, never written by hand.
"""

from __future__ import annotations

import hashlib
from typing import Any


class Doc:
    def __init__(self, text: str, source: str = "doc.txt"):
        self.text, self.source = text, source
        self.sha256 = hashlib.sha256(text.encode()).hexdigest()
        self.entities: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []
        self.timexes: list[dict[str, Any]] = []
        self.relations: list[dict[str, Any]] = []

    def entity(self, name: str, type: str = "LOCATION", word: str | None = None, geo: str | None = None,
               aliases: tuple[str, ...] = ()) -> str:
        entity_id = f"E{len(self.entities) + 1}"
        start = self.text.index(word or name)
        self.entities.append({
            "id": entity_id, "type": type, "subtype": None, "name": name, "aliases": list(aliases),
            "mentions": [{"doc": "d1", "start": start, "end": start + len(word or name), "text": word or name}],
            "attributes": {"geo": {"id": geo}} if geo else {},
        })
        return entity_id

    def event(self, word: str, type: str, earliest: str | None = None, latest: str | None = "same",
              agents: tuple[str, ...] = (), patients: tuple[str, ...] = (), places: tuple[str, ...] = (),
              factuality: str = "actual", occurrence: int = 1, lemma: str | None = None) -> str:
        start = -1
        for _ in range(occurrence):
            start = self.text.index(word, start + 1)
        sentence_start = max(self.text.rfind(". ", 0, start) + 2, 0) if ". " in self.text[:start] else 0
        sentence_end = self.text.find(".", start)
        sentence_end = len(self.text) if sentence_end < 0 else sentence_end + 1
        latest = earliest if latest == "same" else latest
        event_id = f"d1.ev{len(self.events) + 1}"
        self.events.append({
            "id": event_id, "doc": "d1",
            "trigger": {"start": start, "end": start + len(word), "text": word} | ({"lemma": lemma} if lemma else {}),
            "sentence": {"start": sentence_start, "end": sentence_end},
            "type": type, "factuality": factuality,
            "time": {"earliest": earliest, "latest": latest, "edtf": None,
                     "basis": "explicit" if earliest or latest else "unknown", "timex": None},
            "participants": [{"role": "agent", "entity": a} for a in agents]
                            + [{"role": "patient", "entity": p} for p in patients],
            "places": list(places),
        })
        return event_id

    def timex(self, text: str, earliest: str, latest: str | None = None) -> None:
        start = self.text.index(text)
        self.timexes.append({"id": f"d1.t{len(self.timexes) + 1}", "doc": "d1", "start": start, "end": start + len(text),
                             "text": text, "value": earliest, "mod": None, "edtf": None, "anchor": "absolute",
                             "earliest": earliest, "latest": latest or earliest})

    def same(self, a: str, b: str) -> None:
        self.relations.append({"type": "same", "source": a, "target": b, "evidence": None})

    def chronology(self) -> dict[str, Any]:
        return {
            "schema": "letopis.chronology/1",
            "documents": [{"id": "d1", "source": self.source, "sha256": self.sha256, "length": len(self.text)}],
            "entities": self.entities, "timexes": self.timexes, "events": self.events, "relations": self.relations,
        }


def merged(*docs: Doc, corrections=()):
    """Merge the docs (texts given), as `letopis.corpus.merge` does for the store."""
    from letopis.corpus import merge

    return merge([d.chronology() for d in docs], corrections, {d.sha256: d.text for d in docs})


def together(result, *pairs: tuple[Doc, str]) -> bool:
    """Whether these (doc, event id) mentions are in one corpus event."""
    wanted = {(doc.sha256, event_id) for doc, event_id in pairs}
    return any(wanted <= {(m["sha256"], m["event"]) for m in e.mentions} for e in result.events)


def corpus_event(result, doc: Doc, event_id: str):
    return next(e for e in result.events if any(m["sha256"] == doc.sha256 and m["event"] == event_id for m in e.mentions))
