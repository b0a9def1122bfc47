"""The read-only JSON API: documents, events, entities, search, places and the graph.

Each handler takes the `Corpus` and a `Request` and returns JSON-ready data; lists are
paginated (`limit`, `offset`, `more`) so a page never receives the whole corpus.
"""

from __future__ import annotations

from typing import Any

from ..doc import ACTOR_TYPES, PLACE_TYPES
from ..render.dates import UNKNOWN as UNKNOWN_DATE
from ..store.base import Record
from ..store.dates import UNKNOWN_KEY
from ..time.calendar import day_number, day_number_or_none, day_text, iso, parse_day
from ..lang.ru import labels as labels
from . import crossdoc, present
from .corpus import Corpus, summary, title_of
from .http import ApiError, Request

FACTUALITIES = ("actual", "negated", "intended", "unrealized", "hypothetical", "uncertain")
EVERY_DAY = {"date_from": "-999999-01-01", "date_to": "999999-12-31"}  # keeps exactly the dated events


def _page(request: Request, default: int, high: int) -> tuple[int, int]:
    return request.integer("limit", default, low=1, high=high), request.integer("offset", 0)


def _day(request: Request, name: str) -> str | None:
    value = request.text(name)
    if value is None:
        return None
    date = parse_day(value)
    if date is None:
        raise ApiError(400, f"{name}: нужна дата вида ГГГГ-ММ-ДД (до 1 года н. э. — -0043-03-15), а не {value!r}")
    return iso(date)


def _paged(items: list[Any], limit: int, offset: int, **extra: Any) -> Record:
    """A page of a list fetched with limit + 1, so `more` says whether another page exists."""
    return {"items": items[:limit], "limit": limit, "offset": offset, "more": len(items) > limit, **extra}


def _events_with_names(corpus: Corpus, store, events: list[Record]) -> tuple[list[Record], dict[str, Record]]:
    briefs = crossdoc.annotate(corpus, store, [present.brief(ev) for ev in events])
    return briefs, corpus.summaries(store, present.referenced(events))


# --- documents -------------------------------------------------------------------------

def documents(corpus: Corpus, request: Request) -> Record:
    limit, offset = _page(request, 50, 1000)
    with corpus.store() as store:
        docs = corpus.memo("documents", lambda: [d | {"title": title_of(d.get("source"), d.get("id"))} for d in store.documents()])
    return _paged(docs[offset:offset + limit + 1], limit, offset, total=len(docs))


def document(corpus: Corpus, request: Request) -> Record:
    doc_id = request.params["id"]
    with corpus.store() as store:
        doc = store.document(doc_id)
        if doc is None:
            raise ApiError(404, f"документа {doc_id!r} нет")
        events = store.events(doc=doc_id)
    doc = dict(doc)
    doc["title"] = title_of(doc.get("source"), doc_id)
    doc["events"] = [{"id": ev.get("id"), "trigger": ev.get("trigger"), "sentence": ev.get("sentence"),
                      "type": ev.get("type"), "factuality": ev.get("factuality"),
                      "date": present.date_words(ev.get("time"))} for ev in events]
    return doc


# --- events ----------------------------------------------------------------------------

def _event_filters(request: Request) -> tuple[Record, str | None, str | None]:
    """The store filters a request asks for (codes or Russian labels), and its dated and disputed."""
    factuality = request.text("factuality")
    if factuality is not None:
        factuality = labels.code_of("factuality", factuality)
        if factuality not in FACTUALITIES:
            words = ", ".join(labels.FACTUALITY_LABELS[f] for f in FACTUALITIES)
            raise ApiError(400, f"фактичность — одно из: {words}; не {request.text('factuality')!r}")
    type_ = request.text("type")
    type_ = labels.code_of("event_types", type_) if type_ is not None else None
    filters = {
        "person": request.text("person"), "place": request.text("place"), "entity": request.text("entity"),
        "type": type_, "factuality": factuality, "doc": request.text("doc"),
        "date_from": _day(request, "from"), "date_to": _day(request, "to"),
    }
    if filters["date_from"] and filters["date_to"] and day_number(filters["date_from"]) > day_number(filters["date_to"]):
        raise ApiError(400, "начало периода (from) позже его конца (to)")
    dated = request.text("dated")
    if dated not in (None, "yes", "no"):
        raise ApiError(400, f"dated — yes (с датой) или no (без даты), не {dated!r}")
    if dated == "no" and (filters["date_from"] or filters["date_to"]):
        raise ApiError(400, "события без даты (dated=no) нельзя отбирать по датам from/to")
    disputed = request.text("disputed")
    if disputed not in (None, "yes"):
        raise ApiError(400, f"disputed — только yes (события, о которых источники спорят), не {disputed!r}")
    return {k: v for k, v in filters.items() if v is not None}, dated, disputed


