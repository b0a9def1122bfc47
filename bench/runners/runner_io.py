"""The contract every system runner follows; stdlib only, so it runs in either environment.

A runner is started as `python bench/runners/<name>.py DOCS OUT`. DOCS holds one JSON
object per line (`id`, `text`); the runner loads its model once, then writes one line per
document to OUT: `{"id", "seconds", "spans": [{"layer", "type", "start", "end"}], "relations": [...],
"events": [...], "entities": [...]}` (whole events as `event()` writes them, and whole entities,
for the tasks that read them),
and finally one `{"stats": {...}}` line with model-load seconds, processing seconds (the
sum over documents, excluding the load) and error counts. A system that cannot be loaded
writes only the stats line with `unavailable` set and exits with UNAVAILABLE.
"""

from __future__ import annotations

import calendar
import json
import os
import re
import resource
import signal
import sys
import time
import traceback
from importlib import metadata
from collections.abc import Callable
from typing import Any

UNAVAILABLE = 3

Prediction = dict[str, Any]  # {"spans": [...], "relations": [...]}
Process = Callable[[str], Prediction]


class Unavailable(Exception):
    """The system cannot be loaded in this environment (missing package, API or binary)."""


def span(layer: str, type_: str, start: int, end: int, **extra: Any) -> dict[str, Any]:
    return {"layer": layer, "type": type_, "start": start, "end": end, **extra}


def event(trigger: tuple[int, int], earliest: str | None, latest: str | None, basis: str,
          factuality: str, agents: list[dict[str, Any]]) -> dict[str, Any]:
    """One event whole: the trigger span, the date window (ISO days, proleptic Gregorian; None
    where open), its basis, factuality, and each agent as {"name", "spans": [[start, end], ...]}."""
    return {"trigger": list(trigger), "earliest": earliest, "latest": latest, "basis": basis,
            "factuality": factuality, "agents": [{"name": a["name"], "spans": [list(s) for s in a["spans"]]}
                                                 for a in agents]}


def bounds(year: int | None, month: int | None = None, day: int | None = None) -> dict[str, str | None]:
    """The first and last ISO day of a year, a month or a day (no year: no bounds)."""
    if year is None or not 1 <= year <= 9999:
        return {"earliest": None, "latest": None}
    if month is None or not 1 <= month <= 12:
        return {"earliest": f"{year:04d}-01-01", "latest": f"{year:04d}-12-31"}
    last = calendar.monthrange(year, month)[1]
    if day is None or not 1 <= day <= last:
        return {"earliest": f"{year:04d}-{month:02d}-01", "latest": f"{year:04d}-{month:02d}-{last:02d}"}
    return {"earliest": f"{year:04d}-{month:02d}-{day:02d}", "latest": f"{year:04d}-{month:02d}-{day:02d}"}


SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def timex3_bounds(value: str) -> dict[str, str | None]:
    """Day bounds of a TIMEX3 date value: "1812-08-26", "1812-08", "1812", "181" (a decade),
    "18" (a century), "1812-SU" (a season), "BC0044" (a year before Christ); anything else
    has none."""
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(T.*)?", value):
        return bounds(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        return bounds(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        first, last = SEASONS[m[2]]
        year = int(m[1])
        end = bounds(year + (last - 1) // 12, (last - 1) % 12 + 1)
        return {"earliest": bounds(year, first)["earliest"], "latest": end["latest"]}
    if m := re.fullmatch(r"\d{4}", value):
        return bounds(int(value))
    if m := re.fullmatch(r"BC(\d{4})", value):  # 44 BC is the astronomical year -43
        year = 1 - int(m[1])
        text = f"-{-year:04d}" if year < 0 else f"{year:04d}"
        return {"earliest": f"{text}-01-01", "latest": f"{text}-12-31"}
    if re.fullmatch(r"\d{3}", value):
        return {"earliest": bounds(int(value) * 10)["earliest"], "latest": bounds(int(value) * 10 + 9)["latest"]}
    if re.fullmatch(r"\d{2}", value):
        first = max(int(value) * 100, 1)
        return {"earliest": bounds(first)["earliest"], "latest": bounds(int(value) * 100 + 99)["latest"]}
    return {"earliest": None, "latest": None}


# TIMEX3 mods that open an interval on the value («с 1766 года», «до 1807 года») or blur it
# («примерно в 1860 году»): the expression names the value too, and may be read as it.
VALUE_MODS = frozenset({"AFTER", "ON_OR_AFTER", "BEFORE", "ON_OR_BEFORE", "APPROX"})


def timex_span(t: Any) -> dict[str, Any]:
    """A letopis Timex as a span with its day bounds, and, where its mod opens or blurs the
    interval, the bounds of its value alone (`value_earliest`, `value_latest`)."""
    extra: dict[str, Any] = {"earliest": t.earliest, "latest": t.latest}
    if t.mod in VALUE_MODS:
        own = timex3_bounds(t.value)
        extra.update(value_earliest=own["earliest"], value_latest=own["latest"])
    return span("timex", t.type, t.start, t.end, **extra)


def read_docs(path: str) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def versions(packages: tuple[str, ...]) -> dict[str, str]:
    found = {}
    for name in packages:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "not installed"
    return found


class DocumentTimeout(Exception):
    """One document took longer than BENCH_DOC_TIMEOUT_S."""


def limit_memory() -> None:
    """Cap this process's address space at BENCH_MEMORY_LIMIT_MB, so a document that makes
    the system balloon fails with MemoryError instead of exhausting a shared machine."""
    limit = int(os.environ.get("BENCH_MEMORY_LIMIT_MB", "0"))
    if limit > 0:
        resource.setrlimit(resource.RLIMIT_AS, (limit * 1024 * 1024, resource.RLIM_INFINITY))


def on_alarm(signum: int, frame: Any) -> None:
    raise DocumentTimeout(f"over {os.environ.get('BENCH_DOC_TIMEOUT_S')} s")


def serve(load: Callable[[], Process], packages: tuple[str, ...] = (), argv: list[str] | None = None,
          guard: bool = True) -> None:
    """Load the system with `load()`, run it over the documents and write predictions;
    the installed versions of `packages` go into the stats. With `guard`, the process's
    memory is capped and each document gets BENCH_DOC_TIMEOUT_S seconds; a runner whose
    work happens in a child process (a JVM) passes False and is watched from outside."""
    docs_path, out_path = (argv if argv is not None else sys.argv[1:])[:2]
    docs = read_docs(docs_path)
    doc_timeout = int(os.environ.get("BENCH_DOC_TIMEOUT_S", "0")) if guard else 0
    if guard:
        limit_memory()
        signal.signal(signal.SIGALRM, on_alarm)
    stats: dict[str, Any] = {"docs": len(docs), "chars": sum(len(d["text"]) for d in docs),
                             "versions": versions(packages)}
    with open(out_path, "w", encoding="utf-8") as out:
        started = time.perf_counter()
        try:
            process = load()
        except Exception as exc:  # Unavailable, or a system that breaks while loading
            traceback.print_exc()
            stats["unavailable"] = str(exc) if isinstance(exc, Unavailable) else f"load failed: {exc!r}"
            out.write(json.dumps({"stats": stats}) + "\n")
            sys.exit(UNAVAILABLE)
        stats["load_s"] = time.perf_counter() - started
        stats["process_s"] = 0.0
        stats["errors"] = 0
        for doc in docs:
            started = time.perf_counter()
            signal.alarm(doc_timeout)
            try:
                prediction = process(doc["text"])
            except Exception as exc:  # one broken document (MemoryError, timeout too) must not hide the others
                prediction = {"spans": [], "relations": [], "events": [], "entities": []}
                stats["errors"] += 1
                stats.setdefault("first_error", f"{doc['id']}: {exc!r}")
                stats.setdefault("error_docs", []).append(doc["id"])
                traceback.print_exc()
            finally:
                signal.alarm(0)
            seconds = time.perf_counter() - started
            stats["process_s"] += seconds
            record = {"id": doc["id"], "seconds": round(seconds, 4), "spans": prediction.get("spans", []),
                      "relations": prediction.get("relations", []), "events": prediction.get("events", []),
                      "entities": prediction.get("entities", [])}
            if "chronology" in prediction:  # the contract chronology, for the cross-document task
                record["chronology"] = prediction["chronology"]
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            out.flush()  # progress stays readable if the process is killed
        out.write(json.dumps({"stats": stats}) + "\n")
