"""The chronology as a Markdown report (GitHub-flavoured tables).

Every string that comes from a document is escaped so that it shows literally: Markdown
punctuation gets a backslash, line breaks become spaces (a table row is one line), and the
trigger is the only thing set in bold.
"""

from __future__ import annotations

import re
from typing import Any

from .view import EventRow, Report, build

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#!])")
_SPACES = re.compile(r"\s+")


def escape(text: str) -> str:
    """`text` as literal Markdown inside a table cell: one line, punctuation escaped."""
    return _SPECIAL.sub(r"\\\1", _SPACES.sub(" ", text))


def render_markdown(chron: dict[str, Any], texts: dict[str, str]) -> str:
    """A Markdown report: documents, one table row per event, entities and relations."""
    report = build(chron, texts)
    out = ["# Хронология", ""]
    if report.documents:
        out += ["## Документы", "", "| Документ | Источник | Знаков |", "|---|---|---:|"]
        out += [f"| {escape(d.id)} | {escape(d.source)} | {d.length if d.length is not None else ''} |"
                for d in report.documents]
        out.append("")
    out += ["## События", ""]
    if report.events:
        out += ["| № | Дата | Событие | Кто | Где | Источник |", "|---:|---|---|---|---|---|"]
        out += [_event_row(ev, report.several_documents) for ev in report.events]
    else:
        out.append("Событий не найдено.")
    out.append("")
    if report.entities:
        out += ["## Участники и места", "", "| Имя | Тип | Другие имена | Упоминаний |", "|---|---|---|---:|"]
        out += [f"| {escape(e.name)} | {escape(e.type)} | {escape(', '.join(e.aliases))} | {e.mentions} |"
                for e in report.entities]
        out.append("")
    if report.relations:
        out += ["## Связи между событиями", "", "| Событие | Связь | Событие | Основание |", "|---|---|---|---|"]
        for r in report.relations:
            out.append(f"| {_event_ref(r.source)} | {escape(r.type)} | {_event_ref(r.target)} | {escape(r.evidence)} |")
        out.append("")
    return "\n".join(out)


def _event_ref(end: tuple[int | None, str, str]) -> str:
    number, trigger, event_id = end
    if number is None:
        return f"«{escape(trigger)}»" if not event_id else escape(event_id)  # a cause phrase, or an unknown id
    return f"{number}. «{escape(trigger)}»"


def _event_row(ev: EventRow, several_documents: bool) -> str:
    date = escape(ev.date) + (f" · *{escape(ev.basis)}*" if ev.basis else "")
    what = " ".join(part for part in (escape(ev.type), f"«{escape(ev.trigger)}»" if ev.trigger else "") if part)
    if ev.factuality:
        what += f" — *{escape(ev.factuality)}*"
    who = "; ".join(f"{escape(name)} ({escape(role)})" if role else escape(name) for name, role in ev.who)
    where = "; ".join(escape(place) for place in ev.where)
    return f"| {ev.number} | {date} | {what} | {who} | {where} | {_quote(ev, several_documents)} |"


def _quote(ev: EventRow, several_documents: bool) -> str:
    prefix = f"\\[{escape(ev.doc)}\\] " if several_documents else ""
    q = ev.quote
    if q is None:
        return prefix + (f"**{escape(ev.trigger)}**" if ev.trigger.strip() else "")
    mark = q.mark.strip()
    if not mark:
        return prefix + escape(q.before + q.mark + q.after).strip()
    lead = q.mark[: len(q.mark) - len(q.mark.lstrip())]
    trail = q.mark[len(q.mark.rstrip()):]
    return prefix + (escape(q.before + lead) + f"**{escape(mark)}**" + escape(trail + q.after)).strip()
