"""Named entities: the letopis tagger (trained on NEREL) stacked on slovnet's news NER.

Emits PERSON, ORGANIZATION, LOCATION (subtype CITY, COUNTRY, REGION, DISTRICT),
FACILITY, GROUP (subtype NATIONALITY) and PROFESSION mentions. Spans may nest
(«Комитет освобождения Парижа» and «Парижа» inside it). Names the source's markup gives
(`doc.given`, a TEI edition's `<persName>`, ...) are taken as found, in place of what the
recogniser finds over the same words.
"""

from __future__ import annotations

from dataclasses import replace

from ..adapters import natasha
from ..doc import Doc, Mention
from ..ner import recognize


class NERStage:
    name = "ner"
    requires = ("tokens", "sentences")
    assigns = ("mentions",)

    def __call__(self, doc: Doc) -> Doc:
        if not doc.tokens:
            return doc  # slovnet cannot tag a text without words
        given = [(m.start, m.end) for m in doc.given.mentions]
        words = [[t.text for t in doc.sentence_tokens(i)] for i in range(len(doc.sentences))]
        offsets = [[(t.start, t.end) for t in doc.sentence_tokens(i)] for i in range(len(doc.sentences))]
        # The document's tokens are razdel's tokens of the whole text, as slovnet would find them.
        found = sorted(natasha.tag_ner_tokens(doc.text, [(t.start, t.end, t.text) for t in doc.tokens]))
        for start, end, kind, subtype, how in recognize(words, offsets, found):
            if any(a < end and start < b for a, b in given):
                doc.note(self.name, "given_by_markup", start, end, type=kind)
                continue
            doc.mentions.append(Mention(start, end, doc.text[start:end], kind, subtype, source="ner"))
            if how != "tagger":
                doc.note(self.name, how, start, end, type=kind, subtype=subtype)
        for m in doc.given.mentions:
            doc.mentions.append(replace(m))
            doc.note(self.name, "markup", m.start, m.end, type=m.type, ref=m.ref)
        doc.mentions.sort(key=lambda m: (m.start, -m.end))
        return doc
