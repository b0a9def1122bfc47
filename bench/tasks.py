"""The task registry: which gold spans, which systems, how to score.

A task reads one corpus, turns each gold document into spans per label, and scores
each system's predicted spans of the same labels. Adding a row to the benchmark is adding
a `Task` here (and, for a new system, a runner and an entry in `systems.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from bench import datasets
from bench.datasets import GoldDoc
from bench.history import merge_pairs
from bench.history import score as history
from bench.scoring import MATCHERS, Link, Score, match_links
from bench.systems import SYSTEMS

Spans = dict[str, list[tuple[int, int]]]  # label -> (start, end) spans of one document
Record = dict[str, Any]  # one line a runner wrote for one document

CORPORA: dict[str, tuple[str, Callable[[], Iterator[GoldDoc]]]] = {
    "nerel-dev": ("NEREL dev", lambda: datasets.nerel("dev")),
    "factrueval-dev": ("factRuEval dev", lambda: datasets.factrueval("devset")),
    # The history gold's excerpts (bench/history, docs/history-gold.md); decide on heldout.
    "history-train": ("history train", lambda: iter(history.documents("train"))),
    "history-heldout": ("history heldout", lambda: iter(history.documents("heldout"))),
    # Texts about the same years, for merging events across documents (bench/history/merge_pairs.py).
    "history-merge": ("history same years", lambda: iter(merge_pairs.gold_documents())),
}

# Gold type -> task label, one table per task family.
NEREL_ENTITIES = {
    "PERSON": "PER", "ORGANIZATION": "ORG",
    "LOCATION": "LOC", "CITY": "LOC", "COUNTRY": "LOC", "STATE_OR_PROVINCE": "LOC", "DISTRICT": "LOC",
}
FACTRUEVAL_ENTITIES = {"Person": "PER", "Org": "ORG", "Location": "LOC", "LocOrg": "LOC"}
# factRuEval has no facility objects in its dev set: it files named buildings, squares,
# streets, airports and stations as Location («Белом доме», «Манежной площади», «МКС»),
# so a system's FACILITY counts as LOC there (NEREL keeps FACILITY apart, and so do its rows).
FACTRUEVAL_RELABEL = {"FACILITY": "LOC"}
NEREL_DATES = {"DATE": "DATE", "TIME": "DATE"}
NEREL_EVENTS = {"EVENT": "EVENT"}
# Event links: NEREL relation -> (link label, whether the event is Arg1). HAS_CAUSE reads
# effect -> cause, so its event is the effect and its argument the cause.
NEREL_EVENT_LINKS = {
    "POINT_IN_TIME": ("event-time", True), "START_TIME": ("event-time", True),
    "END_TIME": ("event-time", True), "TAKES_PLACE_IN": ("event-place", True),
    "PARTICIPANT_IN": ("event-participant", False), "AGENT": ("event-participant", False),
    "HAS_CAUSE": ("cause", True),
}
LINK_LABELS = ("event-time", "event-place", "event-participant", "cause")


def gold_spans(table: dict[str, str]) -> Callable[[GoldDoc], Spans]:
    """Gold spans of a document, grouped by the label `table` gives their type."""
    def collect(doc: GoldDoc) -> Spans:
        spans: Spans = {}
        for s in doc.spans:
            if s.type in table:
                spans.setdefault(table[s.type], []).append((s.start, s.end))
        return spans
    return collect


def predicted_spans(system: str, record: Record, names_only: bool = False,
                    relabel: dict[str, str] | None = None) -> Spans:
    """A runner's spans of one document, grouped by the label the system maps them to.

    `names_only` reads the spans as a corpus of flat names does (factRuEval): a span whose
    `form` says it is no name (a place adjective «российских», a descriptor «правительство
    Китая», letopis.entities.forms) is left out, and so is a span that begins a longer span
    of its label: «МИД» of «МИД России» is that name's head, not a second organisation, as
    factRuEval nests only names further in («РАН» of «Института этнологии и антропологии
    РАН»). A system that gives no form (natasha) has every span read as a name.

    `relabel` maps entity types that the corpus files under another label (factRuEval's
    Location takes named buildings, squares and streets: FACILITY -> LOC)."""
    spans: Spans = {}
    for s in record.get("spans", []):
        label = (relabel or {}).get(s["type"]) if s["layer"] == "entity" else None
        label = label or SYSTEMS[system].label(s["layer"], s["type"])
        if label is not None and (not names_only or s.get("form", "name") == "name"):
            spans.setdefault(label, []).append((s["start"], s["end"]))
    if names_only:
        spans = {label: without_heads(found) for label, found in spans.items()}
    return spans


def without_heads(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of the list but those that begin a longer span of the list: «МИД» of «МИД
    России», «Комитета освобождения» of «Комитета освобождения Парижа» name the longer
    span's referent by its head, where a span further in («РАН» of «Института этнологии и
    антропологии РАН») names another."""
    unique = set(spans)
    return sorted(s for s in unique if not any(a == s[0] and b > s[1] for a, b in unique))


