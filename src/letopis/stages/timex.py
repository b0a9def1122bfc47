"""The temporal stage: every temporal expression of the text as a `Timex`."""

from __future__ import annotations

from dataclasses import replace

from ..doc import PLACE_TYPES, Doc, Timex, TimexCalendar
from ..time import convention, extract


class TimexStage:
    """Find, normalise and anchor Russian temporal expressions (see docs/time.md).

    Works on the raw text alone, so it runs standalone or anywhere in a pipeline;
    sentences, when a segmenter has added them, change nothing. With `doc.dct` set,
    year-less and deictic expressions are anchored to the document date (news);
    otherwise to the narrative's last explicit date.

    Unmarked dates before 1918 follow the Old Style convention when `doc.calendar` says so,
    or, for `auto`, when `convention.decide` finds the text is about Russia: from the places
    the entity stages located when they ran before this stage, else from its words. The
    decision is one trace entry (`timex`, `calendar_convention`).

    Dates the source's markup gives (`doc.given`, a TEI edition's `<date when>`) are taken as
    found, in place of any expression read over the same words; ids follow the text's order.
    """

    name = "timex"
    requires = ("text",)
    assigns = ("timexes",)

    def __call__(self, doc: Doc) -> Doc:
        decision = convention.decide(doc.text, _place_countries(doc), doc.calendar)
        doc.note("timex", "calendar_convention", 0, len(doc.text), **decision.note())
        given = [(g.start, g.end) for g in doc.given.timexes]
        for t in extract(doc.text, dct=doc.dct, julian_before_1918=decision.julian):
            if any(a < t.end and t.start < b for a, b in given):
                doc.note("timex", "given_by_markup", t.start, t.end, value=t.value)
                continue
            style = t.style
            if style is not None and style.basis == "convention" and decision.basis == "option":
                style.basis = "option"
            doc.timexes.append(Timex(
                id="", start=t.start, end=t.end, text=t.text, type=t.type, value=t.value,
                mod=t.mod, edtf=t.edtf, anchor=t.anchor, earliest=t.earliest, latest=t.latest,
                rule=t.rule, anchor_ref=t.anchor_ref, old_style=t.old_style,
                calendar=None if style is None else TimexCalendar(style.calendar, style.written, style.basis),
            ))
            doc.note("timex", t.rule, t.start, t.end, value=t.value, mod=t.mod, anchor=t.anchor,
                     how=t.how, old_style=t.old_style,
                     calendar=None if style is None else f"{style.calendar} ({style.basis}): {style.written}")
        for g in doc.given.timexes:
            doc.timexes.append(replace(g, calendar=replace(g.calendar) if g.calendar else None))
            doc.note("timex", g.rule, g.start, g.end, value=g.value, earliest=g.earliest, latest=g.latest,
                     old_style=g.old_style)
        if given:
            doc.timexes.sort(key=lambda t: (t.start, -t.end))
        for i, t in enumerate(doc.timexes, start=1):
            t.id = f"t{i}"
        return doc


def _place_countries(doc: Doc) -> list[str | None] | None:
    """The gazetteer country of each place mention, None when no entity stage has run."""
    if not doc.entities:
        return None
    countries = {e.id: (e.attributes.get("geo") or {}).get("country") for e in doc.entities if e.type in PLACE_TYPES}
    return [countries[m.entity] for m in doc.mentions if m.entity in countries]
