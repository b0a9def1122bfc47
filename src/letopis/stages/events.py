"""Events: triggers from the classifier (or the lexicon), folded light and phasal verbs, roles from the syntax.

Each rule that decides something records itself in the trace (`doc.note("events", ...)`).
Factuality is the factuality stage's job; dating, coreference, order and causes those of the `time_links`, `coreference`,
`relations` and `dating` stages.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from ..doc import Doc, Event, Participant, Token
from ..lang.ru import events as lex
from ..index import tokens_overlapping, tree
from ..syntax_tree import preposition
from . import event_features
from .narrative import historical
from . import history_events
from ..time import is_notes

LEMMA_TYPE: dict[str, str] = {}
for _type, _lemmas in lex.TRIGGERS.items():
    for _lemma in _lemmas:
        LEMMA_TYPE.setdefault(_lemma, _type)
for _lemma, _pos in lex.learned_triggers():
    LEMMA_TYPE.setdefault(_lemma, "other")
# Every lemma with its type, before the lemmas NEREL train rarely marks as events are
# dropped (train/events/errors.py reads with all of them).
ALL_LEMMA_TYPES: dict[str, str] = dict(LEMMA_TYPE)
# Such a lemma still triggers when what it governs is an event: «объявлена забастовка».
EXCLUDED: set[str] = lex.excluded_triggers()
for _lemma in EXCLUDED:
    LEMMA_TYPE.pop(_lemma, None)

EVENT_POS = {"VERB", "NOUN"}
# Verbs that only carry the event of the noun they modify or take as object:
# «призыв, изданный им», «провести операцию».
LIGHT = {"издать", "провести", "осуществить", "совершить", "произвести", "устроить", "организовать", "начать"}
# Nouns that name a part of an event: «активная фаза операции».
PART_NOUNS = {"фаза", "этап", "стадия", "часть", "период", "начало", "ход"}
# Prepositions of what a speech act asks for: «просил о помощи», «призыв к мобилизации».
TOPIC_PREPOSITIONS = {"о", "об", "обо", "к"}
ACTOR_TYPES = {"PERSON", "ORGANIZATION", "GROUP"}
PLACE_TYPES = {"LOCATION", "FACILITY"}
MOTION_TYPES = {"travel", "deployment"}


@dataclass
class _Draft:
    trigger: int  # token index
    type: str
    carriers: list[int] = field(default_factory=list)  # tokens whose dependents hold roles
    phase: str | None = None
    named: bool = False  # the head noun of a named event («Бородинское сражение»)


# A participle names its own event only as the head of a clause («изданный им»,
# «прибывавшие в Париж»), not as an attribute («оккупированной Франции») or a noun.
CLAUSAL_RELS = {"acl", "acl:relcl", "root", "advcl", "conj", "ccomp", "xcomp", "parataxis"}


def _infinitive(lemma: str) -> bool:
    """An infinitive lemma (оккупировать, бежать); not a noun in -ть such as «смерть», «власть»."""
    return lemma.endswith(("ться", "чь")) or (len(lemma) > 2 and lemma.endswith("ть") and lemma[-3] in "аеёиоуыэюя")


def _is_trigger(token: Token) -> bool:
    if token.pos not in EVENT_POS or token.lemma not in LEMMA_TYPE:
        return False
    if token.feats.get("VerbForm") == "Part" and token.rel not in CLAUSAL_RELS:
        return False
    if token.pos == "NOUN" and _infinitive(token.lemma):
        return False  # a participle used as a noun: «оккупированных» (the occupied)
    return True


def candidate(doc: Doc, index: int, named: set[int]) -> bool:
    """A word the classifier judges: a verb, noun, name or adjective outside entity names."""
    token = doc.tokens[index]
    if token.pos not in event_features.CANDIDATE_POS or index in named or not any(c.isalpha() for c in token.text):
        return False
    return not (token.pos == "NOUN" and _infinitive(token.lemma))  # «оккупированных» (the occupied)


ROMAN = re.compile(r"^[IVXLCDMІХ]+$")


def _junk_roman(doc: Doc, index: int, in_timex: set[int]) -> bool:
    return bool(ROMAN.match(doc.tokens[index].text))  # «I Всероссийский съезд», «Лжедмитрий I»


def _junk_date_word(doc: Doc, index: int, in_timex: set[int]) -> bool:
    """A month or weekday name, or a word of a date that no lexicon calls an event: «Апрель»,
    «в мае» (but «после восстания», «во время оккупации» name the event a date hangs on)."""
    lemma = doc.tokens[index].lemma
    if lemma in lex.CALENDAR_WORDS:
        return True
    return index in in_timex and lemma not in lex.HAND_TYPE and lemma not in lex.HISTORY_TYPE


def _junk_attribute(doc: Doc, index: int, in_timex: set[int]) -> bool:
    """An adjective or a participle used as one modifies the event word, if any: «Великое
    княжество», «государственного переворота», «основанная на». Its noun decides."""
    token = doc.tokens[index]
    if token.rel != "amod" or not (token.pos == "ADJ" or token.feats.get("VerbForm") == "Part"):
        return False
    head = doc.tokens[token.head].lemma if token.head >= 0 else ""
    return head not in lex.HAND_TYPE and head not in lex.HISTORY_TYPE  # «президентские выборы» is one event


def _junk_habit(doc: Doc, index: int, in_timex: set[int]) -> bool:
    """A generic habit, an imperfective verb of repeated practice: «обычно охотился», «каждую
    весну выходили в поле»."""
    token = doc.tokens[index]
    if token.pos != "VERB" or token.feats.get("Aspect") != "Imp":
        return False
    for child, other in enumerate(doc.tokens[doc.sentences[token.sent].first:doc.sentences[token.sent].last],
                                  start=doc.sentences[token.sent].first):
        if other.head == index and other.lemma in lex.HABIT_ADVERBS:
            return True
        if other.lemma == "каждый" and doc.tokens[other.head].head == index if other.head >= 0 else False:
            return True
    return False


def _junk_state(doc: Doc, index: int, in_timex: set[int]) -> bool:
    return doc.tokens[index].lemma in lex.STATE_WORDS  # «оставался в Кембридже», «считал»


def _junk_time_spent(doc: Doc, index: int, in_timex: set[int]) -> bool:
    """Time spent somewhere, a state: «провёл лето в Англии», «почти полжизни провёл в России»."""
    token = doc.tokens[index]
    if token.lemma not in lex.TIME_SPENDING:
        return False
    sent = doc.sentences[token.sent]
    return any(other.head == index and other.rel.split(":")[0] in {"obj", "obl"}
               and (other.lemma in lex.TIME_NOUNS or other.lemma.startswith("пол") or j in in_timex)
               for j, other in enumerate(doc.tokens[sent.first:sent.last], start=sent.first))


def _junk_state_complement(doc: Doc, index: int, in_timex: set[int]) -> bool:
    """The complement of a verb of state: «оставаясь почётным членом академии», «являлся
    председателем» (what already was)."""
    token = doc.tokens[index]
    if token.pos != "NOUN" or token.head < 0 or token.feats.get("Case") != "Ins":
        return False
    return doc.tokens[token.head].lemma in lex.STATE_WORDS - lex.STATUS_COPULAS  # «состоял членом» is a status


# Words that are never triggers whatever the model says, each rule with its name in the trace.
JUNK: tuple[Callable[[Doc, int, set[int]], bool], ...] = (
    _junk_roman, _junk_date_word, _junk_attribute, _junk_habit, _junk_state, _junk_time_spent,
    _junk_state_complement,
)


def junk(doc: Doc, index: int, in_timex: set[int]) -> str | None:
    """The name of the rule that rules token `index` out as a trigger, if one does."""
    return next((rule.__name__ for rule in JUNK if rule(doc, index, in_timex)), None)


DASHES = {"—", "–", "-"}
# Verbs that make their instrumental a status taken: «назначен профессором», «избран членом».
STATUS_TAKERS = lex.STATUS_COPULAS | {"назначить", "назначать", "избрать", "избирать", "избираться", "утвердить", "сделать"}


def status_predicate(doc: Doc, kids: dict[int, list[int]], index: int, in_timex: set[int], depth: int = 0) -> bool:
    """A noun of office or membership said of someone, the status taken of a biography: «был
    председателем», «стал академиком», «назначен профессором», «С 1872 года Клейн —
    профессор», «член общества (1852)», and its conjuncts («секретарём и деканом»)."""
    token = doc.tokens[index]
    if token.pos not in {"NOUN", "PROPN"} or token.lemma not in lex.STATUS_NOUNS:
        return False
    children = kids.get(index, ())
    if any(doc.tokens[c].rel == "cop" and doc.tokens[c].lemma in lex.STATUS_COPULAS for c in children):
        return True
    head = doc.tokens[token.head] if token.head >= 0 else None
    if head is not None and token.feats.get("Case") == "Ins" and head.lemma in STATUS_TAKERS \
            and token.rel.split(":")[0] in {"obl", "xcomp", "obj", "nmod"}:
        return True
    if token.rel in {"conj", "appos"} and head is not None and depth < 2 \
            and status_predicate(doc, kids, token.head, in_timex, depth + 1):
        return True  # «стал профессором, деканом», «член общества 1870, член-корреспондент академии 1876»
    if token.rel == "appos" and token.feats.get("Case") == "Nom" and index > 0 and doc.tokens[index - 1].text in DASHES \
            and head is not None and head.rel == "nsubj":
        return True  # «С 1880 года Мечников — профессор»: the dash stands for the copula
    if token.rel in {"root", "parataxis"} and token.feats.get("Case") == "Nom":
        # a verbless clause: «Клейн — профессор» (a subject), «Член общества 1852» (its date)
        return any(doc.tokens[c].rel == "nsubj" for c in children) or _dated_phrase(doc, kids, index, in_timex)
    return False


def _dated_phrase(doc: Doc, kids: dict[int, list[int]], index: int, in_timex: set[int]) -> bool:
    """A date within two links below token `index`: «член общества 1852»."""
    level = list(kids.get(index, ()))
    for _ in range(2):
        if any(k in in_timex for k in level):
            return True
        level = [g for k in level for g in kids.get(k, ())]
    return any(k in in_timex for k in level)


def status_words(doc: Doc, roles: "_Roles") -> set[int]:
    """Words of office inside a profession mention that are status predicates: «был
    председателем общества» tells a status taken even though «председателем общества» is
    the mention of a profession."""
    words = [i for i, m in roles.owner.items() if doc.mentions[m].type == "PROFESSION" and doc.tokens[i].lemma in lex.STATUS_NOUNS]
    if not words:
        return set()
    in_timex = event_features.Context(doc).in_timex
    return {i for i in words if status_predicate(doc, tree(doc).of_sentence(doc.tokens[i].sent), i, in_timex)}


def generic_war(doc: Doc, kids: dict[int, list[int]], index: int, depth: int = 0) -> bool:
    """A noun of war in the plural with no number and no name speaks of war in general:
    «пагубность наступательных войн», «разбирательство конфликтов», «отсутствие боёв»
    (not «Азовские походы», a named event, nor «две войны»)."""
    token = doc.tokens[index]
    if token.rel == "amod" and token.head >= 0 and token.pos == "ADJ" and depth == 0:
        return generic_war(doc, kids, token.head, 1)  # «наступательных (войн)»
    if token.pos != "NOUN" or token.feats.get("Number") != "Plur":
        return False
    if ALL_LEMMA_TYPES.get(token.lemma) not in lex.WAR_TYPES and lex.HISTORY_TYPE.get(token.lemma) != "war":
        return False
    return not any(doc.tokens[k].rel == "nummod" or doc.tokens[k].text[:1].isupper() for k in kids.get(index, ()))


class LexiconDecision:
    """Triggers by the lexicon alone: the decision when no classifier is shipped."""

    lexicon = True

    def __init__(self, doc: Doc):
        self.doc = doc

    def __call__(self, index: int) -> bool:
        return _is_trigger(self.doc.tokens[index])


class ModelDecision:
    """Triggers by the classifier: a candidate word whose event probability reaches the
    threshold chosen on held-out NEREL train. Decided once per token."""

    lexicon = False

    def __init__(self, doc: Doc, model: event_features.Model, named: set[int]):
        self.doc, self.model, self.named = doc, model, named
        self.ctx = event_features.Context(doc)
        self.decided: dict[int, bool] = {}
        self.tree = tree(doc)
        self.historical = historical(doc)
        self.notes = self.historical and is_notes(doc.text)

    def history(self, index: int) -> bool:
        """The history adaptation takes the word for an event of historical narrative."""
        if self.model.history is None or not self.historical or not candidate(self.doc, index, self.named):
            return False
        kids = self.tree.of_sentence(self.doc.tokens[index].sent)
        return self.model.history_probability(self.ctx, kids, index) >= self.model.history_threshold

    def probability(self, index: int) -> float:
        if not candidate(self.doc, index, self.named):
            return 0.0
        token = self.doc.tokens[index]
        kids = self.tree.of_sentence(token.sent)
        return self.model.probability(self.ctx, kids, index)

    def _asks_for_something(self, index: int) -> bool:
        """A speech act whose content is an action or a thing asked for: «просил о помощи»,
        «просил командование о переброске», «приказ уничтожить мосты», «призыв к мобилизации»
        (not «просил журналистов», the reported speech of news, nor «закон о выборах», a text)."""
        sentence = self.doc.tokens[index].sent
        kids = self.tree.of_sentence(sentence)
        topics = TOPIC_PREPOSITIONS | {"на"} if self.doc.tokens[index].pos == "VERB" else {"к"}  # «настоял на»
        for child in kids.get(index, ()):
            token = self.doc.tokens[child]
            if token.rel.split(":")[0] not in {"obl", "nmod", "xcomp", "obj", "ccomp"}:
                continue
            if token.feats.get("VerbForm") == "Inf" or preposition(self.doc, kids, child) in topics:
                return True
            if token.rel == "obj" and any(preposition(self.doc, kids, g) in topics for g in kids.get(child, ())):
                return True  # «просил командование о переброске»: the topic hangs one noun lower
        return False

    def __call__(self, index: int) -> bool:
        if index not in self.decided:
            token = self.doc.tokens[index]
            ruled_out = junk(self.doc, index, self.ctx.in_timex)
            if ruled_out:
                self.doc.note("events", ruled_out, token.start, token.end)
                self.decided[index] = False
                return False
            if self.historical and generic_war(self.doc, self.tree.of_sentence(token.sent), index):
                self.doc.note("events", "generic_war", token.start, token.end)
                self.decided[index] = False
                return False
            if history_events.everyday_act(self.doc, self.tree.of_sentence(token.sent), index):
                self.doc.note("events", "everyday_act", token.start, token.end)
                self.decided[index] = False
                return False
            if self.notes and candidate(self.doc, index, self.named) and history_events.note_line_event(self.doc, index, self.ctx.in_timex):
                self.doc.note("events", "note_line_event", token.start, token.end)
                self.decided[index] = True
                return True
            if self.historical and candidate(self.doc, index, self.named) and status_predicate(self.doc, self.tree.of_sentence(token.sent), index, self.ctx.in_timex):
                self.doc.note("events", "status_predicate", token.start, token.end)
                self.decided[index] = True
                return True
            threshold = self.model.threshold
            if token.lemma in lex.LEGAL_TEXTS:
                threshold = 0.0 if self._asks_for_something(index) else threshold
            elif lex.HAND_TYPE.get(token.lemma) in lex.CORE_TYPES and _is_trigger(token):
                # The historian's types come from narrative, which NEREL (news) rarely is: it
                # does not mark orders and requests, nor «отправиться» or «занять» as a capture;
                # a lexicon trigger of those types needs only the (lower) core floor.
                # A speech act (order, request, appeal) NEREL never marks: its content decides.
                asks = lex.HAND_TYPE[token.lemma] in lex.SPEECH_ACT_TYPES and self._asks_for_something(index)
                threshold = 0.0 if asks else min(threshold, self.model.core_floor)
            self.decided[index] = self.probability(index) >= threshold or self.history(index)
        return self.decided[index]


IsEvent = Callable[[int], bool]


def decision(doc: Doc, named: set[int], model: event_features.Model | None = None) -> LexiconDecision | ModelDecision:
    """Whether token `index` of `doc` names an event: the shipped classifier if there is one."""
    model = model or event_features.load()
    return LexiconDecision(doc) if model is None else ModelDecision(doc, model, named)


def event_type(lemma: str) -> str:
    """The taxonomy type of a trigger lemma; a word only the classifier knows is `other`."""
    return ALL_LEMMA_TYPES.get(lemma, "other")


def _event_child(doc: Doc, kids: dict[int, list[int]], index: int, rels: tuple[str, ...], is_event: IsEvent) -> int | None:
    """The event a phasal or light word governs, looking through part nouns («фаза операции»)."""
    for child in kids.get(index, ()):
        token = doc.tokens[child]
        if token.rel.split(":")[0] not in rels:
            continue
        if is_event(child):
            return child
        if token.lemma in PART_NOUNS:
            for grandchild in kids.get(child, ()):
                if doc.tokens[grandchild].rel.startswith("nmod") and is_event(grandchild):
                    return grandchild
    return None


def _refine_type(doc: Doc, kids: dict[int, list[int]], index: int, kind: str) -> str | None:
    """The event type in context, or None when the trigger is part of a fixed expression."""
    token = doc.tokens[index]
    if kind == "capture" and any(
        doc.tokens[c].lemma in lex.NOT_CAPTURED and doc.tokens[c].rel in {"obj", "nsubj:pass"}
        for c in kids.get(index, ())
    ):
        doc.note("events", "fixed_expression_not_capture", token.start, token.end)
        return None  # «занять пост», «взять на себя ответственность»
    if kind in {"birth", "death"} and token.pos == "NOUN" and token.rel.startswith("nmod") and token.head >= 0:
        if doc.tokens[token.head].lemma in lex.DETAIL_HEADS:
            doc.note("events", "personal_detail_not_event", token.start, token.end)
            return None  # «1963 года рождения»
    if token.lemma == "выйти":  # «вышли на улицы» is a protest; «вышли из города», a movement
        places = {doc.tokens[c].lemma for c in kids.get(index, ())}
        if "замуж" in places:
            return "personal"  # «вышла замуж»
        return "protest" if places & {"улица", "площадь"} else "travel"
    return kind


def _governs_event(doc: Doc, kids: dict[int, list[int]], index: int, is_event: IsEvent) -> bool:
    """An excluded lemma («объявить») whose object is an event: «объявлена забастовка»."""
    token = doc.tokens[index]
    if token.lemma not in EXCLUDED or token.pos not in EVENT_POS:
        return False
    return any(doc.tokens[c].rel in {"obj", "nsubj:pass"} and is_event(c) for c in kids.get(index, ()))


def find_drafts(
    doc: Doc, sentence: int, kids: dict[int, list[int]], named: set[int], is_event: IsEvent | None = None
) -> list[_Draft]:
    """Event drafts of one sentence; `named` are tokens inside entity names, never triggers
    («Комитет освобождения Парижа» names a committee, not a liberation). `is_event` decides
    which words name events (the lexicon when not given)."""
    is_event = is_event or LexiconDecision(doc)
    lexicon_only = getattr(is_event, "lexicon", True)
    sent = doc.sentences[sentence]
    folded: dict[int, int] = {}  # carrier token -> event token it folds into
    phases: dict[int, str] = {}
    governed: set[int] = set()  # events a phasal or modal verb governs
    for index in range(sent.first, sent.last):
        token = doc.tokens[index]
        if token.lemma in lex.PHASAL or token.lemma in lex.MODAL:
            # What a phasal or modal verb governs is an event when either judge says so:
            # «смогли занять ратушу» is a capture even where news rarely calls «занять» one.
            either = lambda i: is_event(i) or _is_trigger(doc.tokens[i])  # noqa: E731
            target = _event_child(doc, kids, index, ("nsubj", "xcomp", "obj", "csubj"), either)
            if target is not None:
                folded[index] = target
                governed.add(target)
                if token.lemma in lex.PHASE_OF:
                    phases[target] = lex.PHASE_OF[token.lemma]
                doc.note("events", "fold_phasal_or_modal", token.start, token.end, into=doc.tokens[target].text)
        elif token.lemma in LIGHT and token.pos == "VERB":
            head = token.head
            if token.rel.startswith("acl") and head >= 0 and is_event(head):
                folded[index] = head
            else:
                target = _event_child(doc, kids, index, ("obj", "nsubj"), is_event)
                if target is not None:
                    folded[index] = target
            if index in folded:
                doc.note("events", "fold_light_verb", token.start, token.end, into=doc.tokens[folded[index]].text)
    for index in range(sent.first, sent.last):
        # What an order, request or appeal asks for is an event when either judge says so:
        # «получило приказ уничтожить мосты» orders a destruction, whether or not it came about.
        if lex.HAND_TYPE.get(doc.tokens[index].lemma) in lex.SPEECH_ACT_TYPES and is_event(index):
            governed.update(
                child for child in kids.get(index, ())
                if doc.tokens[child].feats.get("VerbForm") == "Inf" and _is_trigger(doc.tokens[child])
                and child not in named
            )
    drafts: dict[int, _Draft] = {}
    for index in range(sent.first, sent.last):
        token = doc.tokens[index]
        if index in folded or index in named:
            continue
        if _governs_event(doc, kids, index, is_event):
            kind = ALL_LEMMA_TYPES[token.lemma]
            doc.note("events", "excluded_lemma_governs_event", token.start, token.end)
        elif is_event(index) or index in governed:
            kind = event_type(token.lemma)
        else:
            continue
        kind = _refine_type(doc, kids, index, kind)
        if kind is None:
            continue
        drafts[index] = _Draft(index, kind, [index], phases.get(index), index in getattr(is_event, "heads", ()))
    for carrier, target in folded.items():
        target = _last(folded, target)  # «смогли начать наступление»
        if target in drafts:
            drafts[target].carriers.append(carrier)
    if not lexicon_only:
        _merge_phrases(doc, drafts)
    return [drafts[i] for i in sorted(drafts)]


# Relations between two event words that make them one event named by a phrase: «подал в
# отставку», «подписал указ», «президентские выборы», «возбуждено уголовное дело». Two events
# stand side by side through clauses and coordination instead («погиб, спасая», «убит и ранен»).
PHRASE_RELS = {"amod", "obj", "obl", "iobj", "nmod", "nsubj", "xcomp", "flat", "compound", "nummod"}
PHRASE_SPAN = 3  # at most this many words apart


def _last(step: dict[int, int], index: int) -> int:
    """Where following `step` from `index` ends; on a cycle, at the last word not met before."""
    seen = {index}
    while index in step and step[index] not in seen:
        index = step[index]
        seen.add(index)
    return index


def _break_cycles(step: dict[int, int]) -> None:
    """Cut each cycle of `step` at its first word, which then heads it.

    The parser's heads are not always a tree: it can make two words each other's head."""
    for start in sorted(step):
        path: list[int] = []
        index = start
        while index in step and index not in path:
            path.append(index)
            index = step[index]
        if index in path:
            del step[min(path[path.index(index):])]


def _manner(doc: Doc, index: int) -> bool:
    """An event noun in the bare instrumental says how its verb's event went: «взят штурмом»,
    «взят приступом» are one capture."""
    token = doc.tokens[index]
    head = doc.tokens[token.head] if token.head >= 0 else None
    return (head is not None and head.pos == "VERB" and token.pos == "NOUN" and token.rel == "obl"
            and token.feats.get("Case") == "Ins" and not any(t.head == index and t.rel == "case" for t in doc.tokens[max(index - 3, 0):index]))


def _merge_phrases(doc: Doc, drafts: dict[int, _Draft]) -> None:
    """Fold event words into the event word they depend on when they name one event.

    On held-out NEREL train such pairs lie in one gold event four times out of five. The
    phrase keeps one trigger: its head, unless only a dependent has a taxonomy type
    («процесс восстания» is the uprising, «подал в отставку» the resignation)."""
    into: dict[int, int] = {}
    for index in drafts:
        token = doc.tokens[index]
        if token.head not in drafts or token.rel.split(":")[0] not in PHRASE_RELS or abs(token.head - index) > PHRASE_SPAN:
            continue
        if "other" != drafts[index].type != drafts[token.head].type != "other" and not _manner(doc, index):
            continue  # two kinds of event: «объявлена забастовка» is an announcement and a strike
        into[index] = token.head
    _break_cycles(into)
    groups: dict[int, list[int]] = {}
    for index in sorted(into):
        root = _last(into, index)
        groups.setdefault(root, [root]).append(index)
    for root, members in groups.items():
        typed = [m for m in members if drafts[m].type != "other"]
        keep = root if drafts[root].type != "other" or not typed else typed[0]
        keep = next((m for m in members if drafts[m].named), keep)  # a named event keeps its name
        for member in members:
            if member == keep:
                continue
            draft = drafts.pop(member)
            drafts[keep].carriers.extend(draft.carriers)
            drafts[keep].phase = drafts[keep].phase or draft.phase
            token = doc.tokens[member]
            doc.note("events", "merge_phrase", token.start, token.end, into=doc.tokens[keep].text)


class _Roles:
    """Maps tokens to entities and reads roles off a draft's carriers."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.owner: dict[int, int] = {}  # token index -> mention index (the longest mention wins)
        starts = [token.start for token in doc.tokens]
        by_length = sorted(range(len(doc.mentions)), key=lambda i: doc.mentions[i].start - doc.mentions[i].end)
        for m_index in by_length:
            mention = doc.mentions[m_index]
            if mention.entity is None:
                continue
            t = max(bisect_right(starts, mention.start) - 1, 0)
            while t < len(doc.tokens) and doc.tokens[t].start < mention.end:
                if doc.tokens[t].end > mention.start:
                    self.owner.setdefault(t, m_index)
                t += 1

    def entity_of(self, kids: dict[int, list[int]], index: int) -> tuple[str, str] | None:
        """(entity id, entity type) named by the phrase headed at token `index`."""
        for candidate in (index, *kids.get(index, ())):
            mention = self.owner.get(candidate)
            if mention is not None and (candidate == index or self.doc.tokens[candidate].rel.startswith(("appos", "flat"))):
                m = self.doc.mentions[mention]
                return m.entity, m.type  # type: ignore[return-value]
        return None

    def with_conjuncts(self, kids: dict[int, list[int]], index: int) -> list[int]:
        return [index, *(c for c in kids.get(index, ()) if self.doc.tokens[c].rel == "conj")]


