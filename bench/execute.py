"""Running one system over a document list in its own process and measuring it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.systems import System

UNAVAILABLE = 3  # runner_io.UNAVAILABLE


@dataclass
class Run:
    system: str
    records: dict[str, dict[str, Any]] = field(default_factory=dict)  # doc id -> record
    stats: dict[str, Any] = field(default_factory=dict)
    wall_s: float = 0.0
    peak_rss_mb: float | None = None
    failure: str | None = None  # why there are no predictions, when there are none

    @property
    def ok(self) -> bool:
        return self.failure is None


MEMORY_LIMIT_MB = 8192  # per system; the machine is shared, a runaway must not take it down
DOC_TIMEOUT_S = 120


def run_system(system: System, docs_path: Path, out_dir: Path, timeout_s: float = 3600,
               memory_limit_mb: int = MEMORY_LIMIT_MB, doc_timeout_s: int = DOC_TIMEOUT_S) -> Run:
    """Start the system's runner on `docs_path`; wait for it with `os.wait4` for its peak RSS.

    Linux reports the largest resident set among the child and its waited-for descendants,
    so a runner's JVM or worker counts too. Python runners cap their own address space and
    give each document `doc_timeout_s`; from outside, the whole process tree is killed when
    its resident memory passes `memory_limit_mb` or the run passes `timeout_s`.
    """
    run = Run(system.name)
    if not system.python.exists():
        run.failure = f"no interpreter at {system.python}"
        return run
    out = out_dir / f"{system.name}.jsonl"
    log = out_dir / f"{system.name}.log"
    started = time.perf_counter()
    with log.open("w") as err:
        child = subprocess.Popen(
            [str(system.python), str(system.script), str(docs_path), str(out)],
            stdout=err, stderr=subprocess.STDOUT, cwd=out_dir,
            env={**os.environ, "PYTHONHASHSEED": "0", "BENCH_MEMORY_LIMIT_MB": str(memory_limit_mb),
                 "BENCH_DOC_TIMEOUT_S": str(doc_timeout_s)},
            start_new_session=True,  # its own process group, so a kill reaches a JVM child too
        )
        try:
            status, usage, killed = wait(child, timeout_s, memory_limit_mb)
        except BaseException:  # Ctrl-C: the child has its own session and would live on
            os.killpg(child.pid, signal.SIGKILL)
            os.wait4(child.pid, 0)
            raise
    run.wall_s = time.perf_counter() - started
    run.peak_rss_mb = usage.ru_maxrss / 1024 if usage else None  # Linux: kilobytes
    code = os.waitstatus_to_exitcode(status) if status is not None else None
    lines = out.read_text(encoding="utf-8").splitlines() if out.exists() else []
    for line in lines:
        record = json.loads(line)
        if "stats" in record:
            run.stats = record["stats"]
        else:
            run.records[record["id"]] = record
    if killed:
        run.failure = f"killed: {killed}; see {log.name} in the results folder"
    elif code == UNAVAILABLE:
        run.failure = "unavailable: " + run.stats.get("unavailable", "see " + log.name)
    elif code != 0:
        run.failure = f"exit {code}; see {log.name} in the results folder"
    return run


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and its descendants, from /proc (0 when gone)."""
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return total


def wait(child: subprocess.Popen, timeout_s: float, memory_limit_mb: float) -> tuple[int | None, Any, str]:
    """Reap the child with its resource usage; kill its process group when it runs away."""
    deadline = time.monotonic() + timeout_s
    next_check = 0.0
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid == child.pid:
            child.returncode = os.waitstatus_to_exitcode(status)
            return status, usage, ""
        reason = ""
        if time.monotonic() > deadline:
            reason = f"over {timeout_s:.0f} s"
        elif time.monotonic() >= next_check:
            next_check = time.monotonic() + 0.5
            rss = tree_rss_mb(child.pid)
            if rss > memory_limit_mb:
                reason = f"resident memory {rss:.0f} MB over the {memory_limit_mb} MB limit"
        if reason:
            os.killpg(child.pid, signal.SIGKILL)
            _, status, usage = os.wait4(child.pid, 0)
            child.returncode = os.waitstatus_to_exitcode(status)
            return status, usage, reason
        time.sleep(0.05)
