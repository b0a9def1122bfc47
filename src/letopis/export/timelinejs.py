"""TimelineJS 3 JSON: one slide per dated event, a title slide that says what was left out.

TimelineJS places a slide by `start_date` (a year is required; month and day optional)
and can show a span up to `end_date`. An event's bounds are the window in which it began,
so an exact day is one date, a whole month or year is given at that precision (TimelineJS
then spaces it as a month or a year), any other window is a start and an end, and an
open bound is placed at its one known end. The words a historian reads are in
`display_date` («1–10 августа 1944 (указана)», «не позднее 18 августа 1944 (выведена)»),
which TimelineJS shows instead of its own rendering of the date. Events of unknown date
cannot be placed and are left out; the title slide says how many.

TimelineJS renders `text.headline` and `text.text` as HTML, so every string from a
document is escaped here and only our own markup is left unescaped.
"""

from __future__ import annotations

import html
import json
from typing import Any

from ..lang.ru import labels
from ..render import dates
from ..render.titles import title_of
from ..render.view import FACTUALITY, ROLES
from ..time.calendar import days_in_month
from .source import ExportError, Record, Source, dated, display_date, source, time_of

TITLE_ID = "letopis-title"


MAX_GROUPS = 6  # more rows than this push TimelineJS's time navigation out of a 700-px embed
GROUPINGS = ("type", "actor", "none")


def timeline(chronology: Any, *, title: str | None = None, groups: str = "type", **extras: Any) -> Record:
    """The TimelineJS JSON object (`title` and `events`) for a chronology; with corpus
    events, one slide per corpus event instead of one per mention.

    Slides are grouped (one TimelineJS row per group) only when the groups are few: by a
    handful of coarse kinds of event (`groups="type"`), or by the main agent
    (`groups="actor"`: the five who act most, the rest together); `"none"` never groups."""
    if groups not in GROUPINGS:
        raise ExportError(f"groups must be one of {', '.join(GROUPINGS)}, not {groups!r}")
    src = source(chronology, **extras)
    if src.corpus_events:
        from .timelinejs_corpus import corpus_slides

        slides, left_out = corpus_slides(src)
    else:
        placed = [ev for ev in src.event_list if dated(ev)]
        slides, left_out = [slide(src, ev) for ev in placed], len(src.events) - len(placed)
    if not slides:
        # TimelineJS refuses a timeline without events ("Timeline configuration has no events")
        raise ExportError(f"no event has a date ({left_out} undated): TimelineJS cannot place any of them")
    _group(slides, groups)
    return {"title": _title_slide(src, title, len(slides), left_out), "events": slides}


def _group(slides: list[Record], groups: str) -> None:
    """Set each slide's `group` (read from its private `_type` and `_actor`), or none at all."""
    keys = {"type": "_type", "actor": "_actor"}.get(groups)
    if keys == "_actor":
        counts: dict[str, int] = {}
        for s in slides:
            if s.get("_actor"):
                counts[s["_actor"]] = counts.get(s["_actor"], 0) + 1
        main = set(sorted(counts, key=lambda a: (-counts[a], a))[:MAX_GROUPS - 1])
        for s in slides:
            s["_actor"] = s["_actor"] if s.get("_actor") in main else "другие участники"
    names = {s.get(keys) for s in slides} if keys else set()
    for s in slides:
        group = s.pop("_type", None), s.pop("_actor", None)
        if keys and 1 < len(names) <= MAX_GROUPS:
            s["group"] = group[0] if keys == "_type" else group[1]


def to_json(chronology: Any, *, title: str | None = None, **extras: Any) -> str:
    return json.dumps(timeline(chronology, title=title, **extras), ensure_ascii=False, indent=2) + "\n"


def slide(src: Source, event: Record) -> Record:
    """One event as a TimelineJS slide; the event must have at least one date bound."""
    start, end = date_objects(time_of(event))
    words = display_date(event)
    start["display_date"] = words
    result: Record = {
        "start_date": start,
        "display_date": words,
        "text": {"headline": headline(src, event), "text": body(src, event)},
        "_type": labels.COARSE_TYPES.get(str(event.get("type")), labels.OTHER_GROUP),
        "_actor": next((src.name(p["entity"]) for p in event.get("participants") or [] if p.get("role") == "agent"), ""),
        "unique_id": str(event["id"]),
    }
    if end is not None:
        result["end_date"] = end
    return result


def date_objects(time: Record) -> tuple[Record, Record | None]:
    """TimelineJS `start_date` and `end_date` (or None) for an event's bounds, never more
    precise than the bounds: a whole month or year is given as that month or year."""
    first = dates.parse(time["earliest"]) if time.get("earliest") else None
    last = dates.parse(time["latest"]) if time.get("latest") else None
    if first is None or last is None:
        known = first or last
        if known is None:
            raise ValueError(f"no usable date bound in {time!r}")
        return _full(known), None
    if first == last:
        return _full(first), None
    if _whole_years(first, last):
        return {"year": first.year}, (None if first.year == last.year else {"year": last.year})
    if _whole_months(first, last):
        start = {"year": first.year, "month": first.month}
        same = (first.year, first.month) == (last.year, last.month)
        return start, (None if same else {"year": last.year, "month": last.month})
    return _full(first), _full(last)


