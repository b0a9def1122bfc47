"""Scale benchmark: throughput, memory and cost per document, beside the natasha pipeline.

    .venv/bin/python -m bench.scale                 # the full run (see --help for sizes)
    .venv/bin/python -m bench.scale --docs 200 --dask-docs 50 --curve 1,10,100   # a quick run
    .venv/bin/python -m bench.scale --write         # also put the tables in BENCHMARKS.md ("scale")
    .venv/bin/python -m bench.scale --report DIR    # tables from a finished or partial run

The documents are NEREL train + dev (840 Russian Wikinews texts), repeated in order until
there are `--docs` of them. Each configuration runs in its own fresh process, one after
another (never two at once), under an address-space cap and a time limit:

  letopis, N workers   `letopis.parallel.analyse_files(paths, jobs=N)`, the full extraction
  letopis, Dask        `letopis.engines.dask.analyse_files` on a LocalCluster of N workers
  natasha pipeline     segment, morphology, syntax, NER, lemmas and DatesExtractor
                       (`bench/runners/natasha_pipeline.py`), one process
  length curve         `letopis.analyse` on one text of 1 KB ... 10 MB (NEREL texts joined),
                       seconds and per-stage seconds, to show that cost grows linearly

docs/s and chars/s are over the time from the first document's result to the last one's
(model loading and the first document excluded). Peak RSS is each process's VmHWM from
/proc; "per worker" is the largest among the processes of the run (the runner itself
and every process under it). Flatness is the largest process's RSS when 5% of the
documents are done, halfway and at the end. The machine is shared: the length curve
also gives CPU seconds, which other users' load disturbs less than wall time. Every
measured process runs BLAS on one thread (`--blas-threads`), as letopis's worker
processes and Dask's do: on a busy machine, BLAS threads spinning for work cost several
times the computation itself.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shlex
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from bench.datasets import DATA
from bench.report import git_head, machine, markdown

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
RUNNERS = Path(__file__).resolve().parent / "runners"
SECTION = "scale"

DOCS = 10_000
DASK_DOCS = 1_000
CURVE_KB = (1, 10, 100, 1024, 10240)
MEMORY_LIMIT_MB = 6000
SAMPLE_S = 2.0
WARM_SHARE = 0.05  # flatness compares RSS once this share of the documents is done with the end


# -- documents ------------------------------------------------------------------------


def nerel_paths(data: Path = DATA) -> list[Path]:
    """NEREL train and dev texts, in file-name order."""
    paths = [p for split in ("train", "dev") for p in sorted((data / "nerel" / split).glob("*.txt"))]
    if not paths:
        raise SystemExit(f"no NEREL texts under {data / 'nerel'} (set LETOPIS_DATA)")
    return paths


def repeated(items: list[Any], count: int) -> list[Any]:
    """`count` items taken from `items` in order, starting again at the end."""
    return [items[i % len(items)] for i in range(count)] if items else []


def text_of_size(texts: Iterable[str], size: int) -> str:
    """Texts joined by blank lines (again from the start if needed) up to `size` UTF-8
    bytes, cut at the last whitespace that keeps it within the size."""
    pool = list(texts)
    if not pool or size <= 0:
        return ""
    parts: list[str] = []
    total = 0
    for i in range(10**9):
        part = pool[i % len(pool)]
        parts.append(part)
        total += len(part.encode("utf-8")) + 2
        if total >= size:
            break
    data = "\n\n".join(parts).encode("utf-8")[:size]
    text = data.decode("utf-8", errors="ignore")
    cut = max(text.rfind(" "), text.rfind("\n"))
    return text[:cut] if cut > 0 and len(text.encode("utf-8")) >= size - 1 else text


# -- process memory -------------------------------------------------------------------


def proc_status(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM of a process in kB (empty when it is gone)."""
    found: dict[str, int] = {}
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    key, value = line.split(":", 1)
                    found[key] = int(value.split()[0])
    except (OSError, ValueError):
        return {}
    return found


