"""natasha's pipeline (`natasha_pipeline.py`) as a user would run it over files: every file
through segmentation, morphology, syntax, NER, lemmas and the dates extractor, one line of
results per file written to OUT as soon as it is done. The whole-process peer of
`letopis extract FILE... -f jsonl -o OUT` in `bench/speed.py`.

    python bench/runners/natasha_files.py OUT FILE...
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from natasha_pipeline import load  # noqa: E402


def main(argv: list[str]) -> int:
    out, files = argv[0], argv[1:]
    process = load()
    with open(out, "w", encoding="utf-8") as sink:
        for name in files:
            found = process(Path(name).read_text(encoding="utf-8"))
            sink.write(json.dumps({"file": name, "spans": len(found["spans"])}) + "\n")
            sink.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
