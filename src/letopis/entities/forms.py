"""How a mention names its entity: by a proper name, a place adjective, a descriptor or a pronoun.

A historian's index wants every mention of Russia, «российские войска» included; a list of
the names a text uses wants only «Россия», «РФ». Each mention therefore says which it is:

- `name`: a proper name — «Шарль де Голль», «Министерство обороны», «МИД», «завод Renault»,
  «японского МИДа» (its head is a name);
- `adjective`: a place or people adjective standing for the place — «российских»,
  «парижские» (with no noun of its own in the mention);
- `descriptor`: a common noun phrase — «правительство Китая», «эстонская полиция»,
  «партии», «парижане»;
- `pronoun`: a pronoun the coreference step linked («им», «он»).

Peoples and roles are descriptors; a place or people mention made of adjectives only is an
adjective. A mention standing alone in quotes with a capital or a digit is a name («Левый
фронт», газета «Труд», фильм «9 рота»). Otherwise it is a name when its first word, its head, an adjective of its
head, or a word in apposition to the head or in quotes is proper: written in capitals
(«США»), in Latin letters, with a digit («4-я пехотная дивизия»), read by pymorphy as a
name, surname or place, or capitalised where the case is free. At the start of a sentence
(or after an opening quote) the capital says nothing by itself: an organisation, facility
or place of two words or more besides its place words is a full designation and so a name
(«Министерство внутренних дел», «Футбольная ассоциация»), while for a single word
(«Кремль», «Правительство Китая») the word's other occurrences in the document decide and,
failing those, how often NEREL train capitalises the lemma inside a sentence
(`data/ner/capitalised.tsv`, built by `train/ner/capitalised.py`).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from ..adapters import natasha
from ..doc import Doc, Mention, Token
from . import geo
from .tree import mention_tokens, span_head

FORMS = ("name", "adjective", "descriptor", "pronoun")
# Tokens after which the next word's case is not free: a capital there opens a quote,
# a parenthesis, direct speech or a list item.
CASE_OPENERS = frozenset({"«", "„", "“", '"', "(", "[", ":", "—", "–", "-", "•", "*"})
# pymorphy2 marks of a proper name: first name, surname, patronymic, place, organisation, trademark.
PROPER_MARKS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
# Types an adjective can stand for («российские» for Russia, «немецкие» for the Germans);
# «полицейские» is a role, and an organisation named by its adjective («солисты Большого»,
# партия «Новые правые») is named, not described.
_ADJECTIVE_TYPES = frozenset({"LOCATION", "GROUP"})
# Types whose full designation is a name («Футбольная ассоциация»); «Представитель Свободной
# Франции» is a role, however long.
_DESIGNATED_TYPES = frozenset({"ORGANIZATION", "FACILITY", "LOCATION"})
# Types that name no one by a proper name: peoples and roles (a name inside a role,
# «корреспондент «Голоса Америки»», is a mention of its own).
_NAMELESS_TYPES = frozenset({"GROUP", "PROFESSION"})
_APPOSED = ("appos", "flat", "flat:name", "flat:foreign")
# Opening quotes and their closing ones.
QUOTES = {"«": "»", "„": "“", "“": "”", '"': '"'}


def lemma_key(word: str) -> str:
    """The key of a word in the capitalisation table: its likeliest lemma, lowercase."""
    return natasha.lemmas(word.lower())[0]


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[int, int]]:
    text = resources.files("letopis.data").joinpath("ner/capitalised.tsv").read_text(encoding="utf-8")
    table: dict[str, tuple[int, int]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            key, capital, seen = line.split("\t")
            table[key] = (int(capital), int(seen))
    return table


def assign_forms(doc: Doc) -> None:
    """Set `form` on every mention of `doc`.

    A mention whose first word's case is not free (it opens a sentence) takes the form of
    the same phrase where the case is free in the document, when there is one: «Голос
    Америки: ...» at the start of a line is a name if the text also writes «Голоса Америки»
    in quotes, and «Министерство финансов» opening a sentence is a descriptor if the text
    writes «министерство финансов» elsewhere."""
    cases = CaseEvidence(doc)
    settled: dict[tuple[str, str], list[str]] = {}
    pending: list[tuple[Mention, tuple[str, str]]] = []
    for m in doc.mentions:
        if m.source == "pronoun":
            m.form = "pronoun"
            continue
        m.form = mention_form(doc, m, cases)
        key = (m.type, (m.normal or m.text).lower())
        tokens = mention_tokens(doc, m)
        quoted = bool(tokens) and _enclosed(doc, tokens)
        if tokens and (quoted or cases.case_free(tokens[0])):
            settled.setdefault(key, []).append(m.form)
        else:
            pending.append((m, key))
    for m, key in pending:
        forms = settled.get(key)
        if forms and m.form in ("name", "descriptor"):
            m.form = max(("name", "descriptor"), key=forms.count)


def mention_form(doc: Doc, m: Mention, cases: "CaseEvidence") -> str:
    """`name`, `adjective` or `descriptor` for one mention (see the module's docstring)."""
    tokens = mention_tokens(doc, m)
    words = [i for i in tokens if any(ch.isalpha() for ch in doc.tokens[i].text)]
    if not words:
        return "name" if tokens else "descriptor"
    if m.type in _ADJECTIVE_TYPES and all(doc.tokens[i].pos == "ADJ" for i in words):
        return "adjective"
    if m.type in _NAMELESS_TYPES:
        return "descriptor"  # «парижане», «корреспондент «Голоса Америки»»: a people, a role
    if _enclosed(doc, tokens) and (any(doc.tokens[i].text[:1].isupper() for i in words)
                                   or any(ch.isdigit() for i in tokens for ch in doc.tokens[i].text)):
        return "name"  # «Левый фронт», газета «Труд», «9 рота»: quotes set off a name
    first = doc.tokens[words[0]]
    if (m.type in _DESIGNATED_TYPES and first.text[:1].isupper() and not cases.case_free(words[0])
            and len(_designation(doc, words, cases)) >= 2):
        return "name"  # «Министерство внутренних дел заявило», not «Правительство Китая заявило»
    head = span_head(doc, tokens)
    candidates = {words[0], head}
    candidates.update(i for i in words if doc.tokens[i].head == head and doc.tokens[i].rel in _APPOSED + ("amod",))
    candidates.update(_quoted(doc, tokens))
    return "name" if any(cases.proper(i) for i in sorted(candidates)) else "descriptor"


def _designation(doc: Doc, words: list[int], cases: "CaseEvidence") -> list[int]:
    """The words of a mention that are not place words: not inside a place mention, not a
    place adjective («Российские власти» → «власти», «Правительство Китая» → «Правительство»)."""
    return [i for i in words if i not in cases.place_tokens and not _place_adjective(doc.tokens[i])]


def _place_adjective(token: Token) -> bool:
    return token.pos == "ADJ" and geo.adjective_place(token.lemma or token.text) is not None


def _enclosed(doc: Doc, tokens: list[int]) -> bool:
    """Whether the tokens stand alone between an opening quote and its closing one («Труд»,
    not the words opening a quotation: «Японское правительство, очевидно, решило ...»)."""
    before, after = tokens[0] - 1, tokens[-1] + 1
    if before < 0 or after >= len(doc.tokens) or doc.tokens[before].text not in QUOTES:
        return False
    return doc.tokens[after].text in (QUOTES[doc.tokens[before].text], "»", "“", "”", '"')


def _quoted(doc: Doc, tokens: list[int]) -> list[int]:
    """Word tokens of `tokens` that stand between an opening quote and its closing one."""
    out: list[int] = []
    closing: str | None = None
    for i in tokens:
        text = doc.tokens[i].text
        if closing is None and text in QUOTES:
            closing = QUOTES[text]
        elif closing is not None and text == closing:
            closing = None
        elif closing is not None and text[:1].isalpha():
            out.append(i)
    return out


# The last document's counts: the rules and the forms ask for the same document's several
# times. The entry holds the token list itself, so a new document's list is never taken
# for a freed one that had its id (as entities.tree does for token starts).
_counted: list = [None, None, 0, {}]


def _free_counts(doc: Doc) -> dict[str, list[int]]:
    """Lemma key -> [capitalised, seen] over the words of `doc` whose case is free."""
    if _counted[0] is doc.tokens and _counted[1] is doc.sentences and _counted[2] == len(doc.tokens):
        return _counted[3]
    free: dict[str, list[int]] = {}
    for i, token in enumerate(doc.tokens):
        if case_free(doc, i) and token.text[:1].isalpha() and not token.text.isupper():
            counts = free.setdefault(lemma_key(token.text), [0, 0])
            counts[0] += token.text[:1].isupper()
            counts[1] += 1
    _counted[:] = [doc.tokens, doc.sentences, len(doc.tokens), free]
    return free


def case_free(doc: Doc, i: int) -> bool:
    """Whether nothing but the word itself decides its first letter's case."""
    first = doc.sentences[doc.tokens[i].sent].first
    for j in range(i - 1, first - 1, -1):
        before = doc.tokens[j].text
        if before[:1].isalnum():
            return True
        if before in CASE_OPENERS:
            return False
    return False  # the sentence's first word


class CaseEvidence:
    """Whether a token is written as a proper name, with the document's own usage at hand."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        # tokens inside place mentions, for a mention's designation
        self.place_tokens = {i for m in doc.mentions if m.type == "LOCATION" for i in mention_tokens(doc, m)}
        self._free = _free_counts(doc)

    def case_free(self, i: int) -> bool:
        return case_free(self.doc, i)

    def proper(self, i: int) -> bool:
        text = self.doc.tokens[i].text
        if not any(ch.isalpha() for ch in text):
            return False
        if any(ch.isdigit() for ch in text) or any("a" <= ch.lower() <= "z" for ch in text):
            return True
        if len(text) > 1 and text.isupper():
            return True
        if not text[:1].isupper():
            return False
        if self.case_free(i):
            return True
        if any(a.grammemes & PROPER_MARKS for a in natasha.analyses(text)[:1]):
            return True
        key = lemma_key(text)
        capital, seen = self._free.get(key, (0, 0))
        if seen:  # the document's own usage: «Кремль» elsewhere, or «правительство»
            return 2 * capital >= seen
        capital, seen = _table().get(key, (1, 1))
        return 2 * capital >= seen  # unknown lemmas keep the benefit of the capital
