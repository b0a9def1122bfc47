"""The history gold: excerpts of real history texts with their events and time expressions.

A gold file describes one excerpt `[start, end)` of a text under ../shared/data/history by
offsets only; the text is read from there and checked against the file's sha256. Dates are
written as the text gives them (`calendar`: "julian" for Old Style, the convention for Russian
dates before 14 February 1918; "gregorian" otherwise) and read on the proleptic Gregorian
calendar by `window()`, as letopis's contract gives them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bench.datasets import DATA
from letopis.time import calendar

GOLD = Path(__file__).resolve().parent / "gold"
HISTORY = DATA / "history"

KINDS = ("notes", "biography", "novel")
SPLITS = ("train", "heldout")
TIERS = ("explicit", "context", "relative", "inferred", "unknown")
FACTUALITY = ("actual", "negated", "intended", "unrealized", "hypothetical", "uncertain")
CALENDARS = ("gregorian", "julian")

Span = tuple[int, int]


@dataclass(slots=True)
class GoldTimex:
    id: str
    span: Span
    value: str  # TIMEX3 value as the text gives it: "1812-08-26", "1812", "17" (the 18th century) ...
    earliest: str | None  # ISO day as written (on `calendar`); None where the text gives no bound
    latest: str | None
    calendar: str = "gregorian"


@dataclass(slots=True)
class GoldAgent:
    name: str  # normal form: «Юрий Долгорукий»
    spans: list[Span]  # its mentions that express the agent (a pronoun and its antecedent)


@dataclass(slots=True)
class GoldEvent:
    id: str
    triggers: list[Span]  # every acceptable word or phrase for the event
    sentence: Span
    cls: str  # event class of the history inventory (docs/history-gold.md)
    earliest: str | None  # as written, on `calendar`
    latest: str | None
    calendar: str = "gregorian"
    tier: str = "unknown"
    slack: int = 0  # days either bound may be off where the text is vague
    timex: str | None = None
    agent: GoldAgent | None = None
    factuality: str = "actual"
    optional: bool = False  # acceptable, but not required: neither a miss nor a false alarm


ENTITY_TYPES = ("PERSON", "ORGANIZATION", "LOCATION", "FACILITY", "GROUP")


@dataclass(slots=True)
class GoldEntity:
    id: str
    type: str  # one of ENTITY_TYPES
    names: list[str]  # acceptable normal forms, the preferred first: «Василий III», «Василий III Иванович»
    mentions: list[Span]  # every mention in the excerpt, pronouns left out
    subtype: str | None = None  # CITY, COUNTRY, STATE, REGION, RIVER, LAKE, SEA, MILITARY_UNIT, PEOPLE ...
    point: tuple[float, float] | None = None  # a place's latitude and longitude, where a reader can place it
    radius_km: float = 50.0  # how far a pin may stand from `point` (a country or a region: more)


@dataclass(slots=True)
class GoldText:
    id: str
    source: str  # path under ../shared/data/history
    sha256: str
    start: int
    end: int
    kind: str
    split: str
    events: list[GoldEvent] = field(default_factory=list)
    timexes: list[GoldTimex] = field(default_factory=list)
    entities: list[GoldEntity] | None = None  # None: the excerpt's entities are not annotated yet
    _text: str | None = None

    @property
    def path(self) -> Path:
        return HISTORY / self.source

    @property
    def full_text(self) -> str:
        if self._text is None:
            raw = self.path.read_bytes()
            digest = hashlib.sha256(raw).hexdigest()
            if digest != self.sha256:
                raise ValueError(f"{self.path}: sha256 {digest[:12]} differs from the gold's {self.sha256[:12]}")
            self._text = raw.decode("utf-8")
        return self._text

    @property
    def text(self) -> str:
        """The excerpt the systems read; gold offsets minus `start` index into it."""
        return self.full_text[self.start:self.end]


def _span(value: list[int]) -> Span:
    return int(value[0]), int(value[1])


def from_json(data: dict) -> GoldText:
    events = [GoldEvent(
        e["id"], [_span(s) for s in e["triggers"]], _span(e["sentence"]), e["class"],
        e.get("earliest"), e.get("latest"), e.get("calendar", "gregorian"), e.get("tier", "unknown"),
        e.get("slack", 0), e.get("timex"),
        GoldAgent(e["agent"]["name"], [_span(s) for s in e["agent"]["spans"]]) if e.get("agent") else None,
        e.get("factuality", "actual"), e.get("optional", False),
    ) for e in data["events"]]
    timexes = [GoldTimex(t["id"], _span(t["span"]), t.get("value", ""), t.get("earliest"), t.get("latest"),
                         t.get("calendar", "gregorian")) for t in data["timexes"]]
    entities = None if "entities" not in data else [
        GoldEntity(x["id"], x["type"], list(x["names"]), [_span(m) for m in x["mentions"]], x.get("subtype"),
                   tuple(x["point"]) if x.get("point") else None, x.get("radius_km", 50.0))
        for x in data["entities"]]
    return GoldText(data["id"], data["source"], data["sha256"], data["start"], data["end"], data["kind"],
                    data["split"], events, timexes, entities)


def to_json(doc: GoldText) -> dict:
    def event(e: GoldEvent) -> dict:
        out = {"id": e.id, "triggers": [list(s) for s in e.triggers], "sentence": list(e.sentence),
               "class": e.cls, "earliest": e.earliest, "latest": e.latest, "calendar": e.calendar,
               "tier": e.tier, "factuality": e.factuality}
        if e.slack:
            out["slack"] = e.slack
        if e.timex:
            out["timex"] = e.timex
        if e.agent:
            out["agent"] = {"name": e.agent.name, "spans": [list(s) for s in e.agent.spans]}
        if e.optional:
            out["optional"] = True
        return out

    def entity(x: GoldEntity) -> dict:
        out = {"id": x.id, "type": x.type, "names": x.names, "mentions": [list(m) for m in x.mentions]}
        if x.subtype:
            out["subtype"] = x.subtype
        if x.point:
            out["point"] = list(x.point)
            if x.radius_km != 50.0:
                out["radius_km"] = x.radius_km
        return out

    out = {"id": doc.id, "source": doc.source, "sha256": doc.sha256, "start": doc.start, "end": doc.end,
           "kind": doc.kind, "split": doc.split,
           "timexes": [{"id": t.id, "span": list(t.span), "value": t.value, "earliest": t.earliest,
                        "latest": t.latest, "calendar": t.calendar} for t in doc.timexes],
           "events": [event(e) for e in doc.events]}
    if doc.entities is not None:
        out["entities"] = [entity(x) for x in doc.entities]
    return out


def load(split: str | None = None) -> Iterator[GoldText]:
    """The gold texts (of one split), in id order."""
    for path in sorted(GOLD.glob("*.json")):
        doc = from_json(json.loads(path.read_text(encoding="utf-8")))
        if split is None or doc.split == split:
            yield doc


def write(doc: GoldText) -> Path:
    path = GOLD / f"{doc.id}.json"
    path.write_text(json.dumps(to_json(doc), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


# -- dates -------------------------------------------------------------------------------


def expand(text: str, last: bool) -> calendar.Ymd:
    """The first (or last) day of "YYYY", "YYYY-MM" or "YYYY-MM-DD"; '-' before a year below 0
    (astronomical: 1 BC is 0000)."""
    negative = text.startswith("-")
    parts = [int(p) for p in text.lstrip("-").split("-")]
    year = -parts[0] if negative else parts[0]
    if len(parts) == 1:
        return (year, 12, 31) if last else (year, 1, 1)
    month = parts[1]
    if len(parts) == 2:
        return (year, month, calendar.days_in_month(year, month)) if last else (year, month, 1)
    return year, month, parts[2]


def to_gregorian(day: str | None, cal: str) -> str | None:
    """An ISO day as written on `cal`, on the proleptic Gregorian calendar."""
    if day is None:
        return None
    ymd = calendar.parse_iso(day)
    return calendar.iso(calendar.old_style_to_gregorian(*ymd)) if cal == "julian" else day


def window(earliest: str | None, latest: str | None, cal: str, as_written: bool = False) -> tuple[str | None, str | None]:
    """The gold window on the proleptic Gregorian calendar (or as written)."""
    if as_written:
        return earliest, latest
    return to_gregorian(earliest, cal), to_gregorian(latest, cal)


def day_number(day: str) -> int:
    return calendar.jdn(*calendar.parse_iso(day))


def split_of(text_id: str) -> str:
    """The split an excerpt belongs to, fixed by its id alone: a third are held out."""
    return "heldout" if int(hashlib.sha1(text_id.encode()).hexdigest(), 16) % 3 == 0 else "train"
