"""Error analysis of letopis NER: false positives and negatives grouped by cause.

    .venv/bin/python train/ner/errors.py [--set nerel|factrueval|train-held-out] [--type ORG]
        [--examples 15] [--pipeline]

Matching is bench.scoring's one-to-one overlap per type (PER, ORG, LOC), as in
evaluate.py. Each unmatched prediction gets the first cause that fits:

- duplicate: it overlaps a same-typed gold span that another prediction matched (a split
  or a second, nested prediction of one name);
- adjective: one word read as an adjective («российских», «Московского»: NEREL tags geo
  adjectives as COUNTRY/CITY, factRuEval does not count them);
- nested: it lies inside a longer prediction of ORG, LOC, FACILITY or PERSON;
- other-type: it overlaps a gold span of another type (factRuEval's Facility, or Org
  against Location);
- descriptor (factRuEval): it overlaps an annotated descriptor or geo adjective
  (org_descr, geo_adj, loc_descr, job) but no name;
- lowercase: no capital letter in it (generic nouns, geo adjectives);
- other.

Unmatched gold spans: other-type (predicted with another type), natasha-only (natasha
finds it), missed. `--pipeline` scores the full pipeline's mentions (letopis.analyse)
instead of the NER stage alone; `--names` adds the benchmark's names-only reading (mentions
given as names, not the heads of longer ones of their type), and a gold span that only a dropped mention overlaps
gets the cause `not-a-name:<form>`. Dev sets are for measuring; choices are made on
`train-held-out` (every 10th NEREL train document, as train.py holds out).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

from bench import datasets  # noqa: E402
from bench.scoring import overlaps  # noqa: E402
from bench.tasks import without_heads  # noqa: E402
from letopis.adapters import natasha  # noqa: E402

TYPES = ("PER", "ORG", "LOC")
PREDICTED = {"PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC", "FACILITY": "FAC"}
GOLD = {
    "nerel": {"PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC", "CITY": "LOC", "COUNTRY": "LOC",
              "STATE_OR_PROVINCE": "LOC", "DISTRICT": "LOC", "FACILITY": "FAC"},
    "factrueval": {"Person": "PER", "Org": "ORG", "Location": "LOC", "LocOrg": "LOC", "Facility": "FAC"},
}
DESCRIPTORS = ("org_descr", "geo_adj", "loc_descr", "job")


def documents(name: str) -> tuple[list[datasets.GoldDoc], dict[str, str]]:
    if name == "nerel":
        return list(datasets.nerel("dev")), GOLD["nerel"]
    if name == "train-held-out":
        docs = sorted(datasets.nerel("train"), key=lambda d: d.path.name)
        return docs[9::10], GOLD["nerel"]
    return list(datasets.factrueval()), GOLD["factrueval"]


def descriptor_spans(doc: datasets.GoldDoc) -> list[tuple[int, int, str]]:
    """factRuEval's raw descriptor spans (not names) of a document."""
    out = []
    spans = doc.path.with_suffix(".spans")
    if not spans.is_file():
        return out
    for line in spans.read_text(encoding="utf-8").splitlines():
        fields = line.split("#", 1)[0].split()
        if len(fields) >= 4 and fields[1] in DESCRIPTORS:
            out.append((int(fields[2]), int(fields[2]) + int(fields[3]), fields[1]))
    return out


