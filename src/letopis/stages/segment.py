"""Segmentation: razdel tokens and sentences, as offsets into the text.

A blank line always ends a sentence: razdel joins a title or heading without a full stop to
the paragraph after it («Комендантского часа не будет\n\nВласти Таиланда отменили …»), and
the two would then share a subject, a date and a sentence start. So does a single line
break, in a text whose lines are paragraphs, titles and captions; a text wrapped at a fixed
width (a line break is followed by a lowercase word now and then) keeps its sentences
across lines.

A sentence is at most `MAX_TOKENS` tokens long. Text without punctuation (a transcript, a
scrape with the marks stripped, a column of numbers) gives razdel pseudo-sentences of
thousands of tokens, and the parser and every per-sentence stage after it cost more than
linearly in a sentence's length; such a run is cut into pieces of `MAX_TOKENS // 2` to
`MAX_TOKENS` tokens, at the last good place in that range (`CUTS`, best first). Real sentences
stay far below the limit (the longest in NEREL and the history texts is under 200 tokens).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

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


MAX_TOKENS = 250

Span = tuple[int, int, str]


def _after_line_break(text: str, spans: Sequence[Span], i: int) -> bool:
    return "\n" in text[spans[i - 1][1] : spans[i][0]]


def _after_punctuation(text: str, spans: Sequence[Span], i: int) -> bool:
    return not any(ch.isalnum() for ch in spans[i - 1][2])


def _before_capital(text: str, spans: Sequence[Span], i: int) -> bool:
    return spans[i][2][:1].isupper()


# Where an overlong sentence is cut, before token i, best first; failing all, at the limit.
CUTS: tuple[tuple[str, Callable[[str, Sequence[Span], int], bool]], ...] = (
    ("line_break", _after_line_break),
    ("punctuation", _after_punctuation),
    ("capital", _before_capital),
)


def _bounded(text: str, spans: Sequence[Span], first: int, last: int, limit: int = MAX_TOKENS) -> list[tuple[int, int, str]]:
    """The tokens [first, last) of one sentence as runs of at most `limit` tokens, each with
    the name of the rule that ended it."""
    runs = []
    while last - first > limit:
        low, high = first + limit // 2, first + limit
        cut, rule = high, "limit"
        for name, good in CUTS:
            found = next((i for i in range(high, low - 1, -1) if good(text, spans, i)), None)
            if found is not None:
                cut, rule = found, name
                break
        runs.append((first, cut, rule))
        first = cut
    runs.append((first, last, ""))
    return runs


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
            if position - first > MAX_TOKENS:
                for a, b, rule in _bounded(doc.text, spans, first, position):
                    piece_start = start if a == first else spans[a][0]
                    piece_end = end if b == position else spans[b - 1][1]
                    for token in doc.tokens[a:b]:
                        token.sent = len(doc.sentences)
                    doc.sentences.append(Sentence(piece_start, piece_end, a, b))
                    if rule:
                        doc.note("segment", f"cut_{rule}", piece_end, piece_end)
            elif position > first:
                doc.sentences.append(Sentence(start, end, first, position))
        # Tokens razdel places after the last sentence (trailing markup) join that sentence.
        while position < len(spans) and doc.sentences:
            start_, end_, text = spans[position]
            doc.tokens.append(Token(start_, end_, text, sent=len(doc.sentences) - 1))
            position += 1
            last = doc.sentences[-1]
            last.last, last.end = position, max(last.end, end_)
        return doc
