"""Rule mentions the recogniser misses: groups, military units, fuller organisation names.

Each rule is a small function `Doc -> list[Mention]` in `RULES`. `apply_rules` adds
what they find: a rule mention with the same span as a recognised one refines its
type; one that covers same-typed recognised mentions around the same head replaces
them («Комитетом освобождения» + «Парижа» → «Комитетом освобождения Парижа»).
Persons and places inside a unit («дивизии генерала Леклерка», «армии США») stay
mentions of their own.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterator
from itertools import takewhile

from ..adapters import gazetteer, natasha
from ..doc import Doc, Mention, Token
from ..lang.ru.facilities import FACILITY_NOUNS
from ..lang.ru.demonyms import COLLECTIVE_ACTORS, COLLECTIVE_ROLES, DEMONYMS, NATIONALITIES, NATIONALITY_ADJECTIVE_SUFFIXES
from ..lang.ru.ranks import TITLES
from ..lang.ru.sources import PUBLISHER_NOUNS, REPORTING_VERBS, SOURCE_MARKERS, SOURCE_PHRASES
from ..lang.ru.units import ORDINAL_WORDS, UNIT_ADJECTIVES, UNIT_NOUNS
from ..lang.ru.vehicles import VEHICLE_NOUNS
from ..syntax_tree import Children, ancestors
from .forms import PROPER_MARKS, QUOTES, CaseEvidence, mention_form
from .tree import mention_tokens, span_head, span_tokens

_DIGIT_ORDINAL = re.compile(r"^\d+(-?[а-яё]{1,3})?$")
_DEMONYM_ENDING = ("анин", "янин")
_GROUP_ADJECTIVES = frozenset({"союзный", "вражеский", "местный", "оккупационный", "правительственный", "народный", "повстанческий"})
_NAMED = ("PERSON", "ORGANIZATION", "LOCATION", "FACILITY", "GROUP")
# A web address written as a word («Lenta.ru», «www.tv100.ru», «baltinfo.ru»), not a link's part.
# Words right before a web address that make it a report's source.
_SOURCE_BEFORE = REPORTING_VERBS | SOURCE_MARKERS | PUBLISHER_NOUNS
_WEB_NAME = re.compile(
    r"(?<![\w./@:-])(?:www\.)?[^\W_][\w-]*(?:\.[\w-]+)*"
    r"\.(?:ru|su|рф|com|org|net|info|biz|ua|by|kz|eu|uk|de|fr|tv|io|me)(?![\w/@-])(?!\.\w)",
    re.IGNORECASE,
)


def _mk(doc: Doc, first: int, last: int, type_: str, subtype: str | None = None) -> Mention:
    start, end = doc.tokens[first].start, doc.tokens[last].end
    return Mention(start, end, doc.text[start:end], type_, subtype, source="rule")


def _lemma(token: Token) -> str:
    return token.lemma.lower().replace("ё", "е") if token.lemma else token.text.lower()


def _noun_reading(token: Token) -> str | None:
    """The lemma of the word as a plural noun, trusting the tagger unless pymorphy knows better."""
    if token.pos in ("NOUN", "ADJ") and token.feats.get("Number") == "Plur":
        return _lemma(token)
    if token.pos in ("PUNCT", "NUM", "ADP", "CCONJ", "SCONJ", "PRON", "PROPN") or not token.text.isalpha():
        return None
    readings = natasha.analyses(token.text)
    best = max(readings, key=lambda a: a.score, default=None)
    if best is not None and best.pos == "NOUN" and "plur" in best.grammemes and "anim" in best.grammemes:
        return best.lemma.replace("ё", "е")  # «парижане» tagged as a verb
    return None


def _plural_noun(token: Token) -> bool:
    return _noun_reading(token) is not None


def _is_demonym(token: Token) -> bool:
    lemma = _noun_reading(token) or _lemma(token)
    return lemma in DEMONYMS or (lemma.endswith(_DEMONYM_ENDING) and token.feats.get("Animacy") == "Anim")


def peoples(doc: Doc) -> list[Mention]:
    """Plural nationality and demonym nouns: «немцы», «парижане», «англичан»."""
    out = []
    for i, token in enumerate(doc.tokens):
        if not _plural_noun(token):
            continue
        lemma = _noun_reading(token) or ""
        if lemma in NATIONALITIES:
            out.append(_mk(doc, i, i, "GROUP", "NATIONALITY"))
        elif _is_demonym(token):
            out.append(_mk(doc, i, i, "GROUP"))
    return out


def _place_adjective(token: Token) -> bool:
    if token.pos != "ADJ":
        return False
    lemma = _lemma(token)
    return lemma.endswith(NATIONALITY_ADJECTIVE_SUFFIXES) or lemma in _GROUP_ADJECTIVES


def collectives(doc: Doc) -> list[Mention]:
    """Collective actors: «парижские полицейские», «немецкие солдаты», «повстанцы»."""
    out = []
    tree = Children(doc)
    for i, token in enumerate(doc.tokens):
        lemma = _noun_reading(token)
        if lemma is None or lemma in NATIONALITIES:
            continue
        if lemma in COLLECTIVE_ROLES:
            adjectives = [k for k in tree(i) if k < i and doc.tokens[k].rel == "amod" and _place_adjective(doc.tokens[k])]
            if adjectives:
                out.append(_mk(doc, min(adjectives), i, "GROUP"))
                continue
        if lemma in COLLECTIVE_ACTORS:
            out.append(_mk(doc, i, i, "GROUP"))
    return out


def _ordinal(token: Token) -> bool:
    return bool(_DIGIT_ORDINAL.match(token.text)) or _lemma(token) in ORDINAL_WORDS


def _named_tokens(doc: Doc) -> dict[int, tuple[int, int]]:
    """token index -> (first, last) token of the recognised name it starts."""
    spans: dict[int, tuple[int, int]] = {}
    for m in doc.mentions:
        if m.type in _NAMED:
            idx = mention_tokens(doc, m)
            if idx:
                spans.setdefault(idx[0], (idx[0], idx[-1]))
    return spans


def _unit_tail(doc: Doc, head: int, names: dict[int, tuple[int, int]]) -> int:
    """The last token of the genitive chain that names a unit's owner or commander."""
    last = head
    while True:
        nxt = last + 1
        if nxt >= len(doc.tokens) or doc.tokens[nxt].head not in range(head, last + 1):
            return last
        token = doc.tokens[nxt]
        if token.feats.get("Case") != "Gen" and token.pos not in ("PROPN",):
            return last
        if _lemma(token) in UNIT_NOUNS:
            last = _unit_tail(doc, nxt, names)
        elif nxt in names:
            last = names[nxt][1]
        elif _lemma(token) in TITLES and nxt + 1 in names:  # «дивизии генерала Леклерка»
            last = names[nxt + 1][1]
        elif token.pos == "PROPN":
            last = nxt
        else:
            return last


