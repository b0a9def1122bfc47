"""The cross-document layer in the viewer: corpus events, their sources, merge evidence, conflicts.

The corpus layer (`letopis.corpus`, docs/corpus.md) is read once per change of the store
into a `Layer` index; the event and entity pages, the timeline and the conflicts page look
their stored ids up in it. Corrections (undo, force) go through `letopis.corpus.corrections`,
the functions `letopis merge` calls, and are refused unless the server is --writable.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..errors import LetopisError
from ..store.base import Record
from ..lang.ru import labels
from . import present
from .corpus import Corpus, title_of
from .http import ApiError, Request

CONFLICT_KINDS = labels.CONFLICT_KINDS
TIME_WORDS = {
    "same_day": "оба источника называют один и тот же день",
    "overlap": "промежутки дат пересекаются",
    "open_overlap": "открытые даты совместимы (известные границы в пределах недели)",
    "open_far": "известные границы дат далеко друг от друга (минус к оценке)",
    "near_miss": "даты расходятся не больше чем на 3 дня (минус к оценке)",
    "sentence_day": "предложение недатированного события называет день другого",
}
COREFERENCE_WORDS = {
    "back_reference": "документ ссылается на уже названное событие",
    "named_event": "одно и то же названное событие",
    "participant_and_place": "общий участник и общее место",
}
ROLE_WORDS = {"place": "общее место", "agent": "общий деятель", "participant": "общий участник"}
RULE_WORDS = {
    "forced": "объединены вручную",
    "same_place": "одно место по справочнику (один и тот же идентификатор)",
    "same_name": "один вид и общее имя",
    "name_suffix": "человек назван концом полного имени (фамилией, с инициалами) единственного человека",
    "name_prefix": "имя с отчеством или порядковым номером — начало единственного более полного имени",
    "head_word": "однословное имя — первое или последнее слово единственного более длинного имени того же вида",
    "acronym": "аббревиатура из начальных букв единственного более длинного названия организации",
}
MEMBERS_SHOWN = 50
CANDIDATE_SCORE = 2.0  # docs/corpus.md: a pair at least this good (with an anchor) is a candidate


@dataclass(slots=True)
class Layer:
    """What every event list needs at hand: the conflicts (few beside the events) by id and
    by the stored events that are their claims. Corpus events are read from the store on
    demand, so memory does not grow with the corpus."""

    conflicts: dict[str, Record] = field(default_factory=dict)  # K<N> -> conflict
    disputed: dict[str, list[str]] = field(default_factory=dict)  # d<N>.ev<M> -> K<N> it is a claim of
    available: bool = True


def layer(corpus: Corpus) -> Layer:
    """The conflicts index, read again when the store changes (an ingest, a correction, a stored text)."""
    def build() -> Layer:
        with corpus.store() as store:
            return _read(store)

    return corpus.memo("corpus-layer", build)


def _read(store) -> Layer:
    from .. import corpus as cross

    try:
        found = cross.conflicts(store)  # a writable store rebuilds a stale layer first
    except LetopisError:  # a store without a corpus layer, or one it cannot read (StoreError): nothing to show
        return Layer(available=False)
    out = Layer()
    for conflict in found:
        out.conflicts[conflict["id"]] = conflict
        for claim in conflict["claims"]:
            out.disputed.setdefault(claim["event"], []).append(conflict["id"])
    return out


def _stored(store, read, *args):
    """A read of the corpus layer, or None when the store keeps none."""
    try:
        return read(store, *args)
    except LetopisError:  # StoreError included
        return None


# --- annotating the event lists --------------------------------------------------------


def annotate(corpus: Corpus, store, briefs: list[Record]) -> list[Record]:
    """Add `corpus_event`, `sources` (how many documents tell the event) and `conflicts` (kinds) to list items."""
    from ..corpus import storage

    index = layer(corpus)
    ids = [str(b.get("id")) for b in briefs]
    told = (_stored(store, storage.sources_of, ids) if index.available and ids else None) or {}
    for brief, event_id in zip(briefs, ids):
        corpus_id, sources = told.get(event_id, (None, 1))
        brief["corpus_event"], brief["sources"] = corpus_id, sources
        brief["conflicts"] = sorted({index.conflicts[k]["kind"] for k in index.disputed.get(event_id, [])})
    return briefs


def disputed_ids(corpus: Corpus) -> set[str]:
    """Stored event ids that are a claim of some conflict."""
    return set(layer(corpus).disputed)


# --- words -------------------------------------------------------------------------------


def _mention(mention: Record, this: str | None = None) -> Record:
    """One source's account: document, sentence with its trigger marked, the date it gives."""
    sentence, trigger = mention.get("sentence") or {}, mention.get("trigger") or {}
    start = (trigger.get("start") or 0) - (sentence.get("start") or 0)
    text = sentence.get("text") or ""
    spans = [{"start": start, "end": start + len(trigger.get("text") or ""), "kind": "trigger"}]
    if not (0 <= spans[0]["start"] < spans[0]["end"] <= len(text)):
        spans = []
    return {
        "doc": mention.get("doc"), "source": mention.get("source"), "title": title_of(mention.get("source"), mention.get("doc")),
        "event": mention.get("event"),
        "type": mention.get("type"), "type_words": labels.event_type(mention.get("type")), "trigger": trigger, "sentence_text": text, "highlights": spans,
        "date": present.date_words(mention.get("time")), "time": mention.get("time"),
        "factuality": mention.get("factuality"), "this": mention.get("event") == this,
        "participants": mention.get("participants") or [], "places": mention.get("places") or [],
    }


