"""Build the nationality-noun lexicon (src/letopis/data/ner/nationalities.txt) from NEREL train.

    .venv/bin/python train/ner/nationalities.py

Lemmas of one-word NATIONALITY spans that pymorphy reads as nouns («американец»,
«россиянин»), kept when most of their occurrences in the training part are annotated
NATIONALITY (and seen so at least twice). The held-out tenth of train is left out, as for the tagger.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

from bench import datasets  # noqa: E402
from letopis.adapters import natasha  # noqa: E402

OUT = ROOT / "src" / "letopis" / "data" / "ner" / "nationalities.txt"


def noun_lemma(word: str) -> str | None:
    readings = natasha.analyses(word.lower())
    if readings and readings[0].pos == "NOUN":
        return readings[0].lemma
    return None


def main() -> None:
    tagged: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for number, gold in enumerate(datasets.nerel("train")):
        if number % 10 == 9:
            continue  # held out
        spans = {(s.start, s.end) for s in gold.spans if s.type == "NATIONALITY"}
        for start, end, word in natasha.tokens(gold.text):
            lemma = noun_lemma(word) if word[:1].isalpha() else None
            if lemma is None:
                continue
            seen[lemma] += 1
            if (start, end) in spans:
                tagged[lemma] += 1
    keep = sorted(lemma for lemma, n in tagged.items() if n >= 2 and n / seen[lemma] >= 0.5)
    OUT.write_text("# nationality nouns, built by train/ner/nationalities.py from NEREL train\n"
                   + "\n".join(keep) + "\n", encoding="utf-8")
    print(f"{len(keep)} lemmas -> {OUT}")


if __name__ == "__main__":
    main()