def military_units(doc: Doc) -> list[Mention]:
    """Ordinal + adjectives + unit noun + owner: «4-й пехотной дивизии армии США»."""
    names = _named_tokens(doc)
    out = []
    for i, token in enumerate(doc.tokens):
        if token.pos not in ("NOUN", "PROPN") or _lemma(token) not in UNIT_NOUNS:
            continue
        first = i
        while first > doc.sentences[token.sent].first:
            prev = doc.tokens[first - 1]
            modifier = prev.pos in ("ADJ", "NUM") or prev.feats.get("VerbForm") == "Part"  # «бронетанковая» read as a participle
            if not modifier or not first <= prev.head <= i:
                break
            first -= 1
        left = doc.tokens[first:i]
        last = _unit_tail(doc, i, names)
        sentence_start = doc.sentences[token.sent].first
        capitalised = any(t.text[:1].isupper() for k, t in enumerate(doc.tokens[first : i + 1], first) if k != sentence_start)
        ordinal = any(_ordinal(t) for t in left)
        if not (ordinal or capitalised or last > i):
            continue
        if last == i and not ordinal and not any(_lemma(t) in UNIT_ADJECTIVES for t in left) and not capitalised:
            continue
        out.append(_mk(doc, first, last, "ORGANIZATION", "MILITARY_UNIT"))
    return out


