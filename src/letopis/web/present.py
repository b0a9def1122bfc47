"""How the viewer words and marks up a record: dates in words, short events, highlights.

The JSON API sends records as the contract has them plus these ready-made strings and
spans, so the pages only lay them out (and never compute dates or offsets themselves).
"""

from __future__ import annotations

from typing import Any

from ..lang.ru import labels
from ..render import dates
from ..render.view import FACTUALITY, ROLES, type_words
from ..store.base import Record

# What each basis means for a reader who did not write the extractor.
BASIS_EXPLAINED = {
    "explicit": "Дата названа в самом предложении: {timex}.",
    "context": "В предложении даты нет; она взята из контекста — из даты, названной раньше в тексте{timex_tail}.",
    "relative": "Дата отсчитана от другой даты или события, названных в тексте{timex_tail}.",
    "inferred": "Дата выведена из порядка повествования: {order}; точной даты текст не называет.",
    "unknown": "Текст не даёт оснований датировать событие.",
}
FACTUALITY_EXPLAINED = {
    "actual": "произошло (так утверждает текст)",
    "negated": "не произошло (текст это отрицает)",
    "intended": "намерение, приказ или призыв; чем кончилось, текст не говорит",
    "unrealized": "намерение, которое, как говорит текст, не осуществилось",
    "hypothetical": "предположение или условие",
    "uncertain": "текст говорит об этом с оговоркой",
}


def date_words(time: dict[str, Any] | None, timex: Record | None = None) -> dict[str, str]:
    """`text` («не ранее 19 августа 1944»), `basis` («выведена») and `described` (both).

    Given the timex the date rests on, a date the text writes in the Old Style shows both
    calendars: «25 октября (7 ноября) 1917»."""
    time = time or {}
    earliest, latest, basis = time.get("earliest"), time.get("latest"), time.get("basis") or "unknown"
    text = dates.styled_phrase(earliest, latest, (timex or {}).get("calendar"))
    label = "" if text == dates.UNKNOWN else dates.basis_label(basis)
    return {
        "text": text,
        "basis": label,
        "described": f"{text} ({label})" if label else text,
    }


def basis_explained(time: dict[str, Any] | None, timex: Record | None) -> str:
    """Where the date comes from, in a sentence a reader can check against the text."""
    time = time or {}
    basis = time.get("basis") or "unknown"
    quoted = f"«{timex['text']}»" if timex and timex.get("text") else "в тексте"
    tail = f" («{timex['text']}»)" if timex and timex.get("text") else ""
    earliest, latest = time.get("earliest"), time.get("latest")
    if earliest and not latest:
        order = f"событие рассказано после события, датированного {dates.phrase(earliest, earliest)}"
    elif latest and not earliest:
        order = f"событие рассказано как случившееся до {dates.phrase(latest, latest)}"
    else:
        order = "событие стоит между датированными событиями"
    return BASIS_EXPLAINED.get(basis, basis).format(timex=quoted, timex_tail=tail, order=order)


def factuality_words(value: str | None) -> dict[str, str]:
    value = value or "actual"
    return {"value": value, "label": FACTUALITY.get(value, value) or "произошло",
            "explained": FACTUALITY_EXPLAINED.get(value, value)}


def role_words(role: str) -> str:
    return ROLES.get(role, role)


def entity_type_words(entity: Record) -> str:
    return type_words(entity.get("type"), entity.get("subtype"))


def referenced(events: list[Record]) -> set[str]:
    """Ids of every entity the events name as participant or place."""
    ids = {str(p.get("entity")) for ev in events for p in ev.get("participants") or [] if p.get("entity")}
    ids |= {str(place) for ev in events for place in ev.get("places") or []}
    return ids


def brief(event: Record) -> Record:
    """An event for lists and the timeline: the contract fields plus its date in words."""
    out = {key: event.get(key) for key in ("id", "doc", "trigger", "sentence", "type", "factuality",
                                              "time", "participants", "places")}
    out["date"] = date_words(event.get("time"))
    out["type_words"] = labels.event_type(event.get("type"))
    out["factuality_words"] = labels.label("factuality", event.get("factuality") or "actual")
    out["participants"] = [dict(p) | {"role_words": role_words(str(p.get("role")))} for p in event.get("participants") or []]
    if "sentence_text" in event:
        out["sentence_text"] = event["sentence_text"]
    return out


def highlights(event: Record, entities: list[Record]) -> list[Record]:
    """Spans to mark in the event's sentence, as offsets into the sentence text.

    The trigger, the time expression and every mention of a participant or place that
    falls inside the sentence. Spans outside the sentence or of another document are
    left out rather than clipped, so a mark always covers exactly what it names.
    """
    sentence = event.get("sentence") or {}
    s0, s1 = sentence.get("start"), sentence.get("end")
    doc = event.get("doc")
    if not isinstance(s0, int) or not isinstance(s1, int):
        return []
    spans: list[Record] = []

    def add(start: Any, end: Any, kind: str, **extra: Any) -> None:
        if isinstance(start, int) and isinstance(end, int) and s0 <= start < end <= s1:
            spans.append({"start": start - s0, "end": end - s0, "kind": kind, **extra})

    trigger = event.get("trigger") or {}
    add(trigger.get("start"), trigger.get("end"), "trigger")
    timex = event.get("timex")
    if isinstance(timex, dict) and timex.get("doc", doc) == doc:
        add(timex.get("start"), timex.get("end"), "timex", label=timex.get("text"))
    roles = {str(p.get("entity")): str(p.get("role")) for p in event.get("participants") or []}
    places = {str(p) for p in event.get("places") or []}
    for entity in entities:
        kind = "participant" if entity.get("id") in roles else "place" if entity.get("id") in places else None
        if kind is None:
            continue
        for mention in entity.get("mentions") or []:
            if mention.get("doc") == doc:
                add(mention.get("start"), mention.get("end"), kind, entity=entity.get("id"),
                    label=entity.get("name"), role=role_words(roles.get(str(entity.get("id")), "")))
    return _without_overlaps(spans)


def _without_overlaps(spans: list[Record]) -> list[Record]:
    """Keep the first of overlapping spans, trigger first, then time, then entities."""
    order = {"trigger": 0, "timex": 1, "participant": 2, "place": 3}
    kept: list[Record] = []
    for span in sorted(spans, key=lambda s: (order[s["kind"]], s["start"])):
        if all(span["end"] <= k["start"] or span["start"] >= k["end"] for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s["start"])


def context(text: str, start: int, end: int, width: int = 80) -> Record:
    """A mention with some text either side, cut at word boundaries where possible."""
    left = max(0, start - width)
    right = min(len(text), end + width)
    if left > 0 and " " in text[left:start]:
        left = text.index(" ", left) + 1
    if right < len(text) and " " in text[end:right]:
        right = text.rindex(" ", end, right)
    return {"before": ("…" if left > 0 else "") + text[left:start], "mark": text[start:end],
            "after": text[end:right] + ("…" if right < len(text) else "")}
