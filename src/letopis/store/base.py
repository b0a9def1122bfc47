"""The corpus store's interface: what the CLI, the viewer and the exports may ask of it.

Everything outside `letopis.store` talks to a `Store` and never to SQLite itself, so a
server database can be added later as one more implementation of this protocol.

Records are plain dicts shaped like the chronology contract (`docs/contract.md`):
an event dict has the contract's event fields, an entity dict the contract's entity
fields, and so on. Ids are corpus-wide and stable across runs: documents are
`d<N>`, events `d<N>.ev<M>`, timexes `d<N>.t<M>`, entities `E<N>`.
"""

from __future__ import annotations

from typing import Any, Protocol

Record = dict[str, Any]


class Store(Protocol):
    """A persistent corpus of documents and their chronologies."""

    # --- writing -----------------------------------------------------------------
    def has_document(self, sha256: str) -> bool:
        """Whether a document with this content hash is stored (ingest skips it)."""

    def add_document(self, source: str, text: str, chronology: Record) -> str:
        """Store one analysed document and its one-document chronology, in one transaction.

        `chronology` is a one-document chronology (`letopis.parallel.Outcome.chronology`,
        whatever its document id). The store gives the document its corpus id and
        rewrites the event, timex and relation ids to match; local entity ids are
        mapped onto corpus entities. Adding a document whose sha256 is already stored
        changes nothing and returns the existing id.
        """

    # --- reading -----------------------------------------------------------------
    def documents(self) -> list[Record]:
        """Contract `documents` entries, plus `events` (a count), in ingest order."""

    def document(self, doc_id: str) -> Record | None:
        """One document entry plus `text`, or None."""

    def events(
        self,
        *,
        person: str | None = None,
        entity: str | None = None,
        place: str | None = None,
        type: str | None = None,
        factuality: str | None = None,
        doc: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Record]:
        """Contract event dicts in chronological order.

        `person` and `place` match an entity's name or alias (any case, any word form
        the store can lemmatise); `entity` is an entity id. `date_from`/`date_to`
        (YYYY-MM-DD) keep events whose [earliest, latest] interval meets the range;
        events with unknown dates are kept only when no range is asked for.
        """

    def event(self, event_id: str) -> Record | None:
        """One event dict plus `sentence_text`, `timex` (the timex dict or None),
        `causes` and `effects` (lists of event ids), or None."""

    def entities(self, *, type: str | None = None, name: str | None = None, limit: int | None = None) -> list[Record]:
        """Contract entity dicts (with mentions), most-mentioned first."""

    def entity(self, entity_id: str) -> Record | None:
        """One entity dict, or None."""

    def relations(self, event_id: str | None = None) -> list[Record]:
        """Contract relation dicts, all or those touching one event."""

    def search(self, query: str, *, limit: int = 20) -> list[Record]:
        """Full-text hits over documents and events, best first:
        `{"kind": "event" | "document", "id", "doc", "snippet"}`.

        Words match in any form («забастовку» finds «забастовки»). `snippet` marks the
        matches in [brackets]; hits also carry `text` (the snippet unmarked), `marks`
        ([start, end] of each match within `text`) and `start`/`end` (the snippet's offsets
        in the document). An event hit stands for its sentence: `events` lists every event
        of that sentence and `id` is the one whose trigger was searched for, else the first."""

    def chronology(self, docs: list[str] | None = None) -> Record:
        """The stored corpus (or some of its documents) as one contract chronology."""

    def close(self) -> None:
        """Release the database."""

    # --- additions (after the first version of this protocol) -------------------------
    # `events(..., search=TEXT)`: the keyword is optional; it also keeps only events whose
    # sentence matches TEXT (full-text, any word form).
    # `entities(..., offset=N)`: skips the first N, for paging.

    def count_events(self, **filters: Any) -> int:
        """How many events `events(**filters)` gives without `limit`/`offset`, for paging."""

    def entity_names(self, ids: list[str]) -> dict[str, str]:
        """Entity id -> name for many ids at once (participants and places of a page of events)."""

    def document_id(self, sha256: str) -> str | None:
        """The id of the stored document with this content hash, or None."""

    def stats(self) -> Record:
        """Counts of documents, events, entities, mentions, relations, and the schema version."""