def fuller_organisations(doc: Doc) -> list[Mention]:
    """An organisation name continued by a genitive name: «Комитетом освобождения» + «Парижа»."""
    names = _named_tokens(doc)
    out = []
    for m in doc.mentions:
        if m.type not in ("ORGANIZATION", "FACILITY"):
            continue
        idx = mention_tokens(doc, m)
        if not idx:
            continue
        first, last = idx[0], idx[-1]
        grown = last
        while grown + 1 < len(doc.tokens):
            nxt = grown + 1
            token = doc.tokens[nxt]
            if token.head not in range(first, grown + 1) or token.feats.get("Case") != "Gen" or nxt not in names:
                break
            grown = names[nxt][1]
        if grown > last:
            out.append(_mk(doc, first, grown, m.type, m.subtype))
    return out


def adjective_names(doc: Doc) -> list[Mention]:
    """A name cut after its adjective («Советский» of «Советский Союз») gets its noun back."""
    names = _named_tokens(doc)
    out = []
    for m in doc.mentions:
        if m.type not in ("LOCATION", "ORGANIZATION", "FACILITY"):
            continue
        idx = mention_tokens(doc, m)
        if not idx or any(doc.tokens[i].pos not in ("ADJ", "DET") and doc.tokens[i].feats.get("VerbForm") != "Part" for i in idx):
            continue
        noun = idx[-1] + 1
        if noun >= len(doc.tokens) or doc.tokens[idx[-1]].head != noun or doc.tokens[noun].pos not in ("NOUN", "PROPN"):
            continue
        if not doc.tokens[noun].text[:1].isupper():
            continue
        last = noun
        if last + 1 in names and doc.tokens[last + 1].head == noun:  # «Штаты» + «Америки»
            last = names[last + 1][1]
        out.append(_mk(doc, idx[0], last, m.type, m.subtype))
    return out


def facilities(doc: Doc) -> list[Mention]:
    """A building noun named by a capitalised word: «газовый завод Ла-Виллет», «Зимний дворец»."""
    names = _named_tokens(doc)
    out = []
    for i, token in enumerate(doc.tokens):
        if token.pos != "NOUN" or _lemma(token) not in FACILITY_NOUNS:
            continue
        sentence_start = doc.sentences[token.sent].first
        first = i
        while first > sentence_start and doc.tokens[first - 1].head == i and doc.tokens[first - 1].pos == "ADJ":
            first -= 1
        capitalised = any(doc.tokens[k].text[:1].isupper() for k in range(first, i + 1) if k != sentence_start)
        last = i
        nxt = i + 1
        if nxt < len(doc.tokens) and doc.tokens[nxt].head == i and doc.tokens[nxt].text[:1].isupper():
            last = names[nxt][1] if nxt in names else nxt
        if capitalised or last > i:
            out.append(_mk(doc, first, last, "FACILITY"))
    return out


_LIST_SEPARATORS = frozenset({",", "и", ";"})


def _facility_phrase(doc: Doc, i: int) -> tuple[int, int]:
    """A facility noun with its adjectives and a genitive noun after it: «ратуши округов»."""
    sentence_start = doc.sentences[doc.tokens[i].sent].first
    first = i
    while first > sentence_start and doc.tokens[first - 1].head == i and doc.tokens[first - 1].pos == "ADJ":
        first -= 1
    last = i
    nxt = i + 1
    if nxt < len(doc.tokens) and doc.tokens[nxt].head == i and doc.tokens[nxt].pos == "NOUN" and doc.tokens[nxt].feats.get("Case") == "Gen":
        last = nxt
    return first, last


