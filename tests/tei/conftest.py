"""TEI files written for these tests, the tei_all schema (tei/data/schema, with its licence
notice), and one real `letopis extract` of the four files per session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tei_support import DATA, KINDS


@pytest.fixture(scope="session")
def tei_schema():
    from letopis.adapters.xml import RelaxNG

    return RelaxNG(DATA / "schema" / "tei_all.rng")


@pytest.fixture(scope="session")
def tei_files(tmp_path_factory) -> dict[str, Path]:
    """The test files, copied to a folder of their own (the exports look for sources beside the JSON)."""
    folder = tmp_path_factory.mktemp("tei")
    copies = {}
    for kind in KINDS:
        copies[kind] = folder / f"{kind}.xml"
        copies[kind].write_bytes((DATA / f"{kind}.xml").read_bytes())
    return copies


@pytest.fixture(scope="session")
def tei_chronology(tei_files) -> tuple[Path, dict]:
    """The JSON chronology `letopis extract` makes of the four files, and its path."""
    from letopis.cli import main

    path = tei_files["letter"].parent / "chronology.json"
    assert main(["extract", *map(str, tei_files.values()), "-q", "-j", "1", "-o", str(path)]) == 0
    return path, json.loads(path.read_text(encoding="utf-8"))
