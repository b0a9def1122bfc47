"""Analyse many documents: read, analyse and summarise each one, in input order.

`analyse_files` is what `letopis extract` and `letopis ingest` run their documents
through. Each outcome carries the document's own one-document chronology (a contract
dict, picklable, small) or the one-line reason it failed; a failure never stops the
others. With `jobs > 1` the documents go to a pool of worker processes
(`letopis.engines.processes`); the outcomes are the same, in the same order.

Every document is analysed alone under the id "d1", whichever engine runs it, so the
result never depends on which process or machine analysed it; a caller that puts
several documents together renames them with `relabel` (what `letopis extract` does
before `letopis.chronology.build` unifies entities across them).
"""

from __future__ import annotations

import dataclasses
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .errors import LetopisError
from .ingest import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from .doc import Doc
    from .ingest import Source

LOCAL_ID = "d1"  # the id every document is analysed under


@dataclass(slots=True)
class Outcome:
    """What became of one input."""

    name: str  # as the user gave it
    text: str | None = None  # the analysed text (for HTML: the visible text)
    chronology: dict[str, Any] | None = None  # one-document chronology, document id "d1"
    error: str | None = None  # one line, when the input could not be read or analysed
    # The analysed Doc without tokens and trace (what `chronology.build` needs), when asked
    # for with `keep_docs`: ~10x the text's size in memory, a third of the full Doc.
    doc: "Doc | None" = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True, slots=True)
class Settings:
    """How every document of one run is read and analysed (sent once to each worker)."""

    dct: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    input_format: str | None = None
    keep_docs: bool = False
    # Say on stderr as each stage of a long document begins (a book takes minutes).
    stage_progress: bool = False
    calendar: str = "auto"  # unmarked Russian dates before 1918 (`letopis.analyse`)


# Texts this long or longer have their stages reported when `Settings.stage_progress` asks.
LONG_TEXT = 200_000


def stage_reporter(name: str, chars: int) -> Callable[[str, int, int], None]:
    """A pipeline `on_stage` callback that prints one line per stage of document `name`
    to stderr, with the time spent on the document so far."""
    began = time.perf_counter()

    def report(stage: str, number: int, count: int) -> None:
        elapsed = time.perf_counter() - began
        print(f"letopis: {name} ({chars:,} chars): stage {number}/{count} {stage}, {elapsed:.0f}s so far",
              file=sys.stderr, flush=True)

    return report


def input_name(item: "str | Source") -> str:
    """The name an input is reported under: a path as given, or a `Source` read already."""
    return item if isinstance(item, str) else item.name


def read_source(name: "str | Source", settings: Settings) -> "Source | Outcome":
    """The decoded input, or an outcome with the reason it cannot be read; a `Source`
    (an input the caller has read already, e.g. to skip what is stored) is itself."""
    from .ingest import read

    if not isinstance(name, str):
        return name
    try:
        source = read(name, format=settings.input_format, max_bytes=settings.max_bytes)
    except LetopisError as error:
        return Outcome(name, error=str(error))
    say_warnings(source)
    return source


def say_warnings(source: "Source") -> None:
    """What was doubtful in reading an input (a lying <meta charset>, mixed encodings), on stderr."""
    for warning in source.warnings:
        print(f"letopis: warning: {warning}", file=sys.stderr, flush=True)


def analyse_source(name: str, source: "Source", settings: Settings) -> Outcome:
    """Analyse one decoded input; any failure becomes the outcome's `error`.

    Anything raised, not only `LetopisError`, is caught: in a batch, a document that
    trips a bug must not take the others down with it."""
    from . import analyse
    from .chronology import build

    try:
        long = settings.stage_progress and len(source.text) >= LONG_TEXT
        on_stage = stage_reporter(source.name, len(source.text)) if long else None
        doc = analyse(source.text, doc_id=LOCAL_ID, source=source.name, dct=settings.dct, calendar=settings.calendar,
                      on_stage=on_stage, given=source.given)
        doc.source_offsets = source.source_offsets
        chronology = build([doc]).to_dict()
    except LetopisError as error:
        return Outcome(name, error=str(error))
    except Exception as error:  # noqa: BLE001 - reported as this document's failure
        return Outcome(name, error=f"{source.name}: analysis failed ({type(error).__name__}: {error})")
    slim = dataclasses.replace(doc, tokens=[], trace=[]) if settings.keep_docs else None
    return Outcome(name, text=doc.text, chronology=chronology, doc=slim)


def analyse_file(
    name: str,
    *,
    dct: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    input_format: str | None = None,
    keep_doc: bool = False,
) -> Outcome:
    """Read and analyse one file; a bad file gives an outcome with `error`, not an exception."""
    return _analyse(name, Settings(dct, max_bytes, input_format, keep_doc))


def _analyse(name: str, settings: Settings, source: "Source | None" = None) -> Outcome:
    read = source if source is not None else read_source(name, settings)
    if isinstance(read, Outcome):
        return read
    return analyse_source(name, read, settings)


def analyse_files(
    names: Iterable[str],
    *,
    jobs: int = 1,
    dct: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    input_format: str | None = None,
    keep_docs: bool = False,
) -> Iterator[Outcome]:
    """One outcome per input, in input order, analysed by `jobs` processes.

    `names` is read lazily and at most a few documents per worker are in flight, so
    memory stays flat however many inputs there are. With `jobs > 1`, each worker
    process loads the models once; a worker that dies (killed, out of memory) costs only
    the document it held, which is tried once more on a fresh worker and then reported.
    `keep_docs` also returns each analysed Doc (without tokens and trace), for callers
    that build one chronology across documents.
    """
    yield from analyse_all(names, jobs=jobs, settings=Settings(dct, max_bytes, input_format, keep_docs))


def analyse_all(names: "Iterable[str | Source]", *, jobs: int, settings: Settings) -> Iterator[Outcome]:
    """`analyse_files` for a caller that holds its `Settings` already (the engines).
    An item may be a `Source` read already: it is analysed without being read again."""
    if jobs <= 1:
        for item in names:
            yield _analyse(input_name(item), settings, None if isinstance(item, str) else item)
        return
    from .engines.processes import run

    yield from run(names, jobs=jobs, settings=settings)


def relabel(doc: "Doc", doc_id: str) -> "Doc":
    """Give an analysed Doc another id, everywhere it is written (entity attributes quote
    their document, e.g. title mentions), so documents analysed apart can be built together."""
    from .chronology import with_doc_id

    old, doc.id = doc.id, doc_id
    for entity in doc.entities:
        entity.attributes = with_doc_id(entity.attributes, old, doc_id)
    return doc