def events(corpus: Corpus, request: Request) -> Record:
    limit, offset = _page(request, 100, 1000)
    filters, dated, disputed = _event_filters(request)
    with corpus.store() as store:
        if disputed:
            found = _disputed(corpus, store, filters, dated, limit + 1, offset)
            briefs, names = _events_with_names(corpus, store, found)
            return _paged(briefs, limit, offset, entities=names)
        if dated == "yes" and not (filters.get("date_from") or filters.get("date_to")):
            filters |= EVERY_DAY
        if dated == "no":
            found = _undated(corpus, store, filters, limit + 1, offset)
        else:
            found = store.events(**filters, limit=limit + 1, offset=offset)
        briefs, names = _events_with_names(corpus, store, found)
        extra = {}
        if request.text("count") == "yes" and dated != "no":  # how many in all, for "1–50 of 269"
            extra["total"] = corpus.memo("count:" + repr(sorted(filters.items())), lambda: store.count_events(**filters))
    return _paged(briefs, limit, offset, entities=names, **extra)


def _disputed(corpus: Corpus, store, filters: Record, dated: str | None, limit: int, offset: int) -> list[Record]:
    """Events that are a claim of some conflict, in date order, meeting the other filters.

    Conflicts are few beside the events, so they are fetched by id; with other filters
    the store's answer for those filters is intersected with them."""
    ids = crossdoc.disputed_ids(corpus)
    if filters:
        found = [ev for ev in store.events(**filters) if ev.get("id") in ids]
    else:
        found = [ev for i in sorted(ids) if (ev := store.event(i)) is not None]
    if dated is not None:
        has_date = lambda ev: bool((ev.get("time") or {}).get("earliest") or (ev.get("time") or {}).get("latest"))  # noqa: E731
        found = [ev for ev in found if has_date(ev) == (dated == "yes")]
    if not filters:
        found.sort(key=lambda ev: (_first_day(ev), str(ev.get("id"))))
    return found[offset:offset + limit]


def _first_day(event: Record) -> int:
    """The event's earliest bound, else its latest, as a day number; undated events last."""
    time = event.get("time") or {}
    number = day_number_or_none(time.get("earliest") or time.get("latest"))
    return UNKNOWN_KEY if number is None else number


def _undated(corpus: Corpus, store, filters: Record, limit: int, offset: int) -> list[Record]:
    """Events without any date bound. The store lists them after every dated event, so
    they start where the dated ones end; the count of dated events is kept per query."""
    skip = corpus.memo("dated:" + repr(sorted(filters.items())), lambda: store.count_events(**filters, **EVERY_DAY))
    found = store.events(**filters, limit=limit, offset=skip + offset)
    return [ev for ev in found if not ((ev.get("time") or {}).get("earliest") or (ev.get("time") or {}).get("latest"))]