def listed_facilities(doc: Doc) -> list[Mention]:
    """Facility nouns listed beside a named facility: «ратуши округов, газовый завод
    Ла-Виллет и центральный почтамт» are three buildings taken, not one. A list item is
    read from the surface (commas and «и» between items), as the parser often links the
    items of a long list to different heads."""
    spans = {}
    for m in doc.mentions:
        if m.type == "FACILITY":
            idx = mention_tokens(doc, m)
            if idx:
                spans[idx[0]] = idx[-1]
    named = {k for m in doc.mentions if m.type in _NAMED for k in mention_tokens(doc, m)}
    candidates = [
        _facility_phrase(doc, i) for i, t in enumerate(doc.tokens)
        if t.pos in ("NOUN", "ADJ") and _lemma(t) in FACILITY_NOUNS and i not in named  # «почтамт» is read as ADJ at times
    ]
    out: list[Mention] = []
    grown = True
    while grown:  # a list item next to an item found in the last round
        grown = False
        ends = {last: first for first, last in spans.items()}
        for first, last in candidates:
            if first in spans:
                continue
            before, after = first - 1, last + 1
            sentence = doc.tokens[first].sent
            near = (
                before > 0 and doc.tokens[before].text in _LIST_SEPARATORS and before - 1 in ends
                and doc.tokens[before - 1].sent == sentence
            ) or (
                after + 1 < len(doc.tokens) and doc.tokens[after].text in _LIST_SEPARATORS and after + 1 in spans
                and doc.tokens[after + 1].sent == sentence
            )
            if near:
                spans[first] = last
                out.append(_mk(doc, first, last, "FACILITY"))
                grown = True
    return out


def inner_names(doc: Doc) -> list[Mention]:
    """An organisation named inside an organisation's description: «комиссия Европейского
    союза», «комитет ООН против пыток», «служба прессы Конституционного суда». The
    description is headed by a common noun; a genitive dependent of it that starts with a
    proper word and that no mention covers is an organisation of its own, unless it reads
    as a place («правительство Кипра» keeps «Кипра» for the places)."""
    cases = CaseEvidence(doc)
    taken = _Taken((m.start, m.end) for m in doc.mentions)
    out = []
    for m in doc.mentions:
        idx = mention_tokens(doc, m)
        if m.type != "ORGANIZATION" or len(idx) < 2:
            continue
        head = span_head(doc, idx)
        if cases.proper(head):
            continue
        inside = set(idx)
        for i in idx:
            token = doc.tokens[i]
            if i == head or token.head not in inside or token.rel != "nmod" or token.feats.get("Case", "Gen") != "Gen":
                continue
            part = sorted(j for j in idx if j == i or i in takewhile(inside.__contains__, ancestors(doc, j)))
            if part != list(range(part[0], part[-1] + 1)) or not cases.proper(part[0]):
                continue
            start, end = doc.tokens[part[0]].start, doc.tokens[part[-1]].end
            if taken.crossed(start, end, holders=True) or _reads_as_place(doc, part):
                continue
            out.append(_mk(doc, part[0], part[-1], "ORGANIZATION"))
            taken.add(start, end)
    return out


def members(doc: Doc) -> list[Mention]:
    """The people of an organisation are a group, not the organisation. «Исследователи
    Брукхейвенской национальной лаборатории» opening a sentence reads to the recogniser as
    one organisation's name, but its head is a plural animate common noun and the
    organisation, a mention of its own, is the genitive after it. «Свидетели Иеговы» and
    «Друзья культуры Азербайджана» stay organisations: nothing after their first word is one."""
    organisations = {(m.start, m.end) for m in doc.mentions if m.type == "ORGANIZATION"}
    out = []
    for m in doc.mentions:
        idx = mention_tokens(doc, m)
        if m.type != "ORGANIZATION" or len(idx) < 2 or span_head(doc, idx) != idx[0]:
            continue
        if (doc.tokens[idx[1]].start, m.end) in organisations and _people_noun(doc.tokens[idx[0]]):
            out.append(Mention(m.start, m.end, m.text, "GROUP", None, source="rule"))
    return out


def _people_noun(token: Token) -> bool:
    """A plural animate common noun: «исследователи», «сотрудники», «члены»."""
    readings = natasha.analyses(token.text.lower())
    best = readings[0] if readings else None
    return (best is not None and best.pos == "NOUN" and {"plur", "anim"} <= best.grammemes
            and not best.grammemes & PROPER_MARKS)


