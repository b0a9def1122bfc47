"""Agents: who did what an event says, where its own clause's syntax does not name the doer.

The events stage reads the agent off the trigger's subject; the linker adds participants
without one. This step, the last of the roles stage, settles the agent by the history
convention (docs/history-gold.md "Agent"): the doer, or for what befalls one protagonist
(birth, death, election, burial) the protagonist.

First what is never a doer is dropped: a participant whose every mention is an adverb, a
pronoun left unresolved or a question word («Ввечеру», «Зачем»). Then, for each event without
an agent, the rules of `RULES` are tried in order and the first that finds one gives it:

- `protagonist_passive`: the subject of a passive of election, appointment, burial …
  («Кэли был избран»: the one elected);
- `bracketed_name`: a name alone in brackets on the event's line of notes
  («Город был взят (1514) (Даниил Щеня)», «победа эскадры (Ушаков)»);
- `commander`: the commander of the troops that are the subject
  («войска под командованием Кутузова разбили …»);
- `troops_of`: the owner of the troops that are the subject, or the bare instrumental of a
  passive («Казань была взята войсками Ивана Грозного»);
- `light_verb`: an event noun taken by a verb that lends it its subject
  («Клейн совершает поездку», «Наполеон объявил войну»);
- `noun_genitive`: the bare genitive of an event noun that has no other doer: of a noun
  without an object («смерть отца», «визит Молотова»), or beside a target
  («нападение Германии на Польшу»);
- `nominative_actor`: a name in the nominative that agrees with an active verb the parse left
  without a subject («в 1155 г. А. Боголюбский забрал …», where «г.» misled the parser);
- `adverbial_noun`: an event noun of one's own doing in an adverbial phrase takes the subject
  of the verb it qualifies («При переезде во Владимир князь забрал икону»);
- `zero_subject`: a verb with no subject of its own takes the subject of the verb it is
  coordinated with or depends on, or the agent of the event just before, when they agree in
  gender and number («Василий продолжил политику отца. 1512-1522 – Возобновил военные
  действия»; «Умер в 1895 году, похоронен …»);
- `protagonist`: the one a life story tells of (`main_person`) does what a verb without a
  doer of its own, or with a pronoun left unresolved, does when it agrees with him, and holds
  the status of a verbless line («Лауреат премии 1872 года»). In a life story a new sentence
  without a subject goes back to him rather than continue someone the sentence before named
  («Сильвестр так и не женился. Умер в 1897 году»), when the verb agrees with him.

An event's own word is never a mention of its doer (`trigger_names_the_entity`: «был членом
общества», where «членом общества» is a profession mention).

Each rule that fires is noted in the trace (`agents`, rule name).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..doc import Doc, Event, Participant
from ..entities.coref import SubjectContext, agrees_with_verb, entity_at, subject_of
from ..lang.ru import agents as lex
from ..lang.ru import events as event_lex
from ..syntax_tree import Children, preposition

ACTOR_TYPES = {"PERSON", "ORGANIZATION", "GROUP", "LOCATION"}  # a state acts as its people
PERSONAL = {"PERSON", "ORGANIZATION", "GROUP"}
SUBJECTS = ("nsubj", "nsubj:pass")
GENERIC = "participant"
WINDOW = 3  # sentences back where an omitted subject may be found
PROTAGONIST_MENTIONS = 5  # how often the one a text tells of is named at least
BRACKETS = {"(": ")", "[": "]"}


@dataclass(slots=True)
class Found:
    entity: str
    evidence: str
    token: int  # where the rule found it


@dataclass(slots=True)
class Ctx:
    """What the rules look things up in, built once per document."""

    doc: Doc
    kids: Children
    subjects: SubjectContext
    types: dict[str, str]  # entity id -> type
    protagonist: str | None = None  # the person the text tells of (`main_person`)

    def entity(self, token: int) -> str | None:
        return entity_at(self.doc, token, self.subjects)

    def actor(self, token: int, types: set[str] = ACTOR_TYPES) -> str | None:
        entity = self.entity(token)
        return entity if entity is not None and self.types.get(entity) in types else None


def _passive(doc: Doc, index: int) -> bool:
    return doc.tokens[index].feats.get("Voice") == "Pass"


def _has_subject(ctx: Ctx, index: int) -> bool:
    return any(ctx.doc.tokens[k].rel in SUBJECTS for k in ctx.kids(index))


def protagonist_passive(ctx: Ctx, event: Event) -> Found | None:
    doc = ctx.doc
    for carrier in event.carrier_tokens():
        if not _passive(doc, carrier) or doc.tokens[carrier].lemma not in lex.PROTAGONIST_PASSIVES:
            continue
        for k in ctx.kids(carrier):
            if doc.tokens[k].rel in SUBJECTS:
                entity = ctx.actor(k, PERSONAL)
                if entity:
                    return Found(entity, f"the subject of the passive «{doc.tokens[carrier].text}» is its protagonist", k)
    return None


def bracketed_name(ctx: Ctx, event: Event) -> Found | None:
    """A bracket on the event's line that holds a person's name and nothing else that names
    (dates and «по инициативе» may stand beside it)."""
    doc = ctx.doc
    sentence = doc.sentences[event.sentence]
    line_start = doc.text.rfind("\n", 0, event.trigger.start) + 1
    line_end = doc.text.find("\n", event.trigger.end)
    line_end = len(doc.text) if line_end < 0 else line_end
    index = sentence.first
    while index < sentence.last:
        token = doc.tokens[index]
        if token.text in BRACKETS and line_start <= token.start < line_end:
            close = next((j for j in range(index + 1, sentence.last) if doc.tokens[j].text == BRACKETS[token.text]), None)
            if close is None:
                break
            inside = range(index + 1, close)
            named = {ctx.entity(j) for j in inside if doc.tokens[j].pos not in {"PUNCT", "NUM"}}
            if len(named) == 1 and None not in named:
                entity = named.pop()
                if ctx.types.get(entity) == "PERSON":
                    return Found(entity, "a name alone in brackets on the event's line", index + 1)
            index = close
        index += 1
    return None


def commander(ctx: Ctx, event: Event) -> Found | None:
    doc = ctx.doc
    for carrier in event.carrier_tokens():
        for k in ctx.kids(carrier):
            if doc.tokens[k].rel != "nsubj" or doc.tokens[k].lemma not in lex.TROOPS:
                continue
            for command in ctx.kids(k):
                if doc.tokens[command].lemma in lex.COMMAND and preposition(doc, ctx.kids.of_sentence(event.sentence), command) == "под":
                    for name in ctx.kids(command):
                        entity = ctx.actor(name, {"PERSON"})
                        if entity:
                            return Found(entity, f"«{doc.tokens[k].text}» under «{doc.tokens[name].text}»", name)
    return None


def troops_of(ctx: Ctx, event: Event) -> Found | None:
    """Troops named by whom they belong to stand for him where nothing else names the doer:
    «Казань была взята войсками Ивана Грозного», «полки Дмитрия разбили Мамая» (the doer of a
    passive is its bare instrumental; of an active verb, its subject)."""
    doc = ctx.doc
    for carrier in event.carrier_tokens():
        passive = _passive(doc, carrier)
        kids = ctx.kids.of_sentence(event.sentence)
        for k in ctx.kids(carrier):
            t = doc.tokens[k]
            if t.lemma not in lex.TROOPS:
                continue
            doer = t.rel == "nsubj" and not passive or (
                passive and t.rel.startswith("obl") and t.feats.get("Case") == "Ins" and not preposition(doc, kids, k))
            if not doer:
                continue
            if ctx.actor(k) is not None:
                return None  # the troops have a name of their own («Красная армия»)
            found = _genitive_actor(ctx, kids, k)
            if found:
                owner, entity = found
                return Found(entity, f"«{t.text} {doc.tokens[owner].text}»: the troops stand for their owner", owner)
    return None


def _genitive_actor(ctx: Ctx, kids, parent: int) -> tuple[int, str] | None:
    """The first dependent of `parent` in the bare genitive («войска Наполеона», «восстание
    декабристов») that names an actor: (its token, the entity)."""
    doc = ctx.doc
    for k in ctx.kids(parent):
        t = doc.tokens[k]
        if t.rel.startswith("nmod") and t.feats.get("Case") == "Gen" and not preposition(doc, kids, k):
            entity = ctx.actor(k)
            if entity:
                return k, entity
    return None


def light_verb(ctx: Ctx, event: Event) -> Found | None:
    doc = ctx.doc
    token = doc.tokens[event.head]
    if token.pos != "NOUN" or token.head < 0 or token.rel.split(":")[0] not in {"obj", "obl", "nsubj"}:
        return None
    verb = token.head
    if doc.tokens[verb].lemma not in lex.LIGHT_VERBS or _passive(doc, verb):
        return None
    if token.rel.startswith("nsubj"):
        return None
    found = subject_of(doc, verb, _context=ctx.subjects)
    if found and ctx.types.get(found[0]) in ACTOR_TYPES:
        return Found(found[0], f"«{doc.tokens[verb].text}» lends its subject: {found[1]}", verb)
    return None


def noun_genitive(ctx: Ctx, event: Event) -> Found | None:
    doc = ctx.doc
    token = doc.tokens[event.head]
    if token.pos != "NOUN" or token.lemma in event_lex.STATUS_NOUNS:
        return None  # «председателем общества»: the body one holds office in is not the doer
    kids = ctx.kids.of_sentence(event.sentence)
    dependents = ctx.kids(event.head)
    targeted = any(
        doc.tokens[k].rel.startswith(("nmod", "obl")) and preposition(doc, kids, k) in lex.TARGET_PREPOSITIONS
        for k in dependents
    )
    if token.lemma not in lex.INTRANSITIVE_NOUNS and not targeted:
        return None
    found = _genitive_actor(ctx, kids, event.head)
    if found:
        k, entity = found
        return Found(entity, f"the genitive «{doc.tokens[k].text}» of «{token.text}»", k)
    return None


def adverbial_noun(ctx: Ctx, event: Event) -> Found | None:
    """An event noun of one's own doing in an adverbial phrase, with no genitive of its own,
    is done by the subject of the verb it qualifies: «При переезде во Владимир князь забрал
    икону» (as «переезжая»)."""
    doc = ctx.doc
    token = doc.tokens[event.head]
    if token.pos != "NOUN" or token.lemma not in lex.INTRANSITIVE_NOUNS or not token.rel.startswith("obl") or token.head < 0:
        return None
    kids = ctx.kids.of_sentence(event.sentence)
    if preposition(doc, kids, event.head) not in lex.ADVERBIAL_PREPOSITIONS:
        return None
    if any(doc.tokens[k].feats.get("Case") == "Gen" and doc.tokens[k].rel.startswith("nmod") and not preposition(doc, kids, k)
           for k in ctx.kids(event.head)):
        return None  # «после смерти отца»: someone else's
    verb = token.head
    found = subject_of(doc, verb, _context=ctx.subjects)
    entity = found[0] if found else None
    if entity is None:
        entity = next((p.entity for e in doc.events if e.head == verb for p in e.participants if p.role == "agent"), None)
    if entity is None or ctx.types.get(entity) not in PERSONAL:
        return None
    return Found(entity, f"«{token.text}» qualifies «{doc.tokens[verb].text}», done by its subject", verb)


def nominative_actor(ctx: Ctx, event: Event) -> Found | None:
    """An active verb whose parse gives no subject, and a name in the nominative in its clause
    that agrees with it: the parser hung the name elsewhere («в 1155 г. А. Боголюбский забрал»)."""
    doc = ctx.doc
    verb = event.head
    token = doc.tokens[verb]
    if token.pos != "VERB" or token.feats.get("VerbForm") != "Fin" or _passive(doc, verb) or _has_subject(ctx, verb):
        return None
    sentence = doc.sentences[event.sentence]
    kids = ctx.kids.of_sentence(event.sentence)
    best: tuple[int, int, str] | None = None
    for index in range(sentence.first, sentence.last):
        t = doc.tokens[index]
        if t.feats.get("Case") != "Nom" or t.pos not in {"PROPN", "NOUN"} or preposition(doc, kids, index):
            continue
        if t.rel in SUBJECTS and t.head != verb or t.rel in {"obj", "iobj"}:
            continue
        low, high = sorted((index, verb))
        if any(doc.tokens[j].feats.get("VerbForm") == "Fin" for j in range(low + 1, high)):
            continue
        entity = ctx.actor(index, PERSONAL)
        if entity is None or not agrees_with_verb(doc, verb, entity, ctx.subjects):
            continue
        if best is None or abs(index - verb) < best[0]:
            best = (abs(index - verb), index, entity)
    if best is None:
        return None
    return Found(best[2], f"«{doc.tokens[best[1]].text}» in the nominative agrees with «{token.text}»", best[1])


def zero_subject(ctx: Ctx, event: Event) -> Found | None:
    doc = ctx.doc
    verb = event.head
    token = doc.tokens[verb]
    if token.pos not in {"VERB", "AUX"} or _has_subject(ctx, verb):
        return None
    form = token.feats.get("VerbForm")
    if _passive(doc, verb) and token.lemma not in lex.PROTAGONIST_PASSIVES:
        return None  # «город был взят», «оккупированной страны»: what the passive speaks of is no doer
    if form == "Part" and not _passive(doc, verb) and not token.rel.startswith("acl"):
        return None
    if form == "Fin" and token.feats.get("Person", "3") != "3" or form == "Inf" or token.feats.get("Mood") == "Imp":
        return None
    found = subject_of(doc, verb, _context=ctx.subjects)
    if found and token.rel == "root" and form == "Fin" and _back_to_protagonist(ctx, event, found[0]):
        # (a root verb without a subject of its own took the previous sentence's subject)
        return None  # a new sentence without a subject goes back to the one the life story tells of
    if found:
        return Found(found[0], found[1], verb) if ctx.types.get(found[0]) in ACTOR_TYPES else None
    if token.rel not in {"root", "conj", "parataxis"}:
        return None
    if token.rel == "conj" and _has_subject(ctx, token.head):
        return None  # the verb it is coordinated with names a subject that is no entity
    return _previous_agent(ctx, event)


def _back_to_protagonist(ctx: Ctx, event: Event, other: str) -> bool:
    """In a life story a sentence without a subject speaks of the one it tells of, not of
    someone the sentence before named: «Сильвестр так и не женился. Умер в 1897 году» is said
    of the biography's subject when the verb agrees with him (rule `protagonist`)."""
    person = ctx.protagonist
    return person is not None and other != person and agrees_with_verb(ctx.doc, event.head, person, ctx.subjects)


