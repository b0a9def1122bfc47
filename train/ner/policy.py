"""Pick `letopis.ner.POLICY` (how tagger and natasha spans combine) on held-out NEREL train.

    .venv/bin/python train/ner/policy.py [--set train-held-out|nerel|factrueval]

The held-out part is every 10th NEREL train document by file name (the tenth that
train.py never trains on). For each candidate policy the script prints span P/R/F1
of PER, ORG and LOC (one-to-one overlap, as bench/ scores), and on the held-out set
the best threshold per kind. The other sets are there to measure the chosen policy,
never to choose it.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "train" / "ner"), str(ROOT / "src")]

from bench.scoring import Score, match  # noqa: E402
from errors import adjective, documents  # noqa: E402
from letopis.adapters import natasha  # noqa: E402
from letopis.doc import Doc  # noqa: E402
from letopis.ner import POLICY  # noqa: E402
from letopis.ner.combine import NATASHA_KIND, Policy, combine  # noqa: E402
from letopis.ner.features import natasha_tags  # noqa: E402
from letopis.ner.model import shipped  # noqa: E402
from letopis.stages.segment import SegmentStage  # noqa: E402

TYPES = ("PER", "ORG", "LOC")
THRESHOLDS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)


def _fingerprint() -> str:
    """What the cached tagger output depends on: the weights and the sentence split."""
    import hashlib
    import inspect

    from letopis.stages import segment

    digest = hashlib.sha256((ROOT / "src" / "letopis" / "data" / "ner" / "tagger.npz").read_bytes())
    digest.update(inspect.getsource(segment).encode("utf-8"))
    return digest.hexdigest()[:12]


def raw(name: str) -> list[tuple[list, list, list]]:
    """Per document: the tagger's spans (characters, type, confidence), natasha's spans, gold."""
    cache = Path(f"/tmp/letopis-ner/select-{name}-{_fingerprint()}.pkl")
    if cache.is_file():
        return pickle.loads(cache.read_bytes())
    docs, gold_map = documents(name)
    segment, out = SegmentStage(), []
    for gold in docs:
        doc = segment(Doc(id="", text=gold.text))
        theirs = sorted(natasha.tag_ner_tokens(doc.text, [(t.start, t.end, t.text) for t in doc.tokens]))
        words = [[t.text for t in doc.sentence_tokens(i)] for i in range(len(doc.sentences))]
        offsets = [[(t.start, t.end) for t in doc.sentence_tokens(i)] for i in range(len(doc.sentences))]
        tags = [natasha_tags(offs, theirs) for offs in offsets]
        ours = [
            (offs[a][0], offs[b - 1][1], kind, conf)
            for offs, spans in zip(offsets, shipped()(words, tags))
            for a, b, kind, conf in spans
        ]
        spans = [(s.start, s.end, gold_map[s.type]) for s in gold.spans if gold_map.get(s.type) in TYPES]
        out.append((ours, theirs, spans))
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(out))
    return out


def score(data: list, policy: Policy, texts: list[str] | None = None) -> dict[str, Score]:
    """P/R/F1 per kind; with `texts`, one-word adjective places are left out (for the record)."""
    totals = {t: Score() for t in TYPES}
    for n, (ours, theirs, gold) in enumerate(data):
        pred = [(a, b, NATASHA_KIND.get(k)) for a, b, k, _ in combine(ours, theirs, policy)]
        if texts is not None:
            pred = [(a, b, k) for a, b, k in pred if not (k == "LOC" and adjective(texts[n][a:b]))]
        for t in TYPES:
            totals[t].add(match([(a, b) for a, b, k in pred if k == t], [(a, b) for a, b, k in gold if k == t]))
    return totals


def row(label: str, totals: dict[str, Score]) -> str:
    cells = "  ".join(f"{t} {s.precision:.3f} {s.recall:.3f} {s.f1:.3f}" for t, s in totals.items())
    return f"{label:36} {cells}"


def choose(data: list) -> Policy:
    """Per kind, the threshold and natasha option with the best F1 of that kind (ties: keep more)."""
    alone, added = {}, set()
    for kind in TYPES:
        options = [(t, add) for add in (False, True) for t in THRESHOLDS]
        f1 = {
            (t, add): score(data, Policy(alone={kind: t}, natasha_alone=frozenset({kind} if add else ())))[kind].f1
            for t, add in options
        }
        t, add = max(options, key=lambda o: (round(f1[o], 3), -o[0], not o[1]))
        alone[kind] = t
        if add:
            added.add(kind)
    return Policy(alone={k: t for k, t in alone.items() if t}, natasha_alone=frozenset(added))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", default="train-held-out", choices=("train-held-out", "nerel", "factrueval"))
    args = parser.parse_args()
    data = raw(args.set)
    print(f"{args.set}: {len(data)} documents; cells are P R F1")
    print(row("tagger as it is", score(data, Policy())))
    print(row("+ natasha where the tagger has none", score(data, Policy(natasha_alone=frozenset(TYPES)))))
    print(row("drop head-inner spans", score(data, Policy(drop_head_inner=True))))
    for t in THRESHOLDS[1:]:
        print(row(f"tagger-only kept at conf >= {t}", score(data, Policy(alone={k: t for k in TYPES}))))
    print(row("shipped letopis.ner.POLICY", score(data, POLICY)))
    texts = [doc.text for doc in documents(args.set)[0]]
    print(row("  without adjective places", score(data, POLICY, texts)))
    if args.set == "train-held-out":
        best = choose(data)
        print(f"chosen: {best}")
        print(row("chosen", score(data, best)))


if __name__ == "__main__":
    main()
