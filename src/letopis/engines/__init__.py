"""Where documents are analysed: this process, a pool of local processes, or a Dask cluster.

Every engine runs the same per-document function (`letopis.parallel.analyse_source`) and
yields one `Outcome` per input in input order, so what a command does with the outcomes
never depends on the engine. `add_arguments` gives a command the `--engine` and
`--scheduler` options and `outcomes` runs what they ask for. Output adapters for large
runs (Parquet) live here too.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence

from ..errors import LetopisError
from ..parallel import Outcome, Settings, analyse_files

ENGINES = ("local", "dask")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--engine", choices=ENGINES, default="local", help="where documents are analysed (default local)")
    parser.add_argument(
        "--scheduler", metavar="ADDRESS",
        help="with --engine dask: the scheduler, tcp://HOST:8786, or 'local' to start a LocalCluster of --jobs workers",
    )


def check(engine: str, scheduler: str | None) -> None:
    if engine == "dask" and not scheduler:
        raise LetopisError("--engine dask needs --scheduler tcp://HOST:8786 (or --scheduler local)")
    if scheduler and engine != "dask":
        raise LetopisError("--scheduler is for --engine dask")


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
    yield from analyse_files(
        names, jobs=min(jobs, len(names)), dct=settings.dct, max_bytes=settings.max_bytes,
        input_format=settings.input_format, keep_docs=settings.keep_docs,
    )
