"""The genre of a text as the events stage needs it: historical narrative or news.

NEREL (news) and a historian do not list the same events: a biography's «окончил
институт», «стал профессором» are events of a chronicle, which a news report on the same
person does not mark. The history adaptation of the trigger classifier reads only historical
narrative. The caller may say which a text is (`Doc.genre`, `letopis.analyse(genre=...)`);
`auto`, the default, decides from the text:

- a chronicle is dense in dates of the past: at least `HISTORICAL_DATES` dated expressions,
  `HISTORICAL_SHARE` of them before `HISTORICAL_BEFORE`;
- its narrator stands after all it tells, while news writes from its own day: a text whose
  narrator (outside quotes and dialogue) speaks of the future («откроется», «посетят»: one
  mark each) or counts from the day of writing («сегодня», «вчера», «два года назад»: two
  marks) `PRESENT_MARKS` marks or more is news, however old the dates it recalls.
"""

from __future__ import annotations

from ..doc import Doc
from ..lang.ru import events as lex

GENRES = ("auto", "history", "news")
# A generation before our own: news, which NEREL is, writes of its own days.
HISTORICAL_BEFORE = 1990
HISTORICAL_DATES = 5
HISTORICAL_SHARE = 0.85
# Marks of a narrator's present: one may be a slip or a historical future («он станет»), two
# are a narrator who writes from his own day.
PRESENT_MARKS = 2
DEICTIC_WEIGHT = 2
DASHES = ("–", "—", "-")  # a line of dialogue opens with a dash
QUOTES = {"«": "»", "„": "“", "“": "”", '"': '"'}


def check_genre(genre: str) -> str:
    if genre not in GENRES:
        raise ValueError(f"genre takes one of {', '.join(GENRES)}, not {genre!r}")
    return genre


def _quoted(text: str) -> list[tuple[int, int]]:
    """Character ranges of quotations and dialogue lines: what characters say, not the narrator."""
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.splitlines(keepends=True):
        if line.lstrip().startswith(DASHES):
            spans.append((start, start + len(line)))
        start += len(line)
    opened: tuple[int, str] | None = None
    for at, char in enumerate(text):
        if opened is None and char in QUOTES:
            opened = (at, QUOTES[char])
        elif opened is not None and char == opened[1]:
            spans.append((opened[0], at + 1))
            opened = None
    return spans


def present_marks(doc: Doc) -> int:
    """How firmly the narrator speaks from his own day, outside quotations and dialogue: a
    future-tense verb counts one (it may be a historical future, «он станет»), a word that
    counts from the day of writing two («сегодня», «вчера», «два года назад»; not the
    storyteller's «год тому назад»)."""
    spans = _quoted(doc.text)
    count = 0
    for index, token in enumerate(doc.tokens):
        if any(a <= token.start < b for a, b in spans):
            continue
        if token.pos in {"VERB", "AUX"} and token.feats.get("Tense") == "Fut" and token.feats.get("VerbForm") == "Fin":
            count += 1
        elif token.lemma in lex.PRESENT_DAY_WORDS or (token.lemma in lex.AGO_WORDS and not (
                index > 0 and doc.tokens[index - 1].lemma in lex.STORY_AGO)):
            count += DEICTIC_WEIGHT
    return count


def dense_in_past_dates(doc: Doc) -> bool:
    years = [int(t.earliest[:4]) for t in doc.timexes if t.earliest and t.earliest[:4].isdigit()]
    if len(years) < HISTORICAL_DATES:
        return False
    return sum(year < HISTORICAL_BEFORE for year in years) >= HISTORICAL_SHARE * len(years)


def historical(doc: Doc) -> bool:
    """Whether `doc` is historical narrative: the caller's word (`doc.genre`), or else a text
    dense in dates of the past whose narrator does not write from his own day. A text without
    dates is not (it keeps NEREL's sense of event)."""
    genre = getattr(doc, "genre", "auto")
    if genre != "auto":
        return genre == "history"
    return dense_in_past_dates(doc) and present_marks(doc) < PRESENT_MARKS
