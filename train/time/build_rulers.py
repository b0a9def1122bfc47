"""Build `src/letopis/data/time/rulers.tsv`, the table of reigns and named eras, from the
hand-typed source `train/time/rulers_source.tsv`.

    python train/time/build_rulers.py            # writes the table
    python train/time/build_rulers.py --check    # exits 1 when the table is not what the source gives

No registry this project reaches ships regnal data (Wikidata and Wikipedia dumps are out of
reach), so the source is typed by hand, each row naming the reference article where its
bounds can be checked. This script adds what the run time needs and must not compute twice:
the lemma of every word of every name form, by the project's morphology adapter
(`letopis.adapters.natasha.lemmas`), so that «при Генрихе» finds «Генрих»; and each bound on
the Gregorian calendar beside the bound as written (Old Style bounds converted and marked).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from letopis.adapters.natasha import lemmas  # noqa: E402
from letopis.time import calendar as cal  # noqa: E402

SOURCE = ROOT / "train" / "time" / "rulers_source.tsv"
TABLE = ROOT / "src" / "letopis" / "data" / "time" / "rulers.tsv"
SOURCE_COLUMNS = ("kind", "name", "ordinal", "forms", "realm", "title", "start", "end", "calendar", "bare",
                  "reference")
COLUMNS = ("kind", "name", "ordinal", "forms", "keys", "realm", "title", "start", "end", "calendar",
           "start_gregorian", "end_gregorian", "bare", "reference")
REALMS = {"rus", "su", "fr", "en", "hre", "de", "frank", "papal"}
TITLES = {"prince", "tsar", "emperor", "king", "pope", "leader", "regent"}


def fold(word: str) -> str:
    return word.lower().replace("ё", "е")


def key(form: str) -> str:
    """A name form as the lemmas of its words, the form the run time compares («пётр великий» → «петр великий»)."""
    return " ".join(fold(lemmas(word)[0]) for word in form.split())


def gregorian(bound: str, calendar: str) -> str:
    """A bound as written («1725-01-28», «1682») on the Gregorian calendar; a year stays a year."""
    if "-" not in bound or calendar == "gregorian":
        return bound
    return cal.iso(cal.old_style_to_gregorian(*cal.parse_iso(bound)))


def row(fields: dict[str, str], line: int) -> dict[str, str]:
    where = f"{SOURCE.name}:{line}"
    if fields["kind"] not in ("ruler", "era"):
        raise ValueError(f"{where}: kind is ruler or era, not {fields['kind']!r}")
    if not set(fields["realm"].split(",")) <= REALMS:
        raise ValueError(f"{where}: unknown realm {fields['realm']!r}")
    if fields["title"] and not set(fields["title"].split(",")) <= TITLES:
        raise ValueError(f"{where}: unknown title {fields['title']!r}")
    if fields["calendar"] not in ("julian", "gregorian"):
        raise ValueError(f"{where}: calendar is julian or gregorian")
    for bound in (fields["start"], fields["end"]):
        cal.parse_iso(bound) if "-" in bound else int(bound)
    if int(fields["start"].split("-")[0]) > int(fields["end"].split("-")[0]) or not fields["reference"]:
        raise ValueError(f"{where}: a reign ends after it starts and names its reference")
    forms = [fields["name"], *(f for f in fields["forms"].split("|") if f)]
    out = dict(fields)
    out["keys"] = "|".join(key(f) for f in forms)
    out["start_gregorian"] = gregorian(fields["start"], fields["calendar"])
    out["end_gregorian"] = gregorian(fields["end"], fields["calendar"])
    return out


def build() -> str:
    rows = []
    for number, line in enumerate(SOURCE.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        values = line.split("\t")
        if len(values) != len(SOURCE_COLUMNS):
            raise ValueError(f"{SOURCE.name}:{number}: {len(values)} columns, not {len(SOURCE_COLUMNS)}")
        rows.append(row(dict(zip(SOURCE_COLUMNS, values)), number))
    head = ("# Built by train/time/build_rulers.py from train/time/rulers_source.tsv: do not edit by hand.\n"
            "# keys: the lemmas of each name form (letopis.adapters.natasha); *_gregorian: the bounds on the\n"
            "# Gregorian calendar (Old Style bounds converted).\n")
    return head + "\t".join(COLUMNS) + "\n" + "".join("\t".join(r[c] for c in COLUMNS) + "\n" for r in rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check that the table is up to date")
    args = parser.parse_args()
    text = build()
    if args.check:
        same = TABLE.exists() and TABLE.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{TABLE} differs from what {SOURCE.name} gives: rebuild it")
        return 0 if same else 1
    TABLE.parent.mkdir(parents=True, exist_ok=True)
    TABLE.write_text(text, encoding="utf-8")
    print(f"{TABLE.relative_to(ROOT)}: {text.count(chr(10)) - 4} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
