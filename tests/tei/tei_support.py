"""The TEI test files and their folder, shared by the TEI tests."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
KINDS = ("letter", "chronicle", "edition", "oldstyle")  # a letter, a chronicle, a critical edition, an Old Style date