def web_sources(doc: Doc) -> list[Mention]:
    """A web address given as the source of a report is its publisher, an organisation:
    «сообщает baltinfo.ru», «цитирует infox.ru», «по данным Lenta.ru», «издание NJ.com»,
    «NEWSru.com сообщает». An address anywhere else may name a site («петиция на сайте
    change.org»), which NEREL counts as a product, so it is left to the recogniser."""
    out = []
    for match in _WEB_NAME.finditer(doc.text):
        idx = span_tokens(doc, match.start(), match.end())
        if not idx or doc.tokens[idx[0]].start != match.start() or doc.tokens[idx[-1]].end != match.end():
            continue  # not whole tokens
        first, last = idx[0], idx[-1]
        if not _reported_by(doc, first, last):
            continue
        if any(m.start < match.end() and match.start() < m.end for m in doc.mentions if m.type != "PROFESSION"):
            continue
        out.append(_mk(doc, first, last, "ORGANIZATION"))
    return out


def _reported_by(doc: Doc, first: int, last: int) -> bool:
    """Whether the words around tokens first..last present them as a report's source."""
    before = [doc.tokens[i] for i in range(max(doc.sentences[doc.tokens[first].sent].first, first - 2), first)]
    if before and _lemma(before[-1]) in _SOURCE_BEFORE:
        return True
    if len(before) == 2 and (before[0].text.lower(), _lemma(before[1])) in SOURCE_PHRASES:
        return True
    after = last + 1
    return after < len(doc.tokens) and doc.tokens[after].sent == doc.tokens[last].sent and (
        _lemma(doc.tokens[after]) in REPORTING_VERBS)


def _reads_as_place(doc: Doc, part: list[int]) -> bool:
    if any("Geox" in a.grammemes for i in part for a in natasha.analyses(doc.tokens[i].text)[:1]):
        return True
    head = doc.tokens[span_head(doc, part)]
    lemma = (head.lemma or head.text)
    return len(part) == 1 and bool(gazetteer.lookup(lemma[:1].upper() + lemma[1:]))


def vehicles(doc: Doc) -> list[Mention]:
    """A vehicle named in quotes after its noun is a vehicle (PRODUCT, subtype VEHICLE), and
    so are the names listed after it («шаттлы «Индевор» (в апреле) и «Атлантис»») and the
    same names wherever else the document gives them: «корабль «Союз ТМА-11»», «крейсер
    «Аврора»», then «следующего «Союза»» — not organisations."""
    names: set[tuple[tuple[str, bool], ...]] = set()
    for i, token in enumerate(doc.tokens):
        if _lemma(token) not in VEHICLE_NOUNS:
            continue
        at = i + 1
        while (found := _quoted_name(doc, at)) is not None:
            first, last = found
            if doc.tokens[first].text[:1].isupper():
                names.add(_shape(doc, range(first, last)))
            at = _next_in_list(doc, last + 1)
    if not names:
        return []
    out = []
    for i, n in _occurrences(doc, names, lambda i, n: True):
        out.append(_mk(doc, i, i + n - 1, "PRODUCT", "VEHICLE"))
    return out


def _quoted_name(doc: Doc, at: int) -> tuple[int, int] | None:
    """(first, end) of the words between the opening quote at token `at` and its closing one."""
    if at >= len(doc.tokens) or doc.tokens[at].text not in QUOTES:
        return None
    closing = QUOTES[doc.tokens[at].text]
    end = at + 1
    while end < len(doc.tokens) and end - at <= 6 and doc.tokens[end].text != closing:
        end += 1
    if end == at + 1 or end >= len(doc.tokens) or doc.tokens[end].text != closing:
        return None
    return at + 1, end


def _next_in_list(doc: Doc, at: int) -> int:
    """The token after a list separator («,», «и», «или») that follows token `at`, past a
    parenthesis; `len(doc.tokens)` when no list goes on."""
    if at < len(doc.tokens) and doc.tokens[at].text == "(":
        depth = 0
        while at < len(doc.tokens):
            depth += {"(": 1, ")": -1}.get(doc.tokens[at].text, 0)
            at += 1
            if depth == 0:
                break
    if at < len(doc.tokens) and doc.tokens[at].text.lower() in (",", "и", "или"):
        return at + 1
    return len(doc.tokens)