def _previous_agent(ctx: Ctx, event: Event) -> Found | None:
    """The agent of the nearest earlier event within `WINDOW` sentences that agrees with the verb."""
    doc = ctx.doc
    for other in reversed(doc.events):
        if other.trigger.start >= event.trigger.start or other is event:
            continue
        if event.sentence - other.sentence >= WINDOW:
            break
        agents = [p.entity for p in other.participants if p.role == "agent" and ctx.types.get(p.entity) in PERSONAL]
        if not agents:
            if _has_subject(ctx, other.head):
                return None  # a doer that is no entity stands between («Толпа разгромила …»)
            continue
        if other.sentence != event.sentence and _back_to_protagonist(ctx, event, agents[0]):
            return None  # a new sentence without a subject goes back to the one the life story tells of
        if agrees_with_verb(doc, event.head, agents[0], ctx.subjects):
            text = doc.text[other.trigger.start:other.trigger.end]
            return Found(agents[0], f"the omitted subject continues the agent of «{text}»", other.head)
        return None  # the nearest doer does not agree: the subject is someone else
    return None


def main_person(doc: Doc) -> str | None:
    """The one a text tells of: the person named most often, at least `PROTAGONIST_MENTIONS`
    times and twice as often as anyone else (a biography's subject; no one in a chronicle of
    many rulers)."""
    counts = sorted(((len(e.mentions), e.id) for e in doc.entities if e.type == "PERSON"), reverse=True)
    if not counts or counts[0][0] < PROTAGONIST_MENTIONS:
        return None
    if len(counts) > 1 and counts[0][0] < 2 * counts[1][0]:
        return None
    return counts[0][1]


