"""Relations between events: order from gerunds and connectives, causes from causal verbs,
prepositions and the pair model learnt on NEREL (`cause_pairs`), and time shared inside a
clause. Each relation keeps its evidence span. A cause or effect that names no event
(«умер от сердечного приступа», «..., что усилило возможности комбатантов») is kept on
its event as `Event.causes` / `Event.effects` (`Phrase`s), with its evidence too.
"""

from __future__ import annotations

import threading
from bisect import bisect_left

from ..doc import Doc, Event, EventTime, Phrase, Relation
from ..lang.ru import relations as lex
from ..syntax_tree import ancestors, child_map, subtree
from . import cause_pairs


def carrier_index(doc: Doc) -> dict[int, Event]:
    """Token index -> the event whose trigger, or a verb folded into it, is that token."""
    owner: dict[int, Event] = {}
    for event in doc.events:
        for carrier in event.carrier_tokens():
            owner.setdefault(carrier, event)
    return owner


def _first_event(owner: dict[int, Event], tokens: list[int], skip: Event | None = None) -> Event | None:
    """The event heading a phrase: the highest trigger in it (the first in token order)."""
    for index in tokens:
        event = owner.get(index)
        if event is not None and event is not skip:
            return event
    return None


class _Known(threading.local):
    """(type, source, target) of every relation in the last `doc.relations` seen, kept up
    to date as the list grows, so that adding a relation does not scan all the others."""

    relations: list[Relation] | None = None
    keys: set[tuple[str, str, str]]
    count = 0

    def of(self, relations: list[Relation]) -> set[tuple[str, str, str]]:
        if self.relations is not relations or len(relations) < self.count:
            self.relations, self.keys, self.count = relations, set(), 0
        for relation in relations[self.count :]:
            self.keys.add((relation.type, relation.source, relation.target))
        self.count = len(relations)
        return self.keys


_known = _Known()


def _relate(doc: Doc, kind: str, source: Event, target: Event, start: int, end: int, rule: str) -> None:
    if source is target:
        return
    if (kind, source.id, target.id) in _known.of(doc.relations):
        return
    doc.relations.append(Relation(kind, source.id, target.id, doc.span(start, end)))
    doc.note("link", rule, start, end, source=source.id, target=target.id, type=kind)


def _gerund_order(doc: Doc, owner: dict[int, Event], event: Event) -> None:
    """«Вернувшись в Париж, он обнаружил»: a perfective gerund precedes its head's event."""
    token = doc.tokens[event.head]
    if token.feats.get("VerbForm") != "Conv" or token.feats.get("Aspect") != "Perf" or token.head < 0:
        return
    head_event = owner.get(token.head)
    if head_event is not None:
        _relate(doc, "before", event, head_event, token.start, token.end, "perfective_gerund_before")


def _causal_verbs(
    doc: Doc, owner: dict[int, Event], sentence: int, kids: dict[int, list[int]], events: list[Event]
) -> None:
    """«X привели к тому, что Y», «X ускорил Y»: the subject's event causes the complement's.
    When the complement names no event («..., что усилило возможности комбатантов»), the
    phrase is kept on the cause as `Event.effects`, with the verb as evidence."""
    sent = doc.sentences[sentence]
    for index in range(sent.first, sent.last):
        token = doc.tokens[index]
        if token.lemma not in lex.CAUSAL_VERBS:
            continue
        if token.lemma in lex.CAUSAL_ONLY_WITH_K and not _has_k_phrase(doc, kids, index):
            continue  # «привести в исполнение» carries out; «привести к» causes
        if any(doc.tokens[child].lemma in lex.NEGATIONS for child in kids.get(index, ())):
            continue  # «это не привело к результату» says there was no such effect
        cause = effect = None
        complement: int | None = None
        subject: int | None = None
        for child in kids.get(index, ()):
            rel = doc.tokens[child].rel.split(":")[0]
            phrase = subtree(kids, child)
            if rel == "nsubj":
                subject = child
                cause = _first_event(owner, phrase)
                if cause is None and doc.tokens[child].lemma in lex.RELATIVE_PRONOUNS:
                    cause = _antecedent(doc, owner, events, child, index)
            elif rel in {"obl", "obj", "ccomp", "xcomp"}:
                effect = effect or _first_event(owner, phrase)
                if rel == "obj" or (rel == "obl" and _has_k_phrase(doc, kids, index)):
                    complement = complement if complement is not None else child
        if effect is None and owner.get(index) not in (None, cause):
            effect = owner[index]  # the verb names the change itself
        syntactic_cause = cause
        if cause is None or effect is None or cause is effect:
            # The parse missed the subject or complement: the main event on each side.
            before = [e for e in events if e.head < index]
            after = [e for e in events if e.head > index]
            cause, effect = _shallowest(doc, before), _shallowest(doc, after)
        if cause is not None and effect is not None:
            _relate(doc, "cause", cause, effect, token.start, token.end, "causal_verb")
        elif syntactic_cause is not None and complement is not None and doc.tokens[complement].pos == "NOUN":
            _keep_phrase(doc, kids, syntactic_cause, "effects", complement, index)
        elif cause is None and effect is not None and subject is not None and doc.tokens[subject].pos == "NOUN":
            _keep_phrase(doc, kids, effect, "causes", subject, index)


