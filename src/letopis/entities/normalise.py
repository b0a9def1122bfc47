"""Normal forms: a mention's nominative, built from its tokens' morphology and syntax.

Persons: every name part goes to the nominative keeping the person's gender; parts
that do not decline («Бидо», «Роль-Танги») and particles («де») stay as written.
Other names: the head noun goes to the nominative (its number kept), the words that
agree with it follow (ordinals written with digits included: «4-й пехотной дивизии» →
«4-я пехотная дивизия»), and everything else (genitive dependents) stays as written.
The letters the text capitalised stay capitalised.
"""

from __future__ import annotations

from ..adapters import natasha
from ..fold import fold_case
from ..doc import Doc, Token
import re

from ..lang.ru.endings import (A_NAME_ENDINGS, CONSONANTS, DIGIT_ORDINAL_PARTS, GLUED_MARKERS, INVISIBLE,
                               MASCULINE_ENDINGS, MASCULINE_NAME_ENDINGS)
from ..lang.ru.grammemes import CASES, GENDERS, GENDERS_BACK, NUMBERS, OC_TO_UD, ORDINAL_NOMINATIVE
from ..lang.ru.names import SURNAME_PARTICLES
from .tree import span_head

_NOUNS = frozenset({"NOUN"})
_ADJECTIVES = frozenset({"ADJF", "PRTF"})
_NAME_MARKS = frozenset({"Name", "Surn", "Patr"})
_NUMBER = frozenset({"sing", "plur"})
_AGREEING = frozenset({"amod", "det", "nummod", "acl"})


def recase(new: str, old: str) -> str:
    """`new` with the capitalisation of `old` over their common stem («жорж», «Жоржа» → «Жорж»)."""
    if new.lower() == old.lower():
        return old
    if len(old) > 1 and old.isupper():
        return new.upper()
    common = 0
    for a, b in zip(new.lower(), old.lower()):
        if a != b:
            break
        common += 1
    return old[:common] + new[common:]


def _reinflect(word: str, pos: frozenset[str], have: frozenset[str], want: frozenset[str],
               prefer: frozenset[str] = frozenset(), need: frozenset[str] = frozenset(),
               strict: bool = False, avoid: frozenset[str] = frozenset(), window: float | None = None) -> str | None:
    """`word`, read with the grammemes `have` (relaxed to none if no reading has them, unless
    `strict`), put into `want`."""
    readings = [a for a in natasha.analyses(word) if a.pos in pos and need <= a.grammemes]
    if not readings:
        return None
    fitting = [a for a in readings if have <= a.grammemes]
    if strict and not fitting:
        return None
    pool = fitting or readings
    if window is not None:  # preferences only choose among readings nearly as likely as the best
        top = max(a.score for a in pool)
        pool = [a for a in pool if a.score >= top - window]
    # A declinable reading beats an indeclinable one of the same word («Анне» is Анна, not Anne).
    best = max(pool, key=lambda a: (len(prefer & a.grammemes) - len(avoid & a.grammemes), "Fixd" not in a.grammemes, a.score))
    if "Fixd" in best.grammemes:
        return word
    if not fitting and want & _NUMBER:  # the tagger's reading does not exist: trust the word's own number
        want = (want - _NUMBER) | (best.grammemes & _NUMBER or frozenset({"sing"}))
    form = natasha.inflect(word, best.lemma, best.pos, frozenset(OC_TO_UD[g] for g in want))
    return recase(form, word) if form else None


def _ordinal(word: str, agree: str) -> str | None:
    match = DIGIT_ORDINAL_PARTS.match(word)
    if not match:
        return None
    return f"{match.group(1)}{match.group(2) or '-'}{ORDINAL_NOMINATIVE[agree]}"


def person_gender(doc: Doc, indices: list[int]) -> str | None:
    """The gender of a person name (OpenCorpora grammeme), from its tokens."""
    votes: dict[str, float] = {}
    for i in indices:
        token = doc.tokens[i]
        if token.feats.get("Gender") in GENDERS:
            votes[GENDERS[token.feats["Gender"]]] = votes.get(GENDERS[token.feats["Gender"]], 0) + 1
        case = CASES.get(token.feats.get("Case", ""), "")
        for a in natasha.analyses(token.text):
            # First names tell the gender most reliably, when the reading fits the word's case.
            if "Name" in a.grammemes and "sing" in a.grammemes and (not case or case in a.grammemes):
                for g in ("masc", "femn"):
                    if g in a.grammemes:
                        votes[g] = votes.get(g, 0) + 2 * a.score
    return max(votes, key=votes.get) if votes else None


