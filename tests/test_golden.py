"""Whole documents' chronologies against reviewed golden files, one per document.

Regenerate after an intended change with `make golden`, then review `git diff tests/golden`.
The inputs besides the bundled example live in tests/golden/inputs/; each golden file is
tests/golden/<name>.json. The errors a golden freezes are tests of their own
(tests/test_golden_known_errors.py).
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import NamedTuple

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden"
EXAMPLE = "examples/paris-1944.txt"


class Case(NamedTuple):
    name: str  # the golden file is tests/golden/<name>.json
    path: str  # the input, relative to the repository (also its `source` in the JSON)
    dct: str | None = None  # the document date, for news


CASES = [
    Case("paris-1944", EXAMPLE),
    # «вчера», «сегодня», «прошлым летом» anchored on the date of the news item.
    Case("news-dct", "tests/golden/inputs/news-dct.txt", dct="2023-05-17"),
    # «по старому стилю», «(по ст. ст.)»: Julian dates moved to the Gregorian calendar.
    Case("old-style", "tests/golden/inputs/old-style.txt"),
    # HTML: only the visible text is read (not <script> or <style>), character references decoded.
    Case("html-page", "tests/golden/inputs/html-page.html"),
    # «до н. э.»: years before the era, astronomical years in the JSON.
    Case("caesar-bc", "tests/golden/inputs/caesar-bc.txt"),
]


def _produce(case: Case, request: pytest.FixtureRequest) -> dict:
    if case.path == EXAMPLE and case.dct is None:
        chronology = request.getfixturevalue("example_chronology")  # analysed once per session
    else:
        import letopis
        from letopis import ingest

        source = dataclasses.replace(ingest.read(ROOT / case.path), name=case.path)
        chronology = letopis.extract_sources([source], dct=case.dct)
    return json.loads(chronology.to_json())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_document_matches_golden(case: Case, request: pytest.FixtureRequest):
    golden = GOLDEN / f"{case.name}.json"
    produced = _produce(case, request)
    if os.environ.get("LETOPIS_REGENERATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(json.dumps(produced, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    expected = json.loads(golden.read_text(encoding="utf-8"))
    for key in ("documents", "entities", "timexes", "events", "relations"):
        assert produced[key] == expected[key], f"{key} differ from {golden.name}; run `make golden` and review the diff"


def test_every_golden_file_has_a_case():
    assert sorted(p.stem for p in GOLDEN.glob("*.json")) == sorted(c.name for c in CASES)
