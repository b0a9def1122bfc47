"""The published contract: `chronology.schema.json` (JSON Schema, draft 2020-12).

The file is generated from `letopis.contract`; write it again after changing the records:

    python -m letopis.schema        (or: make schema)

A test fails while the committed file differs from what the records generate.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

FILE = Path(__file__).resolve().parent / "chronology.schema.json"


@lru_cache(maxsize=1)
def chronology_schema() -> dict[str, Any]:
    """The JSON Schema of `letopis.chronology/1`."""
    return json.loads(resources.files(__package__).joinpath("chronology.schema.json").read_text(encoding="utf-8"))


def generated() -> str:
    """The text `chronology.schema.json` should hold: the schema of `letopis.contract`."""
    from ..contract import json_schema

    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


def write() -> bool:
    """Write the generated schema to `chronology.schema.json`; whether the file changed."""
    text = generated()
    if FILE.exists() and FILE.read_text(encoding="utf-8") == text:
        return False
    FILE.write_text(text, encoding="utf-8")
    return True
