"""Numeric options, checked before any work: a bad value is a `UsageError` (exit 2, one
line), never a traceback later (`--max-size nan`, a 20-digit `--offset`), and `--jobs` is
capped at the cores unless `--force-jobs` says otherwise."""

from __future__ import annotations

import argparse
import math
import os
import sys

from ..errors import UsageError

SQLITE_MAX = 2**63 - 1  # the largest count or offset SQLite takes
MAX_SIZE_MB = 1024 * 1024  # 1 TiB: far above any text, below what reads can take


def check_count(option: str, value: int, low: int = 0, meaning: str = "") -> int:
    """A whole number from `low` up to SQLite's largest integer, else a `UsageError`."""
    if not low <= value <= SQLITE_MAX:
        shown = str(value) if len(str(value)) <= 25 else f"a number of {len(str(value))} digits"
        raise UsageError(f"{option} takes {low}{meaning} or more, up to {SQLITE_MAX}, not {shown}")
    return value


def check_size(option: str, value: float) -> int:
    """A size in MB (finite, above 0, at most 1 TiB) as bytes, else a `UsageError`."""
    if not math.isfinite(value) or not 0 < value <= MAX_SIZE_MB:
        raise UsageError(f"{option} takes a size in MB above 0 and at most {MAX_SIZE_MB}, not {value}")
    return int(value * 1024 * 1024)


def add_jobs(parser: argparse.ArgumentParser, help: str) -> None:
    """`--jobs N` (default: the cores) and `--force-jobs` to allow more than the cores."""
    parser.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                        help=f"{help} (default and most: the number of cores, {cores()}; see --force-jobs)")
    parser.add_argument("--force-jobs", action="store_true",
                        help="allow --jobs above the number of cores (each worker holds the models, ~1 GB)")


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def jobs(args: argparse.Namespace, quiet: bool = False) -> int:
    """The number of worker processes: --jobs, capped at the cores unless --force-jobs."""
    limit = cores()
    if args.jobs is None:
        return limit
    check_count("--jobs", args.jobs, 1)
    if args.jobs > limit and not args.force_jobs:
        if not quiet:
            print(f"letopis: --jobs {args.jobs} is more than the {limit} cores; using {limit} "
                  "(--force-jobs to insist)", file=sys.stderr)
        return limit
    return args.jobs