def event(corpus: Corpus, request: Request) -> Record:
    event_id = request.params["id"]
    with corpus.store() as store:
        found = store.event(event_id)
        if found is None:
            raise ApiError(404, f"события {event_id!r} нет")
        ids = present.referenced([found])
        entities = [e for i in sorted(ids) if (e := store.entity(i)) is not None]
        linked = {i: store.event(i) for i in list(found.get("causes") or [])[:50] + list(found.get("effects") or [])[:50]}
        doc = store.document(str(found.get("doc")))
        across = crossdoc.of_event(corpus, store, event_id)
    out = present.brief(found)
    time = found.get("time")
    out["sentence_text"] = found.get("sentence_text", "")
    out["timex"] = found.get("timex")
    out["date"] = present.date_words(time, found.get("timex"))
    out["date"]["explained"] = present.basis_explained(time, found.get("timex"))
    out["factuality_words"] = present.factuality_words(found.get("factuality"))
    out["highlights"] = present.highlights(found, entities)
    out["entities"] = {str(e["id"]): summary(e) for e in entities}
    out["roles"] = {p: present.role_words(p) for p in {str(x.get("role")) for x in found.get("participants") or []}}
    out["causes"] = [_link(i, linked.get(i)) for i in found.get("causes") or []]
    out["effects"] = [_link(i, linked.get(i)) for i in found.get("effects") or []]
    out["document"] = ({"id": doc.get("id"), "source": doc.get("source"), "title": title_of(doc.get("source"), doc.get("id"))}
                       if doc else {"id": found.get("doc"), "title": title_of(None, found.get("doc"))})
    out["corpus"] = across
    return out


def _link(event_id: str, linked: Record | None) -> Record:
    if linked is None:
        return {"id": event_id}
    return {"id": event_id, "trigger": linked.get("trigger"), "type": linked.get("type"),
            "date": present.date_words(linked.get("time"))}


# --- entities --------------------------------------------------------------------------

def entities(corpus: Corpus, request: Request) -> Record:
    limit, offset = _page(request, 100, 1000)
    type_, name = request.text("type"), request.text("name")

    def page() -> list[Record]:
        # An entity record carries all its mentions; the list keeps only what it shows.
        found = store.entities(type=type_, name=name, limit=offset + limit + 1)
        return [summary(e) | {"aliases": e.get("aliases") or [], "type_words": present.entity_type_words(e)}
                for e in found[offset:]]

    with corpus.store() as store:
        items = corpus.memo(f"entities:{type_}:{name}:{limit}:{offset}", page)
    return _paged(items, limit, offset)


def entity(corpus: Corpus, request: Request) -> Record:
    entity_id = request.params["id"]
    limit, offset = _page(request, 100, 1000)
    with corpus.store() as store:
        found = store.entity(entity_id)
        if found is None:
            raise ApiError(404, f"участника {entity_id!r} нет")
        own = store.events(entity=entity_id, limit=limit + 1, offset=offset)
        briefs, names = _events_with_names(corpus, store, own)
        # counted over the first 500 events, or over all of them when they fit on this first page
        co_actors = store.co_actors(entity_id, within=None if offset == 0 and len(own) <= limit else 500)
        names |= corpus.summaries(store, {i for i, _ in co_actors})
        mentions = _mentions_in_context(store, found.get("mentions") or [], 30)
        across = crossdoc.of_entity(corpus, store, entity_id)
    attributes = found.get("attributes") or {}
    return {
        **summary(found),
        "aliases": found.get("aliases") or [],
        "type_words": present.entity_type_words(found),
        "titles": [str(t) for t in attributes.get("titles") or []],
        "events": _paged(briefs, limit, offset),
        "entities": names,
        "co_actors": [{"id": i, "events": n} for i, n in co_actors if i in names],
        "mention_contexts": mentions,
        "corpus": across,
        "documents": _titles(corpus),
    }


def _titles(corpus: Corpus) -> dict[str, str]:
    """Every document's title by id, so that a page names documents, not ids."""
    def read() -> dict[str, str]:
        with corpus.store() as store:
            return {str(d["id"]): title_of(d.get("source"), d["id"]) for d in store.documents()}

    return corpus.memo("titles", read)