def _unresolved_pronoun_subject(ctx: Ctx, index: int) -> bool:
    """The verb's subject is a personal pronoun no entity was found for: «он окончил»."""
    subjects = [k for k in ctx.kids(index) if ctx.doc.tokens[k].rel in SUBJECTS]
    return bool(subjects) and all(ctx.doc.tokens[k].pos == "PRON" and ctx.doc.tokens[k].lemma in lex.PERSONAL_PRONOUNS
                                  and ctx.entity(k) is None for k in subjects)


def protagonist(ctx: Ctx, event: Event) -> Found | None:
    """In a life story the one it tells of does what a verb without a doer of its own does
    («Окончил гимназию в 1865 году», «Умер в 1895 году, похоронен …», «он переехал» with the
    pronoun unresolved), when the verb agrees with him, and holds the status of a verbless
    line («Лауреат премии 1862», «С 1872 года — профессор»)."""
    doc = ctx.doc
    person = ctx.protagonist
    if person is None:
        return None
    index = event.head
    token = doc.tokens[index]
    if token.pos == "NOUN" and token.lemma in event_lex.STATUS_NOUNS:
        if _has_subject(ctx, index) or token.rel not in {"root", "conj", "parataxis"}:
            return None
        return Found(person, f"the status «{token.text}» is said of the one the text tells of", index)
    if token.pos not in {"VERB", "AUX"} or token.rel not in {"root", "conj", "parataxis"}:
        return None
    if _has_subject(ctx, index) and not _unresolved_pronoun_subject(ctx, index):
        return None
    form = token.feats.get("VerbForm")
    if _passive(doc, index) and token.lemma not in lex.PROTAGONIST_PASSIVES:
        return None
    if form not in {"Fin", "Part"} or token.feats.get("Person", "3") != "3" or token.feats.get("Mood") == "Imp":
        return None
    if form == "Part" and not _passive(doc, index):
        return None
    if not agrees_with_verb(doc, index, person, ctx.subjects):
        return None
    return Found(person, f"«{token.text}» has no doer of its own: the one the text tells of", index)


