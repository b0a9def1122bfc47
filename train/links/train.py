"""Train the argument linker (event-time, event-place, event-participant) on NEREL train.

    .venv/bin/python train/links/cache.py          # once: analyse train (~15 min)
    .venv/bin/python train/links/train.py [--write]

Events are the gold EVENT spans (their head token); candidates are letopis' own timexes and
entity mentions of the event's sentence, positive when they overlap the gold argument of a
link of that kind. One logistic regression per kind (`train/logistic.py`: L2, the bias
unpenalised) over the features of `letopis.stages.role_features`.

Thresholds are chosen on train out of fold (five folds by document; each document scored
by the model fitted on the other four), where the linker runs as it will at run time: on letopis' own events, its links joined to those the
syntax rules already give, scored as the benchmark scores (`bench/scoring.match_links`).
The final model is then refitted on all of train. Dev is never read.
With `--write` the model goes to `src/letopis/data/links/linker.json`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
for folder in ("bench", "bench/runners", "src", "train", "train/links"):
    sys.path.insert(0, str(ROOT / folder))

from cache import CACHE, load  # noqa: E402
from errors import gold_links, overlaps  # noqa: E402
from letopis_full import links as runner_links  # noqa: E402
from scoring import Score, match_links  # noqa: E402

from letopis.stages.role_features import KINDS, PARTICIPANT, PLACE, TIME, SentenceIndex, features, span_head, span_tokens  # noqa: E402
from letopis.doc import EventTime, TimeLinks  # noqa: E402
from letopis.stages import link, roles  # noqa: E402
import logistic  # noqa: E402

OUT = "links/linker.json"
FOLDS = 5
LIMITS = (1, 2, 3, 1_000)  # most arguments of a kind the linker gives one event
LABEL_OF = {TIME: "event-time", PLACE: "event-place", PARTICIPANT: "event-participant"}


def examples(pairs, events: str = "gold") -> dict[str, list[tuple[list[str], int]]]:
    """(features, label) per kind. `events` says which events to learn from: the gold EVENT
    spans (their head token), letopis' own events that overlap a gold one, or both."""
    data: dict[str, list[tuple[list[str], int]]] = {kind: [] for kind in KINDS}
    for gold, doc in pairs:
        index = SentenceIndex(doc)
        gold_events = [(s.start, s.end) for s in gold.spans if s.type == "EVENT"]
        heads: dict[int, list[tuple[int, int]]] = {}  # event head token -> gold spans it stands for
        if events in ("gold", "both"):
            for span in gold_events:
                head = span_head(doc, span_tokens(doc, *span, index.starts))
                if head is not None:
                    heads.setdefault(head, []).append(span)
        if events in ("ours", "both"):
            for event in doc.events:
                spans = [g for g in gold_events if overlaps(g, (event.trigger.start, event.trigger.end))]
                if spans and event.head >= 0:
                    heads.setdefault(event.head, []).extend(s for s in spans if s not in heads.get(event.head, []))
        by_sentence: dict[int, set[int]] = {}
        for head in [*heads, *(e.head for e in doc.events)]:
            by_sentence.setdefault(doc.tokens[head].sent, set()).add(head)
        glinks = gold_links(gold)
        for head, spans in heads.items():
            sentence = doc.tokens[head].sent
            others = sorted(by_sentence.get(sentence, ()))
            for kind in KINDS:
                args = [a for label, e, a, _ in glinks if label == LABEL_OF[kind] and e in spans]
                rivals = roles.candidates(index, sentence, kind, (doc.tokens[head].start, doc.tokens[head].end))
                for cand in rivals:
                    positive = any(overlaps((cand.start, cand.end), a) for a in args)
                    data[kind].append((features(doc, index, head, cand, others, rivals), int(positive)))
    return data


def fit(rows: list[tuple[list[str], int]], l2: float = 1.0, min_count: int = 2) -> dict[str, float]:
    """One kind's weights; a feature counts as often as it occurs, as `roles.Linker` scores it."""
    return logistic.fit([feats for feats, _ in rows], [label for _, label in rows], l2,
                        min_count=min_count, smallest=1e-3, digits=4)


