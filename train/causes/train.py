"""Learn the cause model (`letopis.stages.cause_pairs`) from NEREL train HAS_CAUSE.

    .venv/bin/python train/causes/prepare.py            # analyse NEREL train once
    .venv/bin/python train/causes/train.py [--cache /tmp/letopis-causes/train] [--write]

Examples are ordered pairs (effect, cause) of letopis events in one sentence. A pair is
positive when NEREL links a HAS_CAUSE whose effect (Arg1, an EVENT) overlaps the effect's
trigger and whose cause (Arg2) overlaps the cause's trigger. Pairs whose effect overlaps
no gold EVENT are left out: NEREL marks causes only for the events it annotates.

Documents sorted by name, in five folds. L2 strength and thresholds are picked on the
folds' cross-validated predictions by the benchmark's own link score (one-to-one, event and argument must
overlap; only effects inside gold EVENT spans count), counting the rule-made causes
already in the Docs alongside the model's. The shipped weights are then refit on all of
train with the chosen settings. NEREL dev is never read.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "train"))

from bench import datasets  # noqa: E402
from bench.scoring import Score, match_links, overlaps  # noqa: E402

from letopis.doc import Doc, Event  # noqa: E402
from letopis.models.linear import Linear  # noqa: E402
from letopis.stages.cause_pairs import WEIGHTS, CauseModel, mention_types, best_causes, candidates, excluded, features  # noqa: E402
from letopis.syntax_tree import child_map  # noqa: E402
import logistic  # noqa: E402

CACHE = Path("/tmp/letopis-causes/train")
FOLDS = 5
MIN_COUNT = 2  # a feature seen fewer times in the training part gets no weight
# A cause relation also moves dates (an effect is not earlier than its cause, see
# `stages/link.propagate`), so the event threshold keeps at least this precision.
MIN_EVENT_PRECISION = 0.25
MIN_WEIGHT = 0.02  # smaller weights are dropped from the shipped model
L2_GRID = (0.3, 1.0, 3.0, 10.0)
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.05, 0.8, 0.05))

Span = tuple[int, int]


def gold_causes(gold: datasets.GoldDoc) -> tuple[list[tuple[Span, Span]], list[Span]]:
    """HAS_CAUSE links with an EVENT effect, as (effect, cause) spans; and all EVENT spans."""
    spans = {s.id: s for s in gold.spans}
    links = []
    for rel in gold.relations:
        if rel.type == "HAS_CAUSE" and spans[rel.arg1].type == "EVENT":
            effect, cause = spans[rel.arg1], spans[rel.arg2]
            links.append(((effect.start, effect.end), (cause.start, cause.end)))
    events = [(s.start, s.end) for s in gold.spans if s.type == "EVENT"]
    return links, events


def _trigger(event: Event) -> Span:
    return (event.trigger.start, event.trigger.end)


def sentence_events(doc: Doc) -> dict[int, list[Event]]:
    grouped: dict[int, list[Event]] = {}
    for event in doc.events:
        grouped.setdefault(event.sentence, []).append(event)
    return grouped


def cause_heads(doc: Doc, span: Span) -> set[int]:
    """The tokens of a gold cause span whose syntactic head lies outside it."""
    inside = [i for i, t in enumerate(doc.tokens) if overlaps((t.start, t.end), span)]
    heads = {i for i in inside if doc.tokens[i].head not in inside}
    return heads or set(inside)


def examples(gold: datasets.GoldDoc, doc: Doc) -> list[tuple[list[str], int]]:
    """(features, label) for every (event, candidate cause word) of a sentence whose event
    is a gold EVENT. A word is positive when it heads the gold cause span, or when it is
    an event's trigger inside that span."""
    links, gold_events = gold_causes(gold)
    heads_of = {cause: cause_heads(doc, cause) for _, cause in links}
    found = []
    mentions = mention_types(doc)
    for sentence, events in sentence_events(doc).items():
        kids = child_map(doc, sentence)
        heads = frozenset(e.head for e in events)
        words = list(candidates(doc, sentence, events))
        for effect in events:
            if not any(overlaps(_trigger(effect), g) for g in gold_events):
                continue
            causes = [c for e, c in links if overlaps(_trigger(effect), e)]
            for index, cause_event in words:
                if cause_event is effect or excluded(doc, effect, index):
                    continue
                label = any(
                    index in heads_of[c] or (cause_event is not None and overlaps(_trigger(cause_event), c))
                    for c in causes
                )
                found.append((features(doc, kids, effect, index, cause_event, heads, mentions), int(label)))
    return found


def fit(data: list[tuple[list[str], int]], l2: float, threshold: float, word_threshold: float) -> CauseModel:
    """The pair model (`train/logistic.py`: the bias unpenalised); a feature counts once a
    pair, as `CauseModel` scores it."""
    weights = logistic.fit([set(feats) for feats, _ in data], [y for _, y in data], l2,
                           min_count=MIN_COUNT, smallest=MIN_WEIGHT, digits=3)
    return CauseModel(Linear(weights), threshold, word_threshold)


def rule_links(doc: Doc) -> list[tuple[Span, Span]]:
    triggers = {e.id: _trigger(e) for e in doc.events}
    return [(triggers[r.target], triggers[r.source]) for r in doc.relations
            if r.type == "cause" and r.source in triggers and r.target in triggers]