def _antecedent(doc: Doc, owner: dict[int, Event], events: list[Event], pronoun: int, verb: int) -> Event | None:
    """The event a relative subject stands for. «..., что усилило ...» after a comma stands
    for the whole clause before it: that clause's last event. «забастовка, которая
    усилила ...» stands for the noun its clause is attached to."""
    token = doc.tokens[pronoun]
    after_comma = pronoun > 0 and doc.tokens[pronoun - 1].text == ","
    if token.lemma in lex.CLAUSE_PRONOUNS and after_comma:
        prior = [e for e in events if e.head < pronoun]
        return max(prior, key=lambda e: e.head, default=None)
    head = doc.tokens[verb].head
    return owner.get(head) if head >= 0 else None


def _keep_phrase(doc: Doc, kids: dict[int, list[int]], event: Event, key: str, noun: int, verb: int) -> None:
    """A causal verb's side that names no event is kept on the event of the other side as
    `Event.causes` or `Event.effects` (`key`), with the verb as evidence: «Листовки ...
    привели к тому, что жители вышли» (a cause of «вышли»), «..., что усилило возможности
    комбатантов» (an effect of what came before)."""
    start, end = cause_pairs.phrase(doc, kids, noun)
    verb_token = doc.tokens[verb]
    text, side = doc.text[start:end], key.removesuffix("s")
    phrases = event.causes if key == "causes" else event.effects
    phrases.append(Phrase(start, end, text, doc.span(verb_token.start, verb_token.end)))
    doc.note("link", f"causal_verb_{side}_phrase", verb_token.start, verb_token.end, event=event.id, **{side: text})


def _depth(doc: Doc, index: int) -> int:
    return sum(1 for _ in ancestors(doc, index))


def _shallowest(doc: Doc, events: list[Event]) -> Event | None:
    """The event highest in the tree (then the first in the text): a phrase's main event."""
    unique = {e.id: e for e in events}.values()
    return min(unique, key=lambda e: (_depth(doc, e.head), e.head), default=None)


def _has_k_phrase(doc: Doc, kids: dict[int, list[int]], index: int) -> bool:
    for child in kids.get(index, ()):
        if any(doc.tokens[c].rel == "case" and doc.tokens[c].lemma == "к" for c in kids.get(child, ())):
            return True
    return False


def _causal_prepositions(doc: Doc, owner: dict[int, Event], sentence: int, kids: dict[int, list[int]]) -> None:
    """«из-за забастовки», «в результате восстания»: the noun's event causes its head's."""
    sent = doc.sentences[sentence]
    text = doc.text
    for index in range(sent.first, sent.last):
        token = doc.tokens[index]
        event = owner.get(index)
        if event is None or token.head < 0:
            continue
        head_event = owner.get(token.head)
        if head_event is None:
            continue
        before = text[max(sent.start, token.start - 24) : token.start].lower()
        for phrase in lex.CAUSAL_PREPOSITIONS:
            if before.rstrip().endswith(phrase):
                start = token.start - len(before) + before.rfind(phrase)
                _relate(doc, "cause", event, head_event, start, token.end, "causal_preposition")
                break


