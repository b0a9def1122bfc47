from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def fixture_outcomes():
    """The real pipeline on every fixture text, once per session: file name -> Outcome."""
    from letopis.parallel import analyse_files

    outcomes = list(analyse_files([str(p) for p in sorted(FIXTURES.glob("*.txt"))]))
    assert all(o.ok for o in outcomes), [o.error for o in outcomes if not o.ok]
    return {Path(o.name).name: o for o in outcomes}


@pytest.fixture(scope="session")
def fixture_corpus(fixture_outcomes):
    """`letopis.corpus.merge` over the fixtures' one-document chronologies."""
    from letopis.corpus import merge

    outcomes = list(fixture_outcomes.values())
    return merge([o.chronology for o in outcomes], texts={o.chronology["documents"][0]["sha256"]: o.text for o in outcomes})
