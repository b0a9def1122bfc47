"""Sparse logistic models: one loader for the shipped weight files and one scorer.

Three models ship this way: the event trigger classifier (`data/events/trigger_model.json`),
the argument linker (`data/links/linker.json`, one set of weights per kind of link) and the
cause-pair model (`data/relations/causes.json`). Each file is JSON with its `weights`
(feature name -> weight) beside the thresholds it was tuned with; the trainers in `train/`
write them (`train/logistic.py`). Inference is a dot product over the features a word or
pair has, in plain Python: no training library is needed at run time.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1] / "data"
# Scores beyond this are certain either way; the bound keeps math.exp finite.
LIMIT = 30.0

# Features are names with values, or bare names, each occurrence counting 1.
Features = Mapping[str, float] | Iterable[str]


def sigmoid(score: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(score, LIMIT), -LIMIT)))


@dataclass(frozen=True, slots=True)
class Linear:
    """Logistic weights by feature name; a feature without a weight counts nothing."""

    weights: Mapping[str, float]

    def score(self, features: Features) -> float:
        """The weighted sum of `features` (pass a set of names to count each name once)."""
        get = self.weights.get
        if isinstance(features, Mapping):
            return sum(get(name, 0.0) * value for name, value in features.items())
        return sum(get(name, 0.0) for name in features)

    def probability(self, features: Features) -> float:
        return sigmoid(self.score(features))


def path(name: str) -> Path:
    """Where shipped model file `name` (such as `links/linker.json`) lives."""
    return DATA / name


@lru_cache(maxsize=None)
def read(name: str) -> dict[str, Any] | None:
    """The JSON of shipped model file `name`, or None when it has not been trained.
    Cached: callers must not change what it returns."""
    file = path(name)
    if not file.is_file():
        return None
    return json.loads(file.read_text(encoding="utf-8"))