def score_spans(task: "Task", system: str, docs: Iterable[tuple[GoldDoc, Record]]) -> dict[str, Score]:
    """Per-label P/R/F1 over all documents with the task's matching rule."""
    matcher = MATCHERS[task.matching]
    totals = {label: Score() for label in task.labels}
    for gold_doc, record in docs:
        gold, pred = task.gold(gold_doc), predicted_spans(system, record, task.names_only, task.relabel)
        for label in task.labels:
            totals[label].add(matcher(pred.get(label, []), gold.get(label, [])))
    return totals


def event_links(doc: GoldDoc) -> Iterator[tuple[str, Any, Any]]:
    """(link label, event span, argument span) of the NEREL event links whose event side is
    an EVENT span; the spans are the corpus reader's, with their types."""
    spans = {s.id: s for s in doc.spans}
    for rel in doc.relations:
        if rel.type not in NEREL_EVENT_LINKS or rel.arg1 not in spans or rel.arg2 not in spans:
            continue
        label, event_first = NEREL_EVENT_LINKS[rel.type]
        event, arg = (spans[rel.arg1], spans[rel.arg2]) if event_first else (spans[rel.arg2], spans[rel.arg1])
        if event.type == "EVENT":
            yield label, event, arg


def gold_links(doc: GoldDoc) -> dict[str, list[Link]]:
    """NEREL event links whose event side is an EVENT span, grouped by link label."""
    links: dict[str, list[Link]] = {}
    for label, event, arg in event_links(doc):
        links.setdefault(label, []).append(((event.start, event.end), (arg.start, arg.end)))
    return links


def score_links(task: "Task", system: str, docs: Iterable[tuple[GoldDoc, Record]]) -> dict[str, Score]:
    """Per-label link P/R/F1; runners write links as `{"type", "event": [s, e], "arg": [s, e]}`
    with `type` one of the task's labels."""
    totals = {label: Score() for label in task.labels}
    for gold_doc, record in docs:
        gold, events = gold_links(gold_doc), task.gold(gold_doc).get("EVENT", [])
        pred: dict[str, list[Link]] = {}
        for rel in record.get("relations", []):
            pred.setdefault(rel["type"], []).append((tuple(rel["event"]), tuple(rel["arg"])))
        for label in task.labels:
            totals[label].add(match_links(pred.get(label, []), gold.get(label, []), events))
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
    names_only: bool = False  # score only the spans a system gives as names, no heads of longer ones (predicted_spans)
    relabel: dict[str, str] | None = None  # entity type -> label where the corpus files it elsewhere
    whole: bool = False  # the scorer takes every document at once (a cross-document task), no per-document interval


