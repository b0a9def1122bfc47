"""The corpus layer's records: corpus entities, corpus events with one mention per source, conflicts.

All are plain dataclasses that turn into the plain dicts documented in docs/corpus.md; the
store keeps those dicts as they are, so the viewer and the exports read one shape.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

Record = dict[str, Any]


@dataclass(slots=True)
class Correction:
    """A user's decision that outlives re-ingest: join or split two items named by stable keys.

    `kind` is "event" (keys `sha256:start-end` of the trigger) or "entity" (keys
    `TYPE:folded name`); `action` is "join" (force a merge) or "split" (never merge).
    """

    kind: str
    action: str
    a: str
    b: str
    id: int | None = None
    note: str = ""


@dataclass(slots=True)
class CorpusEntity:
    id: str
    type: str
    subtype: str | None
    name: str
    aliases: list[str]
    members: list[Record]  # {"entity": its id, "key": stable key, "docs": [document ids], "sha256": [their hashes]}
    geo: str | None = None
    merges: list[Record] = field(default_factory=list)  # {"rule", "a", "b", "value"}


@dataclass(slots=True)
class CorpusEvent:
    id: str
    type: str
    time: Record  # {"earliest", "latest", "status": single|agreed|unknown|conflict, "sources": [min, max]}
    mentions: list[Record]  # every mention, several per document when the document repeats it
    evidence: list[Record] = field(default_factory=list)  # {"a", "b", "score", "features"}
    conflicts: list[str] = field(default_factory=list)
    sources: int = 1  # distinct documents that tell it (mentions of one document are one source)


@dataclass(slots=True)
class Conflict:
    id: str
    kind: str  # date | number | actor | outcome
    event: str
    summary: str
    claims: list[Record]  # one per source: mention fields + "claim"


@dataclass(slots=True)
class CorpusResult:
    entities: list[CorpusEntity]
    events: list[CorpusEvent]
    conflicts: list[Conflict]
    stats: Record = field(default_factory=dict)  # comparisons, blocks, ...

    def to_dict(self) -> Record:
        return {
            "entities": [asdict(e) for e in self.entities],
            "events": [asdict(e) for e in self.events],
            "conflicts": [asdict(c) for c in self.conflicts],
            "stats": dict(self.stats),
        }

    def event(self, event_id: str) -> CorpusEvent | None:
        return next((e for e in self.events if e.id == event_id), None)

    @property
    def merged(self) -> int:
        """How many corpus events are told by more than one document."""
        return sum(e.sources > 1 for e in self.events)
