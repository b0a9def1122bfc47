"""The one place that talks to Dask: the per-document analysis on a Dask distributed cluster.

Documents are read and decoded where the command runs (the cluster's machines need not
see its files) and sent as text; each task runs `letopis.parallel.analyse_source`, the
same function the local engine runs, so an outcome is the same wherever it was computed.
Workers load the models once per process: `connect` registers a plugin that loads them
as each worker starts, and the pipeline's own per-process cache keeps them after that.

Needs the `letopis[dask]` extra (dask[distributed]); this module imports it lazily and
says so in one line when it is missing.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ..errors import LetopisError
from ..parallel import Outcome, Settings, analyse_source, input_name, read_source

if TYPE_CHECKING:
    from dask.bag import Bag
    from distributed import Client

IN_FLIGHT_PER_THREAD = 2  # documents submitted but not yet yielded, per worker thread
_MISSING = "the Dask engine needs the letopis[dask] extra: pip install 'letopis[dask]'"


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise LetopisError(_MISSING) from None
    return distributed


def connect(scheduler: str, *, workers: int | None = None) -> "Client":
    """A client of the scheduler at `scheduler` (e.g. tcp://host:8786), or of a new
    `LocalCluster` when `scheduler` is "local" (`workers` processes, one thread each)."""
    distributed = _distributed()
    try:
        if scheduler == "local":
            cluster = distributed.LocalCluster(
                n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True, dashboard_address=None
            )
            client = distributed.Client(cluster)
        else:
            client = distributed.Client(scheduler, timeout="10s")
    except (OSError, TimeoutError) as error:
        raise LetopisError(f"could not reach the Dask scheduler at {scheduler}: {error}") from None
    client.register_plugin(_warm_up_plugin(distributed), name="letopis-models")
    return client


def close(client: "Client") -> None:
    """Close the client, and the cluster too when `connect` started it."""
    cluster = client.cluster
    client.close()
    if cluster is not None:
        cluster.close()


def _warm_up_plugin(distributed: Any) -> Any:
    class LoadModels(distributed.WorkerPlugin):
        """Load the models when a worker starts, not in its first task."""

        def setup(self, worker: Any) -> None:
            from .processes import warm_up

            warm_up()

    return LoadModels()


def _task(name: str, source: Any, settings: Settings) -> Outcome:
    return analyse_source(name, source, settings)


def analyse_files(
    names: Iterable[str],
    *,
    client: "Client",
    settings: Settings = Settings(),
) -> Iterator[Outcome]:
    """One outcome per input, in input order, analysed on the cluster behind `client`.

    At most a few documents per worker thread are in flight, so memory stays flat on
    both sides. A task that fails (its workers died as many times as the scheduler
    allows, `distributed.scheduler.allowed-failures`) is that document's error.
    """
    threads = max(sum(client.nthreads().values()), 1)
    window: deque[tuple[str, Any]] = deque()
    for item in names:
        name, source = input_name(item), read_source(item, settings)
        if isinstance(source, Outcome):
            window.append((name, source))
        else:
            window.append((name, client.submit(_task, name, source, settings, pure=False)))
        while len(window) >= IN_FLIGHT_PER_THREAD * threads:
            yield _result(*window.popleft())
    while window:
        yield _result(*window.popleft())


def _result(name: str, pending: Any) -> Outcome:
    if isinstance(pending, Outcome):
        return pending
    try:
        return pending.result()
    except Exception as error:  # noqa: BLE001 - the scheduler gave up on this document only
        return Outcome(name, error=f"{name}: the Dask task failed ({type(error).__name__}: {error})")


def analyse_bag(bag: "Bag", *, dct: str | None = None) -> "Bag":
    """A bag of one-document chronology dicts (document id "d1") from a bag of texts.

    Items are texts, or (source name, text) pairs. A text that cannot be analysed gives
    `{"source": name, "error": message}` instead, so one bad text never fails the bag.
    """
    _distributed()
    return bag.map(_chronology, dct=dct)


def _chronology(item: "str | tuple[str, str]", dct: str | None = None) -> dict[str, Any]:
    from ..ingest import Source

    name, text = ("<string>", item) if isinstance(item, str) else item
    if not text.strip():
        return {"source": name, "error": f"{name}: contains only whitespace; there is nothing to analyse"}
    source = Source(name, text, "utf-8", "text", "")
    outcome = analyse_source(name, source, Settings(dct=dct))
    if outcome.error is not None:
        return {"source": name, "error": outcome.error}
    return outcome.chronology
