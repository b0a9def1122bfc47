"""The temporal stage: every temporal expression of the text as a `Timex`."""

from __future__ import annotations

from ..doc import Doc, Timex
from ..time import extract


class TimexStage:
    """Find, normalise and anchor Russian temporal expressions (see docs/time.md).

    Works on the raw text alone, so it runs standalone or anywhere in a pipeline;
    sentences, when a segmenter has added them, change nothing. With `doc.dct` set,
    year-less and deictic expressions are anchored to the document date (news);
    otherwise to the narrative's last explicit date.
    """

    name = "timex"
    requires = ("text",)
    assigns = ("timexes",)

    def __call__(self, doc: Doc) -> Doc:
        for i, t in enumerate(extract(doc.text, dct=doc.dct), start=1):
            doc.timexes.append(Timex(
                id=f"t{i}", start=t.start, end=t.end, text=t.text, type=t.type, value=t.value,
                mod=t.mod, edtf=t.edtf, anchor=t.anchor, earliest=t.earliest, latest=t.latest,
                rule=t.rule, anchor_ref=t.anchor_ref, old_style=t.old_style,
            ))
            doc.note("timex", t.rule, t.start, t.end, value=t.value, mod=t.mod, anchor=t.anchor,
                     how=t.how, old_style=t.old_style)
        return doc
