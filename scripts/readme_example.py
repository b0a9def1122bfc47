"""Refresh the example section of README.md from a real run of `letopis extract`.

    .venv/bin/python scripts/readme_example.py        (or: make readme)
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "paris-1944.txt"


def main() -> None:
    from letopis.render.dates import describe

    run = subprocess.run(
        [sys.executable, "-m", "letopis", "extract", str(EXAMPLE), "-q"], capture_output=True, text=True, check=True
    )
    data = json.loads(run.stdout)
    text = EXAMPLE.read_text(encoding="utf-8")
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
    readme = ROOT / "README.md"
    content = readme.read_text(encoding="utf-8")
    content = re.sub(
        r"<!-- example:start -->.*<!-- example:end -->",
        lambda _: f"<!-- example:start -->\n{block}\n<!-- example:end -->",
        content,
        flags=re.S,
    )
    readme.write_text(content, encoding="utf-8")


if __name__ == "__main__":
    main()
