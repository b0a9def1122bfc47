"""The grammar-book table: every expression found with exactly its value, mod and bounds."""

from __future__ import annotations

import pytest

from letopis.time import extract
from letopis.time.edtf_adapter import parses

from timex_table import CASES, NEGATIVES


def _find(sentence: str, span: str):
    found = extract(sentence)
    return next((t for t in found if t.text == span), None), found


@pytest.mark.parametrize("sentence, span, value, mod, earliest, latest", CASES)
def test_case(sentence, span, value, mod, earliest, latest):
    if span is None:  # a sentence with nothing to find
        assert extract(sentence) == []
        return
    t, found = _find(sentence, span)
    assert t is not None, f"{span!r} not found; got {[x.text for x in found]}"
    assert (t.value, t.mod, t.earliest, t.latest) == (value, mod, earliest, latest), t.rule


@pytest.mark.parametrize("sentence, text", NEGATIVES)
def test_hard_negative(sentence, text):
    at = sentence.index(text)
    hits = [t.text for t in extract(sentence) if t.start < at + len(text) and at < t.end]
    assert hits == [], f"{text!r} taken as a date in {hits}"


def test_table_is_large_enough():
    assert len(CASES) >= 300


@pytest.mark.parametrize("sentence, span", [(c[0], c[1]) for c in CASES if c[1]])
def test_edtf_is_valid(sentence, span):
    """Every EDTF string the stage emits is accepted by the edtf package."""
    t, _ = _find(sentence, span)
    if t is not None and t.edtf is not None:
        assert parses(t.edtf), t.edtf
