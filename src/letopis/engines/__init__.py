"""Where documents are analysed: this process, a pool of local processes, or a Dask cluster.

Every engine runs the same per-document function (`letopis.parallel.analyse_source`) and
yields one `Outcome` per input in input order, so what a command does with the outcomes
never depends on the engine. `add_arguments` gives a command the `--engine` and
`--scheduler` options and `outcomes` runs what they ask for. Output adapters for large
runs (Parquet) live here too.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator, Sequence

from ..errors import UsageError
from ..parallel import Outcome, Settings, analyse_all

ENGINES = ("local", "dask")
BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def one_blas_thread() -> None:
    """Have numpy's BLAS, when it loads in this process or in processes started from it,
    use one thread unless the user set the number.

    The models multiply small matrices: on two busy cores, OpenBLAS's helper threads
    waiting on each other made `letopis extract` of 48 short documents take 15 s of CPU
    instead of 2.7 s, and one file 6.2 s instead of 3.7 s. Parallelism comes from
    processes (`--jobs`), not from BLAS. No effect once numpy is loaded here."""
    for name in BLAS_THREADS:
        os.environ.setdefault(name, "1")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--engine", choices=ENGINES, default="local", help="where documents are analysed (default local)")
    parser.add_argument(
        "--scheduler", metavar="ADDRESS",
        help="with --engine dask: the scheduler, tcp://HOST:8786, or 'local' to start a LocalCluster of --jobs workers",
    )


def check(engine: str, scheduler: str | None) -> None:
    if engine == "dask" and not scheduler:
        raise UsageError("--engine dask needs --scheduler tcp://HOST:8786 (or --scheduler local)")
    if scheduler and engine != "dask":
        raise UsageError("--scheduler is for --engine dask")


def outcomes(
    names: Sequence[str], *, settings: Settings, jobs: int = 1, engine: str = "local", scheduler: str | None = None
) -> Iterator[Outcome]:
    """Each input's outcome, in input order, from `engine` ("local": `jobs` processes;
    "dask": the cluster at `scheduler`, or a LocalCluster of `jobs` workers for "local")."""
    check(engine, scheduler)
    if engine == "dask":
        from . import dask

        client = dask.connect(scheduler, workers=jobs)
        try:
            yield from dask.analyse_files(names, client=client, settings=settings)
        finally:
            dask.close(client)
        return
    yield from analyse_all(names, jobs=min(jobs, len(names)), settings=settings)