def visible(text: str) -> str:
    """`text` without the characters that do not show (soft hyphens, zero-width spaces)."""
    return "".join(c for c in text if c not in INVISIBLE)


_FOOTNOTE = re.compile(r"(?<=[а-яёa-z]{2})\d+$")
_MARKER = re.compile(r"(?<=[а-яёa-z]{2})(?:" + "|".join(GLUED_MARKERS) + r")$")
# A footnote number after a name, glued or apart, and a year the recogniser took in:
# «Парижской академии наук13», «Лондонское общество 1852».
_TRAILING_NUMBERS = re.compile(r"(?:(?<=[а-яёa-z])\d{1,3}|\s+\d{4}\S*)+$")


def clean_word(word: str) -> str:
    """A name word as a reader sees it: no invisible characters, no footnote number or link
    marker glued to it («наук13» → «наук», «Пикокангл» → «Пикок»)."""
    word = _FOOTNOTE.sub("", visible(word))
    if word[:1].isupper():
        word = _MARKER.sub("", word)
    return word


def _ending_forms(word: str, gender: str | None) -> list[str]:
    """Nominatives a declined name can have by its regular endings, in any case (a tagger's case
    for a name it does not know is a guess): «Лагранжем» → «Лагранж», «Сметону» → «Сметона».
    Only the document can say which one is right (`person_forms`)."""
    tables = [A_NAME_ENDINGS] if gender == "femn" else [MASCULINE_NAME_ENDINGS, A_NAME_ENDINGS]
    out = []
    for table in tables:
        for endings in table.values():
            for ending, nominative in endings:
                stem = word[: -len(ending)]
                if word.endswith(ending) and len(stem) >= 3 and (nominative or stem[-1].lower() in CONSONANTS):
                    out.append(stem + nominative)
    return list(dict.fromkeys(out))


# Hard-stem masculine endings that no nominative of a man's name has, with the consonants they
# may follow and the tagger's cases they fit: «Гомер-а», «Миних-у», «Клебш-ем», «Лагранж-ем».
# Not «-е» («Гёте», «Витте»), and «-у» only where the case wants it («с Жоржем Помпиду»).
_HARD_ENDINGS = (("а", CONSONANTS, ("Gen", "Acc")), ("у", CONSONANTS, ("Dat", "Gen")),
                 ("ом", CONSONANTS, ("Ins",)), ("ем", frozenset("жшчщц"), ("Ins",)))


def _hard_stem(word: str, case: str) -> str | None:
    for ending, after, cases in _HARD_ENDINGS:
        stem = word[: -len(ending)]
        if case in cases and word.endswith(ending) and len(stem) >= 3 and stem[-1].lower() in after:
            return stem
    return None


def person_forms(doc: Doc) -> frozenset[str]:
    """The name words the document writes in the nominative in its persons' names (folded):
    the evidence a declined name's normal form is chosen by («Миндовга» → «Миндовг» where
    the text also says «Миндовг»)."""
    words = set()
    for m in doc.mentions:
        if m.type != "PERSON":
            continue
        for t in doc.tokens:
            if m.start <= t.start and t.end <= m.end and t.feats.get("Case", "Nom") == "Nom" and t.text[:1].isupper():
                words.add(fold_case(t.text))
    return frozenset(words)


# Endings a declined name has past its nominative's stem («Гамильтон-у», «Аполлони-я», «Гит-е»).
_OBLIQUE_ENDINGS = frozenset("а я у ю ом ем ём е ы и ой ей".split())
_WOMENS_SURNAMES = ("ова", "ева", "ёва", "ина", "ына", "ская", "цкая", "ая")


