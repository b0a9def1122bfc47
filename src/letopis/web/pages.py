"""The HTML pages: one shell per page, drawn by that page's script from the JSON API.

The shell carries no document text at all; the scripts insert text with `textContent`
only, and the server's Content-Security-Policy forbids inline scripts, so markup in a
document can never run.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape
import json
from importlib import resources

from ..lang.ru import labels

TITLES = {
    "explore": "Обзор",
    "timeline": "Хронология",
    "event": "Событие",
    "entities": "Участники",
    "entity": "Участник",
    "documents": "Документы",
    "document": "Документ",
    "map": "Карта",
    "graph": "Граф",
    "search": "Поиск",
    "conflicts": "Разногласия",
    "paste": "Вставить текст",
}
NAV = [("explore", "/explore"), ("timeline", "/timeline"), ("conflicts", "/conflicts"), ("documents", "/documents"), ("entities", "/entities"),
       ("map", "/map"),
       ("graph", "/graph"), ("search", "/search"), ("paste", "/paste")]
TYPES = {
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
    ".json": "application/json; charset=utf-8",
    ".png": "image/png",
    ".ico": "image/x-icon",
}


def shell(page: str, writable: bool, max_upload: int) -> bytes:
    """The page's HTML; `page` comes from the route table, never from the request."""
    nav = "".join(
        f'<a href="{href}"{" aria-current=page" if name == page else ""}>{escape(TITLES[name])}</a>' for name, href in NAV
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="ru">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(TITLES[page])} — letopis</title>\n"
        '<link rel="stylesheet" href="/static/app.css">\n'
        '<link rel="icon" href="/static/favicon.svg">\n'
        '<script src="/static/days.js" defer></script>\n'
        '<script src="/static/labels.js" defer></script>\n'
        '<script src="/static/axis.js" defer></script>\n'
        '<script src="/static/common.js" defer></script>\n'
        f'<script src="/static/{page}.js" defer></script>\n'
        "</head>\n"
        f'<body data-page="{page}" data-writable="{"1" if writable else "0"}" data-max-upload="{int(max_upload)}">\n'
        f'<header><a class="brand" href="/">летопись</a><nav>{nav}</nav></header>\n'
        '<main id="main"><p class="loading">Загрузка…</p></main>\n'
        "</body>\n</html>\n"
    ).encode("utf-8")


@lru_cache(maxsize=64)
def static(name: str) -> tuple[bytes, str] | None:
    """A file of the package's static folder and its content type; None if there is none."""
    if "/" in name or "\\" in name or name.startswith(".") or not name:
        return None
    if name == "labels.js":  # the one table of Russian labels, for the scripts
        return labels_script(), TYPES[".js"]
    suffix = name[name.rfind("."):] if "." in name else ""
    if suffix not in TYPES:
        return None
    entry = resources.files("letopis.web").joinpath("static", name)
    if not entry.is_file():
        return None
    return entry.read_bytes(), TYPES[suffix]


def labels_script() -> bytes:
    """`const LABELS = {...}`: letopis.lang.ru.labels for the pages' scripts."""
    table = json.dumps(labels.TABLES, ensure_ascii=False, sort_keys=True)
    return f'"use strict";\n/* generated from letopis.lang.ru.labels */\nconst LABELS = {table};\n'.encode("utf-8")


def not_found(path: str) -> bytes:
    """An HTML page for an address that names no page, with the way back."""
    nav = "".join(f'<a href="{href}">{escape(TITLES[name])}</a>' for name, href in NAV)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="ru">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Страница не найдена — letopis</title>\n"
        '<link rel="stylesheet" href="/static/app.css">\n'
        '<link rel="icon" href="/static/favicon.svg">\n'
        "</head>\n<body data-page=\"not-found\">\n"
        f'<header><a class="brand" href="/">летопись</a><nav>{nav}</nav></header>\n'
        '<main id="main"><h1>Страница не найдена</h1>\n'
        f'<p>По адресу <code>{escape(path)}</code> ничего нет.</p>\n'
        '<p><a href="/" id="back">← на главную</a> или <a href="/search">поиск</a>.</p></main>\n'
        "</body>\n</html>\n"
    ).encode("utf-8")
