"""Command line: a thin shell over the library.

    letopis extract FILE... [-o OUT] [--format json|md|html] [--dct DATE]

Library errors become one-line messages on stderr and a non-zero exit code, never a
traceback. In a batch, a file that cannot be read is reported and the others go on;
the exit code then says that some failed.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import LetopisError

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_SOME_FAILED, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
FORMATS = ("json", "md", "html")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="letopis", description="Source-linked chronologies from Russian historical narrative.")
    parser.add_argument("--version", action="version", version=f"letopis {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    extract = commands.add_parser(
        "extract",
        help="print the chronology of one or more documents",
        description="Read documents (.txt, .md, .html; '-' for stdin) and print one chronology.",
    )
    extract.add_argument("files", nargs="+", metavar="FILE", help="documents to read; '-' reads standard input")
    extract.add_argument("-o", "--output", metavar="OUT", help="write here instead of standard output")
    extract.add_argument("-f", "--format", choices=FORMATS, help="output format (default: from OUT's extension, else json)")
    extract.add_argument("--dct", metavar="YYYY-MM-DD", help="document date, for news: anchors «вчера», «в прошлом году»")
    extract.add_argument("--max-size", metavar="MB", type=float, default=64.0, help="refuse inputs larger than this (default 64)")
    extract.add_argument("--input-format", choices=("text", "markdown", "html"), help="override detection of the input format")
    extract.add_argument("-q", "--quiet", action="store_true", help="no progress messages")
    extract.add_argument("--timings", action="store_true", help="print model loading and per-stage times to stderr")
    return parser


def _format_of(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    suffix = Path(args.output).suffix.lower().lstrip(".") if args.output else ""
    return {"md": "md", "markdown": "md", "html": "html", "htm": "html"}.get(suffix, "json")


def _check_dct(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise LetopisError(f"--dct takes a date as YYYY-MM-DD, not {value!r}") from None


class _Progress:
    """One line on stderr per document, only when stderr is a terminal or there is a batch."""

    def __init__(self, total: int, quiet: bool):
        self.total, self.quiet = total, quiet or (total == 1 and not sys.stderr.isatty())
        self.began = time.perf_counter()
        self.chars = 0

    def step(self, index: int, name: str, chars: int) -> None:
        self.chars += chars
        if self.quiet:
            return
        elapsed = time.perf_counter() - self.began
        rate = self.chars / elapsed / 1000 if elapsed > 0 else 0.0
        left = (elapsed / index) * (self.total - index)
        print(f"letopis: [{index}/{self.total}] {name} ({chars:,} chars, {rate:,.0f}k chars/s, ~{left:.0f}s left)", file=sys.stderr)


def _render(chron, fmt: str, texts: dict[str, str]) -> str:
    if fmt == "json":
        return chron.to_json() + "\n"
    from .render.html import render_html
    from .render.markdown import render_markdown

    render = render_markdown if fmt == "md" else render_html
    return render(chron.to_dict(), texts)


def _write(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = Path(output)
    if target.is_dir():
        raise LetopisError(f"{output}: is a directory; give a file name for -o")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise LetopisError(f"{output}: folder {folder} does not exist")
    # Write beside the target and rename, so an interrupted run never leaves half a file.
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _print_timings() -> None:
    from . import default_pipeline
    from .adapters import natasha

    print(f"letopis: model loading {natasha.load_seconds():.2f}s", file=sys.stderr)
    for name, seconds in default_pipeline().timings.items():
        print(f"letopis: stage {name:<9} {seconds:.3f}s", file=sys.stderr)


def extract_command(args: argparse.Namespace) -> int:
    from . import analyse
    from .chronology import build
    from .ingest import read

    fmt = _format_of(args)
    dct = _check_dct(args.dct)
    if args.files.count("-") > 1:
        raise LetopisError("'-' (standard input) can be given only once")
    max_bytes = int(args.max_size * 1024 * 1024)
    progress = _Progress(len(args.files), args.quiet)
    docs, texts, failed = [], {}, 0
    for index, name in enumerate(args.files, 1):
        try:
            source = read(name, format=args.input_format, max_bytes=max_bytes)
            doc = analyse(source.text, doc_id=f"d{len(docs) + 1}", source=source.name, dct=dct)
        except LetopisError as error:
            failed += 1
            print(f"letopis: error: {error}", file=sys.stderr)
            continue
        doc.source_offsets = source.source_offsets
        docs.append(doc)
        texts[doc.id] = doc.text
        progress.step(index, source.name, len(doc.text))
    if not docs:
        print("letopis: error: no document could be read; nothing written", file=sys.stderr)
        return EXIT_FAILED
    _write(_render(build(docs), fmt, texts), args.output)
    if args.timings:
        _print_timings()
    if failed:
        print(f"letopis: {failed} of {len(args.files)} files failed; the chronology covers the other {len(docs)}", file=sys.stderr)
        return EXIT_SOME_FAILED
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return extract_command(args)
    except LetopisError as error:
        print(f"letopis: error: {error}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("letopis: interrupted; nothing written", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
