"""The corpus layer: one chronology from many sources, with their disagreements.

`merge(chronologies, corrections, texts)` is a pure function over one-document contract
chronologies: corpus entities, corpus events (one mention per source) and conflicts.
The store keeps its result (`storage`); `corpus_events(store)` and `conflicts(store)`
give it back as plain dicts for the viewer and the exports. See docs/corpus.md.
"""

from __future__ import annotations

from .merge import merge
from .model import Conflict, Correction, CorpusEntity, CorpusEvent, CorpusResult

__all__ = ["Conflict", "Correction", "CorpusEntity", "CorpusEvent", "CorpusResult", "merge"]


def corpus_events(store, *, merged_only: bool = False) -> list[dict]:
    """The stored corpus events as plain dicts, in date order (rebuilt first if stale)."""
    from . import storage

    storage.ensure_current(store)
    return storage.corpus_events(store, merged_only=merged_only)


def conflicts(store, *, kind: str | None = None) -> list[dict]:
    """The stored conflicts as plain dicts (rebuilt first if stale)."""
    from . import storage

    storage.ensure_current(store)
    return storage.conflicts(store, kind=kind)


def rebuild(store) -> CorpusResult:
    """Merge the store's documents again and keep the result in the store (after an ingest)."""
    from . import storage

    return storage.rebuild(store)


def refresh(store) -> None:
    """Rebuild the stored corpus layer if documents or corrections changed since it was built."""
    from . import storage

    storage.ensure_current(store)


__all__ += ["conflicts", "corpus_events", "rebuild", "refresh"]
