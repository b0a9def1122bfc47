"""README.md's example section is what a run over the example produces (`make readme` refreshes it)."""

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_spec = importlib.util.spec_from_file_location("readme_example", ROOT / "scripts" / "readme_example.py")
readme_example = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(readme_example)


def test_readme_example_section_is_fresh(example_chronology, example_text):
    current = readme_example.README.read_text(encoding="utf-8")
    fresh = readme_example.refreshed(current, json.loads(example_chronology.to_json()), example_text)
    assert readme_example.section_of(current) == readme_example.section_of(fresh), (
        "README.md's example section is stale; run `make readme` and commit the change"
    )