def evidence_words(item: Record, names: dict[str, str]) -> list[str]:
    """Why two accounts were merged, one phrase per feature that counted."""
    features = item.get("features") or {}
    named = lambda ids: ", ".join(names.get(i, i) for i in ids)  # noqa: E731
    words: list[str] = []
    if "forced" in features:
        words.append(f"объединены вручную (исправление {features['forced']})")
    if "coreference" in features:
        rule = COREFERENCE_WORDS.get(features["coreference"], features["coreference"])
        words.append(f"упоминания в одном документе: {rule}" + (f" («{features['words']}»)" if features.get("words") else ""))
    kind = features.get("type")
    if isinstance(kind, str):
        words.append(f"тип одного рода: {kind.replace('~', ' и ')}" if "~" in kind else f"один тип события: {kind}")
    if features.get("named"):
        words.append(f"одно названное событие: «{features['named']}»")
    if features.get("trigger"):
        words.append(f"слово события с одной основой: «{features['trigger']}…»")
    if features.get("time"):
        words.append(TIME_WORDS.get(features["time"], features["time"]))
    for role, phrase in ROLE_WORDS.items():
        if features.get(role):
            words.append(f"{phrase}: {named(features[role])}")
    if features.get("sentence_entities"):
        words.append(f"в предложениях названы одни и те же: {named(features['sentence_entities'])}")
    if features.get("sentence_date"):
        words.append("предложение недатированного события называет день другого")
    if item.get("score") is not None:
        words.append(f"оценка {item['score']:g} (нужно не меньше {CANDIDATE_SCORE:g})")
    return words


def claim_words(kind: str, claim) -> str:
    """A conflict's claim as a reader says it."""
    if kind == "date" and isinstance(claim, dict):
        return present.date_words(claim)["text"]
    if kind == "number" and isinstance(claim, list):
        return "; ".join(str(c.get("text")) for c in claim if isinstance(c, dict))
    if kind == "actor" and isinstance(claim, list):
        return ", ".join(str(c.get("name") or c.get("entity")) for c in claim if isinstance(c, dict))
    if kind == "outcome" and isinstance(claim, str):
        return present.factuality_words(claim)["label"]
    return json.dumps(claim, ensure_ascii=False)


def conflict_view(conflict: Record, event: Record | None) -> Record:
    kind = conflict.get("kind", "")
    # A claim carries the mention's text, not its date: that comes from the corpus event's mention.
    told = {m.get("event"): m for m in (event or {}).get("mentions") or []}
    claims = []
    for claim in conflict.get("claims") or []:
        mention = told.get(claim.get("event"), {}) | claim
        claims.append(_mention(mention) | {"claim": claim.get("claim"), "claim_words": claim_words(kind, claim.get("claim"))})
    first = (event or {}).get("mentions") or conflict.get("claims") or [{}]
    return {"id": conflict.get("id"), "kind": kind, "kind_words": CONFLICT_KINDS.get(kind, kind),
            "event": conflict.get("event"), "type": (event or {}).get("type"),
            "type_words": labels.event_type((event or {}).get("type")),
            "summary": labels.conflict_summary(kind, [c["claim_words"] for c in claims]),
            "trigger": (first[0].get("trigger") or {}).get("text"), "claims": claims}


def source_count(event: Record) -> int:
    """How many documents tell a corpus event (a layer stored before `sources` was kept: its mentions' documents)."""
    if isinstance(event.get("sources"), int):
        return event["sources"]
    return len({m.get("sha256") or m.get("doc") for m in event.get("mentions") or []}) or 1


def _entity_names(store, event: Record) -> dict[str, str]:
    """Names of the corpus entities the merge evidence cites (CE<N>)."""
    from ..corpus import storage

    ids = {i for e in event.get("evidence") or [] for name in ("place", "agent", "participant", "sentence_entities")
           for i in (e.get("features") or {}).get(name) or []}
    found = {i: _stored(store, storage.corpus_entity, i) for i in sorted(ids)}
    return {i: entity["name"] for i, entity in found.items() if entity}


def corpus_event_view(index: Layer, store, event: Record, this: str | None = None) -> Record:
    keys = {m["key"]: m["event"] for m in event["mentions"]}
    names = _entity_names(store, event)
    time = dict(event.get("time") or {})
    if time.get("status") == "conflict":
        words = {"text": "источники расходятся", "basis": "", "described": "у источников нет общего дня"}
    else:
        words = present.date_words(time)
    return {
        "id": event["id"], "type": event.get("type"), "type_words": labels.event_type(event.get("type")),
        "time": time, "date": words,
        "sources": source_count(event),
        "mentions_in_documents": len(event["mentions"]),
        "mentions": [_mention(m, this) for m in event["mentions"]],
        "evidence": [{"a": keys.get(e.get("a"), e.get("a")), "b": keys.get(e.get("b"), e.get("b")), "score": e.get("score"),
                      "features": e.get("features"), "words": evidence_words(e, names)}
                     for e in event.get("evidence") or []],
        "conflicts": [conflict_view(index.conflicts[k], event) for k in event.get("conflicts") or [] if k in index.conflicts],
    }


