"""`letopis ingest PATH...`: analyse documents into the corpus database.

Each document is stored in its own transaction, so an interrupted run (Ctrl-C, a kill,
a crash) leaves every document either wholly stored or absent; running the same command
again skips what is stored (by the hash of its text, before any analysis) and resumes.
"""

from __future__ import annotations

import argparse
import glob
import os
import signal
import stat
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from .. import engines
from ..cli import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_SOME_FAILED, add_db_option
from ..errors import LetopisError, StoreError, UsageError
from ..output import printable
from ._options import add_jobs, check_size, jobs
from .extract import add_calendar_option

EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm", ".xml")
_GLOB_CHARS = frozenset("*?[")


def register(commands) -> None:
    ingest = commands.add_parser(
        "ingest",
        help="analyse documents into the corpus database",
        description="Analyse documents (files, folders searched recursively for .txt .md .markdown .html .htm .xml (TEI), "
                    "or glob patterns) and store them in the corpus. Documents already stored are skipped, "
                    "so an interrupted run resumes when run again.",
    )
    ingest.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or glob patterns ('texts/**/*.txt')")
    add_db_option(ingest)
    add_jobs(ingest, "worker processes analysing documents in parallel")
    ingest.add_argument("--dct", metavar="YYYY-MM-DD", help="document date, for news: anchors «вчера», «в прошлом году»")
    add_calendar_option(ingest)
    ingest.add_argument("--max-size", metavar="MB", type=float, default=64.0, help="refuse inputs larger than this (default 64)")
    ingest.add_argument("--input-format", choices=("text", "markdown", "html", "tei"), help="override detection of the input format")
    ingest.add_argument("-q", "--quiet", action="store_true", help="no progress or summary; errors only")
    engines.add_arguments(ingest)
    ingest.set_defaults(run=ingest_command)


# --- finding the files ------------------------------------------------------------------


def expand(paths: list[str]) -> tuple[list[str], list[str]]:
    """The files the paths name, in order and once each; and one message per path that names none.

    A FIFO or device named on the command line is read (once); one found in a folder or by a
    pattern is left out with a message, since reading it could wait for ever."""
    files: list[str] = []
    problems = []
    for path in paths:
        found = list(_expand_one(path))
        if not found:
            problems.append(_nothing_at(path))
        for name in found:
            if name != path and not _regular(name):
                problems.append(f"{printable(name)}: not a regular file (a FIFO, socket or device); "
                                "name it on the command line to read it")
            else:
                files.append(name)
    return _unique_by_realpath(files), problems


def _regular(name: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(name).st_mode)
    except OSError:
        return True  # reported when it is read


def _expand_one(path: str) -> Iterator[str]:
    if os.path.isdir(path):
        yield from _walk(path)
    elif os.path.exists(path) or not _GLOB_CHARS.intersection(path):
        yield path  # a missing plain path is read, and reported, like any bad file
    else:
        for match in sorted(glob.glob(path, recursive=True)):
            if os.path.isdir(match):
                yield from _walk(match)
            elif not os.path.basename(match).startswith("."):
                yield match


def _walk(folder: str) -> Iterator[str]:
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith(".") and name.lower().endswith(EXTENSIONS):
                yield os.path.join(root, name)


def _nothing_at(path: str) -> str:
    if os.path.isdir(path):
        return f"{printable(path)}: folder holds no {' '.join(EXTENSIONS)} files"
    return f"{printable(path)}: matches no files"


def _unique_by_realpath(names: list[str]) -> list[str]:
    seen: set[str] = set()
    unique = []
    for name in names:
        key = os.path.realpath(name)
        if key not in seen:
            seen.add(key)
            unique.append(name)
    return unique


# --- progress ---------------------------------------------------------------------------


class IngestProgress:
    """Documents done of total, documents per second and time left, on stderr.

    On a terminal one line is redrawn in place; otherwise a plain line every `every`
    seconds (logs stay short). Messages go through `say` so they never mix with the line.
    """

    def __init__(self, total: int, *, quiet: bool, every: float = 10.0):
        self.total, self.quiet, self.every = total, quiet, every
        self.tty = sys.stderr.isatty()
        self.began = self.last = self.first = time.monotonic()
        self.done = 0
        self.drawn = False

    def step(self) -> None:
        self.done += 1
        now = time.monotonic()
        if self.done == 1:
            self.first = now
        if self.quiet or (now - self.last < (0.1 if self.tty else self.every) and self.done < self.total):
            return
        self.last = now
        self._show(self.line(now))

    def line(self, now: float | None = None) -> str:
        now = now or time.monotonic()
        # The first document also pays for loading the models; the pace is measured after it.
        if self.done > 1 and now > self.first:
            rate = (self.done - 1) / (now - self.first)
        else:
            rate = self.done / (now - self.began) if now > self.began else 0.0
        left = (self.total - self.done) / rate if rate > 0 else None
        eta = f", ~{_duration(left)} left" if left is not None and self.done < self.total else ""
        return f"letopis: ingest {self.done}/{self.total} documents, {rate:.2f} docs/s{eta}"

    def _show(self, line: str) -> None:
        if self.tty:
            sys.stderr.write("\r\x1b[K" + line)
            self.drawn = True
        else:
            print(line, file=sys.stderr)
        sys.stderr.flush()

    def say(self, message: str) -> None:
        """Print a message on its own line (errors are shown even when quiet)."""
        self.clear()
        print(message, file=sys.stderr)

    def clear(self) -> None:
        if self.drawn:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
            self.drawn = False


