"""Error analysis of event triggers on NEREL train, and the lemmas train says to drop.

Runs `letopis.analyse` over NEREL train documents, matches predicted triggers to gold EVENT
spans one-to-one by overlap (as `bench/scoring.match` does), and prints the most frequent
false-positive trigger lemmas (with their precision) and false-negative gold head lemmas.

With `--write`, trigger lemmas that train shows to be events in under `--max-rate` of at
least `--min-count` predictions are written to `src/letopis/data/events/nerel_excluded.tsv`;
the events stage does not use them as triggers. A prediction whose precision is below half
the overall F1 costs more precision than it brings recall, hence the default rate. Lemmas of
the historian's core types (`CORE_TYPES`) need overwhelming evidence: under `--core-max-rate`
of at least `--core-min-count` predictions.

    .venv/bin/python train/events/errors.py [--every 3] [--top 40] [--write]

Only NEREL *train* is read; dev stays for measuring.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "train" / "events"))

import datasets  # noqa: E402
from scoring import overlaps  # noqa: E402
from lexicon import span_head  # noqa: E402

import letopis  # noqa: E402
from letopis.doc import Doc  # noqa: E402
from letopis.lang.ru import events as lex  # noqa: E402
from letopis.stages import events  # noqa: E402

OUT = ROOT / "src" / "letopis" / "data" / "events" / "nerel_excluded.tsv"


def match(pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> tuple[set[int], set[int]]:
    """Indices of matched predictions and gold spans, greedy one-to-one in sorted order."""
    used: set[int] = set()
    hit: set[int] = set()
    for p_index, p in enumerate(pred):
        for g_index, g in enumerate(gold):
            if g_index not in used and overlaps(p, g):
                used.add(g_index)
                hit.add(p_index)
                break
    return hit, used


def trigger_lemma(doc: Doc, span: tuple[int, int]) -> str:
    for token in doc.tokens:
        if token.start >= span[0] and token.end <= span[1]:
            return token.lemma
    return doc.text[span[0]:span[1]].lower()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=1, help="read every n-th train document")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--min-count", type=int, default=20)
    parser.add_argument("--max-rate", type=float, default=0.2)
    parser.add_argument("--core-min-count", type=int, default=50)
    parser.add_argument("--core-max-rate", type=float, default=0.05)
    parser.add_argument("--write", action="store_true", help="write the excluded lemmas")
    args = parser.parse_args()
    if args.write:  # judge every lemma afresh, the excluded ones too
        events.LEMMA_TYPE.update(events.ALL_LEMMA_TYPES)

    predicted: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    missed_text: dict[str, Counter[str]] = {}
    fp_text: dict[str, Counter[str]] = {}
    tp = n_pred = n_gold = 0
    for number, gold_doc in enumerate(datasets.nerel("train")):
        if number % args.every:
            continue
        doc = letopis.analyse(gold_doc.text, doc_id=gold_doc.id)
        pred = sorted({(e.trigger.start, e.trigger.end) for e in doc.events})
        gold = sorted({(s.start, s.end) for s in gold_doc.spans if s.type == "EVENT"})
        hit, used = match(pred, gold)
        tp, n_pred, n_gold = tp + len(hit), n_pred + len(pred), n_gold + len(gold)
        for index, span in enumerate(pred):
            lemma = trigger_lemma(doc, span)
            predicted[lemma] += 1
            if index in hit:
                correct[lemma] += 1
            else:
                fp_text.setdefault(lemma, Counter())[doc.text[max(0, span[0] - 30):span[1] + 30].replace("\n", " ")] += 1
        for index, span in enumerate(gold):
            if index in used:
                continue
            head = span_head(doc, *span)
            lemma = doc.tokens[head].lemma if head is not None else doc.text[span[0]:span[1]].lower()
            missed[lemma] += 1
            missed_text.setdefault(lemma, Counter())[doc.text[span[0]:span[1]]] += 1

    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"train (every {args.every}): predicted {n_pred}, gold {n_gold}, matched {tp}: P {p:.3f} R {r:.3f} F1 {f:.3f}\n")
    false_pos = Counter({lemma: predicted[lemma] - correct[lemma] for lemma in predicted})
    print("false positives: lemma  wrong/predicted  precision  example")
    for lemma, wrong in false_pos.most_common(args.top):
        example = fp_text[lemma].most_common(1)[0][0] if lemma in fp_text else ""
        print(f"  {lemma:<18} {wrong:>4}/{predicted[lemma]:<4} {correct[lemma] / predicted[lemma]:.2f}  …{example}…")
    print("\nfalse negatives: gold head lemma  missed  examples")
    for lemma, count in missed.most_common(args.top):
        examples = ", ".join(t for t, _ in missed_text[lemma].most_common(3))
        print(f"  {lemma:<18} {count:>4}  {examples}")

    def dropped(lemma: str) -> bool:
        core = events.ALL_LEMMA_TYPES.get(lemma) in lex.CORE_TYPES
        min_count, max_rate = (args.core_min_count, args.core_max_rate) if core else (args.min_count, args.max_rate)
        return predicted[lemma] >= min_count and correct[lemma] / predicted[lemma] < max_rate

    excluded = sorted(filter(dropped, predicted), key=lambda lemma: (-predicted[lemma], lemma))
    print(f"\n{len(excluded)} lemmas are events in under {args.max_rate:.0%} of ≥ {args.min_count} predictions "
          f"(core types: {args.core_max_rate:.0%} of ≥ {args.core_min_count}):")
    print("  " + ", ".join(f"{lemma} {correct[lemma]}/{predicted[lemma]}" for lemma in excluded))
    if args.write:
        with OUT.open("w", encoding="utf-8") as out:
            out.write(f"# trigger lemmas NEREL train rarely marks as events; by train/events/errors.py "
                      f"(every {args.every}, min count {args.min_count}, max rate {args.max_rate}; "
                      f"core types: min count {args.core_min_count}, max rate {args.core_max_rate})\n")
            out.write("lemma\tevent\tpredicted\trate\n")
            for lemma in excluded:
                out.write(f"{lemma}\t{correct[lemma]}\t{predicted[lemma]}\t{correct[lemma] / predicted[lemma]:.2f}\n")
        print(f"written to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
