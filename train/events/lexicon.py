"""Learn the event trigger lexicon from NEREL train.

For every lemma, count how often its tokens lie inside a gold EVENT span (as the span's
head word) against how often the lemma occurs at all; keep lemmas that are usually events.
The result, `src/letopis/data/events/nerel_triggers.tsv`, adds to the hand-made taxonomy
lexicon in `letopis.lang.ru.events`: lemmas there keep their type, others get `other`.

    .venv/bin/python train/events/lexicon.py [--min-count 2] [--min-rate 0.35]

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

import datasets  # noqa: E402

from letopis.doc import Doc  # noqa: E402
from letopis.pipeline import Pipeline  # noqa: E402
from letopis.stages.morph import MorphStage  # noqa: E402
from letopis.stages.segment import SegmentStage  # noqa: E402
from letopis.stages.syntax import SyntaxStage  # noqa: E402

OUT = ROOT / "src" / "letopis" / "data" / "events" / "nerel_triggers.tsv"


def span_head(doc: Doc, start: int, end: int) -> int | None:
    inside = [i for i, t in enumerate(doc.tokens) if t.start >= start and t.end <= end]
    content = [i for i in inside if doc.tokens[i].pos in {"NOUN", "VERB", "PROPN"}]
    for i in content:
        if doc.tokens[i].head not in inside:
            return i
    return content[0] if content else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--min-rate", type=float, default=0.35)
    args = parser.parse_args()
    pipeline = Pipeline([SegmentStage(), MorphStage(), SyntaxStage()])
    seen: Counter[tuple[str, str]] = Counter()
    marked: Counter[tuple[str, str]] = Counter()
    for gold in datasets.nerel("train"):
        doc = pipeline(Doc(gold.id, gold.text))
        heads = set()
        for span in gold.spans:
            if span.type == "EVENT":
                head = span_head(doc, span.start, span.end)
                if head is not None:
                    heads.add(head)
        for index, token in enumerate(doc.tokens):
            if token.pos in {"NOUN", "VERB"}:
                key = (token.lemma, token.pos)
                seen[key] += 1
                if index in heads:
                    marked[key] += 1
    rows = []
    for key, count in marked.items():
        rate = count / seen[key]
        if count >= args.min_count and rate >= args.min_rate:
            rows.append((key[0], key[1], count, seen[key], rate))
    rows.sort(key=lambda r: (-r[2], r[0]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as out:
        out.write(f"# learnt by train/events/lexicon.py from NEREL train (min count {args.min_count}, min rate {args.min_rate})\n")
        out.write("lemma\tpos\tevent\tseen\trate\n")
        for lemma, pos, count, total, rate in rows:
            out.write(f"{lemma}\t{pos}\t{count}\t{total}\t{rate:.2f}\n")
    print(f"{len(rows)} trigger lemmas written to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
