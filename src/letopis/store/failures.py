"""SQLite's failures as one line that says what to do (a `StoreError`), never a traceback.

`explained(error, path)` words one failure; `guarded(cls)` wraps every public method of a
store class so that any `sqlite3.Error` leaving it becomes that line.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Callable
from typing import Any, TypeVar

from ..errors import StoreError

T = TypeVar("T")

# (words in SQLite's message, what the user reads); the first that matches wins
REASONS: list[tuple[tuple[str, ...], str]] = [
    (("locked", "busy"),
     "is locked by another process (an ingest or merge?) for more than 30 s; wait for it to finish and run the command again"),
    (("disk is full", "database or disk is full"),
     "cannot be written: the disk is full; free some space and run the command again"),
    (("readonly", "read-only"),
     "cannot be written: the file or its folder is read-only; make them writable, or give another --db"),
    (("malformed", "not a database", "corrupt", "no such table", "no such column"),
     "is damaged or not a letopis corpus; restore it from a copy, or make a new one with `letopis ingest`"),
    (("unable to open", "cannot open"),
     "cannot be opened; check that the file and its folder exist and can be read"),
    (("disk i/o error",),
     "cannot be read or written (a disk error); check the disk and run the command again"),
]


def explained(error: sqlite3.Error, path: str) -> StoreError:
    message = " ".join(str(error).split())  # one line
    lowered = message.lower()
    for words, advice in REASONS:
        if any(word in lowered for word in words):
            return StoreError(f"the corpus at {path} {advice} (SQLite: {message})")
    return StoreError(f"the corpus at {path} cannot be read or written (SQLite: {message})")


def _damage(store: Any) -> str | None:
    """What SQLite finds wrong with the file (a damaged page, a row whose document or entity
    is gone), or None when it is sound. Run only after a read has failed."""
    try:
        connection = store.connection
        found = connection.execute("PRAGMA quick_check(5)").fetchall()
        if found != [("ok",)]:
            return " ".join("; ".join(str(row[0]) for row in found).split())[:200]  # one line
        orphan = connection.execute("PRAGMA foreign_key_check").fetchone()
        if orphan is not None:
            return f"a row of {orphan[0]} refers to a missing row of {orphan[2]}"
    except (sqlite3.Error, StoreError, ValueError) as error:  # cannot even be asked: damaged
        return " ".join(str(error).split())[:200]
    return None


def guard(method: Callable[..., T]) -> Callable[..., T]:
    @functools.wraps(method)
    def guarded(self: Any, *args: Any, **kwargs: Any) -> T:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as error:
            raise explained(error, getattr(self, "path", "?")) from None
        except json.JSONDecodeError as error:  # a record's JSON damaged on disk
            raise StoreError(f"the corpus at {getattr(self, 'path', '?')} is damaged (a stored record is not valid "
                             f"JSON: {error}); restore it from a copy, or make a new one with `letopis ingest`") from None
        except (KeyError, TypeError, IndexError, ValueError) as error:
            path = getattr(self, "path", "?")
            problem = _damage(self)
            if problem is None:  # the pages are sound, a record is not as letopis wrote it (edited, or a bug)
                raise StoreError(f"the corpus at {path} holds a record this letopis cannot read "
                                 f"({type(error).__name__}: {error}); if the file was edited or damaged, restore it "
                                 "from a copy; otherwise report this as a bug") from error
            raise StoreError(f"the corpus at {path} is damaged ({problem}); restore it from "
                             "a copy, or make a new one with `letopis ingest`") from error

    return guarded


def guarded(cls: type[T]) -> type[T]:
    """The class with every public method (its own and inherited) guarded."""
    names = {name for klass in cls.__mro__[:-1] for name, value in vars(klass).items()
             if (not name.startswith("_") or name == "__init__") and name != "transaction"
             and callable(value) and not isinstance(value, (type, staticmethod, classmethod))}
    for name in names:
        setattr(cls, name, guard(getattr(cls, name)))
    return cls
