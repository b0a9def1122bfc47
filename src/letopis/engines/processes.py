"""A pool of worker processes on this machine, each holding one document at a time.

Why not `concurrent.futures.ProcessPoolExecutor`: when one of its workers dies, the whole
pool breaks, every worker is stopped and every pending document fails, so each crash
would cost every worker its models (seconds each) and leave no way to tell which
document killed it. Here each worker has its own pipe and holds one document; the
parent always knows which document a dead worker held, starts one replacement, tries
that document once more, and reports it if it kills a worker again. The others never
notice.

Start method: "forkserver" where the platform has it, else "spawn"; never plain "fork".
A forked child copies the parent as it is: a caller that already analysed texts holds
the models and may run threads (a web server, a Dask client, BLAS), and forking a
threaded process can deadlock the child. The fork server is a fresh process started
once per parent process, before any of the caller's threads or state can be copied;
it loads the models (`_forkserver`), and every worker forked from it starts with them:
measured with two workers, ready in 3.4 s instead of 5.6 s (spawn: 6.4 s), a worker
replaced after a crash starts at once, and each worker's proportional memory (PSS) is
159 MB instead of 457 MB because the model pages stay shared. Where there is no fork
server (Windows), "spawn" starts clean workers that load the models each.

Scripts that use more than one job must keep their top-level code under
`if __name__ == "__main__":` (every start method but fork imports the main module).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection, wait
from typing import Any

from ..errors import LetopisError
from ..output import printable
from ..parallel import Outcome, Settings, _analyse, input_name, read_source

START_METHOD = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
IN_FLIGHT_PER_WORKER = 2  # documents handed out or finished but not yet yielded, per worker
_PRELOAD = ["letopis.engines._forkserver"]
_READY = "ready"
_WARM_UP = "В 1812 году армия вошла в Москву."
_START_HINT = (
    "worker processes die as they start; a script that calls analyse_files(jobs > 1) must "
    "keep its top-level code under `if __name__ == \"__main__\":`"
)


def _context() -> Any:
    context = multiprocessing.get_context(START_METHOD)
    if START_METHOD == "forkserver":
        context.set_forkserver_preload(_PRELOAD)
    return context


def warm_up() -> None:
    """Load every model and resource the pipeline uses (a no-op once loaded)."""
    from .. import analyse

    analyse(_WARM_UP)


def _serve(conn: Connection, settings: Settings) -> None:
    """A worker: load the models once, then analyse whatever the parent sends until None."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        warm_up()
    except Exception:  # noqa: BLE001 - each document then reports the loading error itself
        pass
    conn.send(_READY)
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        index, name, source = task
        conn.send((index, _analyse(name, settings, source)))


@contextmanager
def _one_blas_thread() -> Iterator[None]:
    """Start processes (the fork server, spawned workers) with BLAS on one thread: each
    worker is one of several processes, and BLAS threads in each would outnumber the
    cores (measured: 48 short documents, 12.8 s of worker CPU with them, 2.2 s without).
    The caller's own environment is left as it was."""
    from . import BLAS_THREADS

    saved = {name: os.environ.get(name) for name in BLAS_THREADS}
    for name in BLAS_THREADS:
        os.environ.setdefault(name, "1")
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


class _Worker:
    def __init__(self, context: Any, settings: Settings):
        self.conn, theirs = context.Pipe()
        self.process = context.Process(target=_serve, args=(theirs, settings), daemon=True, name="letopis-worker")
        with _one_blas_thread():
            self.process.start()
        theirs.close()
        self.task: tuple[int, str, Any] | None = None
        self.ready = False  # models loaded; a death before that is a failure to start

    def give(self, task: tuple[int, str, Any]) -> bool:
        try:
            self.conn.send(task)
        except (BrokenPipeError, ConnectionResetError):
            return False
        self.task = task
        return True

    def stop(self) -> None:
        """Let an idle worker finish; a busy one is abandoned (the run ended early) and killed."""
        if self.task is not None:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                pass
        self.process.join(timeout=2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name
        hint = ", e.g. out of memory" if exitcode == -signal.SIGKILL else ""
        return f"killed by {name}{hint}"
    return f"exit code {exitcode}"


class _Pool:
    """The bookkeeping of one run: workers, the queue of retries, and finished outcomes."""

    def __init__(self, jobs: int, settings: Settings):
        self.context, self.settings = _context(), settings
        self.workers = [_Worker(self.context, settings) for _ in range(jobs)]
        self.retries: deque[tuple[int, str, Any]] = deque()
        self.deaths: dict[int, int] = {}  # input index -> workers it was held by when they died
        self.start_deaths = 0
        self.finished: dict[int, Outcome] = {}

    def busy(self) -> list[_Worker]:
        return [w for w in self.workers if w.task is not None]

    def replace(self, worker: _Worker) -> _Worker:
        worker.process.join(timeout=5)
        worker.conn.close()
        fresh = _Worker(self.context, self.settings)
        self.workers[self.workers.index(worker)] = fresh
        return fresh

    def give(self, worker: _Worker, task: tuple[int, str, Any]) -> None:
        while not worker.give(task):  # it died while idle
            worker = self.replace(worker)

    def collect(self, worker: _Worker) -> None:
        """Take a busy worker's outcome, or deal with its death."""
        try:
            message = worker.conn.recv()
        except (EOFError, OSError):
            self.died(worker)
            return
        if message == _READY:
            worker.ready = True
            return
        index, outcome = message
        self.finished[index] = outcome
        worker.task = None

    def died(self, worker: _Worker) -> None:
        index, name, source = worker.task
        worker.process.join(timeout=5)
        why = _death(worker.process.exitcode)
        self.replace(worker)
        if not worker.ready:  # not the document's fault: it was never looked at
            self.start_deaths += 1
            if self.start_deaths > 2 * len(self.workers):
                raise LetopisError(f"{_START_HINT} ({why})")
            self.retries.appendleft((index, name, source))
            return
        self.deaths[index] = self.deaths.get(index, 0) + 1
        if self.deaths[index] < 2:
            self.retries.appendleft((index, name, source))
        else:
            self.finished[index] = Outcome(name, error=f"{printable(name)}: the process analysing it died twice ({why}); not analysed")

    def close(self) -> None:
        for worker in self.workers:
            worker.stop()


def run(names: Iterable[str], *, jobs: int, settings: Settings) -> Iterator[Outcome]:
    """Outcomes of `names` in input order, analysed by `jobs` worker processes."""
    pool = _Pool(jobs, settings)
    window = IN_FLIGHT_PER_WORKER * jobs
    inputs = enumerate(names)
    exhausted, handed, next_out = False, 0, 0
    try:
        while True:
            for worker in pool.workers:
                if worker.task is not None:
                    continue
                if pool.retries:
                    pool.give(worker, pool.retries.popleft())
                elif not exhausted and handed - next_out < window:
                    index, name = next(inputs, (None, None))
                    if index is None:
                        exhausted = True
                        break
                    handed += 1
                    pool.give(worker, (index, input_name(name), _read_here(name, settings)))
            while next_out in pool.finished:
                yield pool.finished.pop(next_out)
                next_out += 1
            busy = pool.busy()
            if not busy:
                if exhausted and not pool.retries:
                    return
                continue
            ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy]))
            for worker in busy:
                if worker.conn in ready or worker.process.sentinel in ready:
                    pool.collect(worker)
    finally:
        pool.close()


def _read_here(name: Any, settings: Settings) -> Any:
    """Standard input belongs to this process: read it here and send the text along (as
    an input the caller read already is sent)."""
    return read_source(name, settings) if name == "-" or not isinstance(name, str) else None