def redate(doc) -> None:
    """Date the events again from their timexes (the link stage's first steps), so the
    event-time links reflect the linker's timexes and the current dating rules."""
    for event in doc.events:
        event.time_links = TimeLinks(found_before=event.time_links.found_before)
        event.time = EventTime()
    link.attach_timexes(doc)
    link.attach_linked_timexes(doc)
    link.date_from_timexes(doc)


def evaluate(pairs, scored: list[list[roles.Scored]], thresholds: dict[str, float], limits: dict[str, int] | None = None) -> dict[str, Score]:
    """Benchmark-style scores on letopis' own events: the rules' links joined to the linker's
    above `thresholds`, turned into spans by the benchmark runner itself."""
    totals = {LABEL_OF[k]: Score() for k in KINDS}
    for (gold, doc), items in zip(pairs, scored):
        roles.reset(doc)
        roles.apply(doc, items, thresholds, limits)
        redate(doc)
        pred: dict[str, set] = {label: set() for label in totals}
        for link in runner_links(doc):
            if link["type"] in pred:
                pred[link["type"]].add((tuple(link["event"]), tuple(link["arg"])))
        glinks = gold_links(gold)
        events = [(s.start, s.end) for s in gold.spans if s.type == "EVENT"]
        for label in totals:
            totals[label].add(match_links(pred[label], [(e, a) for lab, e, a, _ in glinks if lab == label], events))
    return totals


def report(name: str, scores: dict[str, Score]) -> None:
    print(name + ": " + "  ".join(f"{l} P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}" for l, s in scores.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--l2", type=float, default=3.0)
    parser.add_argument("--events", choices=("gold", "ours", "both"), default="gold")
    parser.add_argument("--verbose", action="store_true", help="print every threshold tried")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    pairs = load(args.cache)
    for _, doc in pairs:
        roles.reset(doc)  # the cache may hold a previous linker's links
    scored: list[list[roles.Scored]] = [[] for _ in pairs]
    for fold in range(FOLDS):  # each document scored by a model that did not see it
        data = examples([p for i, p in enumerate(pairs) if i % FOLDS != fold], args.events)
        model = {kind: fit(data[kind], args.l2) for kind in KINDS}
        for i, (_, doc) in enumerate(pairs):
            if i % FOLDS == fold:
                scored[i] = roles.Linker(model).score(doc)
    off = {k: 2.0 for k in KINDS}
    report("train out-of-fold, rules only", evaluate(pairs, scored, off))
    thresholds, limits = {}, {}
    for kind in KINDS:
        best = (evaluate(pairs, scored, off)[LABEL_OF[kind]].f1, 2.0, 1)
        for limit in LIMITS:
            for t in np.arange(0.15, 0.81, 0.05):
                score = evaluate(pairs, scored, {**off, kind: float(t)}, {kind: limit})[LABEL_OF[kind]]
                if args.verbose:
                    print(f"  {kind} t={t:.2f} limit {limit} P {score.precision:.3f} R {score.recall:.3f} F1 {score.f1:.3f}")
                best = max(best, (score.f1, round(float(t), 2), limit))
        thresholds[kind], limits[kind] = best[1], best[2]
    print(f"thresholds {thresholds}, limits {limits}")
    report("train out-of-fold, rules + linker", evaluate(pairs, scored, thresholds, limits))
    if args.write:
        data = examples(pairs, args.events)
        for kind in KINDS:
            print(f"{kind}: {len(data[kind])} examples, {sum(y for _, y in data[kind])} positive")
        model = {kind: fit(data[kind], args.l2) for kind in KINDS}
        out = logistic.write(OUT, {"about": "letopis argument linker, trained by train/links/train.py on NEREL train",
                                   "thresholds": thresholds, "limits": limits, "weights": model})
        print(f"wrote {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