def _full(day: dates.Day) -> Record:
    out: Record = {"year": day.year}
    if day.month is not None:
        out["month"] = day.month
        if day.day is not None:
            out["day"] = day.day
    return out


def _whole_months(first: dates.Day, last: dates.Day) -> bool:
    return (first.month is not None and last.month is not None and first.day in (1, None)
            and last.day in (None, days_in_month(last.year, last.month)))


def _whole_years(first: dates.Day, last: dates.Day) -> bool:
    return (first.month in (1, None) and first.day in (1, None)
            and last.month in (12, None) and last.day in (31, None))


def headline(src: Source, event: Record) -> str:
    """The trigger as written, after the agents who did it: «Анри Роль-Танги: Призыв»."""
    trigger = str((event.get("trigger") or {}).get("text") or event.get("type") or event["id"])
    agents = [src.name(p["entity"]) for p in event.get("participants") or [] if p.get("role") == "agent"]
    text = f"{', '.join(agents)}: {trigger}" if agents else trigger
    return html.escape(text)


def body(src: Source, event: Record) -> str:
    """The slide text: source sentence, who and where, type, factuality, date basis, source."""
    e = html.escape
    lines = []
    sentence = src.sentence(event)
    if sentence is not None:
        lines.append(f"<blockquote>{marked(sentence, event)}</blockquote>")
    who = [f"{e(src.name(p['entity']))} ({e(ROLES.get(p.get('role', ''), p.get('role', '')))})"
           for p in event.get("participants") or []]
    if who:
        lines.append(f"<p>Участники: {', '.join(who)}</p>")
    places = [e(src.name(place)) for place in event.get("places") or []]
    if places:
        lines.append(f"<p>Место: {', '.join(places)}</p>")
    factuality = FACTUALITY.get(event.get("factuality") or "actual", event.get("factuality"))
    kind = e(labels.event_type(event.get("type")))
    lines.append(f"<p>Тип: {kind}" + (f"; {e(str(factuality))}" if factuality else "") + "</p>")
    edtf = time_of(event).get("edtf")
    lines.append(f"<p>Дата: {e(display_date(event))}" + (f"; EDTF {e(str(edtf))}" if edtf else "") + "</p>")
    lines.append(f"<p>Источник: {e(_source_words(src, event))}</p>")
    return "".join(lines)


def marked(sentence: str, event: Record) -> str:
    """The sentence escaped, with the trigger in bold when it lies inside it."""
    span, trigger = event.get("sentence") or {}, event.get("trigger") or {}
    offset = span.get("start", 0)
    t0, t1 = trigger.get("start"), trigger.get("end")
    if not isinstance(t0, int) or not isinstance(t1, int) or not offset <= t0 <= t1 <= offset + len(sentence):
        return html.escape(sentence)
    a, b = t0 - offset, t1 - offset
    return f"{html.escape(sentence[:a])}<b>{html.escape(sentence[a:b])}</b>{html.escape(sentence[b:])}"


def _source_words(src: Source, event: Record) -> str:
    doc_id = str(event.get("doc", ""))
    name = title_of(src.documents.get(doc_id, {}).get("source"), doc_id)
    trigger = event.get("trigger") or {}
    return f"{name} ({doc_id}, символы {trigger.get('start')}–{trigger.get('end')}; событие {event['id']})"


def _title_slide(src: Source, title: str | None, placed: int, left_out: int) -> Record:
    sources = [title_of(d.get("source"), d["id"]) for d in src.documents.values()]
    shown = ", ".join(f"«{s}»" for s in sources[:5]) + (f" и ещё {len(sources) - 5}" if len(sources) > 5 else "")
    headline_text = title or ("Хронология: " + shown if sources else "Хронология")
    words = [f"На ленте {placed} {_events_word(placed)}."]
    if left_out:
        words.append(f"{left_out} {_events_word(left_out)} без даты не {_placed_word(left_out)}: "
                     f"текст не позволяет поставить их на ленту.")
    return {
        "text": {"headline": html.escape(headline_text), "text": "<p>" + " ".join(html.escape(w) for w in words) + "</p>"},
        "unique_id": TITLE_ID,
    }


def _events_word(n: int) -> str:
    """«событие», «события», «событий» as the number asks."""
    if n % 10 == 1 and n % 100 != 11:
        return "событие"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return "события"
    return "событий"


def _placed_word(n: int) -> str:
    return "показано" if n % 10 == 1 and n % 100 != 11 else "показаны"