def predictions(docs: list[tuple[datasets.GoldDoc, Doc]], scorer: CauseModel) -> list[list]:
    """The model's causes per document, every sentence of each."""
    found = []
    for _, doc in docs:
        per_doc = []
        mentions = mention_types(doc)
        for sentence, events in sentence_events(doc).items():
            per_doc += best_causes(doc, sentence, child_map(doc, sentence), events, scorer, mentions)
        found.append(per_doc)
    return found


def score(docs: list[tuple[datasets.GoldDoc, Doc]], found: list[list], threshold: float,
          word_threshold: float | None) -> Score:
    """The benchmark's cause score of the rules plus the model's causes above the
    thresholds; causes that are no event count only when `word_threshold` is given."""
    total = Score()
    for (gold, doc), per_doc in zip(docs, found):
        links, gold_events = gold_causes(gold)
        predicted = rule_links(doc)
        for f in per_doc:
            if f.cause is not None and f.probability >= threshold:
                predicted.append((_trigger(f.effect), f.span))
            elif f.cause is None and word_threshold is not None and f.probability >= word_threshold:
                predicted.append((_trigger(f.effect), f.span))
        total.add(match_links(predicted, links, gold_events))
    return total


def _line(s: Score) -> str:
    return f"P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f} ({s.pred} / {s.gold})"


def load(cache: Path) -> list[tuple[datasets.GoldDoc, Doc]]:
    docs = []
    for gold in datasets.nerel("train"):
        path = cache / f"{gold.id}.pkl"
        if path.exists():
            docs.append((gold, pickle.loads(path.read_bytes())))
    if not docs:
        raise SystemExit(f"no analysed documents in {cache}: run train/causes/prepare.py first")
    return docs


def cross_predictions(docs: list[tuple[datasets.GoldDoc, Doc]], l2: float) -> list[list]:
    """Each document's causes from a model fit on the other folds (documents sorted by
    name, fold = position modulo FOLDS), at the lowest thresholds."""
    found: list[list] = [[] for _ in docs]
    per_doc = [examples(gold, doc) for gold, doc in docs]
    for fold in range(FOLDS):
        data = [x for i, xs in enumerate(per_doc) if i % FOLDS != fold for x in xs]
        model = fit(data, l2, min(THRESHOLDS), min(THRESHOLDS))
        held = [(i, d) for i, d in enumerate(docs) if i % FOLDS == fold]
        for (i, _), causes in zip(held, predictions([d for _, d in held], model)):
            found[i] = causes
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--write", action="store_true", help=f"write src/letopis/data/{WEIGHTS}")
    args = parser.parse_args()
    docs = load(args.cache)
    print(f"{len(docs)} documents, {FOLDS} folds", file=sys.stderr)
    print(f"rules only: {_line(score(docs, [[] for _ in docs], 2.0, None))}", file=sys.stderr)
    best = None
    for l2 in L2_GRID:
        found = cross_predictions(docs, l2)
        # The event threshold by the score of event causes alone (what the relations
        # carry), at a precision no lower than MIN_EVENT_PRECISION; then the word
        # threshold by the score of both.
        events_only = {t: score(docs, found, t, None) for t in THRESHOLDS}
        threshold = max(THRESHOLDS, key=lambda t: (events_only[t].precision >= MIN_EVENT_PRECISION, events_only[t].f1, t))
        both = {t: score(docs, found, threshold, t) for t in THRESHOLDS}
        word_threshold = max(THRESHOLDS, key=lambda t: (both[t].f1, t))
        print(f"l2 {l2:5.1f}: events {threshold:.2f} {_line(events_only[threshold])}; "
              f"+ words {word_threshold:.2f} {_line(both[word_threshold])}", file=sys.stderr)
        key = (both[word_threshold].f1, events_only[threshold].f1)
        if best is None or key > best[0]:
            best = (key, l2, threshold, word_threshold, events_only[threshold], both[word_threshold])
            curves = (events_only, both)
    for t in THRESHOLDS:
        print(f"  threshold {t:.2f}: events {_line(curves[0][t])}; + words {_line(curves[1][t])}", file=sys.stderr)
    _, l2, threshold, word_threshold, events_score, both_score = best
    print(f"chosen: l2 {l2}, thresholds {threshold} (events) {word_threshold} (words)", file=sys.stderr)
    if args.write:
        every = [x for gold, doc in docs for x in examples(gold, doc)]
        model = fit(every, l2, threshold, word_threshold)
        cross = {name: {"precision": round(s.precision, 3), "recall": round(s.recall, 3), "f1": round(s.f1, 3)}
                 for name, s in (("event_causes", events_score), ("with_word_causes", both_score))}
        recipe = {"data": "NEREL v1.1 train, all documents", "folds": FOLDS, "l2": l2,
                  "min_count": MIN_COUNT, "cross_validated": cross}
        out = logistic.write(WEIGHTS, {"recipe": recipe, "threshold": threshold, "word_threshold": word_threshold,
                                       "weights": dict(model.linear.weights)})
        print(f"wrote {out} ({len(model.linear.weights)} weights)", file=sys.stderr)


if __name__ == "__main__":
    main()
