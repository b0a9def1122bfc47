"""`letopis extract FILE...`: print the chronology of one or more documents.

Documents are analysed one by one, alone, by the engine chosen (`--jobs` local processes,
or a Dask cluster), and come back in input order. For `json`, `md` and `html` they are
then renamed d1, d2, ... and built into one chronology here, entities unified across
them, so the output is the same whatever the engine and the number of jobs. `jsonl` and
`parquet` stream: each document is written as soon as it and those before it are done,
with its own entities, and memory stays flat whatever the number of documents.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..cli import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_SOME_FAILED, Progress, write_output
from ..errors import LetopisError, UsageError
from .. import engines
from ..output import check_folder, check_target, open_stream
from ._options import add_jobs, check_size, jobs
from ..parallel import Outcome, Settings, relabel
from ..time.calendar import iso, parse_day
from ..time.convention import SETTINGS

FORMATS = ("json", "md", "html", "jsonl", "parquet", "tei")
STREAMED = ("jsonl", "parquet")


def register(commands) -> None:
    extract = commands.add_parser(
        "extract",
        help="print the chronology of one or more documents",
        description="Read documents (.txt, .md, .html, TEI .xml; '-' for stdin) and print one chronology.",
    )
    extract.add_argument("files", nargs="+", metavar="FILE", help="documents to read; '-' reads standard input")
    extract.add_argument("-o", "--output", metavar="OUT", help="write here instead of standard output (a folder for parquet)")
    extract.add_argument(
        "-f", "--format", choices=FORMATS,
        help="output format (default: from OUT's extension, else json); jsonl and parquet stream one document at a time",
    )
    extract.add_argument("--dct", metavar="YYYY-MM-DD", help="document date, for news: anchors «вчера», «в прошлом году»")
    add_calendar_option(extract)
    extract.add_argument("--max-size", metavar="MB", type=float, default=64.0, help="refuse inputs larger than this (default 64)")
    extract.add_argument("--input-format", choices=("text", "markdown", "html", "tei"), help="override detection of the input format")
    add_jobs(extract, "worker processes (1 analyses in this process)")
    engines.add_arguments(extract)
    extract.add_argument("-q", "--quiet", action="store_true", help="no progress messages")
    extract.add_argument("--timings", action="store_true", help="print model loading and per-stage times to stderr (analyses in this process)")
    extract.set_defaults(run=extract_command)


def add_calendar_option(parser: argparse.ArgumentParser) -> None:
    """`--calendar`: how unmarked Russian dates before 14 February 1918 are read (docs/time.md)."""
    parser.add_argument(
        "--calendar", choices=SETTINGS, default="auto",
        help="unmarked dates before 14 Feb 1918: auto (Old Style when the text is about Russia), "
             "julian-before-1918 (always Old Style) or gregorian (as written); default auto")


def _format_of(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    suffix = Path(args.output).suffix.lower().lstrip(".") if args.output else ""
    known = {"md": "md", "markdown": "md", "html": "html", "htm": "html", "jsonl": "jsonl", "ndjson": "jsonl", "parquet": "parquet",
             "xml": "tei", "tei": "tei"}
    return known.get(suffix, "json")


def _check_dct(value: str | None) -> str | None:
    if value is None:
        return None
    date = parse_day(value)
    if date is None:
        raise UsageError(f"--dct takes a date as YYYY-MM-DD (-0043-03-15 before year 1), not {value!r}")
    return iso(date)


def _check(args: argparse.Namespace, fmt: str) -> None:
    if args.files.count("-") > 1:
        raise UsageError("'-' (standard input) can be given only once")
    args.jobs = jobs(args, quiet=args.quiet)
    args.max_bytes = check_size("--max-size", args.max_size)
    engines.check(args.engine, args.scheduler)
    if fmt == "parquet" and not args.output:
        raise UsageError("parquet output needs a folder: -o DIR")
    if fmt == "parquet" and not Path(args.output).resolve().parent.is_dir():
        raise LetopisError(f"{args.output}: folder {Path(args.output).parent} does not exist")
    if fmt == "parquet":
        check_folder(Path(args.output).resolve().parent, args.output)
    if args.output and fmt != "parquet":
        check_target(args.output)  # before the analysis, not after it


def _outcomes(args: argparse.Namespace, settings: Settings) -> Iterator[Outcome]:
    """Each input's outcome, in input order, from the engine the arguments ask for."""
    # --timings measures the stages in this process.
    jobs = 1 if args.timings and args.engine == "local" else args.jobs
    return engines.outcomes(args.files, settings=settings, jobs=jobs, engine=args.engine, scheduler=args.scheduler)