def pair(pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> tuple[dict, set]:
    """bench.scoring.match's greedy pairing: prediction -> gold, and the matched gold."""
    used: dict[tuple[int, int], tuple[int, int]] = {}
    taken: set[tuple[int, int]] = set()
    for p in sorted(set(pred)):
        for g in sorted(set(gold)):
            if g not in taken and overlaps(p, g):
                used[p] = g
                taken.add(g)
                break
    return used, taken


def predictions(texts: list[str], pipeline: bool) -> list[list[tuple[int, int, str]]]:
    if pipeline:
        import letopis

        out = []
        for text in texts:
            doc = letopis.analyse(text)
            out.append([(m.start, m.end, m.type, m.form) for m in doc.mentions if m.source != "pronoun"])
        return out
    from letopis.doc import Doc
    from letopis.stages.ner import NERStage
    from letopis.stages.segment import SegmentStage

    segment, ner = SegmentStage(), NERStage()
    return [[(m.start, m.end, m.type, None) for m in ner(segment(Doc(id="", text=t))).mentions] for t in texts]


def adjective(text: str) -> bool:
    """A one-word span that reads first as an adjective («российские», «Московского»)."""
    words = text.split()
    readings = natasha.analyses(words[0].lower()) if len(words) == 1 else []
    return bool(readings) and readings[0].pos == "ADJF"


def context(text: str, a: int, b: int, width: int = 40) -> str:
    left = text[max(0, a - width) : a].replace("\n", " ")
    right = text[b : b + width].replace("\n", " ")
    return f"…{left}[{text[a:b]}]{right}…"


def names_view(typed: list[tuple[int, int, str, str | None]]) -> list[tuple[int, int, str, str | None]]:
    """The benchmark's names-only reading (bench.tasks.predicted_spans): mentions given as
    names, not the heads of longer ones of their type."""
    out = []
    for t in {k for *_, k, _ in typed}:
        spans = without_heads([(a, b) for a, b, k, form in typed if k == t and form in (None, "name")])
        out += [(a, b, t, "name") for a, b in spans]
    return sorted(out)


def analyse(name: str, only: str | None, examples: int, pipeline: bool, names: bool = False) -> None:
    docs, gold_map = documents(name)
    preds = predictions([d.text for d in docs], pipeline)
    nat = list(natasha.tag_ner([d.text for d in docs]))
    fp: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    fn: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    totals: Counter = Counter()
    for doc, pred, nat_spans in zip(docs, preds, nat):
        every = [(a, b, PREDICTED[k], form) for a, b, k, form in pred if PREDICTED.get(k)]
        kept = names_view(every) if names else every
        dropped = [(a, b, k, form) for a, b, k, form in every if (a, b, k, "name") not in kept and form != "name"] if names else []
        typed = [(a, b, k) for a, b, k, _ in kept]
        gold = [(s.start, s.end, gold_map[s.type]) for s in doc.spans if s.type in gold_map]
        natasha_typed = [(a, b, PREDICTED.get(k)) for a, b, k in nat_spans]
        descr = descriptor_spans(doc) if name == "factrueval" else []
        for t in TYPES:
            if only and t != only:
                continue
            p = [(a, b) for a, b, k in typed if k == t]
            g = [(a, b) for a, b, k in gold if k == t]
            used, taken = pair(p, g)
            totals[t, "pred"] += len(set(p))
            totals[t, "gold"] += len(set(g))
            totals[t, "tp"] += len(used)
            for span in sorted(set(p) - set(used)):
                text = doc.text[span[0] : span[1]]
                if any(overlaps(span, x) for x in g):
                    cause = "duplicate"
                elif adjective(text):
                    cause = "adjective"
                elif any(a <= span[0] and span[1] <= b and (a, b) != span for a, b, k in typed):
                    cause = "nested"
                elif any(overlaps(span, (a, b)) for a, b, k in gold if k != t):
                    kinds = sorted({k for a, b, k in gold if k != t and overlaps(span, (a, b))})
                    cause = "other-type:" + "+".join(kinds)
                elif any(overlaps(span, (a, b)) for a, b, _ in descr):
                    kinds = sorted({k for a, b, k in descr if overlaps(span, (a, b))})
                    cause = "descriptor:" + "+".join(kinds)
                elif not any(ch.isupper() for ch in text):
                    cause = "lowercase"
                else:
                    cause = "other"
                agrees = any(k == t and overlaps(span, (a, b)) for a, b, k in natasha_typed)
                fp[t][cause].append(("N " if agrees else "  ") + context(doc.text, *span))
            for span in sorted(set(g) - taken):
                if any(overlaps(span, (a, b)) for a, b, k in typed if k != t):
                    kinds = sorted({k for a, b, k in typed if k != t and overlaps(span, (a, b))})
                    cause = "other-type:" + "+".join(kinds)
                elif any(k == t and overlaps(span, (a, b)) for a, b, k, _ in dropped):
                    cause = "not-a-name:" + "+".join(sorted({f for a, b, k, f in dropped if k == t and overlaps(span, (a, b))}))
                elif any(k == t and overlaps(span, (a, b)) for a, b, k in natasha_typed):
                    cause = "natasha-only"
                else:
                    cause = "missed"
                fn[t][cause].append(context(doc.text, *span))
    for t in TYPES:
        if only and t != only:
            continue
        pred, gold, tp = totals[t, "pred"], totals[t, "gold"], totals[t, "tp"]
        p, r = tp / max(pred, 1), tp / max(gold, 1)
        print(f"\n== {name} {t}: pred {pred} gold {gold} tp {tp}  P {p:.3f} R {r:.3f} F1 {2 * p * r / max(p + r, 1e-9):.3f}")
        for title, table in (("false positives", fp[t]), ("false negatives", fn[t])):
            print(f"-- {title}: {sum(len(v) for v in table.values())}")
            for cause, items in sorted(table.items(), key=lambda kv: -len(kv[1])):
                print(f"   {cause}: {len(items)}")
                for item in items[:examples]:
                    print(f"      {item}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", default="factrueval", choices=("nerel", "factrueval", "train-held-out"))
    parser.add_argument("--type", choices=TYPES)
    parser.add_argument("--examples", type=int, default=12)
    parser.add_argument("--pipeline", action="store_true", help="the full pipeline's mentions")
    parser.add_argument("--names", action="store_true",
                        help="with --pipeline: the benchmark's names-only reading (factRuEval's)")
    args = parser.parse_args()
    analyse(args.set, args.type, args.examples, args.pipeline, args.names)


if __name__ == "__main__":
    main()
