"""The timexes an event is tied to (`Event.time_links`), before anything is dated: the date
of its own clause, else the best one the roles stage linked to it; the day a scheduling
event set for another; and, for finding out about a schedule, the day found out about.
"""

from __future__ import annotations

import re

from ..doc import Doc, Event, Timex, across_lines
from ..lang.ru import relations as lex
from ..lang.ru.relations import SCHEDULE_VERBS
from ..syntax_tree import ancestors, span_head, subtree
from ..index import carrier_index, tokens_overlapping, tree
from ..time import lexicon as time_lex

DATED_TYPES = {"DATE", "TIME"}
DATED_FACTUALITY = {"actual", "uncertain"}  # events a linked timex may date


def _timex_head(doc: Doc, timex: Timex) -> int | None:
    """The token of the timex whose head lies outside it (its attachment point)."""
    tokens = tokens_overlapping(doc, timex.start, timex.end)
    return span_head(doc, tokens) if tokens else None


def _scheduled_event(doc: Doc, owner: dict[int, Event], timex: Timex, head: int) -> tuple[Event, Event] | None:
    """«на 18 августа была объявлена забастовка»: (the scheduled event, the scheduling one)."""
    if not timex.text.lower().startswith(("на ", "назначен")):
        return None
    sent = doc.sentences[doc.tokens[head].sent]
    for index in range(max(sent.first, head - 6), min(sent.last, head + 7)):
        if doc.tokens[index].lemma not in SCHEDULE_VERBS:
            continue
        for other in range(sent.first, sent.last):
            token = doc.tokens[other]
            if token.head == index and token.rel in {"nsubj:pass", "obj", "nsubj"} and other in owner and owner[other].head == other:
                return owner[other], owner.get(index) or owner[other]
    return None


def attach_timexes(doc: Doc) -> None:
    """Each dated timex goes to the nearest event above it in the tree (its own clause)."""
    owner = carrier_index(doc)
    timexes = {t.id: t for t in doc.timexes}
    distance: dict[str, int] = {}  # how many steps up the tree each event's date is
    for timex in doc.timexes:
        if timex.type not in DATED_TYPES:
            continue
        head = _timex_head(doc, timex)
        if head is None:
            continue
        scheduled = _scheduled_event(doc, owner, timex, head)
        if scheduled is not None:
            event, scheduler = scheduled
            event.time_links.date = timex.id
            if scheduler is not event:
                scheduler.time_links.scheduled_for = timex.id
            doc.note("time_links", "scheduled_for_date", timex.start, timex.end, event=event.id)
            continue
        path = [node for node in (head, *ancestors(doc, head)) if not timex.start <= doc.tokens[node].start < timex.end]
        step = next((k for k, node in enumerate(path) if node in owner), None)
        event = owner[path[step]] if step is not None else None
        if event is None:
            event, step = _event_argument(doc, owner, path), len(path)
        if event is None or across_lines(doc.text, timex.start, timex.end, event.trigger.start, event.trigger.end):
            continue
        current = event.time_links.date
        # An explicit date beats an event-anchored one in the same clause; of two alike, the
        # one nearer in the tree is the event's own («возникновение в 1980–1981 гг.»).
        relative = timex.anchor == "relative"
        if (current is None or (timexes[current].anchor == "relative" and not relative)
                or ((timexes[current].anchor == "relative") == relative and step < distance.get(event.id, -1))):
            event.time_links.date = timex.id
            distance[event.id] = step
        if timex.anchor == "relative" and timex.anchor_ref and event.time_links.anchored_on is None:
            event.time_links.anchored_on = timex.id
        doc.note("time_links", "timex_to_event", timex.start, timex.end, event=event.id)


