"""Writing a result to a file so that an interrupted run never leaves half of it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import LetopisError


def creation_mode(folder: bool = False) -> int:
    """The mode a new file (or folder) gets under the user's umask: 0644 (0755) under the
    usual 022. A temporary file is always 0600, so it is given this before it is renamed."""
    mask = os.umask(0o022)
    os.umask(mask)
    return (0o777 if folder else 0o666) & ~mask


def write_atomically(text: str, output: str | Path) -> None:
    """Write `text` (UTF-8) to the file `output`: beside it first, then renamed over it."""
    target = Path(output)
    if target.is_dir():
        raise LetopisError(f"{output}: is a directory; give a file name for -o")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise LetopisError(f"{output}: folder {folder} does not exist")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temporary, creation_mode())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
