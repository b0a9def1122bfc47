"""Score the temporal stage on NEREL DATE+TIME spans (overlap matching).

    python bench/time_dev.py            # train (for tuning) and dev (for reporting)
    python bench/time_dev.py dev --errors 40
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from bench import datasets  # noqa: E402
from bench.scoring import Score, match  # noqa: E402
from letopis.doc import Doc  # noqa: E402
from letopis.stages.timex import TimexStage  # noqa: E402

TYPES = ("DATE", "TIME")


def run(split: str, errors: int = 0, exact: bool = False, rules: bool = False) -> Score:
    stage = TimexStage()
    docs = list(datasets.nerel(split))
    total = Score()
    elapsed = 0.0
    shown = 0
    per_rule: dict[str, list[int]] = {}
    for gd in docs:
        doc = Doc(id=gd.id, text=gd.text)
        began = time.perf_counter()
        stage(doc)
        elapsed += time.perf_counter() - began
        pred = [(t.start, t.end) for t in doc.timexes]
        gold = [(s.start, s.end) for s in gd.spans if s.type in TYPES]
        total.add(match(pred, gold, exact=exact))
        for t in doc.timexes:
            hit = any(t.start < ge and gs < t.end for gs, ge in gold)
            per_rule.setdefault(t.rule, [0, 0])[hit] += 1
        if errors and shown < errors:
            gold_set = set(gold)
            for s, e in pred:
                if not any(s < ge and gs < e for gs, ge in gold_set):
                    print(f"FP {gd.id}: {gd.text[max(0, s - 30):s]}[[{gd.text[s:e]}]]{gd.text[e:e + 20]}".replace("\n", " "))
                    shown += 1
            for s, e in gold_set:
                if not any(s < pe and ps < e for ps, pe in pred):
                    print(f"FN {gd.id}: {gd.text[max(0, s - 30):s]}[[{gd.text[s:e]}]]{gd.text[e:e + 20]}".replace("\n", " "))
                    shown += 1
    print(f"NEREL {split}: DATE+TIME {'exact' if exact else 'overlap'} P={total.precision:.4f} "
          f"R={total.recall:.4f} F1={total.f1:.4f} (pred {total.pred}, gold {total.gold}); "
          f"{len(docs)} docs in {elapsed:.2f}s = {len(docs) / elapsed:.0f} docs/s")
    if rules:
        for rule, (miss, hit) in sorted(per_rule.items(), key=lambda kv: -sum(kv[1])):
            print(f"  {rule:45s} {hit:5d} hit {miss:5d} miss  P={hit / (hit + miss):.2f}")
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("splits", nargs="*", default=["train", "dev"])
    parser.add_argument("--errors", type=int, default=0, help="print this many errors per split")
    parser.add_argument("--exact", action="store_true")
    parser.add_argument("--rules", action="store_true", help="precision of each rule")
    args = parser.parse_args()
    for split in args.splits:
        run(split, args.errors, args.exact, args.rules)


if __name__ == "__main__":
    main()