def _tagger_lemma(token: Token, word: str, gender: str | None) -> str | None:
    """The tagger's lemma of a one-word name, where it reads as the word's nominative: the word
    is the lemma's stem plus a case ending («Гамильтону» → «Гамильтон», «Аполлония» →
    «Аполлоний»), whatever case the tagger guessed. Only a lemma that ends as a man's name does
    (a consonant, «-й»): «Миниху» is not «Миниха», «Помпиду» not «Помпида»; and a word that
    ends as a woman's surname is hers («Ростова» is not «Ростов»)."""
    lemma = token.lemma or ""
    if not lemma or fold_case(lemma) == fold_case(word) or token.pos != "PROPN":
        return None
    common = 0
    for a, b in zip(fold_case(lemma), fold_case(word)):
        if a != b:
            break
        common += 1
    if common < max(3, len(lemma) - 1) or fold_case(word)[common:] not in _OBLIQUE_ENDINGS:
        return None
    if lemma[-1:].lower() not in CONSONANTS | {"й"} or fold_case(word).endswith(_WOMENS_SURNAMES):
        return None
    # the dictionary's spelling of the same lemma keeps its «ё» («Петру» → «Пётр»)
    lemma = next((a.lemma for a in natasha.analyses(word) if fold_case(a.lemma) == fold_case(lemma)), lemma)
    return recase(lemma, word)


def _person_part(token: Token, gender: str | None, attested: frozenset[str] = frozenset(),
                 alone: bool = False) -> str:
    word = clean_word(token.text)
    if word.lower() in SURNAME_PARTICLES and word.islower():
        return word
    if word.endswith(".") or len(word) < 2:
        return word
    if gender is not None:  # a nominative the document supports, whatever the tagger's case
        for form in _ending_forms(word, gender):
            if fold_case(form) in attested:
                return form
    if alone:  # a name of one word: the tagger's lemma is a better guess than its case
        lemma = _tagger_lemma(token, word, gender)
        if lemma:
            return lemma
    if token.feats.get("Case", "Nom") == "Nom":
        return word
    have = frozenset({CASES[token.feats["Case"]]}) if token.feats.get("Case") in CASES else frozenset()
    gender_set = frozenset({gender}) if gender in ("masc", "femn") else frozenset()
    want = frozenset({"nomn", "sing"}) | gender_set
    need = frozenset({"anim"}) | gender_set
    form = _reinflect(word, _NOUNS, have, want, prefer=_NAME_MARKS, need=need)
    # «Обамы»: a man's name declined like a feminine noun. Not in the accusative, where
    # «-у» is as likely an indeclinable foreign name («Жоржа Помпиду»).
    if form is None and gender_set and have and "accs" not in have:
        form = _reinflect(word, _NOUNS, have, frozenset({"nomn", "sing"}), prefer=_NAME_MARKS | gender_set,
                          need=frozenset({"anim"}), strict=True)
    if form is None and gender_set:  # adjectival surnames: «Юрию Долгорукому» → «Долгорукий»
        form = _reinflect(word, _ADJECTIVES, have, want, need=gender_set, strict=True)
    if form is None and "-" in word:  # «Шабан-Дельмаса»: only the last part declines
        first, _, last = word.rpartition("-")
        tail = _reinflect(last, _NOUNS, have, want, prefer=_NAME_MARKS, need=need)
        form = f"{first}-{tail}" if tail else None
    if form in (None, word) and gender == "masc" and token.feats.get("Gender") == "Masc" and token.pos == "PROPN":
        # A foreign name the dictionary does not know, declined as a hard-stem masculine noun:
        # «Лагранжем», «Гомера», «Миниху».
        form = _hard_stem(word, token.feats.get("Case", "")) or form
    return form or word


# An initial and its dot, wherever the next name part starts: «В.И.Ленин», «А. Ф. Керенский».
_INITIAL = re.compile(r"(?<!\w)([А-ЯЁA-Z][а-яёa-z]?)\.\s*(?=[А-ЯЁA-Z])")


def spaced_initials(name: str) -> str:
    """Initials written one way: a dot and a space after each («В.И.Ленин» → «В. И. Ленин»)."""
    return _INITIAL.sub(r"\1. ", name)


