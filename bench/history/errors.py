"""What letopis gets wrong on the history gold, text by text, for reading errors.

    python -m bench.history.errors                   # the train split, every layer
    python -m bench.history.errors --only timexes    # time expressions alone (fast: no events)
    python -m bench.history.errors --ids trh040 wp-1-04 --only events
    python -m bench.history.errors --only entities   # entities: names, merges, types, pins

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


def entity_lines(doc: GoldText, found: Any) -> list[str]:
    import json

    import letopis_full

    if doc.entities is None:
        return []
    text, lines = doc.text, []
    predicted = json.loads(json.dumps(letopis_full.entities(found)))
    owner = {tuple(m): i for i, e in enumerate(predicted) for m in e["mentions"]}

    def local(m: tuple[int, int]) -> tuple[int, int]:
        return m[0] - doc.start, m[1] - doc.start

    def hits(span: tuple[int, int]) -> list[int]:
        return sorted({i for m, i in owner.items() if m[0] < span[1] and span[0] < m[1]})

    def show(i: int) -> str:
        e = predicted[i]
        pin = f" @{e['point'][0]:.1f},{e['point'][1]:.1f}" if e["point"] else ""
        return f"{e['type']} «{e['name']}»{pin}"

    gold_of: dict[int, set[str]] = {}
    for x in doc.entities:
        spans = [local(m) for m in x.mentions]
        systems = [i for s in spans for i in hits(s)]
        for i in systems:
            gold_of.setdefault(i, set()).add(x.id)
        names = " | ".join(x.names)
        missed = [text[a:b] for a, b in spans if not hits((a, b))]
        if not systems:
            lines.append(f"  MISSED  {x.type} «{names}» ({len(spans)} mentions)")
            continue
        main = max(set(systems), key=systems.count)
        e = predicted[main]
        if x.type != "GROUP" and score.fold(e["name"]) not in {score.fold(n) for n in x.names}:
            lines.append(f"  NAME    «{e['name']}», gold «{names}»")
        if e["type"] != x.type:
            lines.append(f"  TYPE    «{names}» as {e['type']}, gold {x.type}")
        if len(set(systems)) > 1:
            parts = ", ".join(show(i) for i in sorted(set(systems)))
            lines.append(f"  SPLIT   «{names}» into {parts}")
        if missed:
            lines.append(f"  PARTLY  «{names}» missed «" + "», «".join(missed) + "»")
        if x.point is not None and not e["point"]:
            lines.append(f"  NOPIN   «{names}» ({x.point[0]:.1f},{x.point[1]:.1f})")
    for i, e in enumerate(predicted):
        golds = [x for x in doc.entities if x.id in gold_of.get(i, ())]
        words = "», «".join(dict.fromkeys(text[a:b] for a, b in e["mentions"]))
        if not golds:
            lines.append(f"  EXTRA   {show(i)} «{words}»")
            continue
        if len(golds) > 1:
            lines.append(f"  JOINED  {show(i)}: " + ", ".join(f"«{x.names[0]}»" for x in golds))
        if e["point"]:
            near = [x for x in golds if x.point is not None and score._km(tuple(e["point"]), x.point) <= x.radius_km]
            if not near:
                where = ", ".join(f"«{x.names[0]}» {x.type} " + (f"({x.point[0]:.1f},{x.point[1]:.1f})"
                                  if x.point else "unlocated") for x in golds)
                lines.append(f"  PIN     {show(i)}, gold {where}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.history.errors", description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="train", choices=gold.SPLITS)
    parser.add_argument("--ids", nargs="*", help="these gold texts instead of a split")
    parser.add_argument("--only", choices=("timexes", "events", "entities"))
    args = parser.parse_args(argv)
    import sys

    sys.path.insert(0, str(gold.GOLD.parents[1] / "runners"))
    for doc in gold.load(None if args.ids else args.split):
        if args.ids and doc.id not in args.ids:
            continue
        found = analyse(doc.text, args.only == "timexes")
        lines = []
        if args.only in (None, "timexes"):
            lines += timex_lines(doc, found)
        if args.only in (None, "events"):
            lines += event_lines(doc, found)
        if args.only in (None, "entities"):
            lines += entity_lines(doc, found)
        print(f"# {doc.id} ({doc.kind}, {doc.split}): {len(lines)} errors")
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