def _role_for(doc: Doc, kids, carrier: int, child: int, event_type: str) -> str | None:
    token, head = doc.tokens[child], doc.tokens[carrier]
    rel = token.rel
    passive = head.feats.get("Voice") == "Pass" or (head.feats.get("VerbForm") == "Part" and head.feats.get("Voice") == "Pass")
    if rel == "nsubj":
        return "agent"
    if rel == "nsubj:pass":
        return "patient"
    if rel == "obj":
        return "patient"
    if rel == "iobj":
        return "recipient"
    prep = preposition(doc, kids, child)
    case = token.feats.get("Case", "")
    if rel.startswith("obl") or rel.startswith("nmod"):
        if not prep and case == "Ins" and (passive or head.pos == "NOUN"):
            return "agent"
        if not prep and case == "Gen" and head.pos == "NOUN":
            # «председателем общества»: the body one holds office in is not the doer
            return None if head.lemma in lex.STATUS_NOUNS else "agent"
        if not prep and case == "Dat":
            return "recipient"
        if prep in {"к", "перед"} and case == "Dat":
            return "recipient"
        if prep in {"в", "на", "во", "под", "у", "около", "близ", "возле"}:
            return "place"
        if prep in {"из", "от"} and event_type in MOTION_TYPES:
            return "origin"
        if prep in {"с", "со"} and case == "Ins":
            return "co-agent"
        if prep in {"против"}:
            return "patient"
    return None


