"""The natasha adapter loads only what a call needs: word readings, lemmas and inflection
come from the pymorphy2 dictionary alone, without the neural models (seconds and hundreds
of megabytes a word-level caller should not pay)."""

from __future__ import annotations

import subprocess
import sys

WORDS_ONLY = """
from letopis.adapters import natasha
readings = natasha.analyses("Парижа")
assert any(r.lemma == "париж" for r in readings), readings
assert natasha.inflect("Парижа", "париж", "NOUN", frozenset({"Nom"})) == "париж"
assert natasha.lemmas("забастовки") == ("забастовка",)
assert natasha._models is None, "the neural models were loaded"
print("ok")
"""

THEN_MODELS = """
from letopis.adapters import natasha
natasha.lemmas("забастовки")
vocab = natasha._load_vocab()
natasha.tag_morph([["Париж", "освобождён"]])
assert natasha._models is not None and natasha._models.vocab is vocab, "a second dictionary was loaded"
print("ok")
"""


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_word_readings_inflection_and_lemmas_do_not_load_the_neural_models() -> None:
    assert _run(WORDS_ONLY) == "ok"


def test_the_models_loaded_later_share_the_dictionary() -> None:
    assert _run(THEN_MODELS) == "ok"