Rule = Callable[[Ctx, Event], "Found | None"]
RULES: list[tuple[str, Rule]] = [
    ("protagonist_passive", protagonist_passive),
    ("bracketed_name", bracketed_name),
    ("commander", commander),
    ("troops_of", troops_of),
    ("light_verb", light_verb),
    ("noun_genitive", noun_genitive),
    ("nominative_actor", nominative_actor),
    ("adverbial_noun", adverbial_noun),
    ("zero_subject", zero_subject),
    ("protagonist", protagonist),
]


def not_an_actor(ctx: Ctx, entity: str) -> bool:
    """Every mention of the entity is a word that never names one: an adverb, a question word."""
    doc = ctx.doc
    entity_obj = next((e for e in doc.entities if e.id == entity), None)
    if entity_obj is None or not entity_obj.mentions:
        return False
    for index in entity_obj.mentions:
        mention = doc.mentions[index]
        words = mention.text.lower().split()
        if len(words) != 1:
            return False
        if words[0].strip(".,!?«»") not in lex.QUESTION_WORDS:
            return False
    return True


def _named_by_trigger(ctx: Ctx, event: Event, entity: str) -> bool:
    """The event's own word is a mention of the entity: «был членом общества», where «членом
    общества» names a profession, does not make the office its own doer."""
    found = ctx.subjects.entities.get(entity)
    if found is None:
        return False
    mentions = ctx.doc.mentions
    return any(mentions[i].start <= event.trigger.start and event.trigger.end <= mentions[i].end for i in found.mentions)


