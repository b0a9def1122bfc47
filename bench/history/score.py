"""Scoring whole events and time expressions against the history gold.

Events are matched one to one: a predicted event matches a gold event when its trigger
overlaps any of the gold's acceptable trigger spans (a required gold event before an
optional one, then the nearest). A prediction matched to an optional gold event counts
neither way; every other prediction is a false alarm, since the gold is exhaustive.

The accuracy labels fill a `Score` so that the table reads them as it reads spans:
P is the accuracy over the gold events the system found, R over all the gold events of the
label (a missed event counts as wrong), F1 their harmonic mean.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from bench.datasets import GoldDoc
from bench.history import gold
from bench.history.gold import GoldEvent, GoldText, Span
from bench.scoring import Score, overlaps

Record = dict[str, Any]

EVENT_LABELS = ("events", "dates-explicit", "dates-context", "dates-inferred", "dates-all",
                "dates-as-written", "agents", "factuality")
TIMEX_LABELS = ("timex-spans", "timex-values")
ENTITY_LABELS = ("entity-names", "mentions-merged", "persons", "map")
NAMED_TYPES = ("PERSON", "ORGANIZATION", "LOCATION", "FACILITY")  # the types whose names are scored
# Tiers each date label scores; "relative" dates are inferred from another event or time.
TIER_LABELS = {"dates-explicit": ("explicit",), "dates-context": ("context",),
               "dates-inferred": ("relative", "inferred")}
LONG = 300  # days: a window this long reads the same on either calendar
DECADE = 3650  # days: a window this long may be counted a year apart (XII век: 1101–1200 or 1100–1199)


@cache
def texts() -> dict[str, GoldText]:
    return {doc.id: doc for doc in gold.load()}


def documents(split: str) -> Iterable[GoldDoc]:
    """The gold excerpts of a split as the benchmark's documents (text = the excerpt)."""
    for doc in texts().values():
        if doc.split == split:
            yield GoldDoc(doc.id, doc.path, doc.text, [])


def _local(span: Span, doc: GoldText) -> Span:
    return span[0] - doc.start, span[1] - doc.start


def _bound_ok(pred: str | None, truth: str | None, slack: int) -> bool:
    if pred is None or truth is None:
        return pred is None and truth is None
    return abs(gold.day_number(pred) - gold.day_number(truth)) <= slack


