"""Segmentation: razdel tokens and sentences, as offsets into the text.

A blank line always ends a sentence: razdel joins a title or heading without a full stop to
the paragraph after it («Комендантского часа не будет\n\nВласти Таиланда отменили …»), and
the two would then share a subject, a date and a sentence start. So does a single line
break, in a text whose lines are paragraphs, titles and captions; a text wrapped at a fixed
width (a line break is followed by a lowercase word now and then) keeps its sentences
across lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..adapters import natasha
from ..doc import Doc, Sentence, Token

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_LINE_BREAK = re.compile(r"\n[ \t\r\f\v]*")
_NEXT_LETTER = re.compile(r"\n[^\w\n]*(\w)")
# Line breaks before a lowercase word, as a share of all line breaks before a word, above
# which a text is read as wrapped at a fixed width.
_WRAPPED = 0.2


def _lines_are_paragraphs(text: str) -> bool:
    """Whether a line break ends a sentence in this text (see the module's docstring)."""
    letters = [m.group(1) for m in _NEXT_LETTER.finditer(text)]
    lower = sum(ch.islower() for ch in letters)
    return bool(letters) and lower <= _WRAPPED * len(letters)


def _paragraph_split(text: str, start: int, end: int, breaks: re.Pattern[str] = _BLANK_LINE) -> Iterator[tuple[int, int]]:
    """The sentence [start, end) cut where `breaks` matches, each part without its outer spaces."""
    cuts = [(m.start(), m.end()) for m in breaks.finditer(text, start, end)]
    bounds = [start] + [x for cut in cuts for x in cut] + [end]
    for a, b in zip(bounds[::2], bounds[1::2]):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            yield a, b


class SegmentStage:
    name = "segment"
    requires = ("text",)
    assigns = ("tokens", "sentences")

    def __call__(self, doc: Doc) -> Doc:
        spans = natasha.tokens(doc.text)
        position = 0
        breaks = _LINE_BREAK if _lines_are_paragraphs(doc.text) else _BLANK_LINE
        sentences = [part for a, b in natasha.sentences(doc.text) for part in _paragraph_split(doc.text, a, b, breaks)]
        for start, end in sentences:
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