def assign(doc: Doc) -> None:
    if not doc.events:
        return
    ctx = Ctx(doc, Children(doc), SubjectContext.of(doc), {e.id: e.type for e in doc.entities}, main_person(doc))
    dropped: dict[str, bool] = {}
    for event in doc.events:
        kept = []
        for p in event.participants:
            if p.entity not in dropped:
                dropped[p.entity] = not_an_actor(ctx, p.entity)
            if dropped[p.entity]:
                doc.note("agents", "not_an_actor", event.trigger.start, event.trigger.end, event=event.id, entity=p.entity)
                continue
            if _named_by_trigger(ctx, event, p.entity):
                doc.note("agents", "trigger_names_the_entity", event.trigger.start, event.trigger.end, event=event.id, entity=p.entity)
                continue
            kept.append(p)
        event.participants = kept
    for event in doc.events:
        if event.head < 0 or not any(p.role == "agent" for p in event.participants):
            continue
        found = light_verb(ctx, event)  # «участвовал в семинарах Мерсенна»: the one who took part
        if found is not None and not any(p.role == "agent" and p.entity == found.entity for p in event.participants):
            event.participants = [p if p.role != "agent" else Participant(GENERIC, p.entity) for p in event.participants]
            _give(doc, event, "light_verb", found)
    # In text order, twice: an omitted subject continues one settled before, and a phrase
    # («при переезде») takes the doer of a verb settled after it.
    for _ in range(2):
        for event in doc.events:
            if event.head < 0 or any(p.role == "agent" for p in event.participants):
                continue
            for name, rule in RULES:
                found = rule(ctx, event)
                if found is not None:
                    _give(doc, event, name, found)
                    break


def _give(doc: Doc, event: Event, rule: str, found: Found) -> None:
    event.participants = [p for p in event.participants if p.entity != found.entity]
    event.participants.insert(0, Participant("agent", found.entity))
    token = doc.tokens[found.token]
    doc.note("agents", rule, token.start, token.end, event=event.id, entity=found.entity, evidence=found.evidence)