def repeated_names(doc: Doc) -> list[Mention]:
    """A name the text gives again where the recogniser missed it: an organisation tagged
    once as «Голоса Америки» is the same organisation at «Голос Америки:» opening a line.

    Only mentions that are names (`forms.mention_form`) are repeated: «Суд» opening a
    sentence is the word «суд». Names are compared by their words' lemmas and the case of
    each word's first letter, so «Правительство Китая» does not match «правительства
    Китая». A name recognised with two types in one document is left alone, and an
    occurrence is taken only where it overlaps no other mention but the ones inside it
    («Америки» inside «Голос Америки»)."""
    known: dict[tuple[tuple[str, bool], ...], set[tuple[str, str | None]]] = {}
    cases = CaseEvidence(doc)
    for m in doc.mentions:
        idx = mention_tokens(doc, m)
        if m.type in _REPEATED and idx and doc.tokens[idx[0]].text[:1].isupper():
            if mention_form(doc, m, cases) == "name":
                known.setdefault(_shape(doc, idx), set()).add((m.type, m.subtype))
    names = {key: kinds.pop() for key, kinds in known.items() if len(kinds) == 1}
    taken = _Taken((m.start, m.end) for m in doc.mentions)

    def free(i: int, n: int) -> bool:
        return not taken.crossed(doc.tokens[i].start, doc.tokens[i + n - 1].end, holders=False)

    out: list[Mention] = []
    for i, n in _occurrences(doc, names, free):
        type_, subtype = names[_shape(doc, range(i, i + n))]
        out.append(_mk(doc, i, i + n - 1, type_, subtype))
    return out


def _occurrences(doc: Doc, names, accept) -> Iterator[tuple[int, int]]:
    """(first token, length) of each place the tokens spell one of `names` (token shapes,
    `_shape`) within a sentence: at each token the longest name that `accept(i, n)` takes,
    then on past it."""
    lengths = sorted({len(key) for key in names}, reverse=True)
    firsts = {key[0] for key in names}
    keys = [(_lemma(t), t.text[:1].isupper()) for t in doc.tokens]
    for s in doc.sentences:
        i = s.first
        while i < s.last:
            n = 0
            if keys[i] in firsts:
                n = next((n for n in lengths if i + n <= s.last and tuple(keys[i : i + n]) in names and accept(i, n)), 0)
            if n:
                yield i, n
            i += max(n, 1)


class _Taken:
    """Mention spans, for asking what a new span would overlap without a scan of them all."""

    def __init__(self, spans) -> None:
        self.spans = sorted(set(spans))
        self.starts = [a for a, _ in self.spans]
        self.longest = max((b - a for a, b in self.spans), default=0)

    def add(self, start: int, end: int) -> None:
        at = bisect_left(self.spans, (start, end))
        if at == len(self.spans) or self.spans[at] != (start, end):
            self.spans.insert(at, (start, end))
            self.starts.insert(at, start)
            self.longest = max(self.longest, end - start)

    def crossed(self, start: int, end: int, holders: bool) -> bool:
        """Whether a span overlaps [start, end) other than by lying strictly inside it
        (or, with `holders`, by holding it strictly)."""
        first = bisect_left(self.starts, start - self.longest)
        for a, b in self.spans[first : bisect_left(self.starts, end)]:
            if b <= start:
                continue
            inside = start <= a and b <= end and (a, b) != (start, end)
            holds = holders and a <= start and end <= b and (a, b) != (start, end)
            if not inside and not holds:
                return True
        return False


_REPEATED = ("PERSON", "ORGANIZATION", "LOCATION", "FACILITY")
# Rules whose mention says what a recognised one of the same span is, whatever its type.
_RETYPING = frozenset({"vehicles", "members"})


def _shape(doc: Doc, indices) -> tuple[tuple[str, bool], ...]:
    return tuple((_lemma(doc.tokens[i]), doc.tokens[i].text[:1].isupper()) for i in indices)