TASKS: dict[str, Task] = {t.name: t for t in [
    Task("entities-nerel", "entities", "nerel-dev", ("PER", "ORG", "LOC"), ("letopis", "natasha"),
         gold_spans(NEREL_ENTITIES),
         about="NEREL PERSON; ORGANIZATION; LOCATION+CITY+COUNTRY+STATE_OR_PROVINCE+DISTRICT; "
               "one-to-one overlap"),
    Task("entities-factrueval", "entities", "factrueval-dev", ("PER", "ORG", "LOC"),
         ("letopis", "natasha"), gold_spans(FACTRUEVAL_ENTITIES), names_only=True, relabel=FACTRUEVAL_RELABEL,
         about="factRuEval Person; Org; Location+LocOrg; name spans only (gold: the objects' name "
               "spans; systems: the mentions they give as names, not the heads of longer ones); one-to-one overlap"),
    Task("entities-factrueval-all", "entities", "factrueval-dev", ("PER", "ORG", "LOC"),
         ("letopis", "natasha"), gold_spans(FACTRUEVAL_ENTITIES), relabel=FACTRUEVAL_RELABEL,
         about="as entities-factrueval, but every mention a system gives counts (place adjectives, "
               "descriptors, nested mentions), as NEREL counts them"),
    Task("dates-nerel", "dates", "nerel-dev", ("DATE",),
         ("letopis", "letopis-time", "heideltime", "dateparser", "natasha-dates"), gold_spans(NEREL_DATES),
         matching="any-overlap", about="NEREL DATE+TIME spans; relaxed overlap, no pairing"),
    Task("dates-nerel-strict", "dates", "nerel-dev", ("DATE",),
         ("letopis", "letopis-time", "heideltime", "dateparser", "natasha-dates"), gold_spans(NEREL_DATES),
         about="NEREL DATE+TIME spans; one-to-one overlap (each span matched once)"),
    Task("events-nerel", "events", "nerel-dev", ("EVENT",), ("letopis", "verb-baseline"),
         gold_spans(NEREL_EVENTS), about="NEREL EVENT spans as event mentions; one-to-one overlap"),
    Task("event-links-nerel", "events", "nerel-dev", LINK_LABELS, ("letopis", "verb-baseline"),
         gold_spans(NEREL_EVENTS), score=score_links,
         about="event-time (POINT_IN_TIME, START_TIME, END_TIME), event-place (TAKES_PLACE_IN), "
               "event-participant (PARTICIPANT_IN, AGENT), cause (HAS_CAUSE) links of EVENT spans; "
               "event and argument must overlap; links of events outside gold EVENT spans are left "
               "out of precision"),
]}


HISTORY_EVENTS_ABOUT = (
    "the history gold's events (docs/history-gold.md): events P/R/F1, a prediction matching a gold event "
    "when its trigger overlaps any acceptable trigger (optional gold events count neither way); dates by "
    "tier (inferred includes relative), all dates, the same read as written (no calendar conversion), "
    "agents and factuality as accuracies: P over the gold events found, R over all of them")
HISTORY_TIMEX_ABOUT = ("the history gold's dated time expressions: spans one to one by overlap; values right "
                       "when the day bounds equal the gold's (a window of a year or more on either calendar)")
HISTORY_ENTITY_ABOUT = (
    "the history gold's entities, on the excerpts whose entities are annotated: gold mentions paired one to one "
    "with the system's by overlap; entity-names (accuracy: a found person, organisation or place named by one "
    "of the gold's normal forms), mentions-merged (pairs of paired mentions in one entity), persons (P: the "
    "system's persons that are gold persons), map (P: the system's located entities within the gold place's "
    "radius of its point)")
for _split in ("train", "heldout"):
    TASKS[f"history-events-{_split}"] = Task(
        f"history-events-{_split}", "history", f"history-{_split}", history.EVENT_LABELS,
        ("letopis", "natasha-events", "verb-baseline"), lambda doc: {}, score=history.scorer(history.EVENT_LABELS),
        about=HISTORY_EVENTS_ABOUT)
    TASKS[f"history-timexes-{_split}"] = Task(
        f"history-timexes-{_split}", "history", f"history-{_split}", history.TIMEX_LABELS,
        ("letopis", "letopis-time", "heideltime", "dateparser", "natasha-dates"), lambda doc: {},
        score=history.scorer(history.TIMEX_LABELS), about=HISTORY_TIMEX_ABOUT)
    TASKS[f"history-entities-{_split}"] = Task(
        f"history-entities-{_split}", "history", f"history-{_split}", history.ENTITY_LABELS,
        ("letopis", "natasha-entities"), lambda doc: {}, score=history.scorer(history.ENTITY_LABELS),
        about=HISTORY_ENTITY_ABOUT)


TASKS["history-merge"] = Task(
    "history-merge", "history", "history-merge", ("merge", "conflict"), ("letopis",), lambda doc: {},
    score=merge_pairs.scorer, whole=True,
    about="letopis.corpus.merge over the chronologies of texts about the same years (bench/history/merge_pairs.py): "
          "merge P/R over labelled pairs of event mentions of different documents (P: labelled pairs put in one corpus "
          "event that tell one happening; R: pairs that tell one happening put in one corpus event); conflict: P only, "
          "the conflicts between documents that the labels call real (recall not measured)")


def select(only: str | None) -> list[Task]:
    """The tasks `--only` names (a task or a group); every scored task when None."""
    if only is None:
        return list(TASKS.values())
    chosen = [t for t in TASKS.values() if only in (t.name, t.group)]
    if not chosen:
        names = sorted(set(TASKS) | {t.group for t in TASKS.values()})
        raise SystemExit(f"unknown task {only!r}; choose from {', '.join(names)}")
    return chosen
