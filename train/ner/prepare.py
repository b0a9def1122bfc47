"""Turn NEREL train into tagger examples: razdel sentences, features, one BIO layer per kind.

    python train/ner/prepare.py OUT.pkl

Runs in the project venv (it needs natasha for segmentation and natasha's NER tags).
Every 10th document (by file name) goes to the held-out part used for model selection;
NEREL dev is never read here.
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

from bench import datasets  # noqa: E402
from letopis.adapters import natasha  # noqa: E402
from letopis.doc import Doc  # noqa: E402
from letopis.ner.features import natasha_tags  # noqa: E402
from letopis.ner.labels import LAYERS, Layer  # noqa: E402
from letopis.stages.segment import SegmentStage  # noqa: E402


def layer_spans(layer: Layer, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The gold spans this layer tags: outermost ones, or for an inner layer the next ring."""
    mine = sorted({s for s in spans if s[2] in layer.classes}, key=lambda s: (s[0], -s[1]))

    def inside(a: tuple[int, int, str], pool: list[tuple[int, int, str]]) -> bool:
        return any(b is not a and b[0] <= a[0] and a[1] <= b[1] and (b[0], b[1]) != (a[0], a[1]) for b in pool)

    outer = [s for s in mine if not inside(s, mine)]
    if not layer.nested:
        return outer
    rest = [s for s in mine if s not in outer]
    return [s for s in rest if not inside(s, rest)]


def bio(tokens: list[tuple[int, int]], spans: list[tuple[int, int, str]], layer: Layer) -> list[int]:
    index = {tag: i for i, tag in enumerate(layer.tags)}
    tags = [0] * len(tokens)
    for start, end, kind in spans:
        covered = [i for i, (a, b) in enumerate(tokens) if a < end and start < b]
        if not covered or any(tags[i] for i in covered):
            continue  # overlaps a span already on this layer
        tags[covered[0]] = index[f"B-{kind}"]
        for i in covered[1:]:
            tags[i] = index[f"I-{kind}"]
    return tags


def examples(gold: datasets.GoldDoc) -> list[dict]:
    doc = SegmentStage()(Doc(id=gold.id, text=gold.text))
    found = sorted(next(iter(natasha.tag_ner([doc.text]))))
    spans = [(g.start, g.end, g.type) for g in gold.spans]
    out = []
    for index, sent in enumerate(doc.sentences):
        toks = doc.sentence_tokens(index)
        offsets = [(t.start, t.end) for t in toks]
        inside = [s for s in spans if s[0] < sent.end and sent.start < s[1]]
        out.append(
            {
                "doc": gold.id,
                "words": [t.text for t in toks],
                "offsets": offsets,
                "natasha": natasha_tags(offsets, found),
                "labels": {layer.name: bio(offsets, layer_spans(layer, inside), layer) for layer in LAYERS},
            }
        )
    return out


def main(out: str) -> None:
    train, held = [], []
    for number, gold in enumerate(datasets.nerel("train")):
        (held if number % 10 == 9 else train).extend(examples(gold))
    with open(out, "wb") as file:
        pickle.dump({"train": train, "held": held}, file)
    print(f"{len(train)} train sentences, {len(held)} held-out sentences -> {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/letopis-ner/nerel-train.pkl")
