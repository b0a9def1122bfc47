"""One real `letopis extract` of the bundled example per test session; every export test
reads that JSON, exactly as a user exporting it would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from export_support import EXAMPLE


@pytest.fixture(scope="session")
def example_json(tmp_path_factory) -> Path:
    from letopis.cli import main

    path = tmp_path_factory.mktemp("extract") / "paris-1944.json"
    assert main(["extract", str(EXAMPLE), "-q", "-o", str(path)]) == 0
    return path


@pytest.fixture(scope="session")
def chronology(example_json) -> dict:
    return json.loads(example_json.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def texts(chronology) -> dict[str, str]:
    (doc,) = chronology["documents"]
    return {doc["id"]: EXAMPLE.read_text(encoding="utf-8")}
