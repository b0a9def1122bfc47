"""Writing one analysed document into the store, inside the caller's transaction.

The document gets its corpus id (`d<N>`), its events, timexes and relations ids under it,
and its entities are mapped onto corpus entities (`entities.py`). Any error aborts the
whole document: the caller's transaction rolls back.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone

from ..chronology import with_doc_id
from ..errors import LetopisError
from ..time.calendar import day_number_or_none
from . import entities as corpus_entities
from .base import Record
from .dates import UNKNOWN_KEY
from .text import lemma_text


class DocumentWriter:
    """Writes one document inside an open transaction; any error aborts the whole document."""

    def __init__(self, connection: sqlite3.Connection, source: str, text: str, chronology: Record):
        self.db, self.source, self.text, self.chronology = connection, source, text, chronology
        self.local_doc = chronology["documents"][0]["id"]
        self.doc = ""
        self.doc_n = 0
        self.entity_map: dict[str, str] = {}

    def write(self) -> str:
        self._document()
        self._entities()
        self._timexes()
        self._events()
        self._relations()
        self.db.execute("INSERT INTO search (kind, ref, doc, lemmas) VALUES ('document', ?, ?, ?)",
                        (self.doc, self.doc, lemma_text(self.text)))
        return self.doc

    def rid(self, local_id: str | None) -> str | None:
        """A document-scoped id («d1.ev5») with this document's corpus id («d7.ev5»)."""
        if local_id is None:
            return None
        prefix = self.local_doc + "."
        return self.doc + "." + local_id[len(prefix):] if local_id.startswith(prefix) else f"{self.doc}.{local_id}"

    def entity(self, local_id: str) -> str:
        try:
            return self.entity_map[local_id]
        except KeyError:
            raise LetopisError(f"{self.source}: the chronology refers to entity {local_id!r}, "
                               "which it does not define") from None

    def _document(self) -> None:
        entry = self.chronology["documents"][0]
        extra = {k: v for k, v in entry.items() if k not in ("id", "source", "sha256", "length")}
        cursor = self.db.execute(
            "INSERT INTO documents (id, source, sha256, length, text, added, extra) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (f"new:{entry['sha256']}", entry.get("source") or self.source, entry["sha256"], len(self.text), self.text,
             datetime.now(timezone.utc).isoformat(timespec="seconds"), json.dumps(extra, ensure_ascii=False)),
        )
        self.doc_n = cursor.lastrowid
        self.doc = f"d{self.doc_n}"
        self.db.execute("UPDATE documents SET id = ? WHERE n = ?", (self.doc, self.doc_n))

    def _entities(self) -> None:
        taken: set[str] = set()
        for entity in self.chronology.get("entities", []):
            attributes = with_doc_id(entity.get("attributes") or {}, self.local_doc, self.doc)
            found = corpus_entities.find(self.db, entity, taken)
            if found:
                corpus_id, reason = found
                corpus_entities.merge_into(self.db, corpus_id, entity, attributes)
            else:
                corpus_id, reason = corpus_entities.create(self.db, entity, attributes), "new"
            corpus_entities.add_names(self.db, corpus_id, corpus_entities.names_of(entity))
            corpus_entities.file_keys(self.db, corpus_id)
            taken.add(corpus_id)
            mentions = [(corpus_id, self.doc, m["start"], m["end"], m["text"]) for m in entity.get("mentions", [])]
            self.db.executemany('INSERT INTO mentions (entity, doc, start, "end", text) VALUES (?, ?, ?, ?, ?)', mentions)
            self.db.execute("UPDATE entities SET mentions = mentions + ? WHERE id = ?", (len(mentions), corpus_id))
            self.db.execute("INSERT INTO document_entities (doc, local, entity, reason) VALUES (?, ?, ?, ?)",
                            (self.doc, entity["id"], corpus_id, reason))
            self.entity_map[entity["id"]] = corpus_id

    def _timexes(self) -> None:
        rows = []
        for timex in self.chronology.get("timexes", []):
            timex = dict(timex, id=self.rid(timex["id"]), doc=self.doc)
            rows.append((timex["id"], self.doc, timex["start"], json.dumps(timex, ensure_ascii=False)))
        self.db.executemany("INSERT INTO timexes (id, doc, start, data) VALUES (?, ?, ?, ?)", rows)

    def _events(self) -> None:
        sentences: dict[tuple[int, int], list[str]] = {}
        for ord_, event in enumerate(self.chronology.get("events", [])):
            time = dict(event["time"], timex=self.rid(event["time"].get("timex")))
            data = {k: v for k, v in event.items() if k not in ("participants", "places")}
            data.update(id=self.rid(event["id"]), doc=self.doc, time=time)
            earliest, latest = day_number_or_none(time.get("earliest")), day_number_or_none(time.get("latest"))
            sort_key = next((k for k in (earliest, latest) if k is not None), UNKNOWN_KEY)
            self.db.execute(
                "INSERT INTO events (id, doc, doc_n, ord, type, factuality, basis, earliest, latest, earliest_key, "
                "latest_key, sort_key, timex, trigger, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (data["id"], self.doc, self.doc_n, ord_, event["type"], event["factuality"], time["basis"],
                 time.get("earliest"), time.get("latest"), earliest, latest, sort_key, time["timex"],
                 event["trigger"]["text"], json.dumps(data, ensure_ascii=False)),
            )
            self.db.executemany(
                "INSERT INTO participants (event, ord, role, entity) VALUES (?, ?, ?, ?)",
                [(data["id"], i, p["role"], self.entity(p["entity"])) for i, p in enumerate(event.get("participants", []))])
            self.db.executemany(
                "INSERT INTO places (event, ord, entity) VALUES (?, ?, ?)",
                [(data["id"], i, self.entity(place)) for i, place in enumerate(event.get("places", []))])
            sentences.setdefault((event["sentence"]["start"], event["sentence"]["end"]), []).append(data["id"])
        # one search row per sentence, naming all its events, so a sentence is found once
        for (start, end), ids in sentences.items():
            cursor = self.db.execute("INSERT INTO search (kind, ref, doc, lemmas) VALUES ('event', ?, ?, ?)",
                                     (" ".join(ids), self.doc, lemma_text(self.text[start:end])))
            self.db.executemany("UPDATE events SET sentence_row = ? WHERE id = ?",
                                [(cursor.lastrowid, event_id) for event_id in ids])

    def _relations(self) -> None:
        rows = []
        for relation in self.chronology.get("relations", []):
            evidence = relation.get("evidence")
            relation = dict(relation, source=self.rid(relation["source"]), target=self.rid(relation["target"]),
                            evidence=dict(evidence, doc=self.doc) if evidence else None)
            rows.append((self.doc, relation["type"], relation["source"], relation["target"],
                         json.dumps(relation, ensure_ascii=False)))
        self.db.executemany("INSERT INTO relations (doc, type, source, target, data) VALUES (?, ?, ?, ?, ?)", rows)
