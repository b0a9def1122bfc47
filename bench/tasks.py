"""The task registry: which gold spans, which systems, how to score.

A task reads one corpus, turns each gold document into spans per label, and scores
each system's predicted spans of the same labels. Adding a row to the benchmark is adding
a `Task` here (and, for a new system, a runner and an entry in `systems.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from bench import datasets
from bench.datasets import GoldDoc
from bench.scoring import MATCHERS, Score
from bench.systems import SYSTEMS

Spans = dict[str, list[tuple[int, int]]]  # label -> (start, end) spans of one document
Record = dict[str, Any]  # one line a runner wrote for one document

CORPORA: dict[str, tuple[str, Callable[[], Iterator[GoldDoc]]]] = {
    "nerel-dev": ("NEREL dev", lambda: datasets.nerel("dev")),
    "factrueval-dev": ("factRuEval dev", lambda: datasets.factrueval("devset")),
}

# Gold type -> task label, one table per task family.
NEREL_ENTITIES = {
    "PERSON": "PER", "ORGANIZATION": "ORG",
    "LOCATION": "LOC", "CITY": "LOC", "COUNTRY": "LOC", "STATE_OR_PROVINCE": "LOC", "DISTRICT": "LOC",
}
FACTRUEVAL_ENTITIES = {"Person": "PER", "Org": "ORG", "Location": "LOC", "LocOrg": "LOC"}
NEREL_DATES = {"DATE": "DATE", "TIME": "DATE"}
NEREL_EVENTS = {"EVENT": "EVENT"}
# Event links: NEREL relation -> (link label, whether the event is Arg1).
NEREL_EVENT_LINKS = {
    "POINT_IN_TIME": ("event-time", True), "START_TIME": ("event-time", True),
    "END_TIME": ("event-time", True), "TAKES_PLACE_IN": ("event-place", True),
    "PARTICIPANT_IN": ("event-participant", False), "AGENT": ("event-participant", False),
    "HAS_CAUSE": ("cause", True),
}


def gold_spans(table: dict[str, str]) -> Callable[[GoldDoc], Spans]:
    """Gold spans of a document, grouped by the label `table` gives their type."""
    def collect(doc: GoldDoc) -> Spans:
        spans: Spans = {}
        for s in doc.spans:
            if s.type in table:
                spans.setdefault(table[s.type], []).append((s.start, s.end))
        return spans
    return collect


def predicted_spans(system: str, record: Record) -> Spans:
    """A runner's spans of one document, grouped by the label the system maps them to."""
    spans: Spans = {}
    for s in record.get("spans", []):
        label = SYSTEMS[system].label(s["layer"], s["type"])
        if label is not None:
            spans.setdefault(label, []).append((s["start"], s["end"]))
    return spans


def score_spans(task: "Task", system: str, docs: Iterable[tuple[GoldDoc, Record]]) -> dict[str, Score]:
    """Per-label P/R/F1 over all documents with the task's matching rule."""
    matcher = MATCHERS[task.matching]
    totals = {label: Score() for label in task.labels}
    for gold_doc, record in docs:
        gold, pred = task.gold(gold_doc), predicted_spans(system, record)
        for label in task.labels:
            totals[label].add(matcher(pred.get(label, []), gold.get(label, [])))
    return totals


Scorer = Callable[["Task", str, Iterable[tuple[GoldDoc, Record]]], dict[str, Score]]


@dataclass(frozen=True)
class Task:
    name: str
    group: str  # what --only may name besides the task itself: entities, dates, events
    corpus: str  # key of CORPORA
    labels: tuple[str, ...]
    systems: tuple[str, ...]
    gold: Callable[[GoldDoc], Spans]
    score: Scorer | None = score_spans  # None: the slot exists, its scorer does not yet
    matching: str = "overlap"  # key of scoring.MATCHERS
    about: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


TASKS: dict[str, Task] = {t.name: t for t in [
    Task("entities-nerel", "entities", "nerel-dev", ("PER", "ORG", "LOC"), ("letopis", "natasha"),
         gold_spans(NEREL_ENTITIES),
         about="NEREL PERSON; ORGANIZATION; LOCATION+CITY+COUNTRY+STATE_OR_PROVINCE+DISTRICT; "
               "one-to-one overlap"),
    Task("entities-factrueval", "entities", "factrueval-dev", ("PER", "ORG", "LOC"),
         ("letopis", "natasha"), gold_spans(FACTRUEVAL_ENTITIES),
         about="factRuEval Person; Org; Location+LocOrg; name spans only; one-to-one overlap"),
    Task("dates-nerel", "dates", "nerel-dev", ("DATE",),
         ("letopis", "heideltime", "dateparser", "natasha-dates"), gold_spans(NEREL_DATES),
         matching="any-overlap", about="NEREL DATE+TIME spans; relaxed overlap, no pairing"),
    Task("event-links-nerel", "events", "nerel-dev", tuple(sorted({v[0] for v in NEREL_EVENT_LINKS.values()})),
         ("letopis",), gold_spans(NEREL_EVENTS), score=None,
         about="event-time/place/participant and cause links from NEREL relations (scorer to come)",
         extra={"relations": NEREL_EVENT_LINKS}),
]}


def select(only: str | None) -> list[Task]:
    """The tasks `--only` names (a task or a group); every scored task when None."""
    if only is None:
        return list(TASKS.values())
    chosen = [t for t in TASKS.values() if only in (t.name, t.group)]
    if not chosen:
        names = sorted(set(TASKS) | {t.group for t in TASKS.values()})
        raise SystemExit(f"unknown task {only!r}; choose from {', '.join(names)}")
    return chosen
