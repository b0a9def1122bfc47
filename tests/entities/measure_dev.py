"""Measure the entities stage on the factRuEval-2016 dev set (not a test; run it by hand).

    .venv/bin/python tests/entities/measure_dev.py [/work/shared/data/factrueval-2016/devset] [--limit N]

Reports, over gold Person/Org/Location/LocOrg objects whose span our recogniser found exactly:
- merging: pairwise precision/recall/F1 of "same entity" between those mentions (within a document);
- normal forms: persons' surnames against the gold `lastname`, and one-word places'
  normal forms against a one-word gold `name` of the same stem (so that «КНР» for «Китая»
  does not count as an error).
"""

from __future__ import annotations

import sys
from itertools import combinations
from pathlib import Path

from letopis.doc import Doc
from letopis.fold import fold_name
from letopis.stages.entities import EntityStage
from letopis.stages.morph import MorphStage
from letopis.stages.ner import NERStage
from letopis.stages.segment import SegmentStage
from letopis.stages.syntax import SyntaxStage

DEFAULT = Path("/work/shared/data/factrueval-2016/devset")
STAGES = (SegmentStage(), MorphStage(), SyntaxStage(), NERStage(), EntityStage())


def read_gold(base: Path) -> tuple[dict[str, tuple[int, int, str]], list[tuple[list[str], dict[str, str]]]]:
    spans = {}
    for line in base.with_suffix(".spans").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 4:
            spans[parts[0]] = (int(parts[2]), int(parts[2]) + int(parts[3]))
    objects = {}
    for line in base.with_suffix(".objects").read_text(encoding="utf-8").splitlines():
        head = line.split("#")[0].split()
        if len(head) >= 3:
            ranges = [spans[s] for s in head[2:] if s in spans]
            if ranges:
                objects[head[0]] = (min(a for a, _ in ranges), max(b for _, b in ranges), head[1])
    chains = []
    for block in base.with_suffix(".coref").read_text(encoding="utf-8").split("\n\n"):
        lines = [l for l in block.splitlines() if l.strip()]
        if not lines:
            continue
        members = lines[0].split()[1:]
        keys = {}
        for l in lines[1:]:
            key, _, value = l.partition(" ")
            keys.setdefault(key, value)
        chains.append((members, keys))
    return objects, chains


def main(argv: list[str]) -> None:
    folder = Path(argv[0]) if argv and not argv[0].startswith("--") else DEFAULT
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else None
    tp = fp = fn = 0
    surname_ok = surname_all = place_ok = place_all = 0
    misses: list[str] = []
    for n, txt in enumerate(sorted(folder.glob("*.txt"))):
        if limit is not None and n >= limit:
            break
        base = txt.with_suffix("")
        objects, chains = read_gold(base)
        doc = Doc(base.name, txt.read_text(encoding="utf-8"))
        for stage in STAGES:
            doc = stage(doc)
        ours = {(m.start, m.end): m for m in doc.mentions if m.entity and m.source != "pronoun"}
        matched: list[tuple[str, str]] = []  # (gold chain index, our entity)
        for index, (members, keys) in enumerate(chains):
            for member in members:
                if member not in objects:
                    continue
                start, end, kind = objects[member]
                mention = ours.get((start, end))
                if mention is None:
                    continue
                matched.append((str(index), mention.entity))
                words = fold_name(mention.normal).split()
                if kind == "Person" and "lastname" in keys and words:
                    surname_all += 1
                    if fold_name(keys["lastname"]) in words:
                        surname_ok += 1
                    elif len(misses) < 15:
                        misses.append(f"{mention.text!r} -> {mention.normal!r}, gold lastname {keys['lastname']!r}")
                # Only where the gold name is this word's own nominative (not «КНР» for «Китая»).
                same_stem = fold_name(keys.get("name", ""))[:3] == fold_name(mention.text)[:3]
                if kind in ("Location", "LocOrg") and same_stem and len(mention.text.split()) == 1 and len(keys["name"].split()) == 1:
                    place_all += 1
                    if fold_name(keys["name"]) == fold_name(mention.normal):
                        place_ok += 1
                    elif len(misses) < 30:
                        misses.append(f"{mention.text!r} -> {mention.normal!r}, gold name {keys['name']!r}")
        for (g1, e1), (g2, e2) in combinations(matched, 2):
            same_gold, same_ours = g1 == g2, e1 == e2
            tp += same_gold and same_ours
            fp += same_ours and not same_gold
            fn += same_gold and not same_ours
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"merging (pairs of exactly matched mentions): P {precision:.3f} R {recall:.3f} F1 {f1:.3f} (tp {tp}, fp {fp}, fn {fn})")
    print(f"person surnames in normal forms: {surname_ok}/{surname_all} = {surname_ok / max(surname_all, 1):.3f}")
    print(f"one-word place normal forms: {place_ok}/{place_all} = {place_ok / max(place_all, 1):.3f}")
    for miss in misses:
        print("  ", miss)


if __name__ == "__main__":
    main(sys.argv[1:])