def _nearer_complement(doc: Doc, kids: dict[int, list[int]], governor: int, dependent: int, own: list[int]) -> bool:
    """`governor` has a verb complement, not one of `own`, nearer to it than `dependent`: its
    subject goes with that verb («Париж должен был повторить судьбу Сталинграда: … подавить
    любую форму сопротивления» — Paris does not do the crushing)."""
    distance = abs(dependent - governor)
    return any(
        doc.tokens[c].rel in {"xcomp", "csubj"} and c != dependent and c not in own and abs(c - governor) < distance
        for c in kids.get(governor, ())
    )


def fill_roles(doc: Doc, kids: dict[int, list[int]], draft: _Draft, event: Event, roles: _Roles) -> None:
    seen: set[tuple[str, str]] = set()
    for carrier in draft.carriers:
        if carrier != draft.trigger and _nearer_complement(doc, kids, carrier, draft.trigger, draft.carriers):
            continue
        for child in kids.get(carrier, ()):
            if child in draft.carriers:
                continue
            role = _role_for(doc, kids, carrier, child, draft.type)
            if role is None:
                continue
            for member in roles.with_conjuncts(kids, child):
                found = roles.entity_of(kids, member)
                if found is None:
                    continue
                entity, kind = found
                if kind in PLACE_TYPES and role in {"place", "origin"}:
                    if entity not in event.places:
                        event.places.append(entity)
                    case = doc.tokens[member].feats.get("Case")
                    if role == "origin" or (draft.type in MOTION_TYPES and case == "Acc"):
                        event.place_roles[entity] = "origin" if role == "origin" else "destination"
                    doc.note("events", f"place_{role}", doc.tokens[member].start, doc.tokens[member].end, event=event.id)
                    continue
                if role in {"place", "origin"}:
                    continue  # an actor after «в»/«из» is not where the event happened
                if kind in PLACE_TYPES and role == "agent" and doc.tokens[draft.trigger].pos == "NOUN":
                    role = "patient"  # «освобождение Парижа»: the place is what the event is about
                if kind in PLACE_TYPES and role == "patient" and entity not in event.places:
                    event.places.append(entity)  # «заняли почтамт»: what was taken is also where
                if (role, entity) not in seen:
                    seen.add((role, entity))
                    event.participants.append(Participant(role, entity))
                    doc.note("events", f"role_{role}", doc.tokens[member].start, doc.tokens[member].end, event=event.id)


