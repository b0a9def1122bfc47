"""Analyse NEREL train once and keep each Doc, so that training the cause model re-reads
them in seconds.

    .venv/bin/python train/causes/prepare.py [--out /tmp/letopis-causes/train]

One pickle per document, named after it; a document already there is skipped, so an
interrupted run resumes. The shipped cause model is switched off while analysing. Only NEREL *train* is read: dev stays for measuring. Rerun this
(into an empty folder) after the pipeline's events or syntax change.
"""

from __future__ import annotations

import argparse
import pickle
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench import datasets  # noqa: E402

import letopis  # noqa: E402
from letopis.stages import cause_pairs  # noqa: E402

CACHE = Path("/tmp/letopis-causes/train")
DOC_TIMEOUT_S = 60  # a document the pipeline takes longer on is skipped (and named)


class Slow(Exception):
    pass


def _give_up(signum, frame):  # noqa: ANN001 - signal handler signature
    raise Slow


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=CACHE)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    # The Docs keep only the rules' causes: training scores the model beside them, so the
    # shipped model's own causes must not be in the cache.
    cause_pairs.model = lambda: None
    began = time.monotonic()
    for number, gold in enumerate(datasets.nerel("train"), 1):
        path = args.out / f"{gold.id}.pkl"
        if not path.exists():
            signal.signal(signal.SIGALRM, _give_up)
            signal.alarm(DOC_TIMEOUT_S)
            try:
                path.write_bytes(pickle.dumps(letopis.analyse(gold.text)))
            except Slow:
                print(f"{gold.id}: skipped, over {DOC_TIMEOUT_S} s", file=sys.stderr, flush=True)
            finally:
                signal.alarm(0)
        if number % 100 == 0:
            print(f"{number} documents, {time.monotonic() - began:.0f} s", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
