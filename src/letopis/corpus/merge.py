"""`merge`: many one-document chronologies → corpus entities, corpus events and conflicts.

A pure function over contract dicts (`letopis.parallel.Outcome.chronology`, or
`letopis.chronology.build(docs).to_dict()`, or a store's `chronology()`): no database,
no model. The steps, each in its own module:
  1. entities across documents (`entities.merge_entities`);
  2. event features (`features.read_events`);
  3. events the user joined are merged first, then in-document coreference
     (`coreference.corefer`: a `same` relation of the document backed by evidence the
     corpus layer checks itself); events the user split may never meet;
  4. candidate pairs from blocks (`matching.candidate_pairs`), scored (`matching.score`),
     merged best first, never two events of one document in one corpus event, and never
     so that the sources' dates of one corpus event lie more than a few days apart (a
     near-miss date is a disagreement about one event; a chain of them would be many events);
  5. corpus time bounds and conflicts for each corpus event (`disagreements`).
A corpus event's `sources` is the number of distinct documents that tell it; several
mentions in one document are coreference («упоминаний в документе»), never sources.
"""

from __future__ import annotations

import gc
import time as clock
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager

from ..time.calendar import day_number_or_none
from ..clusters import Clusters
from .disagreements import corpus_time, find_conflicts
from .coreference import corefer, proposed_pairs
from .entities import merge_entities
from .features import EventFeatures, read_events
from .matching import NEAR_MISS_DAYS, Candidate, candidate_pairs, score
from .model import Conflict, Correction, CorpusEvent, CorpusResult, Record


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector while merging.

    The merge allocates millions of small tuples and dicts beside the large, long-lived
    chronologies; each full collection walks all of them, which made the cost grow faster
    than the number of comparisons (30 000 events: 27 s with it, 11 s without). The merge
    makes no reference cycles, so nothing is left for the collector to find.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def merge(
    chronologies: Sequence[Record],
    corrections: Iterable[Correction] = (),
    texts: Mapping[str, str] | None = None,
) -> CorpusResult:
    """Merge chronologies into one corpus.

    `texts` maps a document's sha256 to its text (a document entry's own `text` field
    serves too); without it mentions carry sentence offsets but no sentence text and no
    number conflicts can be found.
    """
    with _no_cycle_collection():
        return _merge(chronologies, list(corrections), texts)


def _merge(chronologies: Sequence[Record], corrections: list[Correction], texts: Mapping[str, str] | None) -> CorpusResult:
    began = clock.perf_counter()
    entities, entity_map = merge_entities(chronologies, corrections)
    names = {e.id: e.name for e in entities}
    events = read_events(chronologies, entity_map, dict(texts or {}))
    clusters = Clusters(len(events), groups=[e.doc for e in events],
                        bounds=[(e.earliest, e.latest) for e in events], tolerance=NEAR_MISS_DAYS)
    evidence: list[Record] = []
    _apply_corrections(events, clusters, corrections, evidence)
    _in_document_coreference(chronologies, events, clusters, evidence)
    candidates, comparisons = _candidates(events)
    for c in candidates:
        if clusters.union(c.a, c.b):
            evidence.append({"a": events[c.a].key, "b": events[c.b].key, "score": c.score, "features": c.features})
    documents = {(i, d["id"]): d for i, chron in enumerate(chronologies) for d in chron.get("documents", [])}
    corpus_events, conflicts = _corpus_events(events, clusters, evidence, names, documents)
    stats = {
        "documents": len({e.doc for e in events}), "events": len(events), "corpus_events": len(corpus_events),
        "comparisons": comparisons, "candidates": len(candidates), "seconds": round(clock.perf_counter() - began, 3),
    }
    return CorpusResult(entities, corpus_events, conflicts, stats)


def _apply_corrections(events: list[EventFeatures], clusters: Clusters, corrections: list[Correction], evidence: list[Record]) -> None:
    by_key: dict[str, list[int]] = defaultdict(list)
    for e in events:
        by_key[e.key].append(e.index)
    for c in corrections:
        if c.kind == "event" and c.action == "split":
            for a in by_key.get(c.a, []):
                for b in by_key.get(c.b, []):
                    clusters.forbid(a, b)
    for c in corrections:
        if c.kind == "event" and c.action == "join" and by_key.get(c.a) and by_key.get(c.b):
            if clusters.union(by_key[c.a][0], by_key[c.b][0], force=True):
                evidence.append({"a": c.a, "b": c.b, "score": None, "features": {"forced": c.id}})