def date_right(earliest: str | None, latest: str | None, event: GoldEvent | gold.GoldTimex,
               as_written: bool = False, slack: int = 0) -> bool:
    """Whether a predicted window is the gold's, on the proleptic Gregorian calendar (or as
    written). A window of a year or more may be read on either calendar, and a bound may be
    off by about a hundredth of the window's length, and by a year in a window of a decade or
    more: a century, or its first third, counted from 1501 or from 1500."""
    readings = [gold.window(event.earliest, event.latest, event.calendar, as_written)]
    g_first, g_last = readings[0]
    if g_first and g_last:
        length = gold.day_number(g_last) - gold.day_number(g_first)
        slack = max(slack, length // 99, 366 if length >= DECADE else 0)
        if not as_written and length >= LONG:
            readings.append((event.earliest, event.latest))
    return any(_bound_ok(earliest, first, slack) and _bound_ok(latest, last, slack) for first, last in readings)


def fold(name: str) -> str:
    return re.sub(r"[^\w ]+", " ", name.lower().replace("ё", "е")).strip()


def agent_right(predicted: list[dict[str, Any]], truth: gold.GoldAgent, doc: GoldText) -> bool:
    """A predicted agent is right when one of its mentions overlaps a gold agent span, or its
    name and the gold's share all the words of the shorter («Наполеон», «Наполеон Бонапарт»)."""
    spans = [_local(s, doc) for s in truth.spans]
    words = set(fold(truth.name).split())
    for agent in predicted:
        if any(overlaps(tuple(p), s) for p in agent["spans"] for s in spans):
            return True
        theirs = set(fold(agent["name"]).split())
        if theirs and words and (theirs <= words or words <= theirs):
            return True
    return False


def match(doc: GoldText, predicted: list[Record]) -> tuple[dict[str, Record], int]:
    """Gold event id -> the prediction matched to it, and the number of false alarms."""
    triggers = {e.id: [_local(t, doc) for t in e.triggers] for e in doc.events}
    matched: dict[str, Record] = {}
    false_alarms = 0
    for pred in sorted(predicted, key=lambda p: tuple(p["trigger"])):
        span = tuple(pred["trigger"])
        candidates = [e for e in doc.events if e.id not in matched
                      and any(overlaps(span, t) for t in triggers[e.id])]
        if not candidates:
            false_alarms += 1
            continue
        best = min(candidates, key=lambda e: (e.optional, min(abs(t[0] - span[0]) for t in triggers[e.id])))
        matched[best.id] = pred
    return matched, false_alarms


def score_events(doc: GoldText, record: Record) -> dict[str, Score]:
    matched, false_alarms = match(doc, record.get("events", []))
    required = [e for e in doc.events if not e.optional]
    found = sum(e.id in matched for e in required)
    scores = {label: Score() for label in EVENT_LABELS}
    scores["events"] = Score(tp_pred=found, tp_gold=found, pred=found + false_alarms, gold=len(required))

    def tally(label: str, event: GoldEvent, right: bool) -> None:
        s = scores[label]
        s.gold += 1
        if event.id in matched:
            s.pred += 1
            s.tp_pred += right
            s.tp_gold += right

    for e in required:
        pred = matched.get(e.id)
        dated = pred is not None and date_right(pred["earliest"], pred["latest"], e, slack=e.slack)
        for label, tiers in TIER_LABELS.items():
            if e.tier in tiers:
                tally(label, e, dated)
        tally("dates-all", e, dated)
        tally("dates-as-written", e, pred is not None
              and date_right(pred["earliest"], pred["latest"], e, as_written=True, slack=e.slack))
        if e.agent is not None:
            tally("agents", e, pred is not None and agent_right(pred["agents"], e.agent, doc))
        tally("factuality", e, pred is not None and pred["factuality"] == e.factuality)
    return scores


def timex_right(pred: Record, truth: gold.GoldTimex) -> bool:
    """A predicted time expression's value is the gold's: its day bounds, or, where its mod opens
    or blurs the value («с 1766 года»), the value's own (`runner_io.timex_span`)."""
    return (date_right(pred.get("earliest"), pred.get("latest"), truth)
            or ("value_earliest" in pred and date_right(pred["value_earliest"], pred["value_latest"], truth)))


def score_timexes(doc: GoldText, record: Record) -> dict[str, Score]:
    """Dated time expressions: spans one to one by overlap; values right when the day bounds are,
    or, for an expression whose mod opens or blurs its value («с 1766 года»), the value's own."""
    predicted = sorted((s for s in record.get("spans", []) if s["layer"] == "timex"
                        and (s.get("earliest") or s.get("latest"))), key=lambda s: (s["start"], s["end"]))
    truth = sorted(doc.timexes, key=lambda t: t.span)
    used: set[str] = set()
    spans = values = 0
    for pred in predicted:
        for t in truth:
            if t.id not in used and overlaps((pred["start"], pred["end"]), _local(t.span, doc)):
                used.add(t.id)
                spans += 1
                values += timex_right(pred, t)
                break
    return {"timex-spans": Score(spans, spans, len(predicted), len(truth)),
            "timex-values": Score(values, values, len(predicted), len(truth))}


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def score_entities(doc: GoldText, record: Record) -> dict[str, Score]:
    """Entities of an excerpt whose entities are annotated (others score nothing).

    Gold mentions are paired one to one with predicted mentions by overlap; a gold entity's
    system entity is the one holding most of its paired mentions.
    - entity-names: a found gold person, organisation, place or facility whose system entity's
      name is one of the gold's names (folded);
    - mentions-merged: pairs of paired mentions, P over the pairs the system puts in one entity,
      R over the pairs the gold puts in one entity;
    - persons: P over the system's persons (right when one of its mentions is a gold person's),
      R over the gold persons (found as persons);
    - map: P over the system's located entities (right when paired with a gold place whose point
      is within its radius), R over the gold places that have a point.
    """
    scores = {label: Score() for label in ENTITY_LABELS}
    if doc.entities is None:
        return scores
    predicted = record.get("entities", [])
    owner_of = {tuple(m): i for i, e in enumerate(predicted) for m in e["mentions"]}
    pred_mentions = sorted(owner_of)
    used: set[tuple[int, int]] = set()
    paired: dict[tuple[int, int], tuple[str, int]] = {}  # gold mention -> (gold entity, system entity)
    for x in doc.entities:
        for m in x.mentions:
            span = _local(m, doc)
            hit = next((p for p in pred_mentions if p not in used and overlaps(p, span)), None)
            if hit is not None:
                used.add(hit)
                paired[span] = (x.id, owner_of[hit])
    system_of: dict[str, int] = {}
    for x in doc.entities:
        votes = [paired[_local(m, doc)][1] for m in x.mentions if _local(m, doc) in paired]
        if votes:
            system_of[x.id] = max(set(votes), key=votes.count)
    for x in doc.entities:
        if x.type not in NAMED_TYPES:
            continue
        s = scores["entity-names"]
        s.gold += 1
        if x.id in system_of:
            s.pred += 1
            right = fold(predicted[system_of[x.id]]["name"]) in {fold(n) for n in x.names}
            s.tp_pred += right
            s.tp_gold += right
    pairs = list(paired.values())
    merged = scores["mentions-merged"]
    for i in range(len(pairs)):
        for j in range(i + 1, len(pairs)):
            same_gold, same_system = pairs[i][0] == pairs[j][0], pairs[i][1] == pairs[j][1]
            merged.gold += same_gold
            merged.pred += same_system
            merged.tp_pred += same_gold and same_system
            merged.tp_gold += same_gold and same_system
    gold_of_mention = {_local(m, doc): x for x in doc.entities for m in x.mentions}

    def gold_entities(e: Record) -> list:
        return [x for m in e["mentions"] for g, x in gold_of_mention.items() if overlaps(tuple(m), g)]

    persons = scores["persons"]
    persons.gold = sum(x.type == "PERSON" for x in doc.entities)
    persons.tp_gold = sum(x.type == "PERSON" and x.id in system_of and predicted[system_of[x.id]]["type"] == "PERSON"
                          for x in doc.entities)
    for e in predicted:
        if e["type"] == "PERSON":
            persons.pred += 1
            persons.tp_pred += any(x.type == "PERSON" for x in gold_entities(e))
    places = scores["map"]
    places.gold = sum(x.point is not None for x in doc.entities)
    for e in predicted:
        if not e.get("point"):
            continue
        places.pred += 1
        right = [x for x in gold_entities(e) if x.point is not None
                 and _km(tuple(e["point"]), x.point) <= x.radius_km]
        places.tp_pred += bool(right)
    places.tp_gold = sum(bool(x.point is not None and x.id in system_of and predicted[system_of[x.id]].get("point")
                              and _km(tuple(predicted[system_of[x.id]]["point"]), x.point) <= x.radius_km)
                         for x in doc.entities)
    return scores


SCORERS = {EVENT_LABELS: score_events, TIMEX_LABELS: score_timexes, ENTITY_LABELS: score_entities}


def scorer(labels: tuple[str, ...]):
    """A task scorer (bench.tasks.Scorer) for event or time-expression labels."""
    def score(task: Any, system: str, docs: Iterable[tuple[GoldDoc, Record]]) -> dict[str, Score]:
        totals = {label: Score() for label in labels}
        for gold_doc, record in docs:
            doc = texts()[gold_doc.id]
            found = SCORERS[labels](doc, record)
            for label in labels:
                totals[label].add(found[label])
        return totals
    return score
