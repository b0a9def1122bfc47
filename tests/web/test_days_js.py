"""The viewer's day arithmetic (static/days.js) under Node gives what `time.calendar` gives:
day numbers of ISO days, BC included, and the days of random day numbers."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from letopis.time import calendar

DAYS_JS = Path(__file__).resolve().parents[2] / "src" / "letopis" / "web" / "static" / "days.js"
NODE = shutil.which("node")

pytestmark = pytest.mark.skipif(NODE is None, reason="needs Node.js")

# ISO days a timeline meets, and texts that are not days
TEXTS = ["1944-08-19", "0001-01-01", "0000-12-31", "0000-02-29", "-0043-03-15", "-0215-08-02", "-4713-11-24",
         "1900-02-29", "1944-02-30", "19.08.1944", "", "-44-03-15"]
# (astronomical year, as the timeline labels it)
YEARS = [(1944, "1944"), (1, "1"), (0, "1 до н. э."), (-43, "44 до н. э.")]


def _node(script: str, data) -> list:
    program = f"const Days = require({json.dumps(str(DAYS_JS))});\nconst data = {json.dumps(data)};\n{script}"
    done = subprocess.run([NODE, "-e", program], capture_output=True, text=True, timeout=60, check=True)
    return json.loads(done.stdout)


def test_day_numbers_of_iso_days():
    got = _node("console.log(JSON.stringify(data.map(Days.number)))", TEXTS)
    assert got == [calendar.day_number_or_none(text) for text in TEXTS]


def test_random_day_numbers_back_to_days():
    rng = random.Random(1944)
    numbers = [rng.randint(calendar.jdn(-9999, 1, 1), calendar.jdn(9999, 12, 31)) for _ in range(2000)]
    got = _node("console.log(JSON.stringify(data.map((n) => [Days.text(n), Days.number(Days.text(n))])))", numbers)
    assert got == [[calendar.day_text(n), n] for n in numbers]


def test_year_labels():
    got = _node("console.log(JSON.stringify(data.map(([y]) => Days.yearText(y))))", YEARS)
    assert got == [label for _, label in YEARS]