def _duration(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"


# --- the command ------------------------------------------------------------------------


class _Tally:
    def __init__(self) -> None:
        self.added = self.skipped = self.failed = 0


def ingest_command(args: argparse.Namespace) -> int:
    from ..corpus import refresh as refresh_corpus
    from ..store import open_store
    from .extract import _check_dct

    dct = _check_dct(args.dct)
    args.jobs = jobs(args, quiet=args.quiet)
    args.max_bytes = check_size("--max-size", args.max_size)
    if "-" in args.paths:
        raise UsageError("ingest reads files, not standard input; save it to a file and ingest that")
    engines.check(args.engine, args.scheduler)
    files, problems = expand(args.paths)
    tally = _Tally()
    for problem in problems:
        print(f"letopis: error: {problem}", file=sys.stderr)
        tally.failed += 1
    if not files:
        print("letopis: error: no documents to ingest", file=sys.stderr)
        return EXIT_FAILED
    began = time.monotonic()
    store = open_store(args.db)
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        _run(store, files, args, dct, tally)
        refresh_corpus(store)  # corpus events and conflicts across documents (docs/corpus.md)
    except StoreError as error:  # stop at once: every document analysed from now on could not be stored either
        raise StoreError(f"{error}; {tally.added} documents were stored in this run, the rest were not analysed; "
                         "run the same command again to resume") from None
    except KeyboardInterrupt:
        count = store.stats()["documents"]
        print(f"letopis: interrupted; {tally.added} documents stored in this run ({count} in {args.db}); "
              "run the same command again to resume", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        signal.signal(signal.SIGTERM, previous)
        store.close()
    if not args.quiet:
        print(f"letopis: {tally.added} added, {tally.skipped} skipped as already stored, {tally.failed} failed "
              f"in {_duration(time.monotonic() - began)}; corpus {args.db}", file=sys.stderr)
    if tally.failed and not (tally.added or tally.skipped):
        return EXIT_FAILED
    return EXIT_SOME_FAILED if tally.failed else EXIT_OK


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _run(store, files: list[str], args: argparse.Namespace, dct: str | None, tally: _Tally) -> None:
    from ..ingest import read
    from ..parallel import Settings, say_warnings

    max_bytes = args.max_bytes
    # Each file is read once, here, and its Source handed to the engine: a FIFO or
    # `<(command)` cannot be read twice, and a file changed in between would be stored
    # under the wrong hash.
    todo, seen = [], set()
    for name in files:
        try:
            source = read(name, format=args.input_format, max_bytes=max_bytes)
        except LetopisError as error:
            print(f"letopis: error: {error}", file=sys.stderr)
            tally.failed += 1
            continue
        say_warnings(source)
        if source.sha256 in seen or store.has_document(source.sha256):
            tally.skipped += 1
            continue
        seen.add(source.sha256)
        todo.append(source)
    if not todo:
        return
    progress = IngestProgress(len(todo), quiet=args.quiet)
    settings = Settings(dct=dct, max_bytes=max_bytes, input_format=args.input_format, stage_progress=not args.quiet,
                        calendar=args.calendar)
    jobs = min(args.jobs, len(todo))  # no idle workers to start for a few documents
    outcomes = engines.outcomes(todo, settings=settings, jobs=jobs, engine=args.engine, scheduler=args.scheduler)
    try:
        for outcome in outcomes:
            try:
                if not outcome.ok:
                    raise LetopisError(outcome.error)
                if store.store_document(outcome.name, outcome.text, outcome.chronology)[1]:
                    tally.added += 1
                else:  # another ingest stored the same text meanwhile
                    tally.skipped += 1
            except StoreError:  # the corpus cannot be written (disk full, locked, read-only): analysing on is lost work
                raise
            except LetopisError as error:
                progress.say(f"letopis: error: {error}")
                tally.failed += 1
            progress.step()
    finally:
        progress.clear()
        close = getattr(outcomes, "close", None)
        if close:
            close()
