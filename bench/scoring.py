"""Span precision, recall and F1 with overlap or exact matching.

Matching is one-to-one: each gold span is matched by at most one prediction and
vice versa (greedy, by order of start), so a prediction cannot be counted twice.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(slots=True)
class Score:
    tp_pred: int = 0  # predictions that match a gold span
    tp_gold: int = 0  # gold spans that are matched
    pred: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp_pred / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Score") -> None:
        self.tp_pred += other.tp_pred
        self.tp_gold += other.tp_gold
        self.pred += other.pred
        self.gold += other.gold


def f1_interval(per_doc: Sequence[Score], rounds: int = 1000, seed: int = 0) -> tuple[float, float]:
    """95% bootstrap interval of the corpus F1: documents drawn with replacement `rounds`
    times, F1 of each draw's summed counts, the 2.5th and 97.5th percentiles. It says how
    far the figure could move on another sample of such documents (a held-out test set);
    the fixed seed makes the same run print the same interval."""
    if not per_doc:
        return 0.0, 0.0
    draw = random.Random(seed)
    counts = [(s.tp_pred, s.tp_gold, s.pred, s.gold) for s in per_doc]
    f1s = []
    for _ in range(rounds):
        total = Score()
        for tp_pred, tp_gold, pred, gold in draw.choices(counts, k=len(counts)):
            total.tp_pred += tp_pred
            total.tp_gold += tp_gold
            total.pred += pred
            total.gold += gold
        f1s.append(total.f1)
    f1s.sort()
    return f1s[int(0.025 * (rounds - 1))], f1s[int(0.975 * (rounds - 1))]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match(
    predicted: Iterable[tuple[int, int]], gold: Iterable[tuple[int, int]], *, exact: bool = False
) -> Score:
    """Score predicted spans against gold spans of one document and one type."""
    pred = sorted(set(predicted))
    gold_list = sorted(set(gold))
    used = [False] * len(gold_list)
    tp = 0
    for p in pred:
        for i, g in enumerate(gold_list):
            if used[i]:
                continue
            if (p == g) if exact else overlaps(p, g):
                used[i] = True
                tp += 1
                break
    return Score(tp_pred=tp, tp_gold=tp, pred=len(pred), gold=len(gold_list))


def match_any(predicted: Iterable[tuple[int, int]], gold: Iterable[tuple[int, int]]) -> Score:
    """Relaxed matching without pairing (as TempEval-3's relaxed match): a prediction counts
    for precision when it overlaps any gold span, a gold span counts for recall when any
    prediction overlaps it, so one prediction over two gold spans finds both."""
    pred, gold_list = sorted(set(predicted)), sorted(set(gold))
    return Score(
        tp_pred=sum(any(overlaps(p, g) for g in gold_list) for p in pred),
        tp_gold=sum(any(overlaps(p, g) for p in pred) for g in gold_list),
        pred=len(pred),
        gold=len(gold_list),
    )


MATCHERS = {
    "overlap": match,  # one-to-one, overlap
    "exact": lambda predicted, gold: match(predicted, gold, exact=True),
    "any-overlap": match_any,
}


Link = tuple[tuple[int, int], tuple[int, int]]  # (event span, argument span)


def match_links(
    predicted: Iterable[Link], gold: Iterable[Link], gold_events: Iterable[tuple[int, int]]
) -> Score:
    """Score event links of one document and one label, one-to-one.

    A predicted link matches a gold link when both its event and its argument overlap
    theirs. A predicted link whose event overlaps no gold event span is left out of
    precision: the gold marks links only for the events it annotates.
    """
    events = sorted(set(gold_events))
    pred = [p for p in sorted(set(predicted)) if any(overlaps(p[0], e) for e in events)]
    gold_list = sorted(set(gold))
    used = [False] * len(gold_list)
    tp = 0
    for event, arg in pred:
        for i, (g_event, g_arg) in enumerate(gold_list):
            if not used[i] and overlaps(event, g_event) and overlaps(arg, g_arg):
                used[i] = True
                tp += 1
                break
    return Score(tp_pred=tp, tp_gold=tp, pred=len(pred), gold=len(gold_list))
