"""Where event-link recall is lost on NEREL train: the event, the argument, or the link.

Reads the Docs cached by `train/links/cache.py`, turns them into links exactly as the
benchmark's runner does (`bench/runners/letopis_full.links`) and sorts every gold
event-time, event-place and event-participant link of train into one of:

- `found`: a predicted link overlaps both its event and its argument;
- `event not found`: no predicted event overlaps the gold event;
- `argument not found`: the event is found, but no candidate (timex, or mention with an
  entity) overlaps the gold argument;
- `other sentence`: the gold argument is a candidate, but not in the event's sentence;
- `not linked`: event and argument are found in one sentence, and the event has no link
  of this kind at all;
- `linked elsewhere`: the event has links of this kind, none to the gold argument.

    .venv/bin/python train/links/errors.py [--cache train/links/.cache/train.pkl] [--fresh]

With `--fresh` the roles and link stages are rerun on the cached Docs first (to measure a
new model without re-analysing train). Only NEREL *train* is read; dev stays for measuring.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for folder in ("", "bench", "bench/runners", "src", "train/links"):
    sys.path.insert(0, str(ROOT / folder))

from cache import CACHE, load  # noqa: E402
from bench.scoring import overlaps  # noqa: E402
from bench.tasks import event_links  # noqa: E402
from letopis_full import links  # noqa: E402

from letopis.doc import Doc  # noqa: E402
from letopis.stages.role_features import SentenceIndex  # noqa: E402

Span = tuple[int, int]


def gold_links(gold) -> list[tuple[str, Span, Span, str]]:
    """(label, event span, argument span, argument type) of the event-time, event-place and
    event-participant links of one document (the benchmark's reading of NEREL)."""
    return [(label, (event.start, event.end), (arg.start, arg.end), arg.type)
            for label, event, arg in event_links(gold) if label != "cause"]


def rerun(doc: Doc) -> None:
    """Drop what the roles and link stages added and run them again."""
    from letopis.stages.roles import RolesStage, reset

    from letopis.stages.link import LinkStage

    reset(doc)
    RolesStage()(doc)
    LinkStage()(doc)


def classify(doc: Doc, gold) -> list[tuple[str, str, str]]:
    """(label, outcome, argument type) for each gold link of one document."""
    predicted: dict[str, list[tuple[Span, Span]]] = {}
    for link in links(doc):
        predicted.setdefault(link["type"], []).append((tuple(link["event"]), tuple(link["arg"])))
    events = [(e.trigger.start, e.trigger.end, e.sentence) for e in doc.events]
    index = SentenceIndex(doc)
    candidates = [(c.start, c.end, doc.tokens[c.head].sent, c.mention is None) for cs in index.candidates.values() for c in cs]
    out = []
    for label, event, arg, arg_type in gold_links(gold):
        mine = [p for p in predicted.get(label, []) if overlaps(p[0], event)]
        if any(overlaps(p[1], arg) for p in mine):
            outcome = "found"
        elif not any(overlaps((s, e), event) for s, e, _ in events):
            outcome = "event not found"
        else:
            timex = label == "event-time"
            sentences = {sent for s, e, sent in events if overlaps((s, e), event)}
            hits = [c for c in candidates if c[3] == timex and overlaps((c[0], c[1]), arg)]
            if not hits:
                outcome = "argument not found"
            elif not any(c[2] in sentences for c in hits):
                outcome = "other sentence"
            elif mine:
                outcome = "linked elsewhere"
            else:
                outcome = "not linked"
        out.append((label, outcome, arg_type))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--fresh", action="store_true", help="rerun the roles and link stages first")
    args = parser.parse_args()
    outcomes: Counter[tuple[str, str]] = Counter()
    lost_types: Counter[tuple[str, str, str]] = Counter()
    for gold, doc in load(args.cache):
        if args.fresh:
            rerun(doc)
        for label, outcome, arg_type in classify(doc, gold):
            outcomes[(label, outcome)] += 1
            if outcome != "found":
                lost_types[(label, outcome, arg_type)] += 1
    for label in ("event-time", "event-place", "event-participant"):
        total = sum(n for (lab, _), n in outcomes.items() if lab == label)
        print(f"\n{label}: {total} gold links")
        for (lab, outcome), n in sorted(outcomes.items(), key=lambda kv: -kv[1]):
            if lab == label:
                print(f"  {outcome:20s} {n:5d}  {n / total:.1%}")
        worst = [(k, n) for k, n in lost_types.most_common() if k[0] == label][:6]
        print("  lost, by argument type: " + ", ".join(f"{o}/{t} {n}" for (_, o, t), n in worst))


if __name__ == "__main__":
    main()
