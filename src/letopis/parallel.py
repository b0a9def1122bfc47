"""Analyse many documents: read, analyse and summarise each one, in input order.

`analyse_files` is what `letopis extract` and `letopis ingest` run their documents
through. Each outcome carries the document's own one-document chronology (a contract
dict, picklable, small) or the one-line reason it failed; a failure never stops the
others.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .errors import LetopisError
from .ingest import DEFAULT_MAX_BYTES


@dataclass(slots=True)
class Outcome:
    """What became of one input."""

    name: str  # as the user gave it
    text: str | None = None  # the analysed text (for HTML: the visible text)
    chronology: dict[str, Any] | None = None  # one-document chronology, document id "d1"
    error: str | None = None  # one line, when the input could not be read or analysed

    @property
    def ok(self) -> bool:
        return self.error is None


def analyse_file(
    name: str,
    *,
    dct: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    input_format: str | None = None,
) -> Outcome:
    """Read and analyse one file; a bad file gives an outcome with `error`, not an exception."""
    from . import analyse
    from .chronology import build
    from .ingest import read

    try:
        source = read(name, format=input_format, max_bytes=max_bytes)
        doc = analyse(source.text, doc_id="d1", source=source.name, dct=dct)
    except LetopisError as error:
        return Outcome(name, error=str(error))
    doc.source_offsets = source.source_offsets
    return Outcome(name, text=doc.text, chronology=build([doc]).to_dict())


def analyse_files(
    names: Iterable[str],
    *,
    jobs: int = 1,
    dct: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    input_format: str | None = None,
) -> Iterator[Outcome]:
    """One outcome per input, in input order."""
    for name in names:
        yield analyse_file(name, dct=dct, max_bytes=max_bytes, input_format=input_format)
