"""Refresh the example section of README.md from a real run of `letopis extract`.

    .venv/bin/python scripts/readme_example.py           (or: make readme)  rewrite the section
    .venv/bin/python scripts/readme_example.py --check   exit 1 if the section is stale (CI)

tests/test_readme.py checks the same section against the test session's example chronology.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "paris-1944.txt"
README = ROOT / "README.md"
SECTION = re.compile(r"<!-- example:start -->.*<!-- example:end -->", flags=re.S)


def fresh_chronology() -> dict[str, Any]:
    """The example's chronology as `letopis extract` prints it."""
    run = subprocess.run(
        [sys.executable, "-m", "letopis", "extract", str(EXAMPLE), "-q"], capture_output=True, text=True, check=True
    )
    return json.loads(run.stdout)


def section(data: dict[str, Any], text: str) -> str:
    """The Markdown between the example markers, made from the chronology `data` of `text`."""
    from letopis.render.dates import describe

    names = {e["id"]: e["name"] for e in data["entities"]}
    events = {e["id"]: e for e in data["events"]}
    rows = ["| date (basis) | event | who | where |", "|---|---|---|---|"]
    for e in data["events"]:
        if e["time"]["basis"] == "unknown":
            continue
        who = "; ".join(f"{names[p['entity']]} ({p['role']})" for p in e["participants"])
        where = ", ".join(names[p] for p in e["places"])
        fact = "" if e["factuality"] == "actual" else f" *{e['factuality']}*"
        when = describe(e["time"]["earliest"], e["time"]["latest"], e["time"]["basis"])
        rows.append(f"| {when} | {e['type']} «{e['trigger']['text']}»{fact} | {who} | {where} |")
    undone = [f"«{e['trigger']['text']}»" for e in data["events"] if e["factuality"] == "unrealized"]
    causes = [
        f"«{events[r['source']]['trigger']['text']}» → «{events[r['target']]['trigger']['text']}» "
        f"(evidence «{text[r['evidence']['start']:r['evidence']['end']]}»)"
        for r in data["relations"]
        if r["type"] == "cause" and r["evidence"]
    ]
    block = "\n".join(
        [
            "The events of `make example` that the text dates, generated from its JSON by",
            "`make readme` (the Markdown report also quotes each source sentence with the trigger marked):",
            "",
            *rows,
            "",
            f"{len(data['events'])} events in all; the undated ones keep `basis: unknown`. "
            f"Intended but, as the text says, never carried out: {', '.join(undone) or 'none'}. "
            f"Causes: {'; '.join(causes) or 'none'}.",
        ]
    )
    return f"<!-- example:start -->\n{block}\n<!-- example:end -->"


def section_of(readme: str) -> str:
    """The example section of `readme`, markers included ("" if it has none)."""
    found = SECTION.search(readme)
    return found.group(0) if found else ""


def refreshed(readme: str, data: dict[str, Any], text: str) -> str:
    """`readme` with its example section replaced by one made from `data`."""
    if not SECTION.search(readme):
        raise SystemExit("README.md has no <!-- example:start --> ... <!-- example:end --> section")
    new = section(data, text)
    return SECTION.sub(lambda _: new, readme)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 if README.md's section is stale")
    args = parser.parse_args(argv)
    current = README.read_text(encoding="utf-8")
    new = refreshed(current, fresh_chronology(), EXAMPLE.read_text(encoding="utf-8"))
    if not args.check:
        README.write_text(new, encoding="utf-8")
        return 0
    if new == current:
        return 0
    diff = difflib.unified_diff(current.splitlines(), new.splitlines(), "README.md", "README.md (fresh run)", lineterm="")
    print("\n".join(diff))
    print("README.md: the example section is stale; run `make readme` and commit the change", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
