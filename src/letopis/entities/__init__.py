"""Entities: normal forms, rule mentions, titles, merging, coreference and places.

`stages/entities.py` runs these in order; each module is usable on its own. The two
functions other stages call:

- `subject_of(doc, verb_token_index) -> (entity id, evidence) | None` (`coref.py`);
- `unify(docs) -> (corpus entities, {(doc id, local id): corpus id})` (`merge.py`).
"""

from .coref import subject_of
from .merge import unify

__all__ = ["subject_of", "unify"]