def inherit_subject(doc: Doc, kids: dict[int, list[int]], drafts: list[_Draft], events: list[Event], roles: _Roles) -> None:
    """Gerunds, conjoined and infinitive verbs without a subject share their head's subject.

    «Отправившись в Лондон, он просил ...»: the traveller is the one who asked.
    """
    for draft, event in zip(drafts, events):
        if any(p.role == "agent" for p in event.participants):
            continue
        token = doc.tokens[draft.trigger]
        if token.pos != "VERB" or token.feats.get("Voice") == "Pass":
            continue
        head = draft.trigger
        for _ in range(3):
            if doc.tokens[head].rel.split(":")[0] not in {"advcl", "conj", "xcomp", "acl"} or doc.tokens[head].head < 0:
                break
            if doc.tokens[head].rel == "xcomp" and _nearer_complement(doc, kids, doc.tokens[head].head, head, draft.carriers):
                break
            head = doc.tokens[head].head
            for child in kids.get(head, ()):
                if doc.tokens[child].rel == "nsubj":
                    found = roles.entity_of(kids, child)
                    if found and found[1] in ACTOR_TYPES | {"LOCATION"}:  # «Франция объявила …»
                        event.participants.insert(0, Participant("agent", found[0]))
                        doc.note("events", "inherit_subject", token.start, token.end, event=event.id, via=doc.tokens[head].text)
                        break
            else:
                continue
            break


