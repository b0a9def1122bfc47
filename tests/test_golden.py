"""The example's whole chronology against a reviewed golden file.

Regenerate after an intended change with `make golden`, then review `git diff tests/golden`.
"""

import json
import os
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden" / "paris-1944.json"


def test_example_matches_golden(example_chronology):
    produced = json.loads(example_chronology.to_json())
    if os.environ.get("LETOPIS_REGENERATE_GOLDEN"):
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(json.dumps(produced, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    for key in ("documents", "entities", "timexes", "events", "relations"):
        assert produced[key] == expected[key], f"{key} differ from {GOLDEN.name}; run `make golden` and review the diff"