def _learnt_causes(
    doc: Doc, sentence: int, kids: dict[int, list[int]], events: list[Event], mentions: dict[int, str]
) -> None:
    """Causes the pair model finds (`cause_pairs`): another event becomes a `cause`
    relation; a phrase that names no event («от сердечного приступа», «за мошенничество»)
    is kept on the effect as `Event.causes`, each with its span and evidence."""
    scorer = cause_pairs.model()
    if scorer is None:
        return
    for found in cause_pairs.best_causes(doc, sentence, kids, events, scorer, mentions):
        start, end = found.evidence
        if found.cause is not None:
            if ("cause", found.effect.id, found.cause.id) not in _known.of(doc.relations):
                _relate(doc, "cause", found.cause, found.effect, start, end, "cause_model")
            continue
        text = doc.text[found.span[0] : found.span[1]]
        found.effect.causes.append(
            Phrase(found.span[0], found.span[1], text, doc.span(start, end), round(found.probability, 3))
        )
        doc.note("link", "cause_model_phrase", start, end, event=found.effect.id, cause=text)


def _connectives(doc: Doc, sentence: int, main: Event | None, previous: Event | None) -> None:
    """Sentence-initial «Затем», «Поэтому» ... relate the previous sentence's main event."""
    if previous is None or main is None:
        return
    sent = doc.sentences[sentence]
    opening = doc.text[sent.start : min(sent.end, sent.start + 40)].lower()
    for phrase, kind in lex.CONNECTIVES:
        if opening.startswith(phrase):
            source, target = (previous, main) if kind in {"before", "cause"} else (main, previous)
            _relate(doc, "before" if kind == "before" else kind, source, target, sent.start, sent.start + len(phrase), "connective")
            return


def _main_event(doc: Doc, owner: dict[int, Event], sentence: int, events: list[Event]) -> Event | None:
    """The event at the root of the sentence, else its first event."""
    sent = doc.sentences[sentence]
    for index in range(sent.first, sent.last):
        if doc.tokens[index].head < 0 and index in owner:
            return owner[index]
    return events[0] if events else None


def _discovered_schedule(doc: Doc, owner: dict[int, Event], sentence: int, kids: dict[int, list[int]]) -> None:
    """«обнаружил, что на 18 августа объявлена забастовка»: found out no later than that day.

    When finding out is no event of its own, what its perfective gerund tells («Вернувшись в
    Париж, он обнаружил, что …») came before it, so no later than that day either."""
    sent = doc.sentences[sentence]
    for index in range(sent.first, sent.last):
        if doc.tokens[index].lemma not in lex.PERCEPTION_VERBS:
            continue
        finder = owner.get(index)
        finders = [finder] if finder is not None else [
            owner[child] for child in kids.get(index, ())
            if child in owner and doc.tokens[child].feats.get("VerbForm") == "Conv"
            and doc.tokens[child].feats.get("Aspect") == "Perf"
        ]
        if not finders:
            continue
        for child in kids.get(index, ()):
            if doc.tokens[child].rel not in {"ccomp", "conj"}:
                continue
            for node in subtree(kids, child):
                scheduler = owner.get(node)
                if scheduler is not None and scheduler.time_links.scheduled_for:
                    for found in finders:
                        if found.time_links.found_before is None:
                            found.time_links.found_before = scheduler.time_links.scheduled_for
                        doc.note("link", "discovered_before_scheduled_date", found.trigger.start, found.trigger.end, event=found.id)


def _departure_before_return(doc: Doc) -> None:
    """A return follows the same traveller's last departure before it."""
    departures: dict[str, Event] = {}
    for event in doc.events:
        agents = [p.entity for p in event.participants if p.role == "agent"]
        lemma = doc.tokens[event.head].lemma
        if lemma in lex.RETURN_LEMMAS:
            for agent in agents:
                if agent in departures:
                    _relate(doc, "before", departures[agent], event, event.trigger.start, event.trigger.end, "departure_before_return")
        elif lemma in lex.DEPARTURE_LEMMAS:
            for agent in agents:
                departures[agent] = event


SAME_EVENT_WINDOW = 6  # sentences within which a repeated event noun is taken as the same event


class _NamesAfter:
    """Entities named in the few tokens after an event noun (its likely arguments)."""

    WINDOW = 5  # tokens

    def __init__(self, doc: Doc):
        self.doc = doc
        self.order = sorted(range(len(doc.mentions)), key=lambda i: doc.mentions[i].start)
        self.starts = [doc.mentions[i].start for i in self.order]

    def __call__(self, event: Event) -> set[str]:
        doc = self.doc
        last = min(event.head + 1 + self.WINDOW, doc.sentences[event.sentence].last) - 1
        if last <= event.head:
            return set()
        start, end = doc.tokens[event.head].end, doc.tokens[last].end
        found = set()
        for position in range(bisect_left(self.starts, start), len(self.order)):
            mention = doc.mentions[self.order[position]]
            if mention.start >= end:
                break
            if mention.entity and mention.type != "PROFESSION":
                found.add(mention.entity)
        return found