def of_event(corpus: Corpus, store, event_id: str) -> Record | None:
    """The corpus event a stored event belongs to, for its page; None without a corpus layer."""
    from ..corpus import storage

    index = layer(corpus)
    corpus_id = _stored(store, storage.corpus_event_of, event_id) if index.available else None
    found = _stored(store, storage.corpus_event, corpus_id) if corpus_id else None
    return corpus_event_view(index, store, found, this=event_id) if found else None


def of_entity(corpus: Corpus, store, entity_id: str) -> Record | None:
    """The corpus entity a stored entity belongs to: its members in every document and why they merged."""
    from ..corpus import storage

    found = _stored(store, storage.corpus_entity, entity_id) if layer(corpus).available else None
    if found is None:
        return None
    every = list({m["entity"]: m for m in found.get("members") or []}.values())
    members = every[:MEMBERS_SHOWN]  # a city named in a thousand documents has a thousand members
    names = corpus.summaries(store, {m["entity"] for m in members})
    return {
        "id": found["id"], "name": found.get("name"), "type": found.get("type"), "aliases": found.get("aliases") or [],
        "members": [{"entity": m["entity"], "name": (names.get(m["entity"]) or {}).get("name"), "key": m.get("key"),
                     "docs": m.get("docs") or [], "this": m["entity"] == entity_id} for m in members],
        "merges": [m | {"words": RULE_WORDS.get(m.get("rule"), m.get("rule"))} for m in found.get("merges") or []],
        "members_total": len(every), "merged": len({m.get("key") for m in every}) > 1,
    }


# --- API handlers ------------------------------------------------------------------------


def conflicts(corpus: Corpus, request: Request) -> Record:
    from ..corpus import storage

    limit, offset = request.integer("limit", 100, low=1, high=1000), request.integer("offset", 0)
    kind = request.text("kind")
    if kind is not None:
        kind = labels.code_of("conflict_kinds", kind)
    if kind is not None and kind not in CONFLICT_KINDS:
        raise ApiError(400, f"kind — одно из: {', '.join(CONFLICT_KINDS)} ({', '.join(CONFLICT_KINDS.values())}), не {kind!r}")
    index = layer(corpus)
    found = [c for c in index.conflicts.values() if kind is None or c["kind"] == kind]
    with corpus.store() as store:
        items = [conflict_view(c, _stored(store, storage.corpus_event, c["event"])) for c in found[offset:offset + limit]]
    return {"items": items, "limit": limit, "offset": offset, "more": len(found) > offset + limit, "total": len(found),
            "kinds": CONFLICT_KINDS}


def corpus_event(corpus: Corpus, request: Request) -> Record:
    from ..corpus import storage

    event_id = request.params["id"]
    index = layer(corpus)
    with corpus.store() as store:
        found = _stored(store, storage.corpus_event, event_id) if index.available else None
        if found is None and index.available:  # a document's event id names its corpus event too
            stored = _stored(store, storage.corpus_event_of, event_id)
            found = _stored(store, storage.corpus_event, stored) if stored else None
        if found is None:
            raise ApiError(404, f"корпусного события {event_id!r} нет")
        return corpus_event_view(index, store, found)


def correct(corpus: Corpus, request: Request, writable: bool, action: str) -> Record:
    """POST /api/merge/undo {"id"} or /api/merge/force {"ids": [a, b]}: store a correction, rebuild."""
    from ..corpus import corrections, rebuild

    if not writable:
        raise ApiError(403, "this server is read-only: start it with --writable to correct merges")
    body = _json_body(request)
    with corpus.store() as store:
        try:
            if action == "undo":
                ident = _ident(body.get("id"), "id")
                message = corrections.undo(store, ident)
            else:
                ids = body.get("ids")
                if not isinstance(ids, list) or len(ids) != 2:
                    raise ApiError(400, 'send {"ids": [first, second]}: two event ids or two entity ids')
                first, second = (_ident(i, "ids") for i in ids)
                message = corrections.force(store, first, second)
        except LetopisError as error:
            raise ApiError(400, str(error)) from None
        result = rebuild(store)
    corpus.changed()
    return {"message": message, "corpus_events": len(result.events),
            "merged": result.merged, "conflicts": len(result.conflicts)}


def _json_body(request: Request) -> Record:
    # JSON only: a form on another site cannot send it without the browser asking first.
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
        raise ApiError(415, "send the correction as application/json")
    body = request.json()
    if not isinstance(body, dict):
        raise ApiError(400, "send a JSON object")
    return body


def _ident(value, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ApiError(400, f"{name} must name an event (C<N>, d<N>.ev<M>) or an entity (CE<N>, E<N>)")
    return value.strip()
