"""Analyse NEREL train once and keep the Docs, so the link experiments re-read them in seconds.

    .venv/bin/python train/links/cache.py [--every 1] [--out train/links/.cache/train.pkl]

Each entry is `(GoldDoc, Doc)`: the gold annotation and letopis' analysis of the same text.
Only NEREL *train* is read; dev stays for measuring. The pickle is a local cache (gitignored);
rerun this after the pipeline's entities, timexes or events change.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))

import datasets  # noqa: E402

import letopis  # noqa: E402

CACHE = ROOT / "train" / "links" / ".cache" / "train.pkl"


def load(path: Path = CACHE) -> list:
    with path.open("rb") as handle:
        return pickle.load(handle)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=1, help="read every n-th train document")
    parser.add_argument("--out", type=Path, default=CACHE)
    args = parser.parse_args()
    pairs = []
    began = time.monotonic()
    for n, gold in enumerate(datasets.nerel("train")):
        if n % args.every:
            continue
        doc = letopis.analyse(gold.text, doc_id=gold.id)
        doc.trace = []  # the debug trace is not needed and is the bulk of a Doc
        pairs.append((gold, doc))
        if len(pairs) % 50 == 0:
            print(f"{len(pairs)} docs, {time.monotonic() - began:.0f} s", file=sys.stderr, flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("wb") as handle:
        pickle.dump(pairs, handle, protocol=pickle.HIGHEST_PROTOCOL)
    print(f"wrote {len(pairs)} docs to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
