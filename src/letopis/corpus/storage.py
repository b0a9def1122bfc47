"""The corpus layer in the store: rebuilt after each ingest, read back as plain dicts.

The store keeps the last `merge` result and the user's corrections (`letopis.store.layer`:
tables, SQL and transactions); this module decides what to merge and when the stored layer
is stale, and turns stored corrections into `Correction`s. Corrections are keyed by stable
keys and never touched by a rebuild, so they outlive re-ingest.
"""

from __future__ import annotations

from typing import Any

from ..errors import LetopisError
from .merge import merge
from .model import Correction, CorpusResult, Record


def _layer(store: Any) -> Any:
    """The store, if it keeps a corpus layer (`letopis.store.layer.CorpusLayerTables`)."""
    if not callable(getattr(store, "corpus_events", None)):
        raise LetopisError("this store keeps no corpus layer (it has no SQLite connection)")
    return store


def corrections(store: Any) -> list[Correction]:
    """The user's corrections, oldest first."""
    return [Correction(row.kind, row.action, row.a, row.b, row.n, row.note)
            for row in _layer(store).corpus_corrections()]


def add_correction(store: Any, correction: Correction) -> int:
    """Store a correction (a later one about the same pair replaces it); return its id."""
    return _layer(store).add_corpus_correction(correction.kind, correction.action, correction.a, correction.b,
                                               correction.note)


def forget_correction(store: Any, correction_id: int) -> bool:
    return _layer(store).forget_corpus_correction(correction_id)


def rebuild(store: Any) -> CorpusResult:
    """Merge every stored document again (with the stored corrections) and store the result."""
    chronology = store.chronology()
    texts = {}
    for document in chronology["documents"]:
        stored = store.document(document["id"]) or {}
        if stored.get("text") is not None:
            texts[document["sha256"]] = stored["text"]
    result = merge([chronology], corrections(store), texts)
    _layer(store).replace_corpus_layer(result.to_dict(), result.stats)
    return result


def is_current(store: Any) -> bool:
    """Whether the stored layer was built from the documents and corrections now stored."""
    layer = _layer(store)
    return layer.corpus_built_from() == layer.corpus_fingerprint()


def ensure_current(store: Any) -> None:
    """Rebuild when documents or corrections changed since the last build.

    A read-only store (the viewer's) serves what was last built; the next ingest rebuilds."""
    if not getattr(store, "readonly", False) and not is_current(store):
        rebuild(store)


# --- reading ---------------------------------------------------------------------------


def corpus_events(store: Any, *, merged_only: bool = False) -> list[Record]:
    """Corpus event dicts in date order (shape in docs/corpus.md); `merged_only`: told by two sources or more."""
    return _layer(store).corpus_events(merged_only=merged_only)


def corpus_event(store: Any, event_id: str) -> Record | None:
    return _layer(store).corpus_event(event_id)


def corpus_event_of(store: Any, event_id: str) -> str | None:
    """The corpus event a stored event (d<N>.ev<M>) belongs to."""
    return _layer(store).corpus_event_of(event_id)


def sources_of(store: Any, event_ids: list[str]) -> dict[str, tuple[str, int]]:
    """For stored events (d<N>.ev<M>): their corpus event and how many sources tell it."""
    return _layer(store).corpus_sources(event_ids)


def corpus_entities(store: Any) -> list[Record]:
    return _layer(store).corpus_entities()


def corpus_entity(store: Any, entity_id: str) -> Record | None:
    """A corpus entity by its id (CE<N>) or a stored member's (E<N>)."""
    return _layer(store).corpus_entity(entity_id)


def conflicts(store: Any, *, kind: str | None = None) -> list[Record]:
    """Conflict dicts, in the order of their corpus events (shape in docs/corpus.md)."""
    return _layer(store).corpus_conflicts(kind=kind)


def state(store: Any) -> Record:
    return _layer(store).corpus_state()
