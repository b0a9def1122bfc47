"""Writing a result to a file so that an interrupted run never leaves half of it, and never
harms what the name points at.

- A regular file (or a new name) is written beside the target first, then renamed over it,
  with the mode it had (a new file: 0666 less the user's umask, as any tool would make it).
- Anything else is written in place, never replaced: standard output (`-`, `/dev/stdout`,
  `/dev/fd/1`), a device (`/dev/null`), a FIFO or a socket.
- A symbolic link to a regular file is refused: renaming over it would silently cut the link,
  and writing through it would change a file the user did not name.

`check_target` runs every one of these checks without writing anything, so a command
can refuse a bad `-o` before minutes of analysis rather than after.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .errors import LetopisError

STDOUT_NAMES = frozenset({"-", "/dev/stdout"})
_STDERR_NAMES = frozenset({"/dev/stderr"})
_FD_NAME = re.compile(r"^/(?:dev|proc/self)/fd/(\d+)$")


class OutputError(LetopisError):
    """The output cannot be written where the user asked (-o)."""


def printable(name: str | os.PathLike) -> str:
    """A path as a user reads it: bytes that are not UTF-8 (kept by `os.fsdecode` as lone
    surrogates) are shown as \\xHH, as `ls -b` does. Names that are valid UTF-8 are unchanged."""
    text = os.fsdecode(name)
    if not any("\udc80" <= ch <= "\udcff" for ch in text):
        return text
    return os.fsencode(text).decode("utf-8", "backslashreplace")


def _fd_of(name: str) -> int | None:
    """The file descriptor a name stands for (`-` and `/dev/stdout` are 1, `/dev/fd/N` is N)."""
    if name in STDOUT_NAMES:
        return 1
    if name in _STDERR_NAMES:
        return 2
    match = _FD_NAME.match(name)
    return int(match.group(1)) if match else None


def _kind(output: str) -> str:
    """"fd", "special" (write in place), "link" (a link to a regular file), "dir",
    "file" (an existing regular file) or "new"."""
    if _fd_of(output) is not None:
        return "fd"
    try:
        info = os.lstat(output)
    except FileNotFoundError:
        return "new"
    except OSError as exc:
        raise OutputError(f"{printable(output)}: cannot be written ({exc.strerror or exc})") from None
    if stat.S_ISLNK(info.st_mode):
        try:
            info = os.stat(output)
        except FileNotFoundError:
            raise OutputError(f"{printable(output)}: is a symbolic link to a file that does not exist; "
                              "give the real path for -o") from None
        except OSError as exc:
            raise OutputError(f"{printable(output)}: cannot be written ({exc.strerror or exc})") from None
        if stat.S_ISREG(info.st_mode):
            return "link"
    if stat.S_ISDIR(info.st_mode):
        return "dir"
    if stat.S_ISREG(info.st_mode):
        return "file"
    return "special"


def check_target(output: str | os.PathLike) -> None:
    """Raise `OutputError` if `output` cannot be written, before any work is done."""
    name = os.fsdecode(output)
    shown = printable(name)
    kind = _kind(name)
    if kind == "fd":
        fd = _fd_of(name)
        try:
            mode = os.fstat(fd).st_mode
        except OSError:
            raise OutputError(f"{shown}: file descriptor {fd} is not open") from None
        if stat.S_ISDIR(mode):
            raise OutputError(f"{shown}: is a directory")
        return
    if kind == "link":
        raise OutputError(f"{shown}: is a symbolic link to {printable(os.path.realpath(name))}; "
                          "letopis does not overwrite a file through a link: give the real path for -o, "
                          "or remove the link")
    if kind == "dir":
        raise OutputError(f"{shown}: is a directory; give a file name for -o")
    if kind == "special":
        if not os.access(name, os.W_OK):
            raise OutputError(f"{shown}: permission denied")
        return
    folder = os.path.dirname(name) or "."
    if not os.path.isdir(folder):
        raise OutputError(f"{shown}: folder {printable(folder)} does not exist")
    if kind == "file" and not os.access(name, os.W_OK):
        raise OutputError(f"{shown}: the file is read-only; make it writable or choose another -o")
    check_folder(folder, name)


def check_folder(folder: str | os.PathLike, output: str | os.PathLike) -> None:
    """Raise `OutputError` unless a file can be made in `folder` (for the output `output`)."""
    try:  # the honest test: os.access says yes to root on a read-only mount
        handle, probe = tempfile.mkstemp(prefix=".letopis-probe.", dir=folder)
        os.close(handle)
        os.unlink(probe)
    except OSError as exc:
        raise OutputError(f"{printable(output)}: cannot write in folder {printable(folder)} "
                          f"({exc.strerror or exc}); choose another -o") from None


def creation_mode(folder: bool = False) -> int:
    """The mode a new file (or folder) gets under the user's umask: 0644 (0755) under the
    usual 022. A temporary file is always 0600, so it is given this before it is renamed."""
    mask = os.umask(0o022)
    os.umask(mask)
    return (0o777 if folder else 0o666) & ~mask


def settle(temporary: str | os.PathLike, target: str | os.PathLike) -> None:
    """Give a finished temporary file the mode `target` has (or a new file's mode) and
    rename it over `target`."""
    try:
        info = os.stat(target)
        mode = stat.S_IMODE(info.st_mode)
    except FileNotFoundError:
        info, mode = None, creation_mode()
    os.chmod(temporary, mode)
    if info is not None and hasattr(os, "chown") and os.geteuid() == 0:
        with contextlib.suppress(OSError):  # root writing over another user's file keeps its owner
            os.chown(temporary, info.st_uid, info.st_gid)
    os.replace(temporary, target)


def write_atomically(text: str, output: str | os.PathLike) -> None:
    """Write `text` (UTF-8) to `output`: a regular file beside it first, then renamed over it;
    standard output, a device or a FIFO in place (see the module's docstring)."""
    name = os.fsdecode(output)
    check_target(name)
    kind = _kind(name)
    try:
        if kind in ("fd", "special"):
            with open_stream(name) as out:
                out.write(text)
            return
        folder = os.path.dirname(name) or "."
        handle, temporary = tempfile.mkstemp(prefix=f".{os.path.basename(name)}.", dir=folder)
        try:
            with os.fdopen(handle, "w", encoding="utf-8", errors="backslashreplace") as out:
                out.write(text)
            settle(temporary, name)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputError(write_failed(name, exc)) from None


def write_failed(name: str, exc: OSError) -> str:
    reason = "the disk is full" if exc.errno == errno.ENOSPC else (exc.strerror or str(exc))
    return f"{printable(name)}: cannot be written ({reason})"


@contextlib.contextmanager
def open_stream(output: str | os.PathLike) -> Iterator[IO[str]]:
    """A text stream (UTF-8) writing to `output` as it is: standard output and file
    descriptors are written through (never truncated, never closed), devices and FIFOs
    opened in place, and a regular file truncated and written (for streamed output)."""
    name = os.fsdecode(output)
    fd = _fd_of(name)
    if fd == 1:
        sys.stdout.flush()
        yield sys.stdout
        sys.stdout.flush()
        return
    if fd is not None:
        stream = os.fdopen(os.dup(fd), "w", encoding="utf-8", errors="backslashreplace")
    else:
        stream = open(name, "w", encoding="utf-8", errors="backslashreplace")
    with stream:
        yield stream
