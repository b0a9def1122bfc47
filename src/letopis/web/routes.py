"""Every URL the viewer answers, in one table (the OpenAPI test checks each API route)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import api, crossdoc


@dataclass(frozen=True, slots=True)
class Route:
    method: str
    path: str  # OpenAPI style: /api/events/{id}
    handler: str | Callable[..., Any]  # an api function, or "extract", "merge-*", "openapi", a page name
    pattern: re.Pattern[str]


def _route(method: str, path: str, handler: str | Callable[..., Any]) -> Route:
    regex = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(path))
    return Route(method, path, handler, re.compile(f"^{regex}$"))


API = [
    _route("GET", "/api/documents", api.documents),
    _route("GET", "/api/documents/{id}", api.document),
    _route("GET", "/api/events", api.events),
    _route("GET", "/api/events/{id}", api.event),
    _route("GET", "/api/entities", api.entities),
    _route("GET", "/api/entities/{id}", api.entity),
    _route("GET", "/api/search", api.search),
    _route("GET", "/api/suggest", api.suggest),
    _route("GET", "/api/places", api.places),
    _route("GET", "/api/graph", api.graph),
    _route("GET", "/api/conflicts", crossdoc.conflicts),
    _route("GET", "/api/corpus-events/{id}", crossdoc.corpus_event),
    _route("POST", "/api/merge/undo", "merge-undo"),
    _route("POST", "/api/merge/force", "merge-force"),
    _route("POST", "/api/extract", "extract"),
    _route("GET", "/api/labels", api.labels_table),
    _route("GET", "/api/histogram", api.histogram),
    _route("GET", "/api/openapi.json", "openapi"),
]

# Page paths and the script that draws each; every page is the same shell (pages.py).
PAGES = [
    _route("GET", "/", "timeline"),
    _route("GET", "/timeline", "timeline"),
    _route("GET", "/explore", "explore"),
    _route("GET", "/events/{id}", "event"),
    _route("GET", "/entities", "entities"),
    _route("GET", "/entities/{id}", "entity"),
    _route("GET", "/documents", "documents"),
    _route("GET", "/documents/{id}", "document"),
    _route("GET", "/map", "map"),
    _route("GET", "/graph", "graph"),
    _route("GET", "/search", "search"),
    _route("GET", "/conflicts", "conflicts"),
    _route("GET", "/paste", "paste"),
]


def match(routes: list[Route], method: str, path: str) -> tuple[Route | None, dict[str, str], bool]:
    """(route, path parameters, whether the path exists for another method)."""
    other_method = False
    for route in routes:
        found = route.pattern.match(path)
        if found:
            if route.method == method or (method == "HEAD" and route.method == "GET"):
                return route, found.groupdict(), False
            other_method = True
    return None, {}, other_method
