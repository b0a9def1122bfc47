"""Build the capitalisation table (src/letopis/data/ner/capitalised.tsv) from NEREL train.

    .venv/bin/python train/ner/capitalised.py

A capital letter inside a sentence marks a proper name («Министерство обороны», «Кремль»);
at the start of a sentence it marks nothing. To tell whether a mention that opens a
sentence is a name («Кремль заявил») or a descriptor («Правительство Китая заявило»),
`letopis.entities.forms` asks how the word is written where the case is free: inside a
sentence, not after an opening quote or bracket. This script counts that over the text of
NEREL train for the words that occur inside its annotated spans, keyed by the word's
likeliest lemma (`natasha.lemmas`), and keeps lemmas seen so at least three times. The
held-out tenth of train is left out, as for the tagger.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

from bench import datasets  # noqa: E402
from letopis.adapters import natasha  # noqa: E402
from letopis.entities.forms import CASE_OPENERS, lemma_key  # noqa: E402

OUT = ROOT / "src" / "letopis" / "data" / "ner" / "capitalised.tsv"
MIN_SEEN = 3


def count(texts: list[tuple[str, list[tuple[int, int]]]]) -> tuple[Counter[str], Counter[str], set[str]]:
    """(capitalised, seen) counts of lemmas inside sentences, and the lemmas of words inside
    annotated spans."""
    capital: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    annotated: set[str] = set()
    for text, spans in texts:
        for s_start, s_end in natasha.sentences(text):
            words = natasha.tokens(text[s_start:s_end])
            free = False  # the sentence's first word: its case is not free
            for start, end, word in words:
                if not word[:1].isalpha():
                    # as forms.case_free: the nearest word or opener before decides
                    free = True if word[:1].isdigit() else (False if word in CASE_OPENERS else free)
                    continue
                was_free, free = free, True
                if word.isupper() and len(word) > 1 or word.isascii():
                    continue  # abbreviations and Latin words say nothing of the lemma
                key = lemma_key(word)
                if any(a <= s_start + start and s_start + end <= b for a, b in spans):
                    annotated.add(key)
                if was_free:
                    seen[key] += 1
                    capital[key] += word[:1].isupper()
    return capital, seen, annotated


def main() -> None:
    texts = []
    for number, gold in enumerate(datasets.nerel("train")):
        if number % 10 == 9:
            continue  # held out
        texts.append((gold.text, [(s.start, s.end) for s in gold.spans]))
    capital, seen, annotated = count(texts)
    rows = sorted(k for k in annotated if seen[k] >= MIN_SEEN)
    with OUT.open("w", encoding="utf-8") as out:
        out.write("# lemma\tcapitalised inside a sentence\tseen inside a sentence (NEREL train)\n")
        for key in rows:
            out.write(f"{key}\t{capital[key]}\t{seen[key]}\n")
    print(f"{len(rows)} lemmas -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