def attach_linked_timexes(doc: Doc) -> None:
    """An event the tree gave no timex of its own takes the best dated one the roles stage
    linked to it (`Event.timexes`, best first): «В 1944 году, после высадки
    союзников, началось восстание» dates the landing as well as the uprising. Only what is
    said to have happened: the date of «получило приказ уничтожить мосты» is the order's,
    and what was ordered is only not earlier (`dating.share_clause_time`). An event an
    expression is anchored on keeps out of that sentence's dates, and a date set for a
    planned event («на 18 августа») dates that event alone."""
    timexes = {t.id: t for t in doc.timexes}
    # The date of «на следующий день после забастовки, 19 августа» is not the strike's, and
    # «на 18 августа была объявлена забастовка» dates the strike, not what else is near.
    anchors = [(ref["event"]["start"], ref["event"]["end"]) for t in doc.timexes
               if (ref := t.anchor_ref or {}).get("event")]
    scheduled = {e.time_links.scheduled_for for e in doc.events if e.time_links.scheduled_for is not None}
    for event in doc.events:
        if event.time_links.date is not None or event.time_links.scheduled_for is not None:
            continue
        if event.factuality not in DATED_FACTUALITY:
            continue
        if any(start <= event.trigger.start < end for start, end in anchors):
            continue
        for timex_id in event.timexes:
            timex = timexes.get(timex_id)
            if timex is None or timex.type not in DATED_TYPES or timex_id in scheduled:
                continue
            event.time_links.date = timex.id
            if timex.anchor == "relative" and timex.anchor_ref and event.time_links.anchored_on is None:
                event.time_links.anchored_on = timex.id
            doc.note("time_links", "linked_timex_to_event", timex.start, timex.end, event=event.id)
            break


def _event_argument(doc: Doc, owner: dict[int, Event], path: list[int]) -> Event | None:
    """«14 августа командование получило приказ»: a date on a verb that is no event of its
    own dates the event that is its subject or object, or the event that subject names
    («произошла серия терактов»)."""
    sent = doc.sentences[doc.tokens[path[0]].sent] if path else None
    if sent is None:
        return None
    for node in path:
        for other in range(sent.first, sent.last):
            token = doc.tokens[other]
            if token.head != node or token.rel not in {"obj", "nsubj", "nsubj:pass"}:
                continue
            if other in owner:
                return owner[other]
            # «произошла серия терактов»: the event is the quantity noun's dependent
            for inner in range(sent.first, sent.last):
                if doc.tokens[inner].head == other and doc.tokens[inner].rel == "nmod" and inner in owner:
                    return owner[inner]
    return None


DASH_ITEM = re.compile(r"[ \t\u00a0]*[-–—][ \t\u00a0]+")  # «28 сен. 1708 - Битва у д. Лесная»
ITEM_ENDS = re.compile(r"[\n;]")  # what ends a dated item of a list


def dash_items(doc: Doc) -> None:
    """«28 сен. 1708 - Битва у д. Лесная, 27 июня 1709 - Битва под Полтавой»: in notes a date
    and a dash head an item, and the first event after the dash is the one it dates, whatever
    the parser made of the list. The item ends at the next date, a semicolon or the line's end;
    a «когда» clause keeps its date."""
    starts = sorted(t.start for t in doc.timexes)
    events = sorted(doc.events, key=lambda e: e.trigger.start)
    for timex in doc.timexes:
        if timex.type not in DATED_TYPES or timex.anchor == "relative" or timex.earliest is None and timex.latest is None:
            continue
        dash = DASH_ITEM.match(doc.text, timex.end)
        if dash is None:
            continue
        end = next((s for s in starts if s >= dash.end()), len(doc.text))
        stop = ITEM_ENDS.search(doc.text, dash.end(), end)
        end = stop.start() if stop else end
        event = next((e for e in events if dash.end() <= e.trigger.start < end), None)
        if event is None or event.time_links.when_of is not None:
            continue
        event.time_links.date = timex.id
        doc.note("time_links", "dash_item_date", timex.start, timex.end, event=event.id)


ITEM_YEAR_RULES = {"date.bare_year", "date.noted_year"}  # a year alone, no preposition
ITEM_START = re.compile(r"[,;.(:\n]")  # what opens an item of a list


