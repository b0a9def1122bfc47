"""Dependency syntax from slovnet, heads as indices into `Doc.tokens`.

Very long sentences are parsed in windows so that the parser's cost stays linear
in the length of the document (its head scoring is quadratic in sentence length).
"""

from __future__ import annotations

from .. import index
from ..adapters import natasha
from ..doc import Doc

WINDOW = 120  # tokens; a sentence longer than this is parsed in pieces


class SyntaxStage:
    name = "syntax"
    requires = ("tokens", "sentences")
    assigns = ("syntax",)

    def __call__(self, doc: Doc) -> Doc:
        pieces: list[tuple[int, int]] = []  # (first token, last token) of each parsed piece
        for sent in doc.sentences:
            for first in range(sent.first, sent.last, WINDOW):
                pieces.append((first, min(first + WINDOW, sent.last)))
        words = [[t.text for t in doc.tokens[a:b]] for a, b in pieces]
        for (first, last), heads in zip(pieces, natasha.parse_syntax(words)):
            for offset, (head, rel) in enumerate(heads):
                token = doc.tokens[first + offset]
                inside = 0 <= head < last - first and head != offset
                token.head = first + head if inside else -1
                token.rel = rel if inside or rel == "root" else "root"
        index.forget(doc)  # its tree was gathered from the heads before these
        return doc
