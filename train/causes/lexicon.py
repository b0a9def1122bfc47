"""Learn the cause-word classes (`data/relations/cause_words.tsv`) from NEREL train.

    .venv/bin/python train/causes/lexicon.py [--cache /tmp/letopis-causes/train] [--write]

NEREL marks diseases (DISEASE), crimes (CRIME) and laws (LAW) as spans of their own; they
are the causes letopis' events do not cover («умер от рака», «арестован за мошенничество»).
A lemma gets a class when it heads at least MIN_COUNT spans of it in train and at least
MIN_SHARE of its occurrences in train head such a span. The cause model reads the class as
a feature, so a disease it never saw as a cause still looks like one. Dev is never read.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "train" / "causes"))
sys.path.insert(0, str(ROOT / "src"))

from train import CACHE, cause_heads, load  # noqa: E402

from letopis.stages.cause_pairs import CAUSE_WORDS  # noqa: E402

CLASSES = ("DISEASE", "CRIME", "LAW")
MIN_COUNT = 2
MIN_SHARE = 0.3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--write", action="store_true", help=f"write {CAUSE_WORDS.relative_to(ROOT)}")
    args = parser.parse_args()
    heads: dict[str, Counter] = {}
    seen: Counter = Counter()
    for gold, doc in load(args.cache):
        seen.update(t.lemma for t in doc.tokens)
        for span in gold.spans:
            if span.type in CLASSES:
                for index in cause_heads(doc, (span.start, span.end)):
                    heads.setdefault(doc.tokens[index].lemma, Counter())[span.type] += 1
    rows = []
    for lemma, counts in sorted(heads.items()):
        kind, count = counts.most_common(1)[0]
        if count >= MIN_COUNT and count / max(seen[lemma], 1) >= MIN_SHARE and lemma.isalpha():
            rows.append(f"{lemma}\t{kind}\t{count}\t{seen[lemma]}")
    print(f"{len(rows)} lemmas: " + ", ".join(Counter(r.split('\t')[1] for r in rows).__repr__().split(", ")), file=sys.stderr)
    if args.write:
        header = "# lemma\tclass\theads of NEREL train spans of the class\toccurrences in NEREL train\n"
        CAUSE_WORDS.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
        print(f"wrote {CAUSE_WORDS}", file=sys.stderr)


if __name__ == "__main__":
    main()
