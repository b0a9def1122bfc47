"""Named entities from slovnet's news NER: PERSON, ORGANIZATION and LOCATION mentions."""

from __future__ import annotations

from ..adapters import natasha
from ..doc import Doc, Mention


class NERStage:
    name = "ner"
    requires = ("tokens", "sentences")
    assigns = ("mentions",)

    def __call__(self, doc: Doc) -> Doc:
        texts = [doc.text[s.start : s.end] for s in doc.sentences]
        for sent, spans in zip(doc.sentences, natasha.tag_ner(texts)):
            for start, end, kind in spans:
                start, end = sent.start + start, sent.start + end
                doc.mentions.append(Mention(start, end, doc.text[start:end], kind, source="ner"))
        doc.mentions.sort(key=lambda m: (m.start, -m.end))
        return doc
