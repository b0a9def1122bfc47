"""TimelineJS slides for the cross-document layer: one slide per corpus event.

A corpus event (`letopis.corpus`) is one happening told by one or more sources. Its slide
is dated by what all sources allow together; when their dates have no day in common the
slide spans all their claims and its date says the sources disagree. The text gives each
source's own sentence and date, then the conflicts found among them.
"""

from __future__ import annotations

import html

from ..lang.ru import labels
from ..render import dates
from ..render.titles import title_of
from .source import Record, Source
from .timelinejs import date_objects, marked


def corpus_slides(src: Source) -> tuple[list[Record], int]:
    """The slides, and how many corpus events have no date to place them by."""
    conflicts = {str(k.get("id")): k for k in src.conflicts}
    slides, left_out = [], 0
    for event in src.corpus_events:
        window = _window(event)
        if window is None:
            left_out += 1
            continue
        slides.append(_slide(event, window, conflicts))
    return slides, left_out


def _window(event: Record) -> tuple[str | None, str | None, bool] | None:
    """(earliest, latest, disputed) of a corpus event, or None when nothing dates it."""
    time = event.get("time") or {}
    if time.get("status") == "conflict" and time.get("sources"):
        first, last = time["sources"][0], time["sources"][-1]
        return first, last, True
    if time.get("earliest") or time.get("latest"):
        return time.get("earliest"), time.get("latest"), False
    return None


def _slide(event: Record, window: tuple[str | None, str | None, bool], conflicts: dict[str, Record]) -> Record:
    earliest, latest, disputed = window
    start, end = date_objects({"earliest": earliest, "latest": latest})
    words = dates.phrase(earliest, latest)
    words = f"источники расходятся: {words}" if disputed else words
    start["display_date"] = words
    mentions = event.get("mentions") or []
    result: Record = {
        "start_date": start,
        "display_date": words,
        "text": {"headline": _headline(event, mentions), "text": _body(mentions, event, conflicts)},
        "_type": labels.COARSE_TYPES.get(str(event.get("type")), labels.OTHER_GROUP),
        "_actor": next((str(p.get("name") or p.get("entity")) for m in mentions for p in m.get("participants") or []
                        if p.get("role") == "agent"), ""),
        "unique_id": str(event.get("id")),
    }
    if end is not None:
        result["end_date"] = end
    return result


def _headline(event: Record, mentions: list[Record]) -> str:
    agents = dict.fromkeys(p.get("name") or p.get("entity") for m in mentions
                           for p in m.get("participants") or [] if p.get("role") == "agent")
    trigger = next((str((m.get("trigger") or {}).get("text")) for m in mentions if m.get("trigger")), str(event.get("type") or ""))
    text = f"{', '.join(map(str, agents))}: {trigger}" if agents else trigger
    return html.escape(text)


def _body(mentions: list[Record], event: Record, conflicts: dict[str, Record]) -> str:
    e = html.escape
    n = len({m.get("sha256") or m.get("doc") for m in mentions})
    lines = [f"<p>Документов: {n}" + (f"; упоминаний в документах: {len(mentions)}" if len(mentions) > n else "") + "</p>"]
    for m in mentions:
        time = m.get("time") or {}
        when = dates.describe(time.get("earliest"), time.get("latest"), time.get("basis") or "unknown")
        sentence = (m.get("sentence") or {}).get("text")
        quote = marked(sentence, m) if isinstance(sentence, str) else e(str((m.get("trigger") or {}).get("text") or ""))
        lines.append(f"<p><b>{e(title_of(m.get('source'), m.get('doc')))}</b> ({e(when)}; событие {e(str(m.get('event')))}): "
                     f"«{quote}»</p>")
    for conflict_id in event.get("conflicts") or []:
        conflict = conflicts.get(str(conflict_id))
        kind = labels.CONFLICT_KINDS.get(str(conflict.get("kind")), "") if conflict else ""
        lines.append(f"<p>Расхождение: {e(kind or str(conflict_id))}</p>")
    return "".join(lines)
