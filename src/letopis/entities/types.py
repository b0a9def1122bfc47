"""What a mention names, from its context: rules that correct a recogniser's type.

A recogniser reads «пред. Львов» as the city, «Петросовет» as a person, «Бородинское
сражение» as a place and «Владимира» of «орден Святого Владимира» as a prince. Each rule
below looks at one mention and its neighbours and says the type it should have (`None`: keep
it); the first rule that speaks wins, and the stage writes it to the trace.

| rule | what it retypes | example |
|---|---|---|
| `award_saint` | a person named after an award noun → `AWARD` (no entity) | «орденом Святого Владимира IV степени» |
| `named_event` | a place or facility headed by an event noun → `EVENT` (no entity) | «Бородинское сражение», «Февральская революция» |
| `council` | a person or place whose head is an organisation's noun → `ORGANIZATION` | «Петросовет», «Горсовет», «Синод» |
| `titled_name` | a capitalised place right after a person's title: in apposition, after an abbreviated title, or in the title's case where it is no country, region or large city → `PERSON` | «пред. Львов», «князь Львов», «мэр Байи» (not «президента США») |
| `common_word` | a one-word person that opens a sentence, a clause after a stop, or a line, and that the dictionary knows only as a common word, unless the text names someone so mid-sentence → `OTHER` (no entity) | «Диссертация ...», «…княжества\nВопреки ...», «1762 - Секуляризация», «1725» |
| `family` | a person named by a surname in the plural, after «семья», «род» in any case, or after kin in the plural → `GROUP` | «Романовы», «князья Долгоруковы», «братьев Бернулли», «друга семьи Бернулли» |
| `name_adjective` | a one-word person that is an adjective of a following noun (or has an adjective's suffix and is no known surname) → `OTHER` | «Лукасовским профессором», «Сэдлеровского профессора» |
| `state_name` | a one-word person the gazetteer knows as a place (any place where the dictionary reads the word as one; else a country, state or region) and no dictionary as a person's name → `LOCATION` | «Пруссию», «Гёттинген», «Овернь» |
| `person_word` | a one-word place that the dictionary reads only as a person's name or surname and the gazetteer does not know → `PERSON` | «Ушакова», «Чичерин», «Аполлония» |

After normal forms, `persons_by_name` (trace `one_name_one_type`) makes a place mention a
person where the document names a person so and no preposition puts the word in a place:
«Николай Ростов» … «Ростов ответил» (but «приехал в Ростов»).
"""

from __future__ import annotations

from collections.abc import Callable

from ..adapters import gazetteer, natasha
from ..doc import Doc, Mention, Token
from ..fold import fold_case
from ..lang.ru.kinds import (AWARD_NOUNS, EVENT_NOUNS, ORGANISATION_HEADS, ORGANISATION_HEADS_SKIPPED,
                             PLACE_PREPOSITIONS, TITLE_ABBREVIATIONS)
from ..lang.ru.ranks import TITLES
from .tree import mention_tokens, span_head

_NAME_MARKS = frozenset({"Name", "Surn", "Patr"})
_STATE_KINDS = frozenset({"COUNTRY", "HISTORIC_STATE", "REGION"})


def _lemma(token: Token) -> str:
    return fold_case(token.lemma or token.text)


def _before(doc: Doc, tokens: list[int], n: int = 1, across: bool = False) -> list[Token]:
    """The `n` tokens before the mention, nearest last, within its sentence (`across`: a
    sentence break a splitter put after an abbreviation's dot does not count)."""
    first = tokens[0]
    start = 0 if across else doc.sentences[doc.tokens[first].sent].first
    return [doc.tokens[i] for i in range(max(start, first - n), first)]


def award_saint(doc: Doc, m: Mention, tokens: list[int]) -> str | None:
    if m.type != "PERSON":
        return None
    before = _before(doc, tokens, 2)
    words = [t for t in before if t.pos != "PUNCT"]
    if words and _lemma(words[-1]) in ("святой", "св", "св.") and len(words) > 1:
        words = words[:-1]
    return "AWARD" if words and _lemma(words[-1]) in AWARD_NOUNS else None


def named_event(doc: Doc, m: Mention, tokens: list[int]) -> str | None:
    if m.type not in ("LOCATION", "FACILITY"):
        return None
    head = doc.tokens[span_head(doc, tokens)]
    return "EVENT" if _lemma(head) in EVENT_NOUNS and len(tokens) > 1 else None


def council(doc: Doc, m: Mention, tokens: list[int]) -> str | None:
    if m.type not in ("PERSON", "LOCATION"):
        return None
    head = _lemma(doc.tokens[span_head(doc, tokens)])
    hit = next((h for h in ORGANISATION_HEADS if head.endswith(h)), None)
    if hit is None or (hit in ORGANISATION_HEADS_SKIPPED and head == hit):
        return None
    return "ORGANIZATION"


