"""`letopis extract FILE...`: print the chronology of one or more documents."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from ..cli import EXIT_FAILED, EXIT_OK, EXIT_SOME_FAILED, Progress, write_output
from ..errors import LetopisError

FORMATS = ("json", "md", "html")


def register(commands) -> None:
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
    extract.set_defaults(run=extract_command)


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


def _render(chron, fmt: str, texts: dict[str, str]) -> str:
    if fmt == "json":
        return chron.to_json() + "\n"
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


def extract_command(args: argparse.Namespace) -> int:
    from .. import analyse
    from ..chronology import build
    from ..ingest import read

    fmt = _format_of(args)
    dct = _check_dct(args.dct)
    if args.files.count("-") > 1:
        raise LetopisError("'-' (standard input) can be given only once")
    max_bytes = int(args.max_size * 1024 * 1024)
    progress = Progress(len(args.files), args.quiet)
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
    write_output(_render(build(docs), fmt, texts), args.output)
    if args.timings:
        _print_timings()
    if failed:
        print(f"letopis: {failed} of {len(args.files)} files failed; the chronology covers the other {len(docs)}", file=sys.stderr)
        return EXIT_SOME_FAILED
    return EXIT_OK
