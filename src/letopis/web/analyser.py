"""The paste page's analyser: one text at a time, in a worker process that a timeout kills.

The pipeline is CPU-bound and cannot be interrupted from another thread, so it runs in a
child process (started on the first paste; it loads the models once and keeps them). A
text that takes longer than `timeout` seconds, waiting included, gets 504 and its
process is killed, so the next text does not queue behind it; the next paste starts a
fresh one. While a text is analysed, at most `waiting` more may wait for their turn; a
further one gets 503 at once, so pastes cannot take every request thread.
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING

from ..errors import LetopisError
from ..store.base import Record
from .http import ApiError

if TYPE_CHECKING:
    from ..doc import Given


class Extractor:
    """Runs the pipeline for the server, one text at a time, within a time limit."""

    def __init__(self, timeout: float, max_bytes: int, waiting: int = 2):
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.waiting = waiting
        self._turn = threading.Lock()
        self._count = threading.Lock()
        self._queued = 0
        self._worker: _Worker | None = None
        self.killed = 0  # analyses stopped by the timeout (for tests)

    def run(self, text: str, source: str, dct: str | None, given: "Given | None" = None) -> tuple[Record, float]:
        """The one-document chronology of `text` and the seconds it took, or ApiError 503/504;
        `given` is what an uploaded TEI file's markup says (`Source.given`)."""
        began = time.monotonic()
        with self._count:
            if self._queued >= self.waiting + 1:
                raise ApiError(503, "the server is busy analysing other texts; try again shortly")
            self._queued += 1
        try:
            if not self._turn.acquire(timeout=self.timeout):
                raise ApiError(503, f"the server is busy analysing another text for more than {self.timeout:g} s; "
                                    "try again shortly")
        finally:
            with self._count:
                self._queued -= 1
        try:
            left = self.timeout - (time.monotonic() - began)
            if self._worker is None or not self._worker.alive():
                self._worker = _Worker()
            answer = self._worker.call((text, source, dct, given), left)
            if answer is None:
                self._worker.kill()
                self._worker = None
                self.killed += 1
                raise ApiError(504, f"analysis took longer than the limit of {self.timeout:g} s; "
                                    "try a shorter text (the limit is the server's --timeout)")
        finally:
            self._turn.release()
        kind, value = answer
        if kind == "usage":
            raise ApiError(400, value)
        if kind == "failed":
            raise ApiError(500, f"the analysis failed: {value}")
        return value, time.monotonic() - began

    def close(self) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.kill()


class _Worker:
    """A child process that analyses the texts sent through its pipe."""

    def __init__(self):
        context = multiprocessing.get_context("spawn")  # never fork a threaded server
        self.pipe, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child,), daemon=True, name="letopis-analyser")
        self.process.start()
        child.close()

    def alive(self) -> bool:
        return self.process.is_alive()

    def call(self, job: tuple, seconds: float) -> tuple[str, object] | None:
        """("ok", chronology), ("usage", message) or ("failed", message); None when out of time."""
        try:
            self.pipe.send(job)
            if seconds <= 0 or not self.pipe.poll(seconds):
                return None
            return self.pipe.recv()
        except (EOFError, OSError):  # the process died (out of memory, killed)
            self.kill()
            return ("failed", "the analysing process stopped; try again")

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.pipe.close()


def _serve(pipe: Connection) -> None:
    from .. import analyse
    from ..chronology import build

    while True:
        try:
            text, source, dct, given = pipe.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        try:
            doc = analyse(text, doc_id="d1", source=source, dct=dct, given=given)
            answer = ("ok", build([doc]).to_dict())
        except LetopisError as error:
            answer = ("usage", str(error))
        except Exception as error:  # noqa: BLE001 - a bug: reported as one line, the process lives on
            answer = ("failed", f"{type(error).__name__}: {error}")
        try:
            pipe.send(answer)
        except (OSError, ValueError):
            return
