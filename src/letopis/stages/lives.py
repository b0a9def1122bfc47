"""A biography's life as a frame for dating: the dates of birth and death its opening gives
(«Блез Паскаль (19 июня 1623, Клермон — 19 августа 1662, Париж)»), the protagonist's own
birth and death dated by them, ages («в 14 лет») dated from the birth, and the lifetime as the
widest defensible window of what the protagonist did with no other bound.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..doc import Doc, Event, EventTime, Sentence
from ..index import carrier_index, tokens_overlapping
from ..lang.ru import lives as lex
from ..syntax_tree import ancestors, span_head
from ..time.calendar import add_days, iso, parse_iso
from ..time.quantity import quantity

OPENING = 400  # characters: where a biography's opening gives the dates of the life
GAP = 160  # characters at most between the dates of birth and death in the opening
LONGEST_LIFE = 110  # years


@dataclass(slots=True)
class Life:
    born: tuple[str, str]  # the window of the birth (a day, or a year)
    died: tuple[str, str]


def _year(text: str) -> int:
    return parse_iso(text)[0]


def opening_life(doc: Doc) -> Life | None:
    """The dates of the life that open a biography, before anything happens in it: two dates
    a lifetime apart, close together, or one range of years («1849–1925»)."""
    first_event = min((e.trigger.start for e in doc.events), default=len(doc.text))
    dated = [t for t in sorted(doc.timexes, key=lambda t: t.start)
             if t.type == "DATE" and t.anchor == "absolute" and t.earliest and t.latest
             and t.start < min(OPENING, first_event)]
    if not dated:
        return None
    first = dated[0]
    span = _year(first.latest) - _year(first.earliest)
    if 10 <= span <= LONGEST_LIFE and first.value and "/" in first.value:
        born_year, died_year = _year(first.earliest), _year(first.latest)
        return Life((first.earliest, f"{born_year:04d}-12-31"), (f"{died_year:04d}-01-01", first.latest))
    for second in dated[1:]:
        if second.start - first.end > GAP:
            break
        years = _year(second.earliest) - _year(first.latest)
        if 10 <= years <= LONGEST_LIFE:
            return Life((first.earliest, first.latest), (second.earliest, second.latest))
    return None


def _of_protagonist(doc: Doc, event: Event) -> bool:
    """Whether an event's subject is the protagonist: none written, «он»/«она», or a name
    the opening gives."""
    opening = doc.text[:OPENING]
    for token in doc.tokens[doc.sentences[event.sentence].first : doc.sentences[event.sentence].last]:
        if token.head == event.head and token.rel in {"nsubj", "nsubj:pass"}:
            return token.lemma in lex.SUBJECT_PRONOUNS or (token.text[:1].isupper() and token.text in opening)
    return True


def _protagonists_noun(doc: Doc, event: Event) -> bool:
    """«рождения Орлова», «его смерти»: a birth or death noun whose owner is the protagonist
    (a name the opening gives, or «его»/«её»); «рождения сына» and an ownerless noun are not."""
    opening = doc.text[:OPENING]
    sent = doc.sentences[event.sentence]
    for token in doc.tokens[sent.first : sent.last]:
        if token.head != event.head:
            continue
        if token.rel == "det" and token.text.lower() in lex.OWNER_PRONOUNS:
            return True
        if token.rel == "nmod":
            return token.text[:1].isupper() and (token.text in opening or token.lemma.capitalize() in opening)
    return False


def date_birth_and_death(doc: Doc, life: Life) -> None:
    """«Родился в семье торговца»: the protagonist's undated birth or death takes the
    opening's date (`context`)."""
    for event in doc.events:
        if event.time.basis not in {"unknown", "inferred"} or event.factuality != "actual":
            continue
        lemma = doc.tokens[event.head].lemma
        noun = lemma in lex.BIRTH_NOUNS or lemma in lex.DEATH_NOUNS
        window = (life.born if lemma in lex.BIRTH_LEMMAS or lemma in lex.BIRTH_NOUNS
                  else life.died if lemma in lex.DEATH_LEMMAS or lemma in lex.DEATH_NOUNS else None)
        if window is None or not (_protagonists_noun(doc, event) if noun else _of_protagonist(doc, event)):
            continue
        event.time = EventTime(window[0], window[1], f"{window[0]}/{window[1]}" if window[0] != window[1] else window[0],
                               "context", None)
        doc.note("dating", "life_opening_dates", event.trigger.start, event.trigger.end, event=event.id)