# A genitive after a title names what the title is of («мэр Москвы», «президента США») when it
# is a country, a region or a city this large; a small town's name there is rather a surname.
_TITLE_OF_CITY = 100_000
_APPOSED = ("appos", "flat", "flat:name", "flat:foreign")


def titled_name(doc: Doc, m: Mention, tokens: list[int]) -> str | None:
    if m.type != "LOCATION" or len(tokens) > 2:
        return None
    if not all(doc.tokens[i].text[:1].isupper() and not doc.tokens[i].text.isupper() for i in tokens):
        return None
    before = _before(doc, tokens, 2, across=True)
    if not before:
        return None
    if before[-1].text == "." and len(before) > 1 and fold_case(before[-2].text) in TITLE_ABBREVIATIONS:
        return "PERSON"  # «пред. Львов»: an abbreviated title says nothing of the case
    if fold_case(before[-1].text).rstrip(".") in TITLE_ABBREVIATIONS and before[-1].text.endswith("."):
        return "PERSON"
    before = _before(doc, tokens, 1)
    if not before:
        return None
    title = before[-1]
    if _lemma(title) not in TITLES or title.pos != "NOUN":
        return None
    head = doc.tokens[span_head(doc, tokens)]
    if head.pos == "ADJ":
        return None  # «губернатор Приволжского ...»: the adjective of a longer place
    if head.rel in _APPOSED and head.head == tokens[0] - 1:
        return "PERSON"  # «князь Львов», «генерал Милорадович»: the name stands beside its title
    if head.feats.get("Case") != title.feats.get("Case") or head.feats.get("Case") == "Gen":
        return None  # «мэр Москвы», «мэра Ньюарка»
    places = [p for lemma in dict.fromkeys(a.lemma for a in natasha.analyses(head.text)) for p in gazetteer.lookup(lemma)]
    places += gazetteer.lookup(m.text)
    if any(p.kind != "CITY" or p.population >= _TITLE_OF_CITY for p in places):
        return None  # «президента США», «мэра Парижа»
    return "PERSON"  # «мэр Байи»


def common_word(doc: Doc, m: Mention, tokens: list[int]) -> str | None:
    if m.type != "PERSON" or len(tokens) != 1:
        return None
    token = doc.tokens[tokens[0]]
    word = token.text.strip("•*-– ")
    if not any(c.isalpha() for c in word):
        return "OTHER"  # «1725» tagged a person
    if not _opening(doc, tokens[0]) or not natasha.known(word):
        return None
    if any(a.grammemes & (_NAME_MARKS | {"Geox"}) for a in natasha.analyses(word)):
        return None
    lemma = _lemma(token)
    for other in doc.mentions:  # the text names someone so elsewhere: «Мадонна», «Кит Флинт»
        if other is not m and other.type == "PERSON":
            words = mention_tokens(doc, other)
            # Another opening of a sentence or a line proves nothing: a repeated page or a
            # recurring address («Голубчик!») is no name.
            if any(_lemma(doc.tokens[i]) == lemma and (len(words) > 1 or not _opening(doc, i)) for i in words):
                return None
    return "OTHER"


def _opening(doc: Doc, index: int) -> bool:
    """Whether the token's capital letter is not free: it opens a sentence, a clause after a
    stop or a dash, or a line (a heading with no stop before the next line: «… княжества\nВопреки»;
    «1762 - Секуляризация»)."""
    token = doc.tokens[index]
    start = doc.sentences[token.sent].first
    if index == start:
        return True
    before = doc.tokens[index - 1]
    if before.pos == "PUNCT" and before.text not in (",",):
        return True
    line = doc.text.rfind("\n", 0, token.start)
    return line >= 0 and not any(c.isalpha() for c in doc.text[line + 1:token.start])


# Words before a surname that make it a family: a collective noun in any number and case
# («друга семьи Бернулли», «из рода Голицыных»), kin and titles in the plural («братьев
# Бернулли», «князья Долгоруковы»; a tagger may give the singular lemma «брат»).
_FAMILY_COLLECTIVES = frozenset("семья семейство род династия".split())
_FAMILY_NOUNS = frozenset("братья брат сестры сестра дом князья князь графы граф бояре боярин супруги супруг".split())


def family(doc: Doc, m: Mention, tokens: list[int]) -> str | None:
    if m.type != "PERSON" or len(tokens) != 1:
        return None
    token = doc.tokens[tokens[0]]
    before = [t for t in _before(doc, tokens, 1) if t.pos != "PUNCT"]
    if before and (_lemma(before[-1]) in _FAMILY_COLLECTIVES
                   or _lemma(before[-1]) in _FAMILY_NOUNS and before[-1].feats.get("Number") == "Plur"):
        return "GROUP"
    names = [a for a in natasha.analyses(token.text) if a.grammemes & {"Surn", "Name"}]
    # «Голицыны», «Романовы»: the dictionary has the family, and every reading as a name is a
    # plural one (a foreign name it only guesses, «Бонуры», may be one person's)
    if names and all("plur" in a.grammemes for a in names) and token.text[-1:] in ("ы", "и") \
            and natasha.known(token.text):
        return "GROUP"
    return None