def _join(doc: Doc, indices: list[int], words: dict[int, str]) -> str:
    out = []
    for n, i in enumerate(indices):
        if n:
            prev = doc.tokens[indices[n - 1]]
            gap = doc.text[prev.end : doc.tokens[i].start]
            out.append(" " if gap and not gap.isspace() else gap.replace("\n", " "))
        out.append(words.get(i, clean_word(doc.tokens[i].text)))
    return _TRAILING_NUMBERS.sub("", "".join(out))


def _opening_words(doc: Doc, indices: list[int]) -> int:
    """How many words at the start of a person span are no part of the name: a common noun or
    a verb the recogniser took in at the start of a line («Реформы С.Ю. Витте», «Экспедиция
    В. Беринга»), followed by a capitalised word."""
    n = 0
    while n < len(indices) - 1:
        token = doc.tokens[indices[n]]
        if token.pos not in ("NOUN", "VERB", "ADJ", "PROPN") or token.text.endswith("."):
            break
        word = visible(token.text)
        if any(a.grammemes & (_NAME_MARKS | {"Geox"}) for a in natasha.analyses(word)):
            break
        if token.pos == "PROPN" and not natasha.known(word):
            break  # a capitalised word the dictionary does not know may be a foreign name
        n += 1
    return n


def person_normal(doc: Doc, indices: list[int], attested: frozenset[str] = frozenset()) -> str:
    """«Жоржа Бидо» → «Жорж Бидо»; «Анны Ахматовой» → «Анна Ахматова»; «В.И.Ленин» → «В. И. Ленин».
    A declined name part takes the nominative the document itself writes when one of its
    regular endings gives it (`attested`, from `person_forms`)."""
    indices = indices[_opening_words(doc, indices):]
    while len(indices) > 1 and doc.tokens[indices[-1]].pos == "PUNCT":
        indices = indices[:-1]
    gender = person_gender(doc, indices)
    alone = sum(doc.tokens[i].pos != "PUNCT" for i in indices) == 1
    words = {i: _person_part(doc.tokens[i], gender, attested, alone) for i in indices if doc.tokens[i].pos != "PUNCT"}
    return spaced_initials(_join(doc, indices, words)).strip()


def _head_grammemes(token: Token, form: str, inflected: bool) -> tuple[str, str | None]:
    """Number and gender of a head noun in its nominative form."""
    number = NUMBERS.get(token.feats.get("Number", "Sing"), "sing")
    gender = GENDERS.get(token.feats.get("Gender", ""))
    for a in natasha.analyses(form):
        if a.pos == "NOUN" and "nomn" in a.grammemes:
            gender = next((g for g in ("masc", "femn", "neut") if g in a.grammemes), gender)
            if inflected:  # the form we made says its number better than the tagger did
                number = next((n for n in ("sing", "plur") if n in a.grammemes), number)
            break
    return number, gender


def _masculine_stem(token: Token) -> str | None:
    """A proper name the tagger reads as masculine, which the dictionary only guesses as feminine:
    strip the regular masculine ending («Тоттенхэме» → «Тоттенхэм»)."""
    ending = MASCULINE_ENDINGS.get(token.feats.get("Case", ""))
    word = token.text
    if token.pos != "PROPN" or token.feats.get("Gender") != "Masc" or token.feats.get("Number") == "Plur" or not ending:
        return None
    if not word.endswith(ending) or len(word) < len(ending) + 3 or word[-len(ending) - 1].lower() not in CONSONANTS:
        return None
    readings = [a for a in natasha.analyses(word) if a.pos == "NOUN"]
    if any(a.grammemes & {"masc", "Fixd", "Geox"} or a.score >= 0.6 for a in readings):
        return None  # the dictionary knows the word (or has a masculine reading): inflect it properly
    return word[: -len(ending)]


# For place names, among readings nearly as likely as the best: a geographic one first, then a
# masculine one, which a foreign name the dictionary only guesses usually is («в Тусоне» →
# «Тусон»), and not a first name («в Бенрате» → «Бенрат», not «Бенрата»).
PLACE_OPTIONS: dict[str, object] = {"prefer": frozenset({"Geox", "masc"}), "avoid": frozenset({"Name"}), "window": 0.1}


def _stray(token: Token) -> bool:
    """A word a recogniser takes in at a name's end that is no part of it: a preposition or a
    conjunction («Красная Армия по»), a letter alone («Тайная канцелярия П»)."""
    return token.pos in ("ADP", "CCONJ", "SCONJ", "PUNCT") or (len(token.text) == 1 and token.text.isalpha())


