"""Russian temporal expressions: find them, normalise them to TIMEX3/EDTF, anchor them.

    >>> from letopis.time import extract
    >>> [(t.text, t.value, t.earliest, t.latest) for t in extract("в начале августа 1944 года")]
    [('в начале августа 1944 года', '1944-08', '1944-08-01', '1944-08-10')]
"""

from __future__ import annotations

from dataclasses import dataclass

from . import calendar
from .anchor import Context, resolve, resolve_anchor
from .edtf_adapter import checked
from .recognise import find

__all__ = ["extract", "resolve_anchor", "Extracted", "Context"]


@dataclass(slots=True)
class Extracted:
    start: int
    end: int
    text: str
    rule: str
    type: str
    value: str
    mod: str | None
    edtf: str | None
    earliest: str | None
    latest: str | None
    anchor: str
    anchor_ref: dict | None
    old_style: bool
    how: list[str]


def extract(text: str, dct: str | None = None) -> list[Extracted]:
    """All temporal expressions of `text` in text order, normalised and anchored.

    `dct` (ISO date) switches to document-date anchoring, as for news.
    """
    ctx = Context(dct=calendar.parse_iso(dct) if dct else None)
    out = []
    for found in find(text):
        for f in (found, found.inner):
            if f is None:
                continue
            r = resolve(f.reading, ctx)
            out.append(Extracted(f.start, f.end, text[f.start:f.end], f.rule, r.type, r.value, r.mod,
                                 checked(r.edtf), r.earliest, r.latest, r.anchor, r.anchor_ref, r.old_style,
                                 r.how))
    return out