def _render(chron, fmt: str, texts: dict[str, str]) -> str:
    if fmt == "json":
        return chron.to_json() + "\n"
    if fmt == "tei":
        from .. import export
        from .export import tei_markup

        data = chron.to_dict()
        return export.render(data, "tei", texts=texts, markup=tei_markup(data, Path("."))) + "\n"
    from ..render.html import render_html
    from ..render.markdown import render_markdown

    render = render_markdown if fmt == "md" else render_html
    return render(chron.to_dict(), texts)


def _print_timings() -> None:
    from .. import default_pipeline
    from ..adapters import natasha

    print(f"letopis: model loading {natasha.load_seconds():.2f}s", file=sys.stderr)
    for name, seconds in default_pipeline().timings.items():
        print(f"letopis: stage {name:<9} {seconds:.3f}s", file=sys.stderr)


class _Sink:
    """Where the analysed documents go, one at a time, renamed d1, d2, ... in input order."""

    def __init__(self, fmt: str, output: str | None):
        self.fmt, self.output = fmt, output
        self.docs: list[Any] = []  # json, md, html: kept for the one chronology
        self.count = 0
        self.stream: IO[str] | None = None
        self.opened: Any = None  # the context of a streamed -o
        self.tables: Any = None

    def add(self, doc: Any) -> None:
        from ..chronology import build

        self.count += 1
        relabel(doc, f"d{self.count}")
        if self.fmt not in STREAMED:
            self.docs.append(doc)
        elif self.fmt == "jsonl":
            self._stream().write(json.dumps(build([doc]).to_dict(), ensure_ascii=False) + "\n")
            self._stream().flush()
        else:
            self._tables().add(build([doc]).to_dict())

    def _stream(self) -> IO[str]:
        if self.stream is None:  # opened on the first document: a run with none writes nothing
            if self.output is None:
                self.stream = sys.stdout
            else:
                self.opened = open_stream(self.output)
                self.stream = self.opened.__enter__()
        return self.stream

    def _tables(self) -> Any:
        if self.tables is None:
            from ..engines.parquet import ParquetTables

            self.tables = ParquetTables(self.output)
        return self.tables

    def close(self) -> None:
        """Finish a streamed output (what is written stays, even after an interruption)."""
        if self.opened is not None:
            self.opened.__exit__(None, None, None)
            self.opened = None
        if self.tables is not None:
            self.tables.close()

    def finish(self) -> None:
        """Write the one chronology of the non-streamed formats."""
        if self.fmt in STREAMED:
            return
        from ..chronology import build

        write_output(_render(build(self.docs), self.fmt, {d.id: d.text for d in self.docs}), self.output)


def extract_command(args: argparse.Namespace) -> int:
    fmt = _format_of(args)
    _check(args, fmt)
    engines.one_blas_thread()
    settings = Settings(dct=_check_dct(args.dct), max_bytes=args.max_bytes, input_format=args.input_format, keep_docs=True,
                        stage_progress=not args.quiet, calendar=args.calendar)
    progress = Progress(len(args.files), args.quiet)
    sink, failed = _Sink(fmt, args.output), 0
    try:
        for index, outcome in enumerate(_outcomes(args, settings), 1):
            if not outcome.ok:
                failed += 1
                print(f"letopis: error: {outcome.error}", file=sys.stderr)
                continue
            sink.add(outcome.doc)
            progress.step(index, outcome.doc.source, len(outcome.doc.text))
    except KeyboardInterrupt:
        if fmt not in STREAMED or not sink.count:
            raise
        sink.close()
        print(f"letopis: interrupted; the first {sink.count} documents are written", file=sys.stderr)
        return EXIT_INTERRUPTED
    sink.close()
    if not sink.count:
        print("letopis: error: no document could be read; nothing written", file=sys.stderr)
        return EXIT_FAILED
    sink.finish()
    if args.timings:
        _print_timings()
    if failed:
        print(f"letopis: {failed} of {len(args.files)} files failed; the chronology covers the other {sink.count}", file=sys.stderr)
        return EXIT_SOME_FAILED
    return EXIT_OK
