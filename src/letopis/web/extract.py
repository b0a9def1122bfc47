"""`POST /api/extract`: a pasted or uploaded text in, its chronology out.

Texts are analysed one at a time in a worker process (`analyser.Extractor`). A request
waits for its turn and for its result at most `timeout` seconds in all: a busy server
answers 503, a text that takes too long 504 (its process is killed). Nothing is stored
unless the client asks (`store`) and the server was started with --writable.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING

from ..errors import LetopisError
from ..render import view
from ..store.base import Record
from ..time.calendar import iso, parse_day
from .analyser import Extractor
from .corpus import Corpus
from .http import ApiError, Request

if TYPE_CHECKING:
    from ..doc import Given

TRUE = ("1", "true", "yes", "on")


def _input(request: Request, max_bytes: int) -> tuple[str, str, str | None, bool, Given | None]:
    """(text, source name, dct, store?, what a TEI file's markup says) from a JSON body or
    from the raw bytes of a file."""
    from ..ingest import decode

    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        body = request.json()
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
    if not _encodable(source) or (isinstance(dct, str) and not _encodable(dct)):  # query parameters
        raise ApiError(400, "the source or dct holds a lone surrogate (\\ud800-\\udfff), which is not a character")
    if dct is not None:
        date = parse_day(str(dct))
        if date is None:
            raise ApiError(400, f"dct must be a date as YYYY-MM-DD (-0043-03-15 before year 1), not {dct!r}")
        dct = iso(date)
    return text, source, dct, store, given


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


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
