"""Reading one file (or standard input) with clear messages for what cannot be read."""

from __future__ import annotations

import os
import stat
import sys

from ..errors import InputTooLarge, UnreadableInput
from ..output import printable
from .decoding import DEFAULT_MAX_BYTES, Source, decode, too_large
from .encodings import decode_text

_EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".xml": "tei", ".tei": "tei",
}


def read(path: str | os.PathLike, *, format: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read and decode one file; "-" reads the bytes of standard input.

    The file is read once, whatever it is: a FIFO or `<(command)` works. A name that is not
    UTF-8 (a cp1251 archive's) is opened as it is and reported in `Source.name` in a
    printable, lossless form (`letopis.output.printable`: undecodable bytes as \\xHH)."""
    if os.fspath(path) == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        return decode(data, "<stdin>", format=format, max_bytes=max_bytes)
    name = printable(path)
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise UnreadableInput(f"{name}: is a directory, not a file; pass the files inside it instead")
        if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
            raise InputTooLarge(too_large(name, info.st_size, max_bytes))
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)  # +1: notice a file that grew or a pipe that is too long
    except FileNotFoundError:
        raise UnreadableInput(f"{name}: no such file; check the path") from None
    except IsADirectoryError:
        raise UnreadableInput(f"{name}: is a directory, not a file; pass the files inside it instead") from None
    except PermissionError:
        raise UnreadableInput(f"{name}: permission denied; make the file readable or copy it elsewhere") from None
    except OSError as exc:
        raise UnreadableInput(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if format is None:
        format = _EXTENSIONS.get(os.path.splitext(name)[1].lower())
    return decode(data, name, format=format, max_bytes=max_bytes)


def read_markup(path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Source, str] | None:
    """A TEI file's `Source` and its decoded markup (what the TEI export builds on); None for
    any other file, or one that cannot be read."""
    from ..errors import InputError

    try:
        source = read(path, max_bytes=max_bytes)
        if source.format != "tei":
            return None
        with open(path, "rb") as f:
            markup, _ = decode_text(f.read(max_bytes + 1), source.name, html=True)
    except (InputError, OSError):
        return None
    return source, markup