def _trimmed(doc: Doc, indices: list[int], head: int | None) -> list[int]:
    """`indices` without a verb or short participle opening them (a line of notes that starts
    «Основан Путиловский завод», «Упразднён Кабинет») and without stray words at the end."""
    keep = list(indices)
    while len(keep) > 1 and keep[0] != head and (doc.tokens[keep[0]].pos in ("VERB", "AUX")
                                                 or doc.tokens[keep[0]].feats.get("Variant") == "Short"):
        keep = keep[1:]
    while len(keep) > 1 and keep[-1] != head and _stray(doc.tokens[keep[-1]]):
        keep = keep[:-1]
    return keep


def _adjectives_before(doc: Doc, indices: list[int], head: int) -> list[int]:
    """The adjectives right before `head` in the span, in its case: they agree with it whatever
    the parser hung them on («Кембриджского математического журнала»)."""
    case = doc.tokens[head].feats.get("Case")
    run: list[int] = []
    for i in reversed([i for i in indices if i < head]):
        t = doc.tokens[i]
        if t.pos != "ADJ" or t.feats.get("Case") != case or i != (run[-1] if run else head) - 1:
            break
        run.append(i)
    return run[::-1]


_ADJECTIVE_LEMMA_ENDINGS = ("ый", "ий", "ой")


def _noun_as_adjective(token: Token) -> bool:
    """A capitalised noun the tagger took for an adjective: its lemma has no adjective's ending
    («Вестника», lemma «вестник»)."""
    return token.pos == "ADJ" and token.text[:1].isupper() and bool(token.lemma) \
        and not token.lemma.lower().endswith(_ADJECTIVE_LEMMA_ENDINGS)


def _first_noun(doc: Doc, indices: list[int]) -> int:
    """The head of a name: its first noun after the opening adjectives, whose genitives and
    phrases follow it («Вестника опытной физики и элементарной математики»: «Вестника»,
    whatever noun a parser hung the rest on); the parser's head where the name opens otherwise."""
    head = span_head(doc, indices)
    for i in indices:
        t = doc.tokens[i]
        if t.pos in ("NOUN", "PROPN") or _noun_as_adjective(t):
            return i if doc.tokens[head].pos in ("NOUN", "PROPN", "ADJ") else head
        if t.pos not in ("ADJ", "DET", "NUM"):
            break
    return head


def _only_singular(word: str) -> bool:
    """An adjective the dictionary reads only in the singular («Базельской», not «Базельских»)."""
    readings = [a for a in natasha.analyses(word) if a.pos == "ADJF"]
    return bool(readings) and all("sing" in a.grammemes for a in readings)


def noun_head(doc: Doc, indices: list[int], head: int) -> int:
    """A parser's adjective head moved to the noun it opens: the first noun after a run of
    adjectives in one case («Кембриджского» → «журнала» in «Кембриджского математического
    журнала»), so the noun, not a genitive tail, becomes nominative."""
    token = doc.tokens[head]
    if token.pos != "ADJ" or not token.feats.get("Case") or _noun_as_adjective(token):
        return head
    for i in (i for i in indices if i > head):
        t = doc.tokens[i]
        if t.pos in ("NOUN", "PROPN") and t.feats.get("Case") == token.feats.get("Case"):
            return i
        if t.pos != "ADJ" or t.feats.get("Case") != token.feats.get("Case"):
            break
    return head


