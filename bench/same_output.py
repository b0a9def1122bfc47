"""Check that a change to the pipeline changed no result: the chronology JSON of NEREL
documents, compared with reference outputs saved earlier.

    python -m bench.same_output --save     # store the reference outputs (before a change)
    python -m bench.same_output            # compare with them (after it); exit 1 on a difference
    python -m bench.same_output --ignore lemma   # the same, leaving out a field the change added

The reference lives in `bench/.cache/same_output/` (ignored by git). Every document is
analysed with a fixed document date, alone and as part of concatenations, so that both
news-sized and long texts are covered.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench.datasets import DATA

CACHE = Path(__file__).resolve().parent / ".cache"
REFERENCE = CACHE / "same_output"
DCT = "2020-01-01"


def nerel_texts(limit: int) -> list[tuple[str, str]]:
    """The first `limit` documents of NEREL dev, then train, as (id, text)."""
    found: list[tuple[str, str]] = []
    for split in ("dev", "train"):
        for path in sorted((DATA / "nerel" / split).glob("*.txt")):
            if len(found) == limit:
                return found
            found.append((f"{split}-{path.stem}", path.read_text(encoding="utf-8")))
    return found


def cases(limit: int) -> list[tuple[str, str]]:
    """`limit` single documents, a few concatenations of ten of them, and all of them in one
    text (long enough for every stage's windows and chunks to come into play)."""
    docs = nerel_texts(limit)
    joined = [(f"joined-{i:02d}", "\n\n".join(text for _, text in docs[i:i + 10])) for i in range(0, len(docs), 25)]
    return docs + joined + [("joined-all", "\n\n".join(text for _, text in docs))]


def output(text: str) -> str:
    """The chronology of `text` as canonical JSON."""
    import letopis

    doc = letopis.analyse(text, dct=DCT)
    from letopis.chronology import build

    return json.dumps(build([doc]).to_dict(), ensure_ascii=False, sort_keys=True, indent=1)


def without(value: object, keys: set[str]) -> object:
    """`value` (parsed JSON) with every object's `keys` dropped, at any depth."""
    if isinstance(value, dict):
        return {k: without(v, keys) for k, v in value.items() if k not in keys}
    if isinstance(value, list):
        return [without(v, keys) for v in value]
    return value


def same(reference: str, got: str, ignore: set[str]) -> bool:
    if not ignore:
        return reference == got
    return without(json.loads(reference), ignore) == without(json.loads(got), ignore)


def ensure_ignored() -> None:
    CACHE.mkdir(parents=True, exist_ok=True)
    ignore = CACHE / ".gitignore"
    if not ignore.exists():
        ignore.write_text("*\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--save", action="store_true", help="store the reference outputs instead of comparing")
    parser.add_argument("--docs", type=int, default=100, help="number of NEREL documents (default 100)")
    parser.add_argument("--ignore", action="append", default=[], metavar="FIELD",
                        help="leave this field out of the comparison, at any depth (a field the change added)")
    args = parser.parse_args(argv)
    ensure_ignored()
    REFERENCE.mkdir(parents=True, exist_ok=True)
    differ: list[str] = []
    missing = 0
    for ident, text in cases(args.docs):
        got = output(text)
        path = REFERENCE / f"{ident}.json"
        if args.save:
            path.write_text(got, encoding="utf-8")
        elif not path.exists():
            missing += 1
        elif not same(path.read_text(encoding="utf-8"), got, set(args.ignore)):
            differ.append(ident)
            print(f"differs: {ident}", file=sys.stderr)
    if args.save:
        print(f"saved {len(cases(args.docs))} reference outputs in {REFERENCE}")
        return 0
    total = len(cases(args.docs))
    print(f"{total - len(differ) - missing} of {total} identical; {len(differ)} differ; {missing} without reference")
    return 1 if differ or missing else 0


if __name__ == "__main__":
    sys.exit(main())