def _compatible(a: Event, b: Event, names_after: _NamesAfter) -> bool:
    """Two mentions may be one event unless their places, patients or the names right
    after them disagree («освобождения Парижа» is not «освобождения Франции»)."""
    if a.places and b.places and not set(a.places) & set(b.places):
        return False
    patients_a = {p.entity for p in a.participants if p.role == "patient"} | names_after(a)
    patients_b = {p.entity for p in b.participants if p.role == "patient"} | names_after(b)
    return not (patients_a and patients_b and not patients_a & patients_b)


def corefer_events(doc: Doc) -> None:
    """«всеобщая забастовка» … «после всеобщей забастовки»: a repeated event noun names the
    event mentioned shortly before (same lemma, places and patients not in conflict)."""
    recent: dict[str, list[Event]] = {}
    names_after = _NamesAfter(doc)
    for event in doc.events:
        token = doc.tokens[event.head]
        if token.pos == "NOUN":
            for earlier in reversed(recent.get(token.lemma, [])):
                if event.sentence - earlier.sentence > SAME_EVENT_WINDOW:
                    break
                if _compatible(earlier, event, names_after):
                    root = earlier.same_as or earlier.id
                    event.same_as = root
                    doc.relations.append(Relation("same", event.id, root, doc.span(event.trigger.start, event.trigger.end)))
                    doc.note("link", "same_event_noun", event.trigger.start, event.trigger.end, event=event.id, same=root)
                    break
        recent.setdefault(token.lemma, []).append(event)


def share_coreferent_time(doc: Doc) -> None:
    """An undated mention of an event takes the time of the dated mention it repeats."""
    by_id = {e.id: e for e in doc.events}
    for event in doc.events:
        same = by_id.get(event.same_as or "")
        if same is not None and event.time.basis == "unknown" and same.time.basis != "unknown":
            t = same.time
            event.time = EventTime(t.earliest, t.latest, t.edtf, "context", t.timex)


def add_relations(doc: Doc) -> None:
    owner = carrier_index(doc)
    corefer_events(doc)
    share_coreferent_time(doc)
    _departure_before_return(doc)
    by_sentence: dict[int, list[Event]] = {}
    for event in doc.events:
        by_sentence.setdefault(event.sentence, []).append(event)
    previous: Event | None = None
    mentions = cause_pairs.mention_types(doc)
    for sentence in range(len(doc.sentences)):
        kids = child_map(doc, sentence)
        events = by_sentence.get(sentence, [])
        _discovered_schedule(doc, owner, sentence, kids)
        for event in events:
            _gerund_order(doc, owner, event)
        _causal_verbs(doc, owner, sentence, kids, events)
        _causal_prepositions(doc, owner, sentence, kids)
        if events:
            _learnt_causes(doc, sentence, kids, events, mentions)
        main = _main_event(doc, owner, sentence, events)
        _connectives(doc, sentence, main, previous)
        previous = main or previous


def share_clause_time(doc: Doc) -> None:
    """Coordinated verbs share a date («вышли на улицы и спели»); what was ordered or
    requested cannot come before the order («приказ уничтожить»)."""
    owner = carrier_index(doc)
    for event in doc.events:
        if event.time.basis != "unknown":
            continue
        token = doc.tokens[event.head]
        head_event = owner.get(token.head) if token.head >= 0 else None
        if head_event is None or head_event.time.basis == "unknown":
            continue
        if token.rel == "conj" and event.factuality == head_event.factuality:
            t = head_event.time
            event.time = EventTime(t.earliest, t.latest, t.edtf, "context", t.timex)
            doc.note("link", "conjoined_same_time", token.start, token.end, event=event.id, via=head_event.id)
        elif event.factuality in {"intended", "unrealized"} and head_event.time.earliest:
            earliest = head_event.time.earliest
            event.time = EventTime(earliest, None, f"{earliest}/..", "inferred", None)
            doc.note("link", "intended_not_before_intention", token.start, token.end, event=event.id, via=head_event.id)