NAME_TYPES = {"LOCATION", "ORGANIZATION", "FACILITY"}


def _token_span(doc: Doc, start: int, end: int) -> list[int]:
    # by bisection over the token offsets: a scan of every token per mention made this
    # stage quadratic in a long text's length
    return tokens_overlapping(doc, start, end)


def _named_event_head(doc: Doc, tokens: list[int]) -> int | None:
    """The event noun a name is made of: «Бородинское сражение» (the name's head), «Брестский»
    (a name of one adjective, whose noun «мир» stands outside it)."""
    inside = set(tokens)
    for index in tokens:
        token = doc.tokens[index]
        if token.head in inside:
            continue  # not the name's head
        if token.pos in {"NOUN", "PROPN"} and token.lemma in lex.NAMED_EVENT_HEADS:
            return index
        if token.pos == "ADJ" and token.rel == "amod" and token.head >= 0:
            head = doc.tokens[token.head]
            if head.pos == "NOUN" and head.lemma in lex.NAMED_EVENT_HEADS:
                return token.head
    return None


def named_events(doc: Doc) -> set[int]:
    """Named events: the head nouns of «Бородинское сражение», «Варфоломеевская ночь»,
    «Брестский мир», in any word order and with or without a light verb. A place or
    organisation mention whose head is such a noun is no entity: it is dropped."""
    heads: set[int] = set()
    dropped: set[int] = set()
    named_tokens = {t for m in doc.mentions if m.type not in NAME_TYPES for t in _token_span(doc, m.start, m.end)}
    for m_index, mention in enumerate(doc.mentions):
        if mention.type not in NAME_TYPES or mention.source == "pronoun":
            continue
        head = _named_event_head(doc, _token_span(doc, mention.start, mention.end))
        if head is None:
            continue
        heads.add(head)
        dropped.add(m_index)
        doc.note("events", "named_event_not_entity", mention.start, mention.end, type=mention.type)
    for index, token in enumerate(doc.tokens):
        # a capitalised adjective that is not the sentence's first word: «битва на Калке», no;
        # «произошло Бородинское сражение», «Ледовое побоище», yes
        if token.pos == "NOUN" and token.lemma in lex.NAMED_EVENT_HEADS and index not in heads and index not in named_tokens:
            for child, other in enumerate(doc.tokens):
                # a sentence's first word is capitalised anyway: there only a noun that names an
                # event on its own counts («Февральская революция»; not «Тёмная ночь»)
                first = child == doc.sentences[other.sent].first
                if other.head == index and other.rel == "amod" and other.text[:1].isupper() \
                        and (not first or token.lemma in lex.HAND_TYPE) and other.sent == token.sent:
                    heads.add(index)
                    doc.note("events", "named_event", token.start, token.end, name=other.text)
                    break
    for m_index in dropped:
        mention = doc.mentions[m_index]
        entity = next((e for e in doc.entities if e.id == mention.entity), None)
        if entity is not None and m_index in entity.mentions:
            entity.mentions.remove(m_index)
            if not entity.mentions:
                doc.entities.remove(entity)
        mention.entity = None
        mention.type = "EVENT"
    return heads


