"""Per-type span P/R/F1 of letopis NER and natasha side by side, on NEREL dev and factRuEval dev.

    .venv/bin/python train/ner/evaluate.py [--limit N]

Scoring is bench.scoring's one-to-one overlap matching per type. NEREL: PERSON,
ORGANIZATION, and LOCATION as the union of LOCATION, CITY, COUNTRY,
STATE_OR_PROVINCE and DISTRICT. factRuEval: Person, Org, and Location with LocOrg,
over name spans as bench.datasets reads them. Speed is docs/s of NER on raw text
(natasha: its NER alone; letopis: razdel segmentation, natasha's NER and the tagger).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

from bench import datasets  # noqa: E402
from bench.scoring import Score, match  # noqa: E402
from letopis.adapters import natasha  # noqa: E402
from letopis.doc import Doc  # noqa: E402
from letopis.ner.model import WEIGHTS  # noqa: E402
from letopis.stages.ner import NERStage  # noqa: E402
from letopis.stages.segment import SegmentStage  # noqa: E402

TYPES = ("PER", "ORG", "LOC")
PREDICTED = {"PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC"}
GOLD = {
    "nerel": {"PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC", "CITY": "LOC", "COUNTRY": "LOC",
              "STATE_OR_PROVINCE": "LOC", "DISTRICT": "LOC"},
    "factrueval": {"Person": "PER", "Org": "ORG", "Location": "LOC", "LocOrg": "LOC"},
}
Spans = list[tuple[int, int, str]]


def natasha_system(text: str) -> Spans:
    """natasha's NER over the whole text, as natasha's own Doc.tag_ner runs it."""
    return list(next(iter(natasha.tag_ner([text]))))


_segment, _ner = SegmentStage(), NERStage()


def letopis_system(text: str) -> Spans:
    doc = _ner(_segment(Doc(id="", text=text)))
    return [(m.start, m.end, m.type) for m in doc.mentions]


def score(system: Callable[[str], Spans], docs: list[datasets.GoldDoc], gold_map: dict[str, str]) -> tuple[dict[str, Score], float]:
    totals = {t: Score() for t in TYPES}
    began = time.perf_counter()
    predictions = [system(doc.text) for doc in docs]
    seconds = time.perf_counter() - began
    for doc, pred in zip(docs, predictions):
        for t in TYPES:
            p = [(a, b) for a, b, kind in pred if PREDICTED.get(kind) == t]
            g = [(s.start, s.end) for s in doc.spans if gold_map.get(s.type) == t]
            totals[t].add(match(p, g))
    return totals, len(docs) / seconds


def report(name: str, docs: Iterable[datasets.GoldDoc], gold_map: dict[str, str]) -> dict:
    docs = list(docs)
    natasha.warm_up()
    letopis_system(docs[0].text)  # load the tagger before timing
    rows = {system.__name__.split("_")[0]: score(system, docs, gold_map) for system in (natasha_system, letopis_system)}
    print(f"\n{name} ({len(docs)} docs)")
    print(f"{'type':5} {'system':8} {'P':>6} {'R':>6} {'F1':>6}")
    for t in TYPES:
        for system, (totals, _) in rows.items():
            s = totals[t]
            print(f"{t:5} {system:8} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}")
    for system, (_, speed) in rows.items():
        print(f"speed {system:8} {speed:6.1f} docs/s")
    return {
        system: {"f1": {t: round(totals[t].f1, 3) for t in TYPES}, "docs_per_second": round(speed, 1)}
        for system, (totals, speed) in rows.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--write-meta", action="store_true", help="store the dev figures in tagger.json")
    args = parser.parse_args()
    nerel = list(datasets.nerel("dev"))
    fre = list(datasets.factrueval())
    if args.limit:
        nerel, fre = nerel[: args.limit], fre[: args.limit]
    figures = {
        "nerel_dev": report("NEREL dev", nerel, GOLD["nerel"]),
        "factrueval_dev": report("factRuEval-2016 dev", fre, GOLD["factrueval"]),
    }
    print(f"\npeak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    if args.write_meta and not args.limit:
        path = WEIGHTS.with_suffix(".json")
        meta = json.loads(path.read_text(encoding="utf-8"))
        meta["dev_overlap_f1"] = {"measured": time.strftime("%Y-%m-%d"), "command": "train/ner/evaluate.py", **figures}
        path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
