"""What the event matcher knows of each event: read once from the contract dicts.

Dates become day numbers, entity ids become corpus entity ids, and each event learns
its sentence's context: the other entities named in the sentence and the days its time
expressions name. Context is weak evidence for matching (an undated «демонстрацию» in a
sentence that says «2 июня» and «в Новочеркасске»); it is never used as the event's date.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..fold import fold_wording
from ..time.calendar import day_number_or_none, day_text
from ..same_event import is_name_word, named_by_place
from .lexicon import family
from .model import Record
from .wording import stem, trigger_word

_MAX_CONTEXT_DAYS = 1  # a context date is evidence only when it names one day
_VERB_LEMMA_ENDINGS = ("ть", "ться", "ти", "тись", "чь", "чься")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@dataclass(slots=True)
class EventFeatures:
    index: int
    source: int  # chronology index
    doc: str  # document key: sha256 (else chronology index and document id)
    event: Record
    key: str  # stable key: sha256:start-end
    type: str
    family: str
    word: str  # the trigger's lemma (`wording.trigger_word`)
    earliest: int | None  # Julian Day Number (time.calendar), BC included
    latest: int | None
    agents: frozenset[str]
    others: frozenset[str]  # other participants
    places: frozenset[str]
    roles: tuple[tuple[str, str], ...] = ()  # (role, corpus entity) as the document gives them
    context: frozenset[str] = frozenset()  # corpus entities named elsewhere in the sentence
    context_days: frozenset[int] = frozenset()
    sentence_text: str | None = None
    timex_spans: list[tuple[int, int]] = field(default_factory=list)  # in the sentence's offsets
    before: list[str] = field(default_factory=list)  # up to three folded lower-case words before the trigger in its sentence
    name: str | None = None  # a named event («Февральская революция»): the stem of its name word and the trigger's lemma

    entities: frozenset[str] = frozenset()  # agents, other participants and places together
    around: frozenset[str] = frozenset()  # entities and context together

    def __post_init__(self) -> None:
        self.entities = self.agents | self.others | self.places
        self.around = self.entities

    @property
    def bounded(self) -> bool:
        return self.earliest is not None and self.latest is not None


def iso(number: int | None) -> str | None:
    return None if number is None else day_text(number)


def event_key(sha256: str, trigger: Record) -> str:
    """The stable key of an event: its document's content hash and its trigger's offsets."""
    return f"{sha256}:{trigger['start']}-{trigger['end']}"


def read_events(
    chronologies: Sequence[Record],
    entity_map: dict[tuple[int, str], str],
    texts: dict[str, str] | None = None,
) -> list[EventFeatures]:
    """Features of every event of every chronology, in input order."""
    texts = texts or {}
    found: list[EventFeatures] = []
    for source, chron in enumerate(chronologies):
        docs = {d["id"]: d for d in chron.get("documents", [])}
        mentions = _mentions_by_doc(chron, source, entity_map)
        timexes = _timexes_by_doc(chron)
        for event in chron.get("events", []):
            document = docs.get(event["doc"], {})
            sha = document.get("sha256") or f"{source}/{event['doc']}"
            text = document.get("text") or texts.get(sha)
            features = _features(len(found), source, sha, event, entity_map, text)
            _add_context(features, mentions.get(event["doc"], ([], [])), timexes.get(event["doc"], []))
            found.append(features)
    return found


def _features(
    index: int, source: int, sha: str, event: Record, entity_map: dict[tuple[int, str], str], text: str | None
) -> EventFeatures:
    def corpus(entity_id: str) -> str:
        return entity_map.get((source, entity_id), f"{source}/{entity_id}")

    roles = event.get("participants", [])
    time = event.get("time") or {}
    sentence = event.get("sentence") or {}
    return EventFeatures(
        index=index,
        source=source,
        doc=sha,
        event=event,
        key=event_key(sha, event["trigger"]),
        type=event["type"],
        family=family(event["type"]),
        word=trigger_word(event["trigger"]),
        earliest=day_number_or_none(time.get("earliest")),
        # An inferred window's upper bound is the next dated event told in the same document:
        # the document's order of telling, not a claim about when the event happened, so
        # matching across documents reads it as open («не ранее»), as a reader would.
        latest=None if time.get("basis") == "inferred" and time.get("earliest") else day_number_or_none(time.get("latest")),
        agents=frozenset(corpus(p["entity"]) for p in roles if p["role"] == "agent"),
        others=frozenset(corpus(p["entity"]) for p in roles if p["role"] != "agent"),
        places=frozenset(corpus(p) for p in event.get("places", [])),
        roles=tuple((p["role"], corpus(p["entity"])) for p in roles),
        sentence_text=text[sentence["start"]: sentence["end"]] if text is not None and sentence else None,
        **_wording_around(text, sentence, event["trigger"]),
    )


def _wording_around(text: str | None, sentence: Record, trigger: Record) -> dict:
    """The words before the trigger in its sentence, and the event's name when it is named: a
    capitalised word right before the trigger or inside a multi-word trigger («… началась
    Февральская революция»), else the place right after it («Сражение под Красным»)."""
    if text is None or not sentence:
        return {}
    start = trigger["start"]
    if trigger_word(trigger).endswith(_VERB_LEMMA_ENDINGS):  # «Наполеон вступил»: a verb names no event
        return {"before": [fold_wording(w.group()).lower() for w in list(_WORD.finditer(text, sentence["start"], start))[-3:]]}
    words = list(_WORD.finditer(text, sentence["start"], start))
    before = [fold_wording(w.group()).lower() for w in words[-3:]]
    inside = [w.group() for w in _WORD.finditer(text, start, trigger["end"])]
    capital = [w for w in inside[:-1] if w[:1].isupper()]
    if not capital and words and not text[words[-1].end():start].strip() \
            and is_name_word(words[-1].group(), opens_sentence=words[-1].start() <= sentence["start"]):
        capital = [words[-1].group()]
    name = f"{stem(capital[0])} {trigger_word(trigger)}" if capital else None
    if name is None:
        at = named_by_place(text[trigger["end"]:sentence["end"]])
        name = f"{trigger_word(trigger)} {at[0]} {stem(at[1])}" if at else None
    return {"before": before, "name": name}


def _mentions_by_doc(chron: Record, source: int, entity_map) -> dict[str, tuple[list[int], list[str]]]:
    """Per document: mention starts (sorted) and their corpus entity ids, for bisecting by sentence."""
    spans: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for entity in chron.get("entities", []):
        corpus_id = entity_map.get((source, entity["id"]), f"{source}/{entity['id']}")
        for mention in entity.get("mentions", []):
            spans[mention["doc"]].append((mention["start"], corpus_id))
    result = {}
    for doc, pairs in spans.items():
        pairs.sort()
        result[doc] = ([p[0] for p in pairs], [p[1] for p in pairs])
    return result


def _timexes_by_doc(chron: Record) -> dict[str, list[tuple[int, int, int | None, int | None]]]:
    found: dict[str, list[tuple[int, int, int | None, int | None]]] = defaultdict(list)
    for t in chron.get("timexes", []):
        found[t["doc"]].append((t["start"], t["end"], day_number_or_none(t.get("earliest")), day_number_or_none(t.get("latest"))))
    for spans in found.values():
        spans.sort()
    return found


def _add_context(features: EventFeatures, mentions: tuple[list[int], list[str]], timexes) -> None:
    sentence = features.event.get("sentence")
    if not sentence:
        return
    starts, ids = mentions
    lo, hi = bisect.bisect_left(starts, sentence["start"]), bisect.bisect_left(starts, sentence["end"])
    features.context = frozenset(ids[lo:hi]) - features.entities
    features.around = features.entities | features.context
    first = bisect.bisect_left(timexes, (sentence["start"],))
    days, spans = set(), []
    for start, end, earliest, latest in timexes[first:]:
        if start >= sentence["end"]:
            break
        spans.append((start - sentence["start"], end - sentence["start"]))
        if earliest is not None and latest is not None and latest - earliest < _MAX_CONTEXT_DAYS:
            days.add(earliest)
    features.context_days = frozenset(days)
    features.timex_spans = spans
