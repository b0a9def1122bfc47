"""What letopis gets wrong on the history gold, text by text, for reading errors.

    python -m bench.history.errors                   # the train split, every layer
    python -m bench.history.errors --only timexes    # time expressions alone (fast: no events)
    python -m bench.history.errors --ids trh040 wp-1-04 --only events

Read the train split to find what to fix; keep the heldout split for deciding
(docs/history-gold.md). Each line shows the gold beside what letopis gave.
"""

from __future__ import annotations

import argparse
from typing import Any

from bench.history import gold, score
from bench.history.gold import GoldText


def analyse(text: str, timexes_only: bool) -> Any:
    from letopis import analyse as full
    from letopis.doc import Doc
    from letopis.pipeline import Pipeline
    from letopis.stages.timex import TimexStage

    if timexes_only:
        return Pipeline([TimexStage()])(Doc("d", text))
    return full(text)


def timex_lines(doc: GoldText, found: Any) -> list[str]:
    from runner_io import timex_span

    text, lines = doc.text, []
    spans = [timex_span(t) for t in found.timexes]
    for t in sorted(doc.timexes, key=lambda t: t.span):
        a, b = t.span[0] - doc.start, t.span[1] - doc.start
        hit = next((s for s in spans if s["start"] < b and a < s["end"]), None)
        truth = gold.window(t.earliest, t.latest, t.calendar)
        if hit is None:
            lines.append(f"  MISSED  «{text[a:b]}» gold {truth[0]}..{truth[1]} ({t.calendar})")
        elif not score.timex_right(hit, t):
            lines.append(f"  VALUE   «{text[a:b]}» as «{text[hit['start']:hit['end']]}» "
                         f"{hit['earliest']}..{hit['latest']}, gold {truth[0]}..{truth[1]} ({t.calendar})")
    covered = [(t.span[0] - doc.start, t.span[1] - doc.start) for t in doc.timexes]
    for s in spans:
        if (s["earliest"] or s["latest"]) and not any(s["start"] < b and a < s["end"] for a, b in covered):
            lines.append(f"  EXTRA   «{text[s['start']:s['end']]}» {s['earliest']}..{s['latest']}")
    return lines


def event_lines(doc: GoldText, found: Any) -> list[str]:
    import json

    import letopis_full

    text, lines = doc.text, []
    predicted = json.loads(json.dumps(letopis_full.events(found)))
    matched, _ = score.match(doc, predicted)
    taken = {tuple(p["trigger"]) for p in matched.values()}
    for e in doc.events:
        words = " | ".join(text[a - doc.start:b - doc.start] for a, b in e.triggers)
        truth = gold.window(e.earliest, e.latest, e.calendar)
        pred = matched.get(e.id)
        if pred is None:
            if not e.optional:
                lines.append(f"  MISSED  «{words}» {e.cls} {truth[0]}..{truth[1]} {e.tier}")
            continue
        if e.optional:
            continue
        if not score.date_right(pred["earliest"], pred["latest"], e, slack=e.slack):
            lines.append(f"  DATE    «{words}» {pred['earliest']}..{pred['latest']} ({pred['basis']}), "
                         f"gold {truth[0]}..{truth[1]} {e.tier}")
        if e.agent and not score.agent_right(pred["agents"], e.agent, doc):
            names = ", ".join(a["name"] for a in pred["agents"]) or "none"
            lines.append(f"  AGENT   «{words}» {names}, gold {e.agent.name}")
        if pred["factuality"] != e.factuality:
            lines.append(f"  FACT    «{words}» {pred['factuality']}, gold {e.factuality}")
    for p in predicted:
        if tuple(p["trigger"]) not in taken:
            a, b = p["trigger"]
            lines.append(f"  EXTRA   «{text[a:b]}»")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.history.errors", description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="train", choices=gold.SPLITS)
    parser.add_argument("--ids", nargs="*", help="these gold texts instead of a split")
    parser.add_argument("--only", choices=("timexes", "events"))
    args = parser.parse_args(argv)
    import sys

    sys.path.insert(0, str(gold.GOLD.parents[1] / "runners"))
    for doc in gold.load(None if args.ids else args.split):
        if args.ids and doc.id not in args.ids:
            continue
        found = analyse(doc.text, args.only == "timexes")
        lines = []
        if args.only != "events":
            lines += timex_lines(doc, found)
        if args.only != "timexes":
            lines += event_lines(doc, found)
        print(f"# {doc.id} ({doc.kind}, {doc.split}): {len(lines)} errors")
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
