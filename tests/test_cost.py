"""Cost bounded by design: on generated adversarial texts (`adversarial.py`) the analysis
time grows at most about linearly with the length. Each case times a text of n and of 2n
characters (CPU seconds of this process, the least of a few runs, models loaded before) and
asserts the ratio, never an absolute time: twice the text may cost at most three times as
much (a linear pipeline gives about 2; one quadratic stage alone gives 4 and more).

The normal suite runs small sizes; `-m slow` runs texts a hundred times longer, among them
100,000 short lines.
"""

from __future__ import annotations

import time

import pytest

from adversarial import GENERATORS

RATIO = 3.0


def _cost(analyse, text: str, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        began = time.process_time()
        analyse(text, dct="2020-01-01")
        best = min(best, time.process_time() - began)
    return best


def _ratio(analyse, kind: str, size: int, repeats: int) -> tuple[float, float, float]:
    make = GENERATORS[kind]
    analyse(make(500))  # models and caches are loaded before anything is timed
    small, large = _cost(analyse, make(size), repeats), _cost(analyse, make(2 * size), repeats)
    return small, large, large / max(small, 1e-3)


@pytest.mark.parametrize("kind", sorted(GENERATORS))
def test_twice_the_text_costs_at_most_three_times_as_much(analyse, kind):
    small, large, ratio = _ratio(analyse, kind, 2_500, repeats=2)
    assert ratio < RATIO, f"{kind}: {small:.2f} s at 2,500 characters, {large:.2f} s at 5,000 (x{ratio:.1f})"


@pytest.mark.slow
@pytest.mark.parametrize("kind", sorted(GENERATORS))
def test_long_adversarial_texts_cost_linearly(analyse, kind):
    size = 800_000 if kind == "short_lines" else 100_000  # short lines: 100,000 lines and more
    small, large, ratio = _ratio(analyse, kind, size // 2, repeats=1)
    assert ratio < RATIO, f"{kind}: {small:.1f} s at {size // 2:,} characters, {large:.1f} s at {size:,} (x{ratio:.1f})"


def test_short_lines_make_many_lines():
    assert GENERATORS["short_lines"](800_000).count("\n") > 100_000
    assert all(GENERATORS[kind](1000).count(".") == 0 for kind in ("no_punctuation", "one_line", "digits_only"))