def _in_document_coreference(chronologies: Sequence[Record], events: list[EventFeatures], clusters: Clusters, evidence: list[Record]) -> None:
    """In-document coreference: a document's `same` pairs that the corpus layer's own evidence
    backs (`coreference.corefer`); a user's split still wins."""
    for a, b in proposed_pairs(chronologies, events):
        found = corefer(events[a], events[b])
        if found is not None and clusters.union(a, b, groups=False):
            evidence.append({"a": events[a].key, "b": events[b].key, "score": None, "features": found})


def _candidates(events: list[EventFeatures]) -> tuple[list[Candidate], int]:
    """Scored candidate pairs, best first, and the number of comparisons made."""
    best: dict[tuple[int, int], Candidate] = {}
    comparisons = 0
    for a, b in candidate_pairs(events):
        comparisons += 1
        pair = (a, b) if a < b else (b, a)
        if pair in best:
            continue
        found = score(events[pair[0]], events[pair[1]])
        if found is not None:
            best[pair] = found
    return sorted(best.values(), key=lambda c: (-c.score, c.a, c.b)), comparisons


def _mention(event: EventFeatures, documents: dict[tuple[int, str], Record], names: dict[str, str]) -> Record:
    record = event.event
    document = documents.get((event.source, record["doc"]), {})
    sentence = dict(record.get("sentence") or {})
    sentence["text"] = event.sentence_text
    return {
        "doc": record["doc"],
        "source": document.get("source", record["doc"]),
        "sha256": document.get("sha256"),
        "event": record["id"],
        "key": event.key,
        "type": record["type"],
        "trigger": dict(record["trigger"]),
        "sentence": sentence,
        "time": dict(record.get("time") or {}),
        "factuality": record.get("factuality"),
        "participants": [{"role": role, "entity": e, "name": names.get(e, e)} for role, e in event.roles],
        "places": [{"entity": p, "name": names.get(p, p)} for p in sorted(event.places)],
    }


def _first_day(time: Record, members: list[EventFeatures]) -> tuple:
    """Corpus events in date order: by the agreed earliest day, else any source's, undated last."""
    days = [time.get("earliest"), time.get("latest"), *(time.get("sources") or [])]
    days += [m.event["time"].get("earliest") for m in members] + [m.event["time"].get("latest") for m in members]
    known = [n for n in map(day_number_or_none, days) if n is not None]
    return (0, min(known)) if known else (1, 0)


def _corpus_events(
    events: list[EventFeatures],
    clusters: Clusters,
    evidence: list[Record],
    names: dict[str, str],
    docs: dict[tuple[int, str], Record],
) -> tuple[list[CorpusEvent], list[Conflict]]:
    groups = clusters.clusters()
    edges_by_root: dict[int, list[Record]] = defaultdict(list)
    key_index = {e.key: e.index for e in events}
    for edge in evidence:
        if edge["a"] in key_index:
            edges_by_root[clusters.find(key_index[edge["a"]])].append(edge)
    built = []
    doc_order = {key: n for n, key in enumerate(docs)}
    for members in groups:
        member_events = sorted((events[m] for m in members),
                               key=lambda e: (doc_order.get((e.source, e.event["doc"]), 0), e.event["trigger"]["start"]))
        time = corpus_time(member_events)
        order = (_first_day(time, member_events), members[0])
        built.append((order, members, member_events, time))
    built.sort(key=lambda item: item[0])
    corpus_events, conflicts = [], []
    for n, (_, members, member_events, time) in enumerate(built, 1):
        event_id = f"C{n}"
        mentions = [_mention(e, docs, names) for e in member_events]
        corpus_type = Counter(m["type"] for m in mentions).most_common(1)[0][0]  # ties: first told
        corpus_event = CorpusEvent(event_id, corpus_type, time, mentions,
                                   edges_by_root.get(clusters.find(members[0]), []),
                                   sources=len({e.doc for e in member_events}))
        for conflict in find_conflicts(event_id, member_events, mentions, names):
            conflict.id = f"K{len(conflicts) + 1}"
            corpus_event.conflicts.append(conflict.id)
            conflicts.append(conflict)
        corpus_events.append(corpus_event)
    return corpus_events, conflicts
