"""Fuzzing the store with random corruption of its file: every read and write either works
or fails with one line (a `LetopisError`), never a raw sqlite3 or json traceback.

Profiles as in tests/web/test_web_fuzz.py: short in the normal suite, long with
`LETOPIS_FUZZ_MINUTES=60 .venv/bin/python -m pytest -q tests/store/test_store_fuzz.py`.
"""

from __future__ import annotations

import os
import sqlite3
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from letopis.errors import LetopisError
from letopis.store import open_store

MINUTES = float(os.environ.get("LETOPIS_FUZZ_MINUTES", "0"))
SHORT = settings(max_examples=40, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
LONG = settings(max_examples=300, deadline=None, database=None, suppress_health_check=list(HealthCheck))


def run_profile(test, *strategies) -> None:
    """The short profile once, or the long one again and again (fresh seeds) until
    LETOPIS_FUZZ_MINUTES pass."""
    if not MINUTES:
        SHORT(given(*strategies)(test))()
        return
    stop = time.monotonic() + MINUTES * 60
    rounds = 0
    while time.monotonic() < stop:
        LONG(given(*strategies)(test))()
        rounds += 1
    print(f"{test.__name__}: {rounds} rounds of {LONG.max_examples} examples, nothing found")


@pytest.fixture(scope="module")
def pristine(tmp_path_factory, analysed) -> bytes:
    """The bytes of a small corpus in one file (no -wal), as it would be copied or backed up."""
    path = tmp_path_factory.mktemp("pristine") / "corpus.db"
    with open_store(path) as corpus:
        for doc in analysed[1:]:
            corpus.add_document(doc.source, doc.text, doc.chronology)
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA journal_mode = DELETE")
    raw.close()
    return path.read_bytes()


damage = st.lists(st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 10**7), st.integers(1, 255)),
    st.tuples(st.just("zero"), st.integers(0, 10**7), st.integers(1, 4096)),
    st.tuples(st.just("truncate"), st.integers(0, 10**7), st.just(0)),
), min_size=1, max_size=6)


def corrupt(data: bytes, steps: list[tuple[str, int, int]]) -> bytes:
    out = bytearray(data)
    for kind, where, how in steps:
        if not out:
            break
        where %= len(out)
        if kind == "flip":
            out[where] ^= how
        elif kind == "zero":
            out[where:where + how] = bytes(len(out[where:where + how]))
        else:
            del out[where:]
    return bytes(out)


def one_line(error: LetopisError) -> None:
    assert str(error) and "\n" not in str(error) and "Traceback" not in str(error)


def use(path, readonly: bool, analysed) -> None:
    with open_store(path, readonly=readonly) as corpus:
        for document in corpus.documents():
            corpus.document(document["id"])
        events = corpus.events(limit=50)
        corpus.events(person="де Голль", date_from="1944-01-01", date_to="1944-12-31")
        for event in events[:5]:
            corpus.event(event["id"])
        for entity in corpus.entities(limit=10):
            corpus.entity(entity["id"])
        corpus.search("забастовка")
        corpus.stats()
        corpus.chronology()
        if not readonly:
            corpus.add_document(analysed[0].source, analysed[0].text, analysed[0].chronology)


def test_a_randomly_damaged_corpus_fails_in_one_line(tmp_path, pristine, analysed):
    outcomes = {"worked": 0, "refused": 0}

    def probe(steps, readonly) -> None:
        path = tmp_path / "damaged.db"
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(f"{path}{suffix}"):
                os.remove(f"{path}{suffix}")
        path.write_bytes(corrupt(pristine, steps))
        try:
            use(path, readonly, analysed)
            outcomes["worked"] += 1
        except LetopisError as error:
            one_line(error)
            outcomes["refused"] += 1

    run_profile(probe, damage, st.booleans())
    assert outcomes["refused"] > 0  # the damage was real


@pytest.mark.parametrize("steps", [
    [("flip", 81314, 1)],  # a byte inside an event's JSON: json.JSONDecodeError leaked
    [("zero", 8193, 4)],  # a page header: an event's document row hidden (TypeError), then a two-line report
    [("flip", 362881, 1)],  # valid JSON without its "start": KeyError
    [("flip", 104562, 128)],  # the schema's text not UTF-8: UnicodeDecodeError from SQLite's own message
], ids=["json-record", "page-header", "json-key", "schema-utf8"])
def test_fuzz_findings_fail_in_one_line(tmp_path, pristine, analysed, steps):
    """The damage the fuzzer found, kept as named cases (each failed before its fix)."""
    path = tmp_path / "damaged.db"
    path.write_bytes(corrupt(pristine, steps))
    for readonly in (True, False):
        try:
            use(path, readonly, analysed)
        except LetopisError as error:
            one_line(error)