class _WithNamed:
    """A decision that also takes the head nouns of named events for events."""

    def __init__(self, decide: LexiconDecision | ModelDecision, heads: set[int]):
        self.decide, self.heads, self.lexicon = decide, heads, decide.lexicon

    def __call__(self, index: int) -> bool:
        return index in self.heads or self.decide(index)


class EventStage:
    name = "events"
    # The classifier's features read the timexes (no trigger inside a date).
    requires = ("tokens", "sentences", "morph", "syntax", "mentions", "entities", "timexes")
    assigns = ("events",)

    def __init__(self, model: event_features.Model | None = None, lexicon: bool = False):
        self.model = model  # None: the shipped classifier (or the lexicon when none is shipped)
        self.lexicon = lexicon  # the lexicon alone decides, whatever is shipped

    def __call__(self, doc: Doc) -> Doc:
        titled = named_events(doc)
        roles = _Roles(doc)
        named = {t for t, m in roles.owner.items() if doc.mentions[m].source != "pronoun"}
        if not self.lexicon and historical(doc):
            named -= status_words(doc, roles)
            if is_notes(doc.text):
                named -= history_events.note_line_words(doc, named, roles.owner, event_features.Context(doc).in_timex)
        decide = LexiconDecision(doc) if self.lexicon else decision(doc, named, self.model)
        is_event = _WithNamed(decide, titled) if titled else decide
        for sentence in range(len(doc.sentences)):
            kids = tree(doc).of_sentence(sentence)
            drafts = find_drafts(doc, sentence, kids, named, is_event)
            new: list[Event] = []
            for draft in drafts:
                token = doc.tokens[draft.trigger]
                event = Event(
                    id=f"ev{len(doc.events) + len(new) + 1}",
                    trigger=doc.span(token.start, token.end),
                    sentence=sentence,
                    type=draft.type,
                    head=draft.trigger,
                )
                event.carriers = list(draft.carriers)
                event.phase = draft.phase or None
                doc.note("events", f"trigger_{token.pos.lower()}", token.start, token.end, event=event.id, type=draft.type)
                fill_roles(doc, kids, draft, event, roles)
                new.append(event)
            inherit_subject(doc, kids, drafts, new, roles)
            doc.events.extend(new)
        return doc
