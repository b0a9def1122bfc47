"""Segmentation: razdel tokens and sentences, as offsets into the text."""

from __future__ import annotations

from ..adapters import natasha
from ..doc import Doc, Sentence, Token


class SegmentStage:
    name = "segment"
    requires = ("text",)
    assigns = ("tokens", "sentences")

    def __call__(self, doc: Doc) -> Doc:
        spans = natasha.tokens(doc.text)
        position = 0
        for start, end in natasha.sentences(doc.text):
            first = position
            while position < len(spans) and spans[position][0] < end:
                start_, end_, text = spans[position]
                doc.tokens.append(Token(start_, end_, text, sent=len(doc.sentences)))
                position += 1
            if position > first:
                doc.sentences.append(Sentence(start, end, first, position))
        # Tokens razdel places after the last sentence (trailing markup) join that sentence.
        while position < len(spans) and doc.sentences:
            start_, end_, text = spans[position]
            doc.tokens.append(Token(start_, end_, text, sent=len(doc.sentences) - 1))
            position += 1
            last = doc.sentences[-1]
            last.last, last.end = position, max(last.end, end_)
        return doc
