"""Tables for the terminal and for BENCHMARKS.md (markdown in both)."""

from __future__ import annotations

import os
import platform
import subprocess
from pathlib import Path
from typing import Any

from bench.execute import Run
from bench.scoring import Score

Row = list[str]


def markdown(header: Row, rows: list[Row]) -> str:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    def line(cells: Row) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths)) + " |"
    return "\n".join([line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|",
                      *map(line, rows)])


QUALITY_HEADER = ["task", "corpus", "label", "system", "P", "R", "F1", "F1 95% CI", "pred", "gold", "note"]


def quality_row(task: str, corpus: str, label: str, system: str, score: Score | None, why: str = "",
                interval: tuple[float, float] | None = None) -> Row:
    """One row of the quality table; `interval` is the F1's bootstrap interval over documents."""
    if score is None:
        return [task, corpus, label, system, "n/a", "n/a", "n/a", "", "", "", why]
    spread = f"{interval[0]:.3f}–{interval[1]:.3f}" if interval else ""
    return [task, corpus, label, system, f"{score.precision:.3f}", f"{score.recall:.3f}",
            f"{score.f1:.3f}", spread, str(score.pred), str(score.gold), why]


SPEED_HEADER = ["system", "docs", "chars", "load s", "docs/s", "chars/s", "peak RSS MB", "errors / note"]


def speed_row(run: Run) -> Row:
    st = run.stats
    if not run.ok:
        return [run.system, str(st.get("docs", "")), str(st.get("chars", "")), "n/a", "n/a", "n/a",
                f"{run.peak_rss_mb:.0f}" if run.peak_rss_mb else "n/a", run.failure or ""]
    busy = st["process_s"] or float("nan")
    return [run.system, str(st["docs"]), str(st["chars"]), f"{st['load_s']:.1f}",
            f"{st['docs'] / busy:.1f}", f"{st['chars'] / busy:,.0f}",
            f"{run.peak_rss_mb:.0f}", errors(st)]


def errors(stats: dict[str, Any]) -> str:
    if not stats.get("errors"):
        return "0"
    first = stats.get("first_error", "")
    return f"{stats['errors']} (first: {first[:70]})"


def machine() -> dict[str, Any]:
    ram_kb = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram_kb = int(line.split()[1])
    except OSError:
        pass
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cores": os.cpu_count(), "ram_gb": round(ram_kb / 1024 / 1024, 1), "cpu": cpu,
            "load": " ".join(f"{x:.1f}" for x in os.getloadavg()),
            "python": platform.python_version(), "java": java_version()}


def java_version() -> str:
    try:
        done = subprocess.run(["java", "-version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return "not found"
    return (done.stderr.splitlines() or ["?"])[0]


def git_head(root: Path) -> str:
    try:
        done = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, timeout=30)
        # The table's own file does not count: rewriting it is what this run does.
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no",
                                "--", ".", ":!BENCHMARKS.md"],
                               capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    return done.stdout.strip() + (" (with uncommitted changes)" if dirty else "")