_ADJECTIVE_SUFFIXES = ("ский", "цкий", "ской", "цкой")


def _adjective_shaped(token: Token) -> bool:
    """A proper word with an adjective's suffix that no dictionary knows as a surname
    («Сэдлеровского профессора»; «Достоевского» is a surname)."""
    lemma = (token.lemma or "").lower()
    return lemma.endswith(_ADJECTIVE_SUFFIXES) and not (
        natasha.known(token.text) and any("Surn" in a.grammemes for a in natasha.analyses(token.text)))


def name_adjective(doc: Doc, m: Mention, tokens: list[int]) -> str | None:
    if m.type != "PERSON" or len(tokens) != 1:
        return None
    token = doc.tokens[tokens[0]]
    if token.rel != "amod" or token.head is None or token.head <= tokens[0]:
        return None
    if token.pos != "ADJ" and not _adjective_shaped(token):
        return None
    head = doc.tokens[token.head]
    return "OTHER" if head.pos == "NOUN" and head.text[:1].islower() else None


def _places(readings) -> list:
    return [p for lemma in dict.fromkeys(a.lemma for a in readings) for p in gazetteer.lookup(lemma)]


def state_name(doc: Doc, m: Mention, tokens: list[int]) -> str | None:
    if m.type != "PERSON" or len(tokens) != 1:
        return None
    readings = natasha.analyses(doc.tokens[tokens[0]].text)
    if any(a.grammemes & _NAME_MARKS for a in readings):
        return None
    places = _places(readings)
    if any("Geox" in a.grammemes for a in readings) and places:
        return "LOCATION"
    return "LOCATION" if any(p.kind in _STATE_KINDS for p in places) else None


def person_word(doc: Doc, m: Mention, tokens: list[int]) -> str | None:
    if m.type != "LOCATION" or len(tokens) != 1:
        return None
    token = doc.tokens[tokens[0]]
    if not token.text[:1].isupper() or token.pos == "ADJ" or not natasha.known(token.text):
        return None  # a name the dictionary only guesses («Бакингемшир») proves nothing
    readings = natasha.analyses(token.text)
    if not readings or any("Geox" in a.grammemes for a in readings):
        return None
    if not all(a.grammemes & _NAME_MARKS for a in readings) or _places(readings):
        return None
    return "PERSON"


RULES: list[tuple[str, Callable[[Doc, Mention, list[int]], str | None]]] = [
    ("award_saint", award_saint),
    ("named_event", named_event),
    ("council", council),
    ("titled_name", titled_name),
    ("common_word", common_word),
    ("family", family),
    ("name_adjective", name_adjective),
    ("state_name", state_name),
    ("person_word", person_word),
]


def retype(doc: Doc) -> None:
    """Give each mention the type its context says, where a rule speaks; trace each change."""
    for m in doc.mentions:
        if m.source == "pronoun":
            continue
        tokens = mention_tokens(doc, m)
        if not tokens:
            continue
        for name, rule in RULES:
            new = rule(doc, m, tokens)
            if new and new != m.type:
                doc.note("entities", name, m.start, m.end, was=m.type, type=new)
                m.type, m.subtype = new, None
                break


def _after_place_preposition(doc: Doc, m: Mention) -> bool:
    tokens = mention_tokens(doc, m)
    before = _before(doc, tokens, 2) if tokens else []
    words = [t for t in before if t.pos != "PUNCT"]
    return bool(words) and fold_case(words[-1].text) in PLACE_PREPOSITIONS


def persons_by_name(doc: Doc, normals: dict[int, str]) -> list[int]:
    """Place mentions that name a person of the document (`one_name_one_type`): the mention's
    normal form is a person's surname or whole name elsewhere in the text («Николай Ростов» …
    «Ростов сказал»; «Лагранж» tagged a place once), and no preposition puts it in a place
    («в Ростове» stays the city). Returns the indices of mentions to make persons."""
    surnames: set[str] = set()
    for k, normal in normals.items():
        if doc.mentions[k].type == "PERSON":
            words = fold_case(normal).split()
            if words and not words[-1].endswith("."):
                surnames.add(words[-1])
                surnames.add(" ".join(words))
    out = []
    for k, normal in normals.items():
        m = doc.mentions[k]
        if m.type != "LOCATION" or m.form == "adjective" or not normal[:1].isupper():
            continue
        if fold_case(normal) in surnames and not _after_place_preposition(doc, m):
            doc.note("entities", "one_name_one_type", m.start, m.end, was=m.type, type="PERSON")
            out.append(k)
    return out
