"""`POST /api/extract`: a pasted or uploaded text in, its chronology out.

The pipeline is CPU-bound and loads its models once per process, so texts are analysed
one at a time on a worker thread. A request waits for its turn and for its result at
most `timeout` seconds in all: a busy server answers 503, a text that takes too long
504 (its analysis finishes in the background and is dropped). Nothing is stored unless
the client asks (`store`) and the server was started with --writable.
"""

from __future__ import annotations

import concurrent.futures
import json
import threading
import time
from dataclasses import asdict
from typing import TYPE_CHECKING

from ..errors import LetopisError
from ..render import view
from ..store.base import Record
from ..time.calendar import iso, parse_day
from .corpus import Corpus
from .http import ApiError, Request

if TYPE_CHECKING:
    from ..doc import Given

TRUE = ("1", "true", "yes", "on")


class Extractor:
    """Runs the pipeline for the server, one text at a time, within a time limit."""

    def __init__(self, timeout: float, max_bytes: int):
        self.timeout = timeout
        self.max_bytes = max_bytes
        self._turn = threading.Semaphore(1)
        self._worker = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="letopis-extract")

    def run(self, text: str, source: str, dct: str | None, given: Given | None = None) -> tuple[Record, float]:
        """The one-document chronology of `text` and the seconds it took, or ApiError 503/504;
        `given` is what an uploaded TEI file's markup says (`Source.given`)."""
        began = time.monotonic()
        if not self._turn.acquire(timeout=self.timeout):
            raise ApiError(503, f"the server is busy analysing another text for more than {self.timeout:g} s; try again shortly")
        try:
            future = self._worker.submit(_chronology, text, source, dct, given)
        except BaseException:
            self._turn.release()
            raise
        future.add_done_callback(lambda _: self._turn.release())
        left = max(0.0, self.timeout - (time.monotonic() - began))
        try:
            return future.result(timeout=left), time.monotonic() - began
        except concurrent.futures.TimeoutError:
            raise ApiError(504, f"analysis took longer than the limit of {self.timeout:g} s; "
                                "try a shorter text (the limit is the server's --timeout)") from None
        except LetopisError as error:
            raise ApiError(400, str(error)) from None

    def close(self) -> None:
        self._worker.shutdown(wait=False, cancel_futures=True)


def _chronology(text: str, source: str, dct: str | None, given: Given | None = None) -> Record:
    from .. import analyse
    from ..chronology import build

    doc = analyse(text, doc_id="d1", source=source, dct=dct, given=given)
    return build([doc]).to_dict()


def _input(request: Request, max_bytes: int) -> tuple[str, str, str | None, bool, Given | None]:
    """(text, source name, dct, store?, what a TEI file's markup says) from a JSON body or
    from the raw bytes of a file."""
    from ..ingest import decode

    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        try:
            body = json.loads(request.body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise ApiError(400, "the body is not valid JSON; send {\"text\": \"...\"}") from None
        if not isinstance(body, dict) or not isinstance(body.get("text"), str):
            raise ApiError(400, "send a JSON object with the text to analyse in \"text\"")
        text, source = body["text"], str(body.get("source") or "<вставленный текст>")
        dct, store, given = body.get("dct"), body.get("store") is True, None
    else:
        source = request.text("source") or "<загруженный файл>"
        try:
            decoded = decode(request.body, source, format=request.text("format"), max_bytes=max_bytes)
            text, given = decoded.text, decoded.given
        except LetopisError as error:
            raise ApiError(400, str(error)) from None
        dct, store = request.text("dct"), (request.text("store") or "").lower() in TRUE
    if not text.strip():
        raise ApiError(400, "the text is empty; there is nothing to analyse")
    if dct is not None:
        date = parse_day(str(dct))
        if date is None:
            raise ApiError(400, f"dct must be a date as YYYY-MM-DD (-0043-03-15 before year 1), not {dct!r}")
        dct = iso(date)
    return text, source, dct, store, given


def extract(corpus: Corpus, request: Request, extractor: Extractor, writable: bool) -> Record:
    text, source, dct, store, given = _input(request, extractor.max_bytes)
    if store and not writable:
        raise ApiError(403, "this server is read-only: start it with --writable to store texts")
    if store and not corpus.available:
        raise ApiError(503, "no corpus is open to store the text in: start the server with --db FILE --writable")
    chronology, seconds = extractor.run(text, source, dct, given)
    stored = None
    if store:
        with corpus.store() as db:
            stored = db.add_document(source, text, chronology)
        corpus.changed()
    rows = [asdict(row) for row in view.build(chronology, {doc["id"]: text for doc in chronology["documents"]}).events]
    return {"chronology": chronology, "rows": rows, "text": text, "seconds": round(seconds, 3), "stored": stored}
