"""The viewer's access to the corpus store, and small caches in front of it.

The store is shared by the request threads (it keeps one SQLite connection per
thread); the server runs a bounded pool of threads, so the connections stay bounded.
Entity names are looked up for every event list; they are cached because an entity's
record carries all its mentions, which can be thousands in a large corpus. A write (a
pasted text stored on a writable server) clears the caches.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from ..render.titles import title_of  # noqa: F401  (re-exported for the API)
from ..store.base import Record, Store

SUMMARY_FIELDS = ("id", "type", "subtype", "name")
_CACHE_LIMIT = 50_000
_MEMO_LIMIT = 512


def file_stamp(path: str | os.PathLike) -> Callable[[], object]:
    """A cheap token that changes when a SQLite database (or its write-ahead log) changes."""
    def stamp() -> object:
        out = []
        for name in (os.fspath(path), os.fspath(path) + "-wal"):
            try:
                info = os.stat(name)
                out.append((info.st_mtime_ns, info.st_size))
            except OSError:
                out.append(None)
        return tuple(out)

    return stamp


def summary(entity: Record) -> Record:
    """What a page needs to name and link an entity, without its mentions."""
    out = {key: entity.get(key) for key in SUMMARY_FIELDS}
    out["mentions"] = len(entity.get("mentions") or [])
    geo = (entity.get("attributes") or {}).get("geo")
    if isinstance(geo, dict) and isinstance(geo.get("lat"), (int, float)) and isinstance(geo.get("lon"), (int, float)):
        out["geo"] = {"lat": geo["lat"], "lon": geo["lon"]}
    return out


class Corpus:
    """The store for the request threads, opened on first use, and the caches."""

    def __init__(self, opener: Callable[[], Store] | None, stamp: Callable[[], object] | None = None):
        self._opener = opener
        self._stamp = stamp  # changes whenever the database does (e.g. `letopis ingest` in another process)
        self._seen: object = None
        self._store: Store | None = None
        self._lock = threading.Lock()
        self._summaries: dict[str, Record | None] = {}
        self._memo: dict[str, Any] = {}
        self.generation = 0  # bumped on every write

    @property
    def available(self) -> bool:
        return self._opener is not None

    @contextmanager
    def store(self) -> Iterator[Store]:
        if self._opener is None:
            from .http import ApiError

            raise ApiError(503, "no corpus is open: start the server with --db FILE (made by `letopis ingest`)")
        if self._store is None:
            with self._lock:
                if self._store is None:
                    self._store = self._opener()
        if self._stamp is not None:
            stamp = self._stamp()
            if stamp != self._seen:
                self._seen = stamp
                self.changed()
        yield self._store

    def summaries(self, store: Store, ids: set[str]) -> dict[str, Record]:
        """Entity summaries by id, from the cache or the store."""
        missing = [i for i in ids if i not in self._summaries]
        for entity_id in missing:
            entity = store.entity(entity_id)
            with self._lock:
                if len(self._summaries) > _CACHE_LIMIT:
                    self._summaries.clear()
                self._summaries[entity_id] = summary(entity) if entity else None
        return {i: s for i in ids if (s := self._summaries.get(i)) is not None}

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """A computed value kept until the next write (for corpus-wide aggregates)."""
        generation = self.generation
        hit = self._memo.get(key)
        if hit is not None and hit[0] == generation:
            return hit[1]
        value = compute()
        with self._lock:
            if len(self._memo) >= _MEMO_LIMIT:
                self._memo.clear()
            self._memo[key] = (generation, value)
        return value

    def changed(self) -> None:
        with self._lock:
            self.generation += 1
            self._summaries.clear()
            self._memo.clear()

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
