"""NEREL train documents analysed up to the events stage, cached once for the event scripts.

Analysing all of NEREL train takes a quarter of an hour; the trigger classifier is trained and
its threshold chosen many times over the same analyses, so each document is analysed once
(segmentation, morphology, syntax, names, entities, dates: everything the events stage reads)
and pickled with its gold EVENT spans.

    .venv/bin/python train/events/corpus.py [--part 0 --parts 2]   # fill the cache

The cache lives in $LETOPIS_EVENTS_CACHE (default /tmp/letopis-events-cache); delete it when
the earlier stages change. Only NEREL *train* is read; dev stays for measuring.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))

import datasets  # noqa: E402

from letopis.doc import Doc  # noqa: E402

CACHE = Path(os.environ.get("LETOPIS_EVENTS_CACHE", "/tmp/letopis-events-cache"))


@dataclass
class Example:
    """One train document before the events stage, with its gold EVENT spans."""

    doc: Doc
    gold: list[tuple[int, int]]


def _before_events():
    """The default pipeline cut just before the events stage."""
    from letopis import default_pipeline
    from letopis.pipeline import Pipeline

    stages = default_pipeline().stages
    cut = next(i for i, stage in enumerate(stages) if stage.name == "events")
    return Pipeline(stages[:cut])


def fill(part: int, parts: int) -> None:
    CACHE.mkdir(parents=True, exist_ok=True)
    pipeline = None
    for number, gold_doc in enumerate(datasets.nerel("train")):
        if number % parts != part:
            continue
        path = CACHE / f"{gold_doc.id}.pkl"
        if path.exists():
            continue
        pipeline = pipeline or _before_events()
        doc = pipeline(Doc(gold_doc.id, gold_doc.text))
        gold = sorted({(s.start, s.end) for s in gold_doc.spans if s.type == "EVENT"})
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(pickle.dumps(Example(doc, gold)))
        tmp.replace(path)


class _Unpickler(pickle.Unpickler):
    """Finds `Example` whether the cache was written by this module run as a script or imported."""

    def find_class(self, module: str, name: str):
        if name == "Example":
            return Example
        return super().find_class(module, name)


def examples() -> Iterator[Example]:
    """The cached train documents in file-name order (fill the cache first)."""
    paths = sorted(CACHE.glob("*.pkl"))
    if not paths:
        raise SystemExit(f"no cached documents in {CACHE}; run train/events/corpus.py first")
    for path in paths:
        with path.open("rb") as stream:
            yield _Unpickler(stream).load()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", type=int, default=0)
    parser.add_argument("--parts", type=int, default=1)
    args = parser.parse_args()
    fill(args.part, args.parts)
