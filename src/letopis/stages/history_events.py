"""Rules of a historian's sense of event that the trigger classifier does not know, the first
used only on historical narrative (`letopis.stages.narrative.historical`):

- `note_line_event`: the head noun of a verbless line of study notes is the event the line
  records: «1725 — Посольство в Китай», «1762 — Разрыв торговых отношений», «1698 — Великое
  посольство». A noun of action only: one derived from a verb («разрыв» of «разрывать»,
  «осложнение», «экспедиция»), not «Москва» or «Век».
- `everyday_act` (any genre: a novel has too few dates to be told from news by them, and
  NEREL's news never marks these words either): what a story's characters say and how they
  step about is no event of a chronology: «сказал», «вышел из комнаты», «обратился к
  сестре»; unless its complement makes it one («вышел в отставку», «обратился к народу с
  воззванием», «вышла замуж») or it goes to a named place («вышел к Смоленску»).
"""

from __future__ import annotations

from ..adapters import natasha
from ..doc import Doc
from ..lang.ru import events as lex
from ..syntax_tree import preposition

ACTION_SUFFIXES = ("ние", "тие", "ция", "сия")
VERB_ENDINGS = ("ить", "ать", "ять", "еть", "иться", "аться", "яться")
PLACE_WINDOW = 5
PLACE_TYPES = {"LOCATION", "FACILITY", "GEOPOLIT", "COUNTRY", "CITY"}
SEPARATORS = {"—", "–", "-", ":", ".", ",", "•", "*", "(", ")"}


def action_noun(lemma: str) -> bool:
    """A noun of action: a suffix of one («осложнение», «экспедиция») or a bare verb stem
    («разрыв» of «разрывать», «замена» of «заменить», «отказ» of «отказать»)."""
    if lemma.endswith(ACTION_SUFFIXES) or lemma in lex.ACTION_NOUNS_IN_STVO:
        return True
    stem = lemma[:-1] if lemma[-1:] in "аяео" else lemma
    if len(stem) < 4 or not stem[-1].isalpha():
        return False
    return any(natasha.known(stem + ending) for ending in VERB_ENDINGS)


def _line_start(doc: Doc, index: int) -> int:
    return doc.text.rfind("\n", 0, doc.tokens[index].start) + 1


def note_line_event(doc: Doc, index: int, in_timex: set[int]) -> bool:
    """(On study notes, `letopis.time.is_notes`.) The head noun of a verbless line of notes,
    led by its date and nothing else but its adjectives: «1725 — Посольство в Китай», «1697 —
    Великое посольство»."""
    token = doc.tokens[index]
    if token.pos not in {"NOUN", "PROPN"} or token.lemma in lex.TIME_NOUNS:
        return False
    sent = doc.sentences[token.sent]
    line = _line_start(doc, index)
    first, dated = index, False
    for j in range(sent.first, index):
        other = doc.tokens[j]
        if other.start >= line and j in in_timex:
            dated = True
        if other.start < line or j in in_timex or other.text in SEPARATORS or other.text.isdigit():
            continue
        if other.head == index and other.rel == "amod":
            first = min(first, j)  # «Великое посольство»
            continue
        return False
    if not dated or not doc.tokens[first].text[:1].isupper():
        return False  # a heading without a date is a topic («Развитие торговли»), not an event
    if any(t.pos in {"VERB", "AUX"} and t.feats.get("VerbForm") in {"Fin", "Part"}
           for t in doc.tokens[sent.first:sent.last] if t.start >= line):
        return False  # a line with its own verb says what its event is
    return action_noun(token.lemma)


def _named_place(doc: Doc, index: int) -> bool:
    token = doc.tokens[index]
    return any(m.type in PLACE_TYPES and m.start <= token.start and token.end <= m.end for m in doc.mentions)


def everyday_act(doc: Doc, kids: dict[int, list[int]], index: int) -> bool:
    """A character's word or step, no event of a chronology: «сказал», «вышел из комнаты»."""
    token = doc.tokens[index]
    if token.pos != "VERB" or token.lemma not in lex.EVERYDAY_ACTS:
        return False
    for child in kids.get(index, ()):
        other = doc.tokens[child]
        if other.lemma in lex.EVENTFUL_COMPLEMENTS:
            return False
        if other.rel.split(":")[0] in {"obl", "obj", "advmod"} and (other.pos == "PROPN" or _named_place(doc, child)):
            return False  # «вышел к Смоленску», «вошли в оставленную жителями Москву»
        if other.rel.split(":")[0] in {"obl", "obj"} and any(
                doc.tokens[g].lemma in lex.EVENTFUL_COMPLEMENTS for g in kids.get(child, ())):
            return False  # «обратился к жителям с воззванием» (hung one noun lower)
    if token.lemma in lex.EVERYDAY_STEPS and any(_place_outside_the_house(doc, kids, c) for c in kids.get(index, ())):
        return False  # «вошёл в город», not «вышел из гостиной»
    return not _place_follows(doc, index)


def _place_outside_the_house(doc: Doc, kids: dict[int, list[int]], index: int) -> bool:
    """A place a step goes to or from, other than a place of a house: «в город» (not «из
    гостиной», nor the time «в мае», «вечером»)."""
    token = doc.tokens[index]
    return (token.rel.split(":")[0] == "obl" and token.pos == "NOUN" and bool(preposition(doc, kids, index))
            and token.lemma not in lex.EVERYDAY_ROOMS | lex.TIME_NOUNS | lex.CALENDAR_WORDS)


def _place_follows(doc: Doc, index: int) -> bool:
    """A named place within `PLACE_WINDOW` words after the verb, in its own clause: «вошли в
    оставленную жителями Москву», whose parse may not hang the place on the verb."""
    last = doc.sentences[doc.tokens[index].sent].last
    for j in range(index + 1, min(index + 1 + PLACE_WINDOW, last)):
        token = doc.tokens[j]
        if token.pos == "PUNCT" or (token.pos == "VERB" and token.feats.get("VerbForm") == "Fin"):
            return False
        if _named_place(doc, j):
            return True
    return False


def note_line_words(doc: Doc, named: set[int], owner: dict[int, int], in_timex: set[int]) -> set[int]:
    """Words of an entity name that are the event of their note line: «1697 — Посольство в
    Голландию» is a journey, though a name finder reads «Посольство» as an organisation."""
    return {i for i in named if doc.mentions[owner[i]].type not in {"PERSON", "LOCATION"}
            and note_line_event(doc, i, in_timex)}
