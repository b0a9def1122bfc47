"""Score the temporal stage on NEREL DATE+TIME spans.

    python bench/time_dev.py                         # train (for tuning) and dev (for reporting)
    python bench/time_dev.py dev --errors 40         # misses and false alarms
    python bench/time_dev.py --match any-overlap     # relaxed matching, as bench/run.py scores dates
    python bench/time_dev.py dev --peers             # one run, side by side: the stage, natasha
                                                     # DatesExtractor, dateparser, HeidelTime

Matching: `overlap` is one-to-one (`bench.scoring.match`), `any-overlap` the relaxed
TempEval-style match of the benchmark's dates task (`bench.scoring.match_any`).

With `--peers` every system runs once in its own process through the benchmark's runner
contract (`bench/runners/runner_io.py`, `bench.execute.run_system`): docs/s is documents over
the summed per-document processing time, peak RSS comes from `os.wait4`. The stage's runner
is this file itself, started as `time_dev.py DOCS.jsonl OUT.jsonl`; it runs `TimexStage`
alone on a `Doc` of the raw text (the stage needs nothing else).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH.parent / "src"))

from bench import datasets  # noqa: E402
from bench.scoring import MATCHERS, Score  # noqa: E402
from letopis.doc import Doc  # noqa: E402
from letopis.stages.timex import TimexStage  # noqa: E402

TYPES = ("DATE", "TIME")
PEERS = ("natasha-dates", "dateparser", "heideltime")


def make_doc(doc_id: str, text: str) -> Doc:
    """A Doc of the raw text, all the stage needs."""
    return Doc(id=doc_id, text=text)


def gold_spans(gd: datasets.GoldDoc) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in gd.spans if s.type in TYPES]


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def run(split: str, errors: int = 0, matching: str = "overlap", rules: bool = False) -> Score:
    stage = TimexStage()
    docs = list(datasets.nerel(split))
    total = Score()
    elapsed = 0.0
    shown = 0
    per_rule: dict[str, list[int]] = {}
    for gd in docs:
        doc = make_doc(gd.id, gd.text)
        began = time.perf_counter()
        stage(doc)
        elapsed += time.perf_counter() - began
        pred = [(t.start, t.end) for t in doc.timexes]
        gold = gold_spans(gd)
        total.add(MATCHERS[matching](pred, gold))
        for t in doc.timexes:
            per_rule.setdefault(t.rule, [0, 0])[_overlaps((t.start, t.end), gold)] += 1
        if errors and shown < errors:
            for kind, spans, other in (("FP", pred, gold), ("FN", gold, pred)):
                for s, e in sorted(set(spans)):
                    if not _overlaps((s, e), other):
                        context = f"{gd.text[max(0, s - 30):s]}[[{gd.text[s:e]}]]{gd.text[e:e + 20]}"
                        print(f"{kind} {gd.id}: {context}".replace("\n", " "))
                        shown += 1
    print(f"NEREL {split}: DATE+TIME {matching} P={total.precision:.4f} "
          f"R={total.recall:.4f} F1={total.f1:.4f} (pred {total.pred}, gold {total.gold}); "
          f"{len(docs)} docs in {elapsed:.2f}s = {len(docs) / elapsed:.0f} docs/s")
    if rules:
        for rule, (miss, hit) in sorted(per_rule.items(), key=lambda kv: -sum(kv[1])):
            print(f"  {rule:45s} {hit:5d} hit {miss:5d} miss  P={hit / (hit + miss):.2f}")
    return total


def peers(split: str, systems: list[str]) -> None:
    """One run: the stage and its peers over the same documents, each in its own process."""
    from bench.execute import run_system
    from bench.systems import SYSTEMS, System

    docs = list(datasets.nerel(split))
    out_dir = BENCH / "results" / ("time-" + datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ"))
    out_dir.mkdir(parents=True)
    docs_path = out_dir / "docs.jsonl"
    docs_path.write_text("".join(json.dumps({"id": d.id, "text": d.text}, ensure_ascii=False) + "\n"
                                 for d in docs), encoding="utf-8")
    ours = System("letopis-timex", str(Path(__file__).resolve()), "project", {("timex", "*"): "DATE"},
                  "letopis TimexStage alone")
    rows = []
    for system in [ours] + [SYSTEMS[name] for name in systems]:
        print(f"running {system.name} ...", file=sys.stderr, flush=True)
        result = run_system(system, docs_path, out_dir)
        if not result.ok:
            rows.append((system.name, None, None, None, result.failure))
            continue
        scores = {}
        for matching in ("overlap", "any-overlap"):
            total = Score()
            for gd in docs:
                record = result.records.get(gd.id, {"spans": []})
                pred = [(s["start"], s["end"]) for s in record["spans"] if s["layer"] == "timex"]
                total.add(MATCHERS[matching](pred, gold_spans(gd)))
            scores[matching] = total
        stats = result.stats
        speed = stats["docs"] / stats["process_s"] if stats.get("process_s") else float("nan")
        rows.append((system.name, scores, speed, result.peak_rss_mb, stats.get("load_s")))
    print(f"NEREL {split}, {len(docs)} documents, DATE+TIME spans; results in {out_dir.relative_to(BENCH.parent)}")
    print(f"{'system':15s} {'P':>6s} {'R':>6s} {'F1':>6s} | {'P':>6s} {'R':>6s} {'F1':>6s} | "
          f"{'docs/s':>8s} {'peak MB':>8s} {'load s':>7s}")
    print(f"{'':15s} {'one-to-one overlap':^20s} | {'relaxed (any-overlap)':^20s} |")
    for name, scores, speed, rss, load in rows:
        if scores is None:
            print(f"{name:15s} n/a: {load}")
            continue
        a, b = scores["overlap"], scores["any-overlap"]
        print(f"{name:15s} {a.precision:6.3f} {a.recall:6.3f} {a.f1:6.3f} | {b.precision:6.3f} {b.recall:6.3f} "
              f"{b.f1:6.3f} | {speed:8.1f} {rss or 0:8.0f} {load or 0:7.1f}")


def serve() -> None:
    """Runner mode for `--peers`: the stage alone, under the benchmark's runner contract."""
    sys.path.insert(0, str(BENCH / "runners"))
    from runner_io import serve as serve_docs, span

    def load():
        stage = TimexStage()
        stage(make_doc("warm-up", "6 июня 1944 года"))

        def process(text: str) -> dict:
            doc = stage(make_doc("doc", text))
            return {"spans": [span("timex", t.type, t.start, t.end) for t in doc.timexes]}

        return process

    serve_docs(load, ("letopis",))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("splits", nargs="*", default=["train", "dev"])
    parser.add_argument("--errors", type=int, default=0, help="print this many errors per split")
    parser.add_argument("--match", default="overlap", choices=sorted(MATCHERS),
                        help="overlap: one-to-one (default); any-overlap: relaxed, as bench/run.py's dates task")
    parser.add_argument("--rules", action="store_true", help="precision of each rule")
    parser.add_argument("--peers", nargs="?", const=",".join(PEERS), default=None, metavar="SYSTEMS",
                        help=f"run the stage and its peers side by side (default: {','.join(PEERS)})")
    args = parser.parse_args()
    if args.peers is not None:
        for split in args.splits if args.splits != ["train", "dev"] else ["dev"]:
            peers(split, [s for s in args.peers.split(",") if s])
        return
    for split in args.splits:
        run(split, args.errors, args.match, args.rules)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1].endswith(".jsonl") and sys.argv[2].endswith(".jsonl"):
        serve()
    else:
        main()
