"""BENCHMARKS.md is written by several benchmarks; each owns one section of it.

A section sits between `<!-- section: NAME -->` and `<!-- /section: NAME -->`. A
benchmark run with `--write` replaces its own section (or appends it) and leaves the
others as they are; `bench/run.py --write` rewrites the head of the file and keeps
every section.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "BENCHMARKS.md"


def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"<!-- section: {re.escape(name)} -->.*?<!-- /section: {re.escape(name)} -->\n?", re.S)


def sections(text: str) -> list[str]:
    """Every section block of `text`, in order, markers included."""
    return [m.group(0) for m in re.finditer(r"<!-- section: (\S+) -->.*?<!-- /section: \1 -->\n?", text, re.S)]


def write_section(name: str, markdown: str, path: Path = BENCHMARKS) -> None:
    """Put `markdown` in section `name` of BENCHMARKS.md, replacing what was there."""
    block = f"<!-- section: {name} -->\n{markdown.rstrip()}\n<!-- /section: {name} -->\n"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    pattern = _pattern(name)
    if pattern.search(text):
        text = pattern.sub(lambda _: block, text, count=1)
    else:
        text = text.rstrip() + "\n\n" + block
    path.write_text(text, encoding="utf-8")