def _mentions_in_context(store, mentions: list[Record], limit: int) -> list[Record]:
    texts: dict[str, str | None] = {}
    out = []
    for mention in mentions[:limit]:
        doc = str(mention.get("doc"))
        if doc not in texts:
            record = store.document(doc)
            texts[doc] = record.get("text") if record else None
        text, start, end = texts[doc], mention.get("start"), mention.get("end")
        if text is None or not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= end <= len(text):
            continue
        out.append({"doc": doc, "start": start, "end": end, **present.context(text, start, end)})
    return out


def suggest(corpus: Corpus, request: Request) -> Record:
    """Names to offer as a person types: entities whose name has a word starting with `q`
    (or `q` in any word form), most mentioned first."""
    query = request.text("q")
    if query is None:
        raise ApiError(400, "нужен параметр q: начало имени")
    type_ = request.text("type")
    if type_ is not None:
        type_ = labels.code_of("entity_types", type_)
    limit = request.integer("limit", 10, low=1, high=50)

    def found() -> list[Record]:
        with corpus.store() as store:
            return [summary(e) for e in store.entities(type=type_, name=query, limit=limit)]

    return {"query": query, "items": corpus.memo(f"suggest:{type_}:{query}:{limit}", found)}


# --- search, places, graph -------------------------------------------------------------

def search(corpus: Corpus, request: Request) -> Record:
    """Full-text hits, a page at a time, with their count. Words match in any form; when no
    whole word matches, the last one matches as the start of a longer word («Лобач»)."""
    query = request.text("q")
    if query is None:
        raise ApiError(400, "нужен параметр q: слова для поиска")
    limit, offset = request.integer("limit", 20, low=1, high=100), request.integer("offset", 0)
    kind = request.text("kind")
    if kind is not None:
        kind = {"событие": "event", "события": "event", "документ": "document", "документы": "document"}.get(kind, kind)
        if kind not in ("event", "document"):
            raise ApiError(400, f"kind — event (события) или document (документы), не {request.text('kind')!r}")
    doc = request.text("doc")
    with corpus.store() as store:
        def count(prefix: bool) -> int:
            return corpus.memo(f"search-count:{query}:{kind}:{doc}:{prefix}",
                               lambda: store.count_search(query, kind=kind, doc=doc, prefix=prefix))

        prefix = False
        total = count(False)
        if total == 0:
            prefix, total = True, count(True)
        hits = store.search(query, limit=limit, offset=offset, kind=kind, doc=doc, prefix=prefix) if total else []
        titles = {d["id"]: title_of(d.get("source"), d["id"]) for d in corpus.memo("documents-plain", store.documents)}
        for hit in hits:
            hit["title"] = titles.get(str(hit.get("doc")), hit.get("doc"))
            if hit.get("kind") == "event" and (found := store.event(str(hit.get("id")))) is not None:
                hit["event"] = present.brief(found)
    return {"query": query, "items": hits, "total": total, "limit": limit, "offset": offset,
            "more": offset + len(hits) < total, "prefix": prefix}


def places(corpus: Corpus, request: Request) -> Record:
    limit = request.integer("limit", 300, low=1, high=5000)
    per_place = request.integer("events", 5, low=0, high=50)
    return corpus.memo(f"places:{limit}:{per_place}", lambda: _places(corpus, limit, per_place))


def _places(corpus: Corpus, limit: int, per_place: int) -> Record:
    with corpus.store() as store:
        items = [summary(entity) for entity in store.top_entities(PLACE_TYPES, limit=limit, located=True)]
        for place in items:
            found = store.events(entity=place["id"], limit=per_place + 1) if per_place else []
            place["events"] = [present.brief(ev) for ev in found[:per_place]]
            place["more_events"] = len(found) > per_place
    return {"items": items}


