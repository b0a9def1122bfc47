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
from ..lang.ru.era import DATE_WORDS, ENDS_WITH_ERA, MAX_DATE_WORDS

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_LINE_BREAK = re.compile(r"\n[ \t\r\f\v]*")
_NEXT_LETTER = re.compile(r"\n[^\w\n]*(\w)")
# Line breaks before a lowercase word, as a share of all line breaks before a word, above
# which a text is read as wrapped at a fixed width.
_WRAPPED = 0.2


_LETTERS = re.compile(r"[^\W\d_]+")
_ROMAN = re.compile(r"[IVXLCM]+")


def _date_before_our_era(text: str) -> bool:
    """«В 49 году до н. э.»: a date alone (numbers and words of dates), ending in an era mark (`lang.ru.era`)."""
    if not ENDS_WITH_ERA.search(text) or len(text.split()) > MAX_DATE_WORDS:
        return False
    words = _LETTERS.findall(text)
    numbered = any(ch.isdigit() for ch in text) or any(_ROMAN.fullmatch(w) for w in words)
    return numbered and all(w.lower() in DATE_WORDS or _ROMAN.fullmatch(w) for w in words)


def join_era_dates(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A sentence that is only a date before our era opens the sentence after it on its line."""
    out: list[tuple[int, int]] = []
    for start, end in sentences:
        if out and "\n" not in text[out[-1][1]:start] and _date_before_our_era(text[out[-1][0]:out[-1][1]]):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


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
        sentences = [part for a, b in join_era_dates(doc.text, natasha.sentences(doc.text))
                     for part in _paragraph_split(doc.text, a, b, breaks)]
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