def item_years(doc: Doc) -> None:
    """«Член Лондонского королевского общества 1852, член-корреспондент академии наук 1870,»:
    in a list of titles a year alone closes its item, and dates the one event of that item,
    whatever the parser made of the list. An item with two events or none is left alone."""
    events = sorted(doc.events, key=lambda e: e.trigger.start)
    for timex in doc.timexes:
        if timex.rule not in ITEM_YEAR_RULES or not _closes_item(doc.text, timex.end):
            continue
        opened = max((m.end() for m in ITEM_START.finditer(doc.text, max(0, timex.start - 120), timex.start)), default=None)
        if opened is None:
            continue
        inside = [e for e in events if opened <= e.trigger.start and e.trigger.end <= timex.start]
        if len(inside) != 1 or inside[0].time_links.when_of is not None:
            continue
        inside[0].time_links.date = timex.id
        doc.note("time_links", "list_item_year", timex.start, timex.end, event=inside[0].id)


def _closes_item(text: str, end: int) -> bool:
    """A year closes an item when a comma, a semicolon or a full stop follows it, or a
    footnote number glued to it and then one of those."""
    rest = text[end : end + 4].lstrip("0123456789")
    return rest[:1] in {",", ";", "."}


WHEN_CLAUSE_RELS = {"acl", "acl:relcl", "advcl"}
WHEN_AFTER_DATE = re.compile(rf"\s*,\s*(?:{'|'.join(sorted(time_lex.WHEN_WORDS))})\s+", re.I)  # «в 1933 году, когда …»


def when_clauses(doc: Doc) -> None:
    """«В 1933 году, когда власть захватили нацисты»; «работал до 1922 года, когда переехал в
    Москву»: the event of a «когда» clause that hangs on a date happened at the time the date
    names (whatever «до» or «с» says of the main clause). It beats a date found elsewhere."""
    owner = carrier_index(doc)
    events = sorted(doc.events, key=lambda e: e.trigger.start)
    for timex in doc.timexes:
        if timex.type not in DATED_TYPES or timex.anchor == "relative":
            continue
        written = WHEN_AFTER_DATE.match(doc.text, timex.end)
        if written is not None:  # «до 1922 года, когда переехал»: whatever the parser made of it
            end = doc.sentences[doc.sentence_at(timex.start)].end
            event = next((e for e in events if written.end() <= e.trigger.start < end), None)
            if event is not None:
                event.time_links.date = event.time_links.when_of = timex.id
                doc.note("time_links", "when_clause_at_date", timex.start, timex.end, event=event.id)
                continue
        inside = tokens_overlapping(doc, timex.start, timex.end)
        if not inside:
            continue
        kids = tree(doc).of_sentence(doc.tokens[inside[0]].sent)
        for node in inside:
            for child in kids.get(node, ()):
                if doc.tokens[child].rel not in WHEN_CLAUSE_RELS or child in inside:
                    continue
                if not any(doc.tokens[k].lemma in time_lex.WHEN_WORDS and k < child for k in kids.get(child, ())):
                    continue
                event = owner.get(child)
                if event is None or event.head != child:
                    continue
                event.time_links.date = timex.id
                event.time_links.when_of = timex.id
                doc.note("time_links", "when_clause_at_date", timex.start, timex.end, event=event.id)


def discovered_schedules(doc: Doc) -> None:
    """«обнаружил, что на 18 августа объявлена забастовка»: found out no later than that day.

    When finding out is no event of its own, what its perfective gerund tells («Вернувшись в
    Париж, он обнаружил, что …») came before it, so no later than that day either."""
    owner = carrier_index(doc)
    for sentence in range(len(doc.sentences)):
        kids = tree(doc).of_sentence(sentence)
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
                            doc.note("time_links", "discovered_before_scheduled_date", found.trigger.start, found.trigger.end, event=found.id)


class TimeLinkStage:
    name = "time_links"
    requires = ("tokens", "sentences", "morph", "syntax", "timexes", "events", "factuality", "roles")
    assigns = ("time_links",)

    def __call__(self, doc: Doc) -> Doc:
        attach_timexes(doc)
        when_clauses(doc)
        dash_items(doc)
        item_years(doc)
        attach_linked_timexes(doc)
        discovered_schedules(doc)
        return doc