def _add_years(day: str, years: int) -> str:
    y, m, d = parse_iso(day)
    if m == 2 and d == 29:
        d = 28
    return iso((y + years, m, d))


def age_years(match: re.Match[str]) -> int | None:
    """The age a match of `lex.AGE` says, whole years."""
    words = (match["n"] or match["adj"] or match["since"] or match["when"] or "").rstrip("-")
    digits = re.match(r"\d+", words)
    value = int(digits.group(0)) if digits else quantity(words)
    if value is None or value != int(value) or not 0 < value <= lex.OLDEST:
        return None
    return int(value)


def _nearest_event(doc: Doc, sentence: Sentence, start: int, end: int) -> Event | None:
    """The event of the sentence nearest to [start, end) outside it."""
    around = [e for e in doc.events if sentence.start <= e.trigger.start < sentence.end
              and not start <= e.trigger.start < end]
    return min(around, key=lambda e: min(abs(e.trigger.start - end), abs(start - e.trigger.end)), default=None)


def date_from_ages(doc: Doc, life: Life) -> None:
    """«В 14 лет он поступил в школу»: the year of life after the birth (`relative`); the
    event is the one the age's clause tells, found up the tree from the age."""
    owner = carrier_index(doc)
    born_first, born_last = life.born
    for sentence in doc.sentences:
        text = doc.text[sentence.start : sentence.end]
        for match in lex.AGE.finditer(text):
            years = age_years(match)
            if years is None:
                continue
            start, end = sentence.start + match.start(), sentence.start + match.end()
            tokens = tokens_overlapping(doc, start, end)
            if not tokens:
                continue
            head = span_head(doc, tokens)
            event = next((owner[n] for n in ancestors(doc, head) if n in owner and not start <= doc.tokens[n].start < end), None)
            if event is None and match["whose"]:  # a when-clause the parser made the main one
                event = _nearest_event(doc, sentence, start, end)
            # «когда ему было 42 года» names whose age it is; otherwise it is the subject's
            if event is None or event.time.basis in {"explicit", "context"} or not (
                    match["whose"] or _of_protagonist(doc, event)):
                continue
            earliest = _add_years(born_first, years)
            latest = iso(add_days(parse_iso(_add_years(born_last, years + 1)), -1))
            event.time = EventTime(earliest, latest, f"{earliest}/{latest}", "relative", None)
            doc.note("dating", "age_from_birth", start, end, event=event.id, years=years)


def bound_by_lifetime(doc: Doc, life: Life) -> None:
    """What the protagonist did with no bound from the text happened within the life."""
    earliest, latest = life.born[0], life.died[1]
    for event in doc.events:
        if event.time.basis != "unknown" or event.factuality != "actual" or not _of_protagonist(doc, event):
            continue
        event.time = EventTime(earliest, latest, f"{earliest}/{latest}", "inferred", None)
        doc.note("dating", "within_lifetime", event.trigger.start, event.trigger.end, event=event.id)


def _refine_birth(doc: Doc, life: Life) -> Life:
    """«1849–1925» in the opening, «родился 25 апреля 1849 года» later: the finer date of birth."""
    first, last = life.born
    for event in doc.events:
        time = event.time
        if (doc.tokens[event.head].lemma in lex.BIRTH_LEMMAS and time.basis == "explicit" and time.earliest
                and time.latest and first <= time.earliest and time.latest <= last
                and (time.earliest, time.latest) != (first, last) and _of_protagonist(doc, event)):
            return Life((time.earliest, time.latest), life.died)
    return life


def life_of(doc: Doc) -> Life | None:
    life = opening_life(doc)
    if life is not None:
        life = _refine_birth(doc, life)
    if life is not None:
        doc.note("dating", "life_in_opening", 0, 0, born=life.born[0], died=life.died[1])
    return life

