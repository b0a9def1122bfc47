"""The one fitting function of letopis' sparse logistic models, on scikit-learn.

The event trigger classifier (`train/events/classifier.py`), the argument linker
(`train/links/train.py`) and the cause-pair model (`train/causes/train.py`) all learn
weights by feature name for `letopis.models.linear.Linear`, which scores them at run time
without scikit-learn (a training-only dependency: `pip install -e .[train]`).

Rows are what the model scores: a mapping of feature names to values, or a list of names,
each occurrence counting 1 (pass a set to count a name once), exactly as
`Linear.score` reads them. Every row has the constant feature `bias`; it is fitted as
scikit-learn's intercept and written back as the weight of `bias`.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from letopis.models.linear import path  # noqa: E402

BIAS = "bias"
# lbfgs, not liblinear (which penalises the intercept as one more weight) nor saga (which
# leaves it unpenalised too, but on a 4,000-row test needed 13x the time and tol 1e-6 to
# bring the intercept within 0.01 of the base rate's logit, which lbfgs hits exactly).
SOLVER = "lbfgs"
Row = Mapping[str, float] | Iterable[str]


def _values(row: Row) -> Mapping[str, float]:
    return row if isinstance(row, Mapping) else Counter(row)


def fit(rows: Sequence[Row], labels: Sequence[int | bool], l2: float, *, min_count: int = 1,
        keep: Iterable[str] = (), smallest: float = 0.0, digits: int = 4) -> dict[str, float]:
    """L2-regularised logistic regression; the weights by feature name.

    The objective is the summed log-loss of `rows` plus l2/2 times the squared weights
    (scikit-learn's C = 1/l2). The bias is NOT penalised: it is the intercept, which the
    lbfgs solver leaves out of the penalty, so a rare positive class (a cause pair, a link)
    keeps its true base rate however strong the regularisation. A feature in fewer than
    `min_count` rows gets no weight unless it is in `keep`; weights are rounded to `digits`
    and those smaller than `smallest` dropped (the bias is always kept).
    """
    values = [_values(row) for row in rows]
    if not all(values_.get(BIAS) == 1 for values_ in values):
        raise ValueError(f"every row needs the constant feature {BIAS!r} = 1")
    seen = Counter(name for row in values for name in row)
    keep = set(keep)
    names = sorted(n for n, c in seen.items() if n != BIAS and (c >= min_count or n in keep))
    column = {name: i for i, name in enumerate(names)}
    indptr, indices, data = [0], [], []
    for row in values:
        for name, value in row.items():
            if name in column:
                indices.append(column[name])
                data.append(float(value))
        indptr.append(len(indices))
    x = csr_matrix((data, indices, indptr), shape=(len(values), len(names)))
    model = LogisticRegression(C=1.0 / l2, solver=SOLVER, max_iter=5000, tol=1e-6, random_state=0)
    model.fit(x, np.asarray(labels, dtype=int))
    weights = {BIAS: round(float(model.intercept_[0]), digits)}
    for name, w in zip(names, model.coef_[0]):
        if abs(w) >= smallest and round(float(w), digits) != 0.0:
            weights[name] = round(float(w), digits)
    return weights


def write(name: str, payload: dict) -> Path:
    """Ship a model as `letopis.models.linear.read` reads it: JSON under letopis/data/."""
    out = path(name)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(payload, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    return out
