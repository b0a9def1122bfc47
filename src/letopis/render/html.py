"""The chronology as one self-contained HTML page: inline CSS, no scripts, no external assets.

Every string that comes from a document or the contract goes through `html.escape`, so a
document that contains `<script>` shows it as text.
"""

from __future__ import annotations

from html import escape
from typing import Any

from .view import EventRow, Report, build

CSS = """
body { font: 15px/1.45 Georgia, "PT Serif", serif; margin: 2em auto; max-width: 78em; padding: 0 1em; color: #222; }
h1, h2 { font-family: "PT Sans", Helvetica, Arial, sans-serif; }
table { border-collapse: collapse; width: 100%; margin-bottom: 2em; }
th, td { border-bottom: 1px solid #ddd; padding: .35em .5em; text-align: left; vertical-align: top; }
th { font-family: "PT Sans", Helvetica, Arial, sans-serif; font-size: .85em; color: #555; }
td.num { text-align: right; color: #777; }
td.date { white-space: nowrap; }
.basis { display: block; font-size: .8em; color: #888; }
.type { font-variant: small-caps; color: #555; }
.fact { display: inline-block; font-size: .8em; padding: 0 .4em; border-radius: .3em; background: #fde8d0; color: #8a4b00; }
.role { color: #777; font-size: .85em; }
.doc { color: #888; font-size: .8em; }
blockquote { margin: 0; }
mark { background: #fff1a8; padding: 0 .1em; }
tr:target { background: #f4f8ff; }
"""


def render_html(chron: dict[str, Any], texts: dict[str, str]) -> str:
    """A standalone HTML report: documents, one table row per event, entities and relations."""
    report = build(chron, texts)
    sources = ", ".join(d.source for d in report.documents if d.source)
    title = "Хронология" + (f" — {sources}" if sources else "")
    out = [
        "<!DOCTYPE html>",
        '<html lang="ru">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<h1>Хронология</h1>",
    ]
    out += _documents(report) + _events(report) + _entities(report) + _relations(report)
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def _documents(report: Report) -> list[str]:
    if not report.documents:
        return []
    rows = [f"<tr><td>{escape(d.id)}</td><td>{escape(d.source)}</td>"
            f"<td class=\"num\">{d.length if d.length is not None else ''}</td></tr>" for d in report.documents]
    return ["<h2>Документы</h2>", "<table>",
            "<thead><tr><th>Документ</th><th>Источник</th><th>Знаков</th></tr></thead>",
            "<tbody>", *rows, "</tbody>", "</table>"]


def _events(report: Report) -> list[str]:
    if not report.events:
        return ["<h2>События</h2>", "<p>Событий не найдено.</p>"]
    head = "<thead><tr><th>№</th><th>Дата</th><th>Событие</th><th>Кто</th><th>Где</th><th>Источник</th></tr></thead>"
    rows = [_event_row(ev, report.several_documents) for ev in report.events]
    return ["<h2>События</h2>", '<table class="events">', head, "<tbody>", *rows, "</tbody>", "</table>"]


def _event_row(ev: EventRow, several_documents: bool) -> str:
    date = escape(ev.date) + (f'<span class="basis">{escape(ev.basis)}</span>' if ev.basis else "")
    title = f' title="EDTF {escape(ev.edtf)}"' if ev.edtf else ""
    what = f'<span class="type">{escape(ev.type)}</span>'
    if ev.trigger:
        what += f" «{escape(ev.trigger)}»"
    if ev.factuality:
        what += f' <span class="fact">{escape(ev.factuality)}</span>'
    who = "<br>".join(escape(name) + (f' <span class="role">{escape(role)}</span>' if role else "")
                      for name, role in ev.who)
    where = "<br>".join(escape(place) for place in ev.where)
    return (f'<tr id="ev-{escape(ev.id)}"><td class="num">{ev.number}</td><td class="date"{title}>{date}</td>'
            f"<td>{what}</td><td>{who}</td><td>{where}</td><td>{_quote(ev, several_documents)}</td></tr>")


def _quote(ev: EventRow, several_documents: bool) -> str:
    prefix = f'<span class="doc">[{escape(ev.doc)}]</span> ' if several_documents else ""
    q = ev.quote
    if q is None:
        return prefix + (f"<mark>{escape(ev.trigger)}</mark>" if ev.trigger else "")
    body = escape(q.before) + (f"<mark>{escape(q.mark)}</mark>" if q.mark else "") + escape(q.after)
    return f"{prefix}<blockquote>{body.strip()}</blockquote>"


def _entities(report: Report) -> list[str]:
    if not report.entities:
        return []
    rows = [f'<tr id="ent-{escape(e.id)}"><td>{escape(e.name)}</td><td>{escape(e.type)}</td>'
            f"<td>{escape(', '.join(e.aliases))}</td><td class=\"num\">{e.mentions}</td></tr>"
            for e in report.entities]
    return ["<h2>Участники и места</h2>", "<table>",
            "<thead><tr><th>Имя</th><th>Тип</th><th>Другие имена</th><th>Упоминаний</th></tr></thead>",
            "<tbody>", *rows, "</tbody>", "</table>"]


def _event_ref(end: tuple[int | None, str, str]) -> str:
    number, trigger, event_id = end
    if number is None:
        return f"«{escape(trigger)}»" if not event_id else escape(event_id)  # a cause phrase, or an unknown id
    return f'<a href="#ev-{escape(event_id)}">{number}. «{escape(trigger)}»</a>'


def _relations(report: Report) -> list[str]:
    if not report.relations:
        return []
    rows = [f"<tr><td>{_event_ref(r.source)}</td><td>{escape(r.type)}</td><td>{_event_ref(r.target)}</td>"
            f"<td>{escape(r.evidence)}</td></tr>" for r in report.relations]
    return ["<h2>Связи между событиями</h2>", "<table>",
            "<thead><tr><th>Событие</th><th>Связь</th><th>Событие</th><th>Основание</th></tr></thead>",
            "<tbody>", *rows, "</tbody>", "</table>"]