def parents() -> dict[int, int]:
    """pid -> parent pid of every process on the machine."""
    out: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as handle:
                stat = handle.read()
        except OSError:
            continue
        # The command name may hold spaces and parentheses: fields follow the last ')'.
        fields = stat[stat.rfind(")") + 2 :].split()
        out[int(entry)] = int(fields[1])
    return out


def tree(root: int, links: dict[int, int]) -> list[int]:
    """`root` and every process below it."""
    kids: dict[int, list[int]] = {}
    for pid, parent in links.items():
        kids.setdefault(parent, []).append(pid)
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack.extend(kids.get(pid, ()))
    return sorted(found)


@dataclass
class Sampler:
    """Samples the RSS of this process and everything under it, every `interval` s."""

    interval: float = SAMPLE_S
    done: Callable[[], int] = lambda: 0  # documents finished so far
    samples: list[tuple[float, int, int]] = field(default_factory=list)  # (seconds, docs done, largest RSS kB)
    peaks: dict[int, int] = field(default_factory=dict)  # pid -> VmHWM kB
    _stop: threading.Event = field(default_factory=threading.Event)
    _began: float = field(default_factory=time.perf_counter)

    def sample(self) -> None:
        largest = 0
        for pid in tree(os.getpid(), parents()):
            status = proc_status(pid)
            if status:
                largest = max(largest, status.get("VmRSS", 0))
                self.peaks[pid] = max(self.peaks.get(pid, 0), status.get("VmHWM", 0))
        self.samples.append((round(time.perf_counter() - self._began, 2), self.done(), largest))

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def __enter__(self) -> "Sampler":
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()