def phrase_normal(doc: Doc, indices: list[int], head: int | None = None, options: dict[str, object] | None = None) -> str:
    """A noun phrase in the nominative: head and agreeing words inflect, dependents stay."""
    indices = _trimmed(doc, indices, head)
    if not indices:
        return ""
    head = noun_head(doc, indices, _first_noun(doc, indices) if head is None else head)
    token = doc.tokens[head]
    words: dict[int, str] = {}
    case = token.feats.get("Case")
    if token.text.isupper() and len(token.text) > 1:
        case = None  # an acronym is written as it is («ВОФЭМ», «МКМО»)
    before = _adjectives_before(doc, indices, head)
    if case and case != "Nom" and token.pos in ("NOUN", "PROPN", "ADJ"):
        number = written = NUMBERS.get(token.feats.get("Number", "Sing"), "sing")
        if number == "plur" and before and all(_only_singular(doc.tokens[i].text) for i in before):
            number = "sing"  # one of several named by coordinated adjectives: «Базельской академий наук»
        have = frozenset({CASES[case], written}) if case in CASES else frozenset({written})
        pos = _NOUNS | (_ADJECTIVES if token.pos == "ADJ" else frozenset())
        form = _masculine_stem(token) or _reinflect(token.text, pos, have, frozenset({"nomn", number}), **(options or {}))
        if form:
            words[head] = form
    number, gender = _head_grammemes(token, words.get(head, token.text), head in words)
    agree = "plur" if number == "plur" else (gender or "masc")
    for i in indices:
        dep = doc.tokens[i]
        # Only the head's own modifiers agree with it; a dependent's adjectives keep their case.
        if i == head or case in (None, "Nom") or i not in before and (dep.head != head or dep.rel not in _AGREEING):
            continue
        form = _ordinal(dep.text, agree)
        if form is None:
            want = frozenset({"nomn", "plur"}) if agree == "plur" else frozenset({"nomn", "sing", agree})
            form = _reinflect(dep.text, _ADJECTIVES, frozenset({CASES.get(case, "nomn")}), want)
        if form:
            words[i] = form
    return _join(doc, indices, words)


_LINKS = frozenset({",", "и", "или", "либо"})


def shared_head(doc: Doc, indices: list[int]) -> str | None:
    """An adjective alone that shares the noun of the last of coordinated adjectives takes it:
    «Петербургской» in «Петербургской, Берлинской и Базельской академий наук» is «Петербургская
    академия наук» (the noun in the singular, its genitives kept)."""
    if len(indices) != 1 or doc.tokens[indices[0]].pos != "ADJ":
        return None
    last = doc.sentences[doc.tokens[indices[0]].sent].last
    i, linked = indices[0] + 1, False
    while i < last:
        t = doc.tokens[i]
        if t.text.lower() in _LINKS:
            i, linked = i + 1, True
        elif t.pos == "ADJ" and linked and i + 1 < last:
            noun = doc.tokens[i + 1]
            if noun.pos in ("NOUN", "PROPN") and noun.feats.get("Case") == t.feats.get("Case"):
                break
            i, linked = i + 1, False
        else:
            return None
    else:
        return None
    span = [i, i + 1]
    while span[-1] + 1 < last and doc.tokens[span[-1] + 1].head in span and doc.tokens[span[-1] + 1].pos in ("NOUN", "PROPN", "ADJ"):
        span.append(span[-1] + 1)
    words = phrase_normal(doc, span).split(" ", 1)
    readings = [a for a in natasha.analyses(words[0]) if a.pos == "ADJF" and {"nomn", "sing"} <= a.grammemes]
    gender = next((g for a in readings for g in ("masc", "femn", "neut") if g in a.grammemes), None)
    own = doc.tokens[indices[0]]
    if gender is None or len(words) < 2:
        return None
    form = _reinflect(own.text, _ADJECTIVES, frozenset({CASES.get(own.feats.get("Case", ""), "nomn")}),
                      frozenset({"nomn", "sing", gender}))
    return f"{form} {words[1]}" if form else None


def gender_of(doc: Doc, indices: list[int], person: bool) -> str | None:
    """Universal Gender of what a span names ('Masc', 'Fem', 'Neut'; None for plurals or unknown)."""
    if person:
        g = person_gender(doc, indices)
        return GENDERS_BACK.get(g) if g else None
    token = doc.tokens[span_head(doc, indices)]
    if token.feats.get("Number") == "Plur":
        return None
    return token.feats.get("Gender")


def number_of(doc: Doc, indices: list[int]) -> str:
    """Universal Number of a span's head, unless the word has no reading in that number."""
    token = doc.tokens[span_head(doc, indices)]
    number = token.feats.get("Number", "Sing")
    readings = [a for a in natasha.analyses(token.text) if a.pos == "NOUN"]
    if readings and not any(NUMBERS.get(number, "sing") in a.grammemes for a in readings):
        return "Plur" if number == "Sing" else "Sing"
    return number