RULES: list[tuple[str, Callable[[Doc], list[Mention]]]] = [
    ("adjective_names", adjective_names),
    ("peoples", peoples),
    ("collectives", collectives),
    ("military_units", military_units),
    ("fuller_organisations", fuller_organisations),
    ("facilities", facilities),
    ("listed_facilities", listed_facilities),
    ("inner_names", inner_names),
    ("web_sources", web_sources),
    ("vehicles", vehicles),
    ("members", members),
    ("repeated_names", repeated_names),
]


def _head_token(doc: Doc, m: Mention) -> int:
    idx = mention_tokens(doc, m)
    return span_head(doc, idx) if idx else -1


class _Spans:
    """The mentions of a document indexed by start offset, in list order, so that a rule
    mention finds the mentions with its span or inside it without a scan of them all."""

    def __init__(self, mentions: list[Mention]):
        self.order: dict[int, int] = {}  # id(mention) -> its rank in doc.mentions
        self.by_start: dict[int, list[Mention]] = {}
        self.starts: list[int] = []
        for m in mentions:
            self.add(m)

    def add(self, m: Mention) -> None:
        self.order[id(m)] = len(self.order)
        if m.start not in self.by_start:
            insort(self.starts, m.start)
        self.by_start.setdefault(m.start, []).append(m)

    def remove(self, m: Mention) -> Mention:
        """Drop the first mention equal to `m` (as `list.remove` would); return it."""
        bucket = self.by_start[m.start]
        at = bucket.index(m)
        return bucket.pop(at)

    def same(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.by_start.get(start, ()) if m.end == end]

    def inside(self, start: int, end: int) -> list[Mention]:
        """Mentions starting in [start, end], in doc.mentions order."""
        first, last = bisect_left(self.starts, start), bisect_right(self.starts, end)
        found = [m for at in self.starts[first:last] for m in self.by_start[at]]
        return sorted(found, key=lambda m: self.order[id(m)])


def _refines(recognised: Mention, new: Mention, rule: str) -> bool:
    """Whether a rule mention over the same span may set the recognised mention's type.

    The tagger tells an organisation from the building it sits in and from a
    collective («Мариинского театра» in «оркестр Мариинского театра», «Канадские
    власти» are organisations in its training data), so a rule only adds a subtype to
    a mention of its own type («62-й армии» → MILITARY_UNIT), turns a nationality
    into a group, or corrects another rule's guess. Two rules say what a span is whatever
    the recogniser took it for: a vehicle's name in quotes after its noun is the vehicle,
    and an organisation's people are a group (`_RETYPING`).
    """
    if rule in _RETYPING:
        return recognised.type in _NAMED
    return recognised.type in (new.type, "NATIONALITY", "GROUP") or recognised.source == "rule"


def apply_rules(doc: Doc) -> None:
    """Run every rule and fold what it finds into `doc.mentions` (sorted by offset)."""
    spans = _Spans(doc.mentions)
    for name, rule in RULES:
        removed: set[int] = set()  # ids of dropped mentions, taken out of doc.mentions once per rule
        for new in rule(doc):
            same = spans.same(new.start, new.end)
            if same:
                for m in same:
                    if _refines(m, new, name):
                        m.type, m.subtype = new.type, new.subtype or m.subtype
                doc.note("entities", name, new.start, new.end, action="refine", type=new.type, subtype=new.subtype)
                continue
            head = _head_token(doc, new)
            covered = [
                m for m in spans.inside(new.start, new.end)
                if new.start <= m.start and m.end <= new.end and (
                    m.type == new.type and (_head_token(doc, m) == head or m.start == new.start)
                    or new.type == "PRODUCT" and m.type in _NAMED)  # «Союз» of «Союз ТМА-11»
            ]
            for m in covered:
                removed.add(id(spans.remove(m)))
            doc.mentions.append(new)
            spans.add(new)
            doc.note("entities", name, new.start, new.end, action="add", type=new.type, subtype=new.subtype,
                     replaces=[(m.start, m.end) for m in covered])
        if removed:
            doc.mentions[:] = [m for m in doc.mentions if id(m) not in removed]
    doc.mentions.sort(key=lambda m: (m.start, -m.end))
