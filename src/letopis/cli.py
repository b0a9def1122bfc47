"""Command line: a thin shell over the library.

Each subcommand lives in its own module under `letopis.commands` and registers itself
there (`register(subparsers)`, setting `run`); this module finds them, parses the
arguments and turns library errors into exit codes.

Library errors become one-line messages on stderr and a non-zero exit code, never a
traceback: 2 for a `UsageError` (as argparse gives for its own checks), 1 for the others. In a batch, a file that cannot be read is reported and the others go on;
the exit code then says that some failed.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import re
import sys
import time
from collections.abc import Sequence

from . import __version__
from .errors import LetopisError, UsageError
from .output import OutputError, write_atomically, write_failed

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_SOME_FAILED, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
DEFAULT_DB = "letopis.db"
DATE_OPTIONS = ("--from", "--to", "--dct")
_BC_DAY = re.compile(r"^-\d{4,}-\d{2}-\d{2}$")


def add_db_option(parser: argparse.ArgumentParser | argparse._ArgumentGroup, default: str | None = DEFAULT_DB,
                  help: str = f"corpus database (default: {DEFAULT_DB})") -> None:
    """The corpus database option every store command shares (`--db FILE`)."""
    parser.add_argument("--db", default=default, metavar="FILE", help=help)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="letopis", description="Source-linked chronologies from Russian historical narrative.")
    parser.add_argument("--version", action="version", version=f"letopis {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    from . import commands as package

    for module in sorted(info.name for info in pkgutil.iter_modules(package.__path__) if not info.name.startswith("_")):
        importlib.import_module(f"{package.__name__}.{module}").register(commands)
    return parser


class Progress:
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


def write_output(text: str, output: str | None) -> None:
    """`text` on stdout, or written to the file `output` (`letopis.output.write_atomically`)."""
    if output is None:
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(write_failed("standard output", exc)) from None
        return
    write_atomically(text, output)


def bc_dates_joined(argv: Sequence[str]) -> list[str]:
    """`--from -0052-01-01` as `--from=-0052-01-01`: argparse takes a value that starts
    with '-' for an option, so a date before year 1 would not reach the command."""
    out: list[str] = []
    for arg in map(str, argv):
        if out and out[-1] in DATE_OPTIONS and _BC_DAY.match(arg):
            out[-1] = f"{out[-1]}={arg}"
        else:
            out.append(arg)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    from .engines import one_blas_thread

    one_blas_thread()  # before numpy loads: parallelism comes from processes, not BLAS threads
    # A name that is not UTF-8 is printed as \\xHH (letopis.output.printable); anything else
    # that cannot be encoded is escaped rather than failing after the analysis.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    parser = _parser()
    args = parser.parse_args(bc_dates_joined(sys.argv[1:] if argv is None else argv))
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return args.run(args)
    except UsageError as error:
        print(f"letopis: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except LetopisError as error:
        print(f"letopis: error: {error}", file=sys.stderr)
        if isinstance(error, OutputError) and "standard output" in str(error):
            _drop_stdout()
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("letopis: interrupted; nothing written", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as error:  # standard output on a full disk (`> /dev/full`), and the like
        print(f"letopis: error: {write_failed('output', error)}", file=sys.stderr)
        _drop_stdout()
        return EXIT_FAILED


def _drop_stdout() -> None:
    """After a failed write, what is still buffered for stdout must not fail again at exit."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