def flatness(samples: list[tuple[float, int, int]], docs: int, share: float = WARM_SHARE) -> tuple[int, int, int] | None:
    """RSS kB once `share` of the documents are done, halfway through, and at the last sample
    (caches fill early on; memory that keeps growing in the second half is a leak)."""
    warm = [s for s in samples if s[1] >= max(1, int(docs * share))]
    if not warm:
        return None
    half = next((s for s in warm if s[1] >= docs // 2), warm[-1])
    return warm[0][2], half[2], samples[-1][2]


# -- the measured runs (each in its own process) ---------------------------------------


@dataclass
class Clock:
    """When each result came, for throughput without model loading and the first document."""

    began: float = field(default_factory=time.perf_counter)
    first: float | None = None
    last: float | None = None
    count: int = 0
    chars: int = 0  # characters of the documents after the first
    errors: int = 0
    first_error: str = ""

    def tick(self, chars: int, error: str | None = None) -> None:
        now = time.perf_counter()
        if self.first is None:
            self.first = now
        else:
            self.chars += chars
        self.last, self.count = now, self.count + 1
        if error:
            self.errors += 1
            self.first_error = self.first_error or error[:200]

    def summary(self) -> dict[str, Any]:
        span = (self.last - self.first) if self.first is not None and self.last is not None else 0.0
        return {
            "docs": self.count, "errors": self.errors, "first_error": self.first_error,
            "first_result_s": round((self.first or self.began) - self.began, 2),
            "wall_s": round((self.last or self.began) - self.began, 2),
            "docs_per_s": round((self.count - 1) / span, 3) if span > 0 else None,
            "chars_per_s": round(self.chars / span, 1) if span > 0 else None,
        }


def _measured(outcomes: Iterator[tuple[int, str | None]], docs: int) -> dict[str, Any]:
    """Drain (chars, error) per document while sampling memory."""
    clock = Clock()
    with Sampler(done=lambda: clock.count) as sampler:
        for chars, error in outcomes:
            clock.tick(chars, error)
    result = clock.summary()
    result["peak_rss_kb"] = {str(pid): kb for pid, kb in sorted(sampler.peaks.items())}
    result["rss_samples"] = sampler.samples
    result["flatness_kb"] = flatness(sampler.samples, docs)
    return result


def run_letopis(paths: list[str], jobs: int) -> dict[str, Any]:
    from letopis.parallel import analyse_files

    def outcomes() -> Iterator[tuple[int, str | None]]:
        for outcome in analyse_files(paths, jobs=jobs):
            yield len(outcome.text or ""), outcome.error

    return _measured(outcomes(), len(paths))


def run_dask(paths: list[str], workers: int) -> dict[str, Any]:
    from letopis.engines import dask as engine

    client = engine.connect("local", workers=workers)
    try:
        def outcomes() -> Iterator[tuple[int, str | None]]:
            for outcome in engine.analyse_files(paths, client=client):
                yield len(outcome.text or ""), outcome.error

        return _measured(outcomes(), len(paths))
    finally:
        engine.close(client)


def run_natasha(paths: list[str]) -> dict[str, Any]:
    sys.path.insert(0, str(RUNNERS))
    from natasha_pipeline import load  # type: ignore[import-not-found]

    process = load()

    def outcomes() -> Iterator[tuple[int, str | None]]:
        for path in paths:
            text = Path(path).read_text(encoding="utf-8")
            try:
                process(text)
            except Exception as error:  # noqa: BLE001 - counted, the run goes on
                yield len(text), f"{path}: {error!r}"
                continue
            yield len(text), None

    return _measured(outcomes(), len(paths))


class TimedStage:
    """A pipeline stage that adds its wall and CPU seconds to shared tallies."""

    def __init__(self, stage: Any, wall: dict[str, float], cpu: dict[str, float]):
        self.stage, self.name, self.requires, self.assigns = stage, stage.name, stage.requires, stage.assigns
        self.wall, self.cpu = wall, cpu
        wall[self.name] = cpu[self.name] = 0.0

    def __call__(self, doc: Any) -> Any:
        w, c = time.perf_counter(), time.process_time()
        try:
            return self.stage(doc)
        finally:
            self.wall[self.name] += time.perf_counter() - w
            self.cpu[self.name] += time.process_time() - c


def run_length(size_kb: float) -> dict[str, Any]:
    """One text of `size_kb` KB through `letopis.analyse`, with wall and CPU seconds per stage."""
    import letopis
    from letopis.pipeline import Pipeline

    letopis.analyse("В мае 1812 года армия Наполеона перешла Неман.")  # load the models
    text = text_of_size((p.read_text(encoding="utf-8") for p in nerel_paths()), int(size_kb * 1024))
    wall: dict[str, float] = {}
    cpu: dict[str, float] = {}
    timed = Pipeline([TimedStage(stage, wall, cpu) for stage in letopis.default_pipeline().stages])
    w, c = time.perf_counter(), time.process_time()
    doc = letopis.analyse(text, pipeline=timed)
    seconds, cpu_seconds = time.perf_counter() - w, time.process_time() - c
    return {
        "size_kb": size_kb, "bytes": len(text.encode("utf-8")), "chars": len(text), "tokens": len(doc.tokens),
        "seconds": round(seconds, 3), "cpu_s": round(cpu_seconds, 3),
        "stage_s": {k: round(v, 3) for k, v in wall.items()}, "stage_cpu_s": {k: round(v, 3) for k, v in cpu.items()},
        "peak_rss_kb": {str(os.getpid()): proc_status(os.getpid()).get("VmHWM", 0)},
        "events": len(doc.events), "timexes": len(doc.timexes), "mentions": len(doc.mentions),
    }


def worker(args: argparse.Namespace) -> int:
    """The body of one measured process: run `args.worker` and write its result as JSON."""
    limit = args.memory_limit_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, resource.RLIM_INFINITY))
    names = json.loads(Path(args.names).read_text(encoding="utf-8")) if args.names else []
    kind, value = args.worker.split(":", 1)
    if kind == "letopis":
        result = run_letopis(names, int(value))
    elif kind == "dask":
        result = run_dask(names, int(value))
    elif kind == "natasha":
        result = run_natasha(names)
    elif kind == "length":
        result = run_length(float(value))
    else:
        raise SystemExit(f"unknown worker {args.worker!r}")
    result["worker"] = args.worker
    Path(args.result).write_text(json.dumps(result), encoding="utf-8")
    return 0