def _events_of_main_actors(corpus: Corpus, store, limit: int, actors: int = 15) -> list[Record]:
    """Without a filter, the graph shows the most mentioned actors and their events: a
    connected picture of who does what, rather than the corpus's first events in time."""
    def main_actors() -> list[str]:
        return [str(e["id"]) for e in store.top_entities(ACTOR_TYPES, limit=actors)]

    events: dict[str, Record] = {}
    per_actor = max(2, limit // actors + 1)
    for actor in corpus.memo("graph:actors", main_actors):
        for ev in store.events(entity=actor, limit=per_actor):
            events.setdefault(str(ev["id"]), ev)
    return list(events.values())


def graph(corpus: Corpus, request: Request) -> Record:
    limit = request.integer("limit", 120, low=1, high=500)
    filters = {k: v for k in ("doc", "person", "type") if (v := request.text(k)) is not None}
    with corpus.store() as store:
        found = store.events(**filters, limit=limit * 4) if filters else _events_of_main_actors(corpus, store, limit)
        names = corpus.summaries(store, present.referenced(found))
    nodes: dict[str, Record] = {}
    links = []
    for ev in found:
        actors = [(str(p.get("entity")), str(p.get("role"))) for p in ev.get("participants") or []
                  if names.get(str(p.get("entity")), {}).get("type") in ACTOR_TYPES]
        if not actors:
            continue
        if len([n for n in nodes.values() if n["kind"] == "event"]) >= limit:
            break
        date = present.date_words(ev.get("time"))["text"]
        trigger = (ev.get("trigger") or {}).get("text", "")
        nodes[ev["id"]] = {"id": ev["id"], "kind": "event", "label": f"{trigger}, {date}" if date != UNKNOWN_DATE else trigger,
                           "trigger": trigger, "type": ev.get("type"), "type_words": labels.event_type(ev.get("type")),
                           "date": date}
        for actor, role in actors:
            entity = names[actor]
            nodes.setdefault(actor, {"id": actor, "kind": "actor", "label": entity.get("name"), "type": entity.get("type")})
            links.append({"source": actor, "target": ev["id"], "role": role, "role_words": present.role_words(role)})
    return {"nodes": list(nodes.values()), "links": links}


def labels_table(corpus: Corpus, request: Request) -> Record:
    """Every code the viewer shows and its Russian label (letopis.lang.ru.labels)."""
    return labels.TABLES


def histogram(corpus: Corpus, request: Request) -> Record:
    """Dated events counted in `bins` equal spans: of the from/to period when given, else of
    the whole filtered corpus. An event counts at the middle of its bounds; an open-ended
    one («не ранее X») at its known bound, and is counted apart in `open` as well."""
    bins = request.integer("bins", 60, low=1, high=400)
    filters, _, disputed = _event_filters(request)
    key = "histogram:" + repr(sorted(filters.items())) + f":{disputed}"

    def points() -> list[tuple[float, bool]]:
        with corpus.store() as store:
            found = _disputed(corpus, store, filters, "yes", 10**9, 0) if disputed else store.events(**(filters or EVERY_DAY))
        out = []
        for ev in found:
            time = ev.get("time") or {}
            a, b = day_number_or_none(time.get("earliest")), day_number_or_none(time.get("latest"))
            if a is None and b is None:
                continue
            out.append(((a + b + 1) / 2 if a is not None and b is not None else (a if a is not None else b), a is None or b is None))
        return out

    found = corpus.memo(key, points)
    lo = day_number(filters["date_from"]) if "date_from" in filters else min((p for p, _ in found), default=None)
    hi = day_number(filters["date_to"]) + 1 if "date_to" in filters else max((p for p, _ in found), default=None)
    if lo is None or hi is None:
        return {"from": None, "to": None, "bins": [], "total": 0, "open": 0}
    hi = max(hi, lo + 1)
    width = (hi - lo) / bins
    counts, opened = [0] * bins, [0] * bins
    for at, open_ended in found:
        if lo <= at <= hi:
            i = min(bins - 1, int((at - lo) / width))
            counts[i] += 1
            opened[i] += open_ended
    return {"from": iso_of(lo), "to": iso_of(hi), "total": sum(counts), "open": sum(opened),
            "bins": [{"from": iso_of(lo + i * width), "to": iso_of(lo + (i + 1) * width), "count": c, "open": o}
                     for i, (c, o) in enumerate(zip(counts, opened))]}


def iso_of(number: float) -> str:
    """The ISO day a (fractional) day number falls in."""
    return day_text(int(number // 1))
