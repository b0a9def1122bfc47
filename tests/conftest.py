from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "paris-1944.txt"
sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/contract.py


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def example_doc(example_text):
    import letopis

    return letopis.analyse(example_text, source="examples/paris-1944.txt")


@pytest.fixture(scope="session")
def example_chronology(example_doc):
    from letopis.chronology import build

    return build([example_doc])


@pytest.fixture(scope="session")
def analyse():
    """Analyse a short text with the default pipeline (models load once per session)."""
    import letopis

    return letopis.analyse
