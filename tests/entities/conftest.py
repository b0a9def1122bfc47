from __future__ import annotations

import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import pytest

from letopis.doc import Doc
from letopis.stages.entities import EntityStage
from letopis.stages.morph import MorphStage
from letopis.stages.ner import NERStage
from letopis.stages.segment import SegmentStage
from letopis.stages.syntax import SyntaxStage

sys.path.insert(0, str(Path(__file__).resolve().parent))  # entities_support.py


@lru_cache(maxsize=None)
def _parsed(text: str) -> Doc:
    doc = Doc("t", text)
    for stage in (SegmentStage(), MorphStage(), SyntaxStage()):
        doc = stage(doc)
    return doc


@lru_cache(maxsize=None)
def _analysed(text: str, doc_id: str = "t") -> Doc:
    doc = Doc(doc_id, text)
    for stage in (SegmentStage(), MorphStage(), SyntaxStage(), NERStage(), EntityStage()):
        doc = stage(doc)
    return doc


@pytest.fixture(scope="module")
def parsed() -> Callable[[str], Doc]:
    """Tokens, morphology and syntax of a text (no mentions): for testing one module at a time."""
    return _parsed


@pytest.fixture(scope="module")
def analysed() -> Callable[..., Doc]:
    """A text through segment, morph, syntax, NER and the entities stage (models load once)."""
    return _analysed
