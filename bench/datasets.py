"""Readers for the annotated corpora in ../shared/data (NEREL brat, factRuEval-2016).

Gold annotations become flat `GoldSpan`/`GoldRelation` records with character
offsets into the document text, so every benchmark scores the same way.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(os.environ.get("LETOPIS_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))


@dataclass(slots=True)
class GoldSpan:
    id: str
    type: str
    start: int
    end: int
    text: str
    fragments: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class GoldRelation:
    id: str
    type: str
    arg1: str
    arg2: str


@dataclass(slots=True)
class GoldDoc:
    id: str
    path: Path
    text: str
    spans: list[GoldSpan]
    relations: list[GoldRelation] = field(default_factory=list)


def nerel(split: str) -> Iterator[GoldDoc]:
    """NEREL v1.1 documents of `split` ("train" or "dev"), in file-name order."""
    folder = DATA / "nerel" / split
    if not folder.is_dir():
        raise FileNotFoundError(f"NEREL {split} not found at {folder} (set LETOPIS_DATA)")
    for txt in sorted(folder.glob("*.txt")):
        text = txt.read_text(encoding="utf-8")
        spans: list[GoldSpan] = []
        relations: list[GoldRelation] = []
        ann = txt.with_suffix(".ann")
        for line in ann.read_text(encoding="utf-8").splitlines():
            if line.startswith("T"):
                ident, info, mention = line.split("\t", 2)
                kind, _, places = info.partition(" ")
                fragments = [tuple(map(int, part.split())) for part in places.split(";")]
                start = min(a for a, _ in fragments)
                end = max(b for _, b in fragments)
                spans.append(GoldSpan(ident, kind, start, end, text[start:end], fragments))
            elif line.startswith("R"):
                ident, info = line.split("\t")[:2]
                kind, arg1, arg2 = info.split()
                relations.append(GoldRelation(ident, kind, arg1.split(":", 1)[1], arg2.split(":", 1)[1]))
        yield GoldDoc(txt.stem, txt, text, spans, relations)


# The span types that name each factRuEval object: descriptors ("компания", "министр"),
# job titles and the places inside an organisation's name do not count. An object's gold
# span runs from its first to its last name span; an object without one (an organisation
# mentioned only by descriptor) has no name and yields no gold span. This is the rule of
# natasha's own evaluation (naeval), which reproduces natasha's published factRuEval figures.
FACTRUEVAL_NAME_SPANS: dict[str, frozenset[str]] = {
    "Person": frozenset({"name", "surname", "patronymic", "nickname"}),
    "Org": frozenset({"org_name"}),
    "Location": frozenset({"loc_name"}),
    "LocOrg": frozenset({"loc_name"}),
    "Facility": frozenset({"org_name", "loc_name"}),
    "Project": frozenset({"prj_name"}),
}


def factrueval(split: str = "devset") -> Iterator[GoldDoc]:
    """factRuEval-2016 documents; each named object becomes one span over its name spans."""
    folder = DATA / "factrueval-2016" / split
    if not folder.is_dir():
        raise FileNotFoundError(f"factRuEval {split} not found at {folder} (set LETOPIS_DATA)")
    for txt in sorted(folder.glob("*.txt")):
        text = txt.read_text(encoding="utf-8")
        raw: dict[str, tuple[str, int, int]] = {}
        for line in txt.with_suffix(".spans").read_text(encoding="utf-8").splitlines():
            fields = line.split("#", 1)[0].split()
            if len(fields) >= 4:
                ident, kind, start, length = fields[:4]
                raw[ident] = (kind, int(start), int(start) + int(length))
        spans: list[GoldSpan] = []
        for line in txt.with_suffix(".objects").read_text(encoding="utf-8").splitlines():
            fields = line.split("#", 1)[0].split()
            if len(fields) < 3:
                continue
            ident, kind, members = fields[0], fields[1], [raw[m] for m in fields[2:] if m in raw]
            names = FACTRUEVAL_NAME_SPANS.get(kind, frozenset())
            fragments = sorted((a, b) for member, a, b in members if member in names)
            if not fragments:
                continue
            start, end = fragments[0][0], max(b for _, b in fragments)
            spans.append(GoldSpan(ident, kind, start, end, text[start:end], fragments))
        yield GoldDoc(txt.stem, txt, text, spans)
