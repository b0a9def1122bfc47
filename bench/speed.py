"""Speed benchmark: the whole process as a user runs it, letopis beside natasha's pipeline.

    .venv/bin/python -m bench.speed                          # the three workloads, paired runs
    .venv/bin/python -m bench.speed --workloads news --repeats 3 --jobs 1,2
    .venv/bin/python -m bench.speed --stages news,history    # where the time and memory go, stage by stage

Workloads (built from ../shared/data, written once under bench/.cache/speed/):

  news      NEREL dev, one file a document (94 news texts, 143,000 characters)
  history   the first 200,000 characters of «Война и мир», volume 2 (one text)
  book      «Война и мир» volume 2 and the study notes of istoriya-rossii joined, repeated to
            5,000,000 characters (one text)

Each run is a fresh process, timed from its start: `letopis extract FILE... --jobs N -f jsonl
-o OUT -q` and `bench/runners/natasha_files.py OUT FILE...` (segmenter, morphology, syntax,
NER, lemmas and the dates extractor over every file). The two alternate, repeat by repeat, so
that the machine's load falls on both alike; on a busy machine compare CPU seconds, which
other users' load disturbs less than wall time. Reported: wall and CPU seconds (the process and
its children, from wait4), peak RSS (the largest of the process and its children), characters
per wall second, and the time to the first result (the first line of OUT). `--stages` runs
letopis in this process instead, one stage at a time, and gives each stage's wall and CPU
seconds and how much it raised the peak RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.datasets import DATA
from bench.scale import blas_environment, proc_status

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / ".cache" / "speed"
RUNNERS = Path(__file__).resolve().parent / "runners"
WORKLOADS = ("news", "history", "book")
HISTORY_CHARS = 200_000
BOOK_CHARS = 5_000_000


def _cut(text: str, size: int) -> str:
    """`text` cut to at most `size` characters at the last paragraph break."""
    if len(text) <= size:
        return text
    cut = text.rfind("\n", 0, size)
    return text[: cut if cut > size // 2 else size]


def workload(name: str) -> list[Path]:
    """The files of a workload, written under bench/.cache/speed/ the first time."""
    if name == "news":
        files = sorted((DATA / "nerel" / "dev").glob("*.txt"))
        if not files:
            raise SystemExit(f"no NEREL dev texts under {DATA / 'nerel' / 'dev'} (set LETOPIS_DATA)")
        return files
    tolstoy = (DATA / "history" / "tolstoy" / "war-and-peace-volume2.txt").read_text(encoding="utf-8")
    CACHE.mkdir(parents=True, exist_ok=True)
    (CACHE.parent / ".gitignore").write_text("*\n", encoding="utf-8")
    target = CACHE / f"{name}.txt"
    if name == "history":
        text = _cut(tolstoy, HISTORY_CHARS)
    elif name == "book":
        notes = [p.read_text(encoding="utf-8") for p in sorted((DATA / "history" / "istoriya-rossii").glob("*.txt"))]
        once = "\n\n".join([tolstoy, *notes])
        text = _cut("\n\n".join([once] * (BOOK_CHARS // len(once) + 1)), BOOK_CHARS)
    else:
        raise SystemExit(f"unknown workload {name!r}: one of {', '.join(WORKLOADS)}")
    if not target.exists() or target.stat().st_size == 0:
        target.write_text(text, encoding="utf-8")
    return [target]


def _command(system: str, jobs: int, files: list[Path], out: Path) -> list[str]:
    if system == "letopis":
        return [sys.executable, "-m", "letopis", "extract", *map(str, files), "--jobs", str(jobs),
                "-f", "jsonl", "-o", str(out), "-q", "--max-size", "64"]
    return [sys.executable, str(RUNNERS / "natasha_files.py"), str(out), *map(str, files)]


def run(system: str, jobs: int, files: list[Path], chars: int) -> dict[str, Any]:
    """One whole-process run: wall, CPU, peak RSS, characters per second, first result."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out.jsonl"
        env = blas_environment(1)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH", "")]))
        began = time.perf_counter()
        child = subprocess.Popen(_command(system, jobs, files, out), cwd=ROOT, env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        first = None
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if first is None and out.exists() and out.stat().st_size > 0:
                first = time.perf_counter() - began
            time.sleep(0.02)
        wall = time.perf_counter() - began
        if first is None and out.exists() and out.stat().st_size > 0:
            first = wall
        error = child.stderr.read().decode("utf-8", "replace")[-300:] if child.stderr else ""
        child.returncode = os.waitstatus_to_exitcode(status)
        return {
            "system": system, "jobs": jobs, "chars": chars, "exit": child.returncode,
            "error": error if child.returncode else "",
            "wall_s": round(wall, 2), "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
            # wait4's ru_maxrss is the largest of the process and the children it reaped
            "peak_mib": round(usage.ru_maxrss / 1024, 1),
            "chars_per_s": round(chars / wall), "first_result_s": round(first, 2) if first is not None else None,
        }


# -- stage by stage, in this process -------------------------------------------------------


def stages(files: list[Path]) -> dict[str, Any]:
    """letopis over `files` in this process: each stage's wall and CPU seconds and the rise of
    the peak RSS while it ran (MiB), summed over the files."""
    import letopis
    from letopis.adapters import natasha
    from letopis.ingest import read
    from letopis.pipeline import Pipeline

    began = time.perf_counter()
    natasha.warm_up()
    letopis.analyse("В мае 1812 года армия Наполеона перешла Неман.")
    load = time.perf_counter() - began
    wall: dict[str, float] = {}
    cpu: dict[str, float] = {}
    rise: dict[str, float] = {}

    class Measured:
        def __init__(self, stage: Any):
            self.stage, self.name, self.requires, self.assigns = stage, stage.name, stage.requires, stage.assigns
            wall.setdefault(self.name, 0.0), cpu.setdefault(self.name, 0.0), rise.setdefault(self.name, 0.0)

        def __call__(self, doc: Any) -> Any:
            peak = proc_status(os.getpid()).get("VmHWM", 0)
            w, c = time.perf_counter(), time.process_time()
            try:
                return self.stage(doc)
            finally:
                wall[self.name] += time.perf_counter() - w
                cpu[self.name] += time.process_time() - c
                rise[self.name] += (proc_status(os.getpid()).get("VmHWM", 0) - peak) / 1024

    pipeline = Pipeline([Measured(stage) for stage in letopis.default_pipeline().stages])
    chars = 0
    for path in files:
        text = read(str(path)).text
        chars += len(text)
        letopis.analyse(text, pipeline=pipeline)
    return {"chars": chars, "load_s": round(load, 2), "wall_s": wall, "cpu_s": cpu, "peak_rise_mib": rise,
            "peak_mib": round(proc_status(os.getpid()).get("VmHWM", 0) / 1024, 1)}


# -- tables ------------------------------------------------------------------------------------


def run_table(rows: list[dict[str, Any]]) -> str:
    lines = ["| workload | system | jobs | wall s | CPU s | peak MiB | chars/s | first result s |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        if r.get("exit"):
            lines.append(f"| {r['workload']} | {r['system']} | {r['jobs']} | failed: exit {r['exit']} {r['error'][-80:]!r} | | | | |")
            continue
        lines.append(f"| {r['workload']} | {r['system']} | {r['jobs']} | {r['wall_s']:.1f} | {r['cpu_s']:.1f} | "
                     f"{r['peak_mib']:.0f} | {r['chars_per_s']:,} | {r['first_result_s']} |")
    return "\n".join(lines)


def best_table(rows: list[dict[str, Any]]) -> str:
    """The best of the repeats per (workload, system, jobs), and letopis against natasha."""
    best: dict[tuple[str, str, int], dict[str, Any]] = {}
    for r in rows:
        key = (r["workload"], r["system"], r["jobs"])
        if not r.get("exit") and (key not in best or r["wall_s"] < best[key]["wall_s"]):
            best[key] = r
    lines = ["| workload | system | jobs | wall s | CPU s | peak MiB | chars/s | chars/CPU s | throughput / natasha, wall | by CPU |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for (name, system, jobs), r in best.items():
        peer = best.get((name, "natasha", 1))
        ratio = f"{peer['wall_s'] / r['wall_s']:.2f}" if peer else ""
        by_cpu = f"{peer['cpu_s'] / r['cpu_s']:.2f}" if peer else ""
        lines.append(f"| {name} | {system} | {jobs} | {r['wall_s']:.1f} | {r['cpu_s']:.1f} | {r['peak_mib']:.0f} | "
                     f"{r['chars_per_s']:,} | {round(r['chars'] / max(r['cpu_s'], 0.01)):,} | {ratio} | {by_cpu} |")
    return "\n".join(lines)


def stage_table(name: str, result: dict[str, Any]) -> str:
    total_wall = sum(result["wall_s"].values()) or 1.0
    lines = [f"{name}: {result['chars']:,} characters; model loading {result['load_s']} s; peak RSS {result['peak_mib']:.0f} MiB",
             "", "| stage | wall s | share | CPU s | peak RSS rise MiB |", "|---|---:|---:|---:|---:|"]
    order = sorted(result["wall_s"], key=lambda k: -result["wall_s"][k])
    for stage in order:
        w = result["wall_s"][stage]
        lines.append(f"| {stage} | {w:.2f} | {100 * w / total_wall:.0f}% | {result['cpu_s'][stage]:.2f} | "
                     f"{result['peak_rise_mib'][stage]:.0f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workloads", default=",".join(WORKLOADS), help="comma-separated: news, history, book")
    parser.add_argument("--systems", default="letopis,natasha")
    parser.add_argument("--jobs", default="1", help="letopis worker counts, comma-separated (natasha runs one process)")
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--stages", metavar="WORKLOADS", help="instead: the stage-by-stage profile of these workloads")
    parser.add_argument("--json", metavar="FILE", help="also write the raw results here")
    args = parser.parse_args(argv)
    if args.stages:
        os.environ.update(blas_environment(1))  # as in the measured processes (numpy is not loaded yet)
        results = {}
        for name in args.stages.split(","):
            results[name] = stages(workload(name))
            print(stage_table(name, results[name]) + "\n", flush=True)
        if args.json:
            Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")
        return 0
    rows = []
    for name in args.workloads.split(","):
        files = workload(name)
        chars = sum(len(p.read_text(encoding="utf-8")) for p in files)
        for _ in range(args.repeats):
            for system in args.systems.split(","):
                for jobs in ([int(j) for j in args.jobs.split(",")] if system == "letopis" else [1]):
                    row = {"workload": name, **run(system, jobs, files, chars)}
                    rows.append(row)
                    print(json.dumps(row, ensure_ascii=False), file=sys.stderr, flush=True)
    print(run_table(rows) + "\n\nBest of the repeats:\n\n" + best_table(rows))
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
