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
