"""`letopis serve`: the web viewer over a corpus made by `letopis ingest`."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path

from ..cli import DEFAULT_DB, EXIT_OK, add_db_option
from ..errors import LetopisError, UsageError


def register(commands) -> None:
    serve = commands.add_parser(
        "serve",
        help="browse a corpus in the web browser (timeline, events, people, map, graph, search)",
        description="Start the web viewer on this computer. Read-only unless --writable; "
                    "without --db only the paste page (analyse a text at once) works.",
    )
    add_db_option(serve, default=None, help="the corpus database made by `letopis ingest` "
                                            "(default: letopis.db here, when there is one)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this computer only)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")
    serve.add_argument("--writable", action="store_true", help="allow storing pasted texts in the corpus")
    serve.add_argument("--max-upload", metavar="MB", type=float, default=5.0,
                       help="largest text accepted by the paste page (default 5)")
    serve.add_argument("--timeout", metavar="SECONDS", type=float, default=60.0,
                       help="longest time one pasted text may take to analyse (default 60)")
    serve.add_argument("-q", "--quiet", action="store_true", help="do not log each request")
    serve.set_defaults(run=serve_command)


def _opener(db: str | None, writable: bool):
    if db is None:
        return None
    path = Path(db)
    if not path.is_file() and not writable:
        raise LetopisError(f"{db}: no such corpus; make one with `letopis ingest FILE... --db {db}`")
    from ..store import open_store

    open_store(path, readonly=not writable).close()  # fail now, with the store's message, not on the first page
    return lambda: open_store(path, readonly=not writable)


def serve_command(args: argparse.Namespace) -> int:
    from ..web import Settings, make_server, url_of
    from ..web.corpus import file_stamp

    if not 0 <= args.port <= 65535:
        raise UsageError(f"--port must be between 0 and 65535, not {args.port}")
    if args.max_upload <= 0 or args.timeout <= 0:
        raise UsageError("--max-upload and --timeout must be positive")
    if args.db is None and Path(DEFAULT_DB).is_file():  # the corpus `letopis ingest` just wrote here
        args.db = DEFAULT_DB
    if args.writable and args.db is None:
        raise UsageError("--writable needs --db FILE: the corpus to store texts in")
    settings = Settings(writable=args.writable, max_upload=int(args.max_upload * 1024 * 1024),
                        timeout=args.timeout, quiet=args.quiet)
    try:
        server = make_server(_opener(args.db, args.writable), args.host, args.port, settings,
                             file_stamp(args.db) if args.db else None)
    except OSError as error:
        raise LetopisError(f"cannot listen on {args.host}:{args.port}: {error.strerror or error}") from None
    if args.db:
        what = f"{args.db} ({'writable' if args.writable else 'read-only'})"
    else:
        what = "the paste page only (no corpus: give --db FILE for the rest)"
    print(f"letopis: serving {what} at {url_of(server)}", file=sys.stderr)
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"letopis: warning: listening on {args.host}: other computers can reach this viewer", file=sys.stderr)
    print("letopis: press Ctrl-C to stop", file=sys.stderr)
    threading.Thread(target=server.app.warm, daemon=True).start()
    asked: list[int] = []

    def stop(signum, frame) -> None:
        # Ctrl-C or `kill` (a service manager) ends the loop from inside, never by an exception
        # raised wherever the main thread happens to be; a second one stops at once.
        if asked:
            raise KeyboardInterrupt
        asked.append(signum)
        server.stop()

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    try:
        server.serve_forever()
        print("letopis: stopped", file=sys.stderr)
    except KeyboardInterrupt:
        print("letopis: stopped", file=sys.stderr)
    finally:
        server.server_close()
    return EXIT_OK
