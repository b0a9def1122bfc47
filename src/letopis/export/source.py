"""What every export reads: a contract chronology with lookups, and optional extras.

An export never talks to the pipeline or the store: it takes the contract dict
(`letopis.extract(...).to_dict()`, a JSON file made by `letopis extract`, or
`Store.chronology()`) and, when they are at hand, the document texts (to quote source
sentences) and the cross-document corpus layer (merged events and conflicts), which
exports that know how to show it add and the others ignore.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Sequence

from ..contract import ContractError, validate
from ..errors import LetopisError
from ..render import dates

Record = dict[str, Any]


class ExportError(LetopisError):
    """The input cannot be exported: not a chronology, an unknown format, an unwritable target."""


@dataclass(slots=True)
class Source:
    """A chronology and the lookups the exports share; build it with `source(...)`."""

    chronology: Record
    texts: dict[str, str] = field(default_factory=dict)
    corpus_events: list[Record] = field(default_factory=list)
    conflicts: list[Record] = field(default_factory=list)
    entities: dict[str, Record] = field(init=False)
    events: dict[str, Record] = field(init=False)
    documents: dict[str, Record] = field(init=False)

    def __post_init__(self) -> None:
        self.entities = {str(e["id"]): e for e in self.chronology.get("entities") or []}
        self.events = {str(e["id"]): e for e in self.chronology.get("events") or []}
        self.documents = {str(d["id"]): d for d in self.chronology.get("documents") or []}

    @property
    def event_list(self) -> list[Record]:
        return list(self.events.values())

    @property
    def relations(self) -> list[Record]:
        return list(self.chronology.get("relations") or [])

    def name(self, entity_id: str) -> str:
        entity = self.entities.get(entity_id)
        return str(entity.get("name") or entity_id) if entity else str(entity_id)

    def sentence(self, event: Record) -> str | None:
        """The event's source sentence, when the document's text is at hand."""
        text = self.texts.get(str(event.get("doc")))
        span = event.get("sentence") or {}
        start, end = span.get("start"), span.get("end")
        if text is None or not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= end <= len(text):
            return None
        return text[start:end]

    def evidence_text(self, relation: Record) -> str | None:
        evidence = relation.get("evidence") or {}
        text = self.texts.get(str(evidence.get("doc")))
        start, end = evidence.get("start"), evidence.get("end")
        if text is None or not isinstance(start, int) or not isinstance(end, int):
            return None
        return text[start:end]


def time_of(event: Record) -> Record:
    return event.get("time") or {}


def display_date(event: Record) -> str:
    """The date as a historian writes it, with its basis: «1–10 августа 1944 (указана)»."""
    time = time_of(event)
    return dates.describe(time.get("earliest"), time.get("latest"), time.get("basis") or "unknown")


def dated(event: Record) -> bool:
    time = time_of(event)
    return bool(time.get("earliest") or time.get("latest"))


def geo_of(entity: Record) -> Record | None:
    """The entity's gazetteer point, if it has one with usable coordinates."""
    geo = (entity.get("attributes") or {}).get("geo")
    if not isinstance(geo, dict):
        return None
    lat, lon = geo.get("lat"), geo.get("lon")
    if not isinstance(lat, (int, float)) or not isinstance(lon, (int, float)) or isinstance(lat, bool):
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return geo


def check(data: Any, where: str = "input") -> Record:
    """`data` itself if it keeps the contract (`letopis.contract.validate`), else an
    `ExportError` saying where it breaks it."""
    if not isinstance(data, dict):
        raise ExportError(f"{where}: not a letopis chronology (expected a JSON object)")
    try:
        validate(data)
    except ContractError as error:
        raise ExportError(f"{where}: not a letopis chronology ({error})") from None
    _check_days(data, where)
    return data


_DAY_FIELDS = ("earliest", "latest")


def _check_days(data: Record, where: str) -> None:
    """Every day bound is a real day (the schema's pattern lets «1812-13-45» through)."""
    for key in ("events", "timexes"):
        for i, item in enumerate(data.get(key) or []):
            time = item.get("time") if key == "events" else item
            if not isinstance(time, dict):
                continue
            for name in _DAY_FIELDS:
                value = time.get(name)
                if isinstance(value, str) and dates.parse(value) is None:
                    path = f"$.{key}[{i}]" + (".time" if key == "events" else "")
                    raise ExportError(f"{where}: not a letopis chronology (no such day {value[:40]!r} at {path}.{name})")


def read_json(path: str | Path) -> Record:
    """A chronology JSON file made by `letopis extract`, checked."""
    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise ExportError(f"{name}: cannot be read ({error.strerror or error})") from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ExportError(f"{name}: not UTF-8 JSON") from None
    except json.JSONDecodeError as error:
        raise ExportError(f"{name}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})") from None
    except RecursionError:
        raise ExportError(f"{name}: JSON nested too deeply to be a letopis chronology") from None
    return check(data, name)


def source(
    chronology: Mapping[str, Any] | Source,
    *,
    texts: Mapping[str, str] | None = None,
    corpus_events: Sequence[Record] | None = None,
    conflicts: Sequence[Record] | None = None,
) -> Source:
    """A `Source` from a contract dict (checked), or the `Source` itself."""
    if isinstance(chronology, Source):
        return chronology
    return Source(
        check(dict(chronology)),
        texts=dict(texts or {}),
        corpus_events=list(corpus_events or []),
        conflicts=list(conflicts or []),
    )
