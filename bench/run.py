"""The benchmark: letopis and its peers on the same documents, one table.

    bench/run.sh [--quick] [--only TASK] [--write]

Each system runs once, in its own process and environment, over the documents of every
task it takes part in; the systems run one after another, never in parallel.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from datetime import datetime, timezone
from pathlib import Path

from bench import execute, report
from bench.datasets import GoldDoc
from bench.execute import Run, run_system
from bench.scoring import Score, f1_interval
from bench.systems import ROOT, SYSTEMS
from bench.tasks import CORPORA, Task, select

QUICK_DOCS = 5
QUALITY_NOTE = ("F1 95% CI: the range the F1 keeps in 95% of 1,000 resamplings of the corpus's documents "
                "(bootstrap, `bench/scoring.f1_interval`), for how far it could move on other such documents.\n\n")


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bench/run.sh", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help=f"first {QUICK_DOCS} documents of each corpus")
    parser.add_argument("--only", metavar="TASK", help="one task or group (entities, dates, events)")
    parser.add_argument("--write", action="store_true", help="write BENCHMARKS.md at the repo root")
    parser.add_argument("--systems", help="comma-separated subset of systems to run")
    parser.add_argument("--memory-limit-mb", type=int, default=execute.MEMORY_LIMIT_MB,
                        help="kill a system whose processes hold more (default %(default)s)")
    parser.add_argument("--doc-timeout", type=int, default=execute.DOC_TIMEOUT_S,
                        help="seconds a Python system may spend on one document (default %(default)s)")
    parser.add_argument("--out", type=Path, help="folder for predictions and logs (default bench/results/<time>)")
    return parser.parse_args(argv)


def load_corpora(names: set[str], limit: int | None) -> dict[str, list[GoldDoc]]:
    corpora = {}
    for name in sorted(names):
        docs = []
        for doc in CORPORA[name][1]():
            docs.append(doc)
            if limit and len(docs) >= limit:
                break
        corpora[name] = docs
    return corpora


def doc_id(corpus: str, doc: GoldDoc) -> str:
    return f"{corpus}/{doc.id}"


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    if args.write and (args.quick or args.systems):
        raise SystemExit("--write records a full run: every document, letopis beside its peers "
                         "(drop --quick and --systems)")
    machine = report.machine()  # before the run adds its own load
    tasks = select(args.only)
    wanted = set(args.systems.split(",")) if args.systems else None
    if wanted and wanted - set(SYSTEMS):
        raise SystemExit(f"unknown system(s) {', '.join(sorted(wanted - set(SYSTEMS)))}; "
                         f"choose from {', '.join(SYSTEMS)}")
    scored = [t for t in tasks if t.score is not None]
    corpora = load_corpora({t.corpus for t in scored}, QUICK_DOCS if args.quick else None)
    now = datetime.now(timezone.utc)
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    out = args.out or ROOT / "bench" / "results" / stamp
    out.mkdir(parents=True, exist_ok=True)

    # Each system gets the documents of every corpus its tasks read, in one process.
    needs: dict[str, set[str]] = {}
    for task in scored:
        for system in task.systems:
            if wanted is None or system in wanted:
                needs.setdefault(system, set()).add(task.corpus)
    runs: dict[str, Run] = {}
    for system, corpus_names in needs.items():
        docs_path = out / f"{system}.docs.jsonl"
        with docs_path.open("w", encoding="utf-8") as handle:
            for corpus in sorted(corpus_names):
                for doc in corpora[corpus]:
                    handle.write(json.dumps({"id": doc_id(corpus, doc), "text": doc.text}, ensure_ascii=False) + "\n")
        print(f"running {system} on {', '.join(sorted(corpus_names))} ...", file=sys.stderr, flush=True)
        runs[system] = run_system(SYSTEMS[system], docs_path, out, memory_limit_mb=args.memory_limit_mb,
                                  doc_timeout_s=args.doc_timeout)
        status = "ok" if runs[system].ok else runs[system].failure
        print(f"  {system}: {status} ({runs[system].wall_s:.0f} s)", file=sys.stderr, flush=True)

    quality = score(tasks, corpora, runs)
    speed = [report.speed_row(runs[s]) for s in runs]
    tables = ("## Quality (P/R/F1)\n\n" + QUALITY_NOTE + report.markdown(report.QUALITY_HEADER, quality)
              + "\n\n## Speed and memory (processing time only; model load apart)\n\n"
              + report.markdown(report.SPEED_HEADER, speed))
    print(tables)
    command = "bench/run.sh" + "".join(" " + shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:]))
    summary = {"command": command, "date": now.strftime("%Y-%m-%d %H:%M UTC"), "machine": machine,
               "letopis": report.git_head(ROOT), "quality": quality, "speed": speed,
               "runs": {s: {"stats": r.stats, "wall_s": r.wall_s, "peak_rss_mb": r.peak_rss_mb,
                            "failure": r.failure} for s, r in runs.items()}}
    (out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.write:
        write_benchmarks(summary, tables, tasks)
        print(f"wrote {ROOT / 'BENCHMARKS.md'}", file=sys.stderr)
    return 0


def score(tasks: list[Task], corpora: dict[str, list[GoldDoc]], runs: dict[str, Run]) -> list[report.Row]:
    rows: list[report.Row] = []
    for task in tasks:
        label = CORPORA[task.corpus][0]
        if task.score is None:
            rows.append(report.quality_row(task.name, label, "all", "—", None, "scorer to come"))
            continue
        for system in task.systems:
            run = runs.get(system)
            if run is None:
                continue
            if not run.ok:
                rows += [report.quality_row(task.name, label, lab, system, None, "system unavailable")
                         for lab in task.labels]
                continue
            pairs = [(doc, run.records.get(doc_id(task.corpus, doc), {})) for doc in corpora[task.corpus]]
            per_doc = [task.score(task, system, pairs)] if task.whole else [task.score(task, system, [pair]) for pair in pairs]
            failed = sum(1 for d in run.stats.get("error_docs", []) if d.startswith(task.corpus + "/"))
            note = f"{failed} docs failed, scored as empty" if failed else ""
            for lab in task.labels:
                total = Score()
                for scores in per_doc:
                    total.add(scores[lab])
                interval = None if task.whole else f1_interval([scores[lab] for scores in per_doc])
                rows.append(report.quality_row(task.name, label, lab, system, total, note, interval))
    return rows


def write_benchmarks(summary: dict, tables: str, tasks: list[Task]) -> None:
    m = summary["machine"]
    about = "\n".join(f"- `{t.name}`: {t.about}" for t in tasks)
    systems = "\n".join(
        f"- `{name}`: {SYSTEMS[name].about}"
        + "".join(f"; {pkg} {ver}" for pkg, ver in run["stats"].get("versions", {}).items())
        for name, run in summary["runs"].items()
    )
    text = f"""# Benchmarks

Written by `{summary['command']}` on {summary['date']}; letopis at {summary['letopis']}.
Machine: {m['cores']} cores ({m['cpu']}), {m['ram_gb']} GB RAM, Python {m['python']}, {m['java']}.
The machine is shared with other work (load average {m['load']} as the run started), so
timings are noisy. Every figure below comes from this one run. How each task is scored:
`bench/README.md`.

Tasks:
{about}

Systems (installed versions as the runners reported them):
{systems}

{tables}
"""
    # Other benchmarks (scale, load, merge) keep their own sections of the file.
    from bench.sections import BENCHMARKS, sections

    kept = sections(BENCHMARKS.read_text(encoding="utf-8")) if BENCHMARKS.exists() else []
    if kept:
        text = text.rstrip() + "\n\n" + "\n".join(kept)
    BENCHMARKS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
