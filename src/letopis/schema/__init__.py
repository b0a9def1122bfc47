"""The published contract: `chronology.schema.json` (JSON Schema, draft 2020-12)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def chronology_schema() -> dict[str, Any]:
    """The JSON Schema of `letopis.chronology/1`."""
    return json.loads(resources.files(__package__).joinpath("chronology.schema.json").read_text(encoding="utf-8"))