# -- the plan and its runs -------------------------------------------------------------


@dataclass(frozen=True)
class Config:
    key: str  # file name of its result
    worker: str  # what the measured process runs: letopis:N, dask:N, natasha:1, length:KB
    label: str
    docs: int = 0  # documents (0 for a length point)


def plan(args: argparse.Namespace) -> list[Config]:
    """The configurations of a run, in the order they run (the throughput runs first)."""
    configs: list[Config] = []
    systems = set(args.systems.split(","))
    if args.docs:
        local = [Config(f"letopis-{n}", f"letopis:{n}", f"letopis, {n} worker{'s' if n > 1 else ''}", args.docs)
                 for n in args.jobs] if "letopis" in systems else []
        peer = [Config("natasha", "natasha:1", "natasha pipeline, 1 process", args.docs)] if "natasha" in systems else []
        configs += local[:1] + peer + local[1:]  # the one-process pair first: they compare directly
    if args.dask_docs and "dask" in systems:
        n = max(args.jobs)
        if not (args.docs == args.dask_docs and "letopis" in systems and n in args.jobs):
            # The local engine on the very documents Dask gets: the first documents are all new,
            # later ones repeat (warm caches), so only the same documents compare.
            configs.append(Config(f"local-{n}-as-dask", f"letopis:{n}",
                                  f"letopis, {n} workers, the {args.dask_docs:,} documents Dask gets", args.dask_docs))
        configs.append(Config(f"dask-{n}", f"dask:{n}", f"letopis, Dask LocalCluster, {n} workers", args.dask_docs))
    if "curve" in systems:
        configs += [Config(f"length-{kb:g}", f"length:{kb:g}", f"{kb:g} KB") for kb in args.curve]
    return configs


BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def blas_environment(threads: int, base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a measured process: BLAS on `threads` threads (0: as inherited).

    Every configuration gets the same setting. letopis's worker processes and Dask's run
    BLAS on one thread whatever the caller says, and floating-point sums (so, rarely, a
    parse) depend on the thread count: without the same setting, one worker and two
    would neither run alike nor give the same results."""
    env = dict(os.environ if base is None else base)
    if threads > 0:
        env.update({name: str(threads) for name in BLAS_THREADS})
    return env


def run_config(config: Config, args: argparse.Namespace, out: Path, names: list[str]) -> dict[str, Any]:
    """Run one configuration in a fresh process; its result, or why it has none."""
    result_path = out / f"{config.key}.json"
    names_path = out / f"{config.key}.names.json"
    if config.docs:
        names_path.write_text(json.dumps(repeated(names, config.docs)), encoding="utf-8")
    command = [sys.executable, "-m", "bench.scale", "--worker", config.worker, "--result", str(result_path),
               "--memory-limit-mb", str(args.memory_limit_mb)]
    if config.docs:
        command += ["--names", str(names_path)]
    began = time.perf_counter()
    with open(out / f"{config.key}.log", "w", encoding="utf-8") as log:
        try:
            done = subprocess.run(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, timeout=args.timeout,
                                  start_new_session=True, env=blas_environment(args.blas_threads))
            failure = None if done.returncode == 0 else f"exit {done.returncode}"
        except subprocess.TimeoutExpired:
            failure = f"over the {args.timeout} s limit"
    names_path.unlink(missing_ok=True)
    if failure is None and result_path.exists():
        result = json.loads(result_path.read_text(encoding="utf-8"))
    else:
        result = {"failure": failure or "no result", "worker": config.worker}
        result_path.write_text(json.dumps(result), encoding="utf-8")
    result["run_s"] = round(time.perf_counter() - began, 1)
    result_path.write_text(json.dumps(result), encoding="utf-8")
    return result


# -- tables -----------------------------------------------------------------------------


def _mb(kb: float | None) -> str:
    return f"{kb / 1024:,.0f}" if kb else "n/a"


def _rate(value: float | None, digits: int = 1) -> str:
    return f"{value:,.{digits}f}" if value else "n/a"


THROUGHPUT_HEADER = ["configuration", "docs", "docs/s", "chars/s", "peak RSS per worker MB", "RSS at 5% → 50% → end MB",
                     "first result s", "errors"]


def throughput_row(label: str, r: dict[str, Any]) -> list[str]:
    if "failure" in r:
        return [label, "", "n/a", "n/a", "n/a", "n/a", "n/a", r["failure"]]
    peaks = r.get("peak_rss_kb") or {}
    flat = flatness(r["rss_samples"], r["docs"]) if r.get("rss_samples") else r.get("flatness_kb")
    errors = str(r["errors"]) + (f" (first: {r['first_error'][:60]})" if r["errors"] else "")
    return [label, f"{r['docs']:,}", _rate(r.get("docs_per_s"), 2), _rate(r.get("chars_per_s"), 0),
            _mb(max(peaks.values(), default=0)), " → ".join(_mb(kb) for kb in flat) if flat else "n/a",
            f"{r['first_result_s']:.1f}", errors]


def ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}×" if a and b else "n/a"


def length_table(points: list[dict[str, Any]]) -> str:
    stages = list(next((p["stage_cpu_s"] for p in points if "stage_cpu_s" in p), {}))
    header = ["size", "chars", "tokens", "wall s", "CPU s", "CPU ms/KB", "peak RSS MB", *[f"{s} CPU s" for s in stages]]
    rows = []
    for p in points:
        if "failure" in p:
            rows.append([p["worker"].split(":", 1)[1] + " KB", "", "", "n/a", "n/a", "n/a", "n/a", p["failure"],
                         *[""] * (len(stages) - 1)])
            continue
        per_kb = p["cpu_s"] * 1000 / (p["bytes"] / 1024) if p["bytes"] else 0
        rows.append([f"{p['size_kb']:g} KB", f"{p['chars']:,}", f"{p['tokens']:,}", f"{p['seconds']:.2f}",
                     f"{p['cpu_s']:.2f}", f"{per_kb:.1f}", _mb(max(p["peak_rss_kb"].values(), default=0)),
                     *[f"{p['stage_cpu_s'].get(s, 0):.2f}" for s in stages]])
    return markdown(header, rows) if rows else ""


def render(results: dict[str, dict[str, Any]], configs: list[Config]) -> str:
    """The section: throughput and memory, scaling, Dask, then the cost-versus-length curve."""
    labels = {c.key: c.label for c in configs}
    parts: list[str] = []
    rows = [throughput_row(labels.get(key, key), r) for key, r in results.items() if not key.startswith("length-")]
    if rows:
        parts.append(markdown(THROUGHPUT_HEADER, rows))
    rate = {key: r.get("docs_per_s") for key, r in results.items()}
    notes = []
    jobs = sorted(int(k.split("-")[1]) for k in results if k.startswith("letopis-"))
    if len(jobs) > 1:
        notes.append(f"scaling from {jobs[0]} to {jobs[-1]} workers: "
                     f"{ratio(rate.get(f'letopis-{jobs[-1]}'), rate.get(f'letopis-{jobs[0]}'))} the documents per second")
    for key in (k for k in results if k.startswith("dask-")):
        n = key.split("-")[1]
        local = rate.get(f"local-{n}-as-dask") or rate.get(f"letopis-{n}")
        notes.append(f"Dask LocalCluster against the local engine, same number of workers and documents: "
                     f"{ratio(rate.get(key), local)}")
    for key in (k for k in results if k.startswith("letopis-")):
        notes.append(f"{labels.get(key, key)} against the natasha pipeline: {ratio(rate.get(key), rate.get('natasha'))}")
    if notes:
        parts.append("\n".join(f"- {n}" for n in notes))
    points = [r for key, r in results.items() if key.startswith("length-")]
    if points:
        parts.append("Cost against length (one text, NEREL texts joined; CPU seconds, which load from other "
                     "users disturbs less than wall time):\n\n" + length_table(points))
    return "\n\n".join(parts)


def header(args_line: str, meta: dict[str, Any]) -> str:
    m = meta["machine"]
    return (f"## Scale\n\n`{args_line}` at {meta['commit']}, {meta['date']}; {m['cores']} cores, {m['ram_gb']} GB, "
            f"{m['cpu']}, load {m['load']} at the start (the machine is shared; figures are noisy); "
            f"BLAS threads per process: {meta.get('blas_threads') or 'library default'}. "
            f"Documents: NEREL train + dev ({meta['nerel']} texts) repeated in order. See `bench/scale.py` for "
            f"what each figure means.\n")


def load_results(out: Path, configs: list[Config] | None = None) -> dict[str, dict[str, Any]]:
    keys = [c.key for c in configs] if configs else sorted(p.stem for p in out.glob("*.json") if not p.stem.endswith(".names")
                                                             and p.stem != "meta")
    return {k: json.loads((out / f"{k}.json").read_text(encoding="utf-8")) for k in keys if (out / f"{k}.json").exists()}


# -- command line -----------------------------------------------------------------------


def _ints(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x]


def _sizes(text: str) -> list[float]:
    return [float(x) for x in text.split(",") if x]


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=DOCS, help="documents per throughput run (default %(default)s)")
    parser.add_argument("--dask-docs", type=int, default=DASK_DOCS, help="documents for the Dask run (default %(default)s)")
    parser.add_argument("--jobs", type=_ints, default=[1, 2], help="worker counts of the local engine (default 1,2)")
    parser.add_argument("--curve", type=_sizes, default=list(CURVE_KB),
                        help="text sizes in KB for the length curve (default 1,10,100,1024,10240)")
    parser.add_argument("--systems", default="letopis,natasha,dask,curve",
                        help="subset of letopis,natasha,dask,curve (default all)")
    parser.add_argument("--memory-limit-mb", type=int, default=MEMORY_LIMIT_MB,
                        help="address-space cap of every measured process (default %(default)s)")
    parser.add_argument("--blas-threads", type=int, default=1,
                        help="BLAS threads of every measured process, as letopis's workers use (0: library default)")
    parser.add_argument("--timeout", type=int, default=3600, help="seconds one configuration may take (default %(default)s)")
    parser.add_argument("--out", type=Path, help="folder for results and logs (default bench/results/scale-<time>)")
    parser.add_argument("--write", action="store_true", help="put the tables in BENCHMARKS.md, section 'scale'")
    parser.add_argument("--report", type=Path, metavar="DIR", help="only print (and --write) the tables of a run")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--names", help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    if args.worker:
        return worker(args)
    if args.report:
        meta = json.loads((args.report / "meta.json").read_text(encoding="utf-8"))
        configs = [Config(**c) for c in meta["configs"]]
        return publish(load_results(args.report, configs), configs, meta, args.write)
    out = args.out or RESULTS / f"scale-{datetime.now(timezone.utc).strftime('%Y%m%dT%H%M%SZ')}"
    out.mkdir(parents=True, exist_ok=True)
    names = [str(p) for p in nerel_paths()]
    configs = plan(args)
    meta = {
        "command": "python -m bench.scale " + shlex.join(argv if argv is not None else sys.argv[1:]),
        "commit": git_head(ROOT), "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(), "nerel": len(names), "configs": [c.__dict__ for c in configs],
        "blas_threads": args.blas_threads,
    }
    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"results in {out}", file=sys.stderr)
    for config in configs:
        print(f"{config.label} ({config.docs or config.worker}) ...", file=sys.stderr, flush=True)
        result = run_config(config, args, out, names)
        print(f"  {'failed: ' + result['failure'] if 'failure' in result else 'done'} in {result['run_s']} s",
              file=sys.stderr, flush=True)
    return publish(load_results(out, configs), configs, meta, args.write)


def publish(results: dict[str, dict[str, Any]], configs: list[Config], meta: dict[str, Any], write: bool) -> int:
    text = header(meta["command"], meta) + "\n" + render(results, configs) + "\n"
    print(text)
    if write:
        from bench.sections import write_section

        write_section(SECTION, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
