"""The corpus store: documents and their chronologies in SQLite (see `base.Store`).

    from letopis.store import open_store

    with open_store("letopis.db") as store:          # creates and migrates it if needed
        store.add_document(source, text, chronology)
    store = open_store("letopis.db", readonly=True)  # for readers such as the viewer
    store.events(person="де Голль", date_from="1944-08-01", date_to="1944-08-31")

Only this package touches SQLite; see docs/store.md for the schema and migrations.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import LetopisError
from .base import Record, Store
from .sqlite import SqliteStore

DEFAULT_PATH = "letopis.db"

__all__ = ["DEFAULT_PATH", "Record", "SqliteStore", "Store", "open_store"]


def open_store(path: str | os.PathLike = DEFAULT_PATH, *, readonly: bool = False, create: bool = True) -> SqliteStore:
    """Open the corpus at `path`.

    A missing file is created (and its schema made) only when `create` and not `readonly`;
    otherwise it is a `LetopisError` that says how to make one. `readonly` opens the file
    with SQLite's `mode=ro`: reads only, and every write method raises `LetopisError`.
    """
    target = Path(path)
    if target.is_dir():
        raise LetopisError(f"{target}: is a folder; give the corpus database file (e.g. {DEFAULT_PATH})")
    if not target.exists() or (readonly and target.stat().st_size == 0):
        if readonly or not create:
            raise LetopisError(f"no corpus at {target}; run `letopis ingest FILES` first")
        if not target.parent.is_dir():
            raise LetopisError(f"{target}: folder {target.parent} does not exist")
    return SqliteStore(target, readonly=readonly)
