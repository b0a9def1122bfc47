"""Running one system over a document list in its own process and measuring it."""

from __future__ import annotations

import json
import os
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


def run_system(system: System, docs_path: Path, out_dir: Path, timeout_s: float = 3600) -> Run:
    """Start the system's runner on `docs_path`; wait for it with `os.wait4` for its peak RSS.

    Linux reports the largest resident set among the child and its waited-for descendants,
    so a runner's JVM or worker counts too.
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
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        status, usage = wait(child, timeout_s)
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
    if code == UNAVAILABLE:
        run.failure = "unavailable: " + run.stats.get("unavailable", "see " + log.name)
    elif code != 0:
        run.failure = f"exit {code}; see {log.name} in the results folder"
    return run


def wait(child: subprocess.Popen, timeout_s: float) -> tuple[int | None, Any]:
    deadline = time.monotonic() + timeout_s
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid == child.pid:
            child.returncode = os.waitstatus_to_exitcode(status)
            return status, usage
        if time.monotonic() > deadline:
            child.kill()
            _, status, usage = os.wait4(child.pid, 0)
            child.returncode = -9
            return status, usage
        time.sleep(0.05)
