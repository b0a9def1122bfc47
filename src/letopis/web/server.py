"""The viewer's HTTP server: `App` maps a request to a route and a response.

`make_server` binds it to a socket served by `transport.Server` (asyncio for the
connections, a bounded pool of threads for the routes).
Every answer carries a Content-Security-Policy that allows only the package's own
scripts and styles, and the JSON API answers errors as JSON with their status code.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..errors import StoreError, UsageError
from ..store.base import Store
from . import crossdoc, pages
from .corpus import Corpus
from .extract import Extractor, extract
from .http import ApiError, Request, Response
from .openapi import spec
from .routes import API, PAGES, match
from .transport import Limits, Server

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


@dataclass(slots=True)
class Settings:
    writable: bool = False
    max_upload: int = 5 * 1024 * 1024  # bytes
    timeout: float = 60.0  # seconds for one text's analysis, waiting included
    quiet: bool = False


class App:
    """Routes requests to the API, the pages and the static files."""

    def __init__(self, opener: Callable[[], Store] | None, settings: Settings, stamp: Callable[[], object] | None = None):
        self.settings = settings
        self.corpus = Corpus(opener, stamp)
        self.extractor = Extractor(settings.timeout, settings.max_upload)
        self.bound = "127.0.0.1"  # the address the server listens on (set by make_server)

    @property
    def max_upload(self) -> int:
        return self.settings.max_upload

    @property
    def quiet(self) -> bool:
        return self.settings.quiet

    def refusal(self, request: Request) -> Response | None:
        """Guard a loopback server against other sites in the browser (DNS rebinding, CSRF)."""
        headers = request.headers
        host = headers.get("host", "").rsplit(":", 1)[0].strip("[]").lower()
        if self.bound in ("127.0.0.1", "::1", "localhost") and host not in ("127.0.0.1", "::1", "localhost"):
            return Response.error(403, f"this server answers only to localhost, not to host {host!r}")
        origin = headers.get("origin")
        if origin and request.method != "GET" and _netloc(origin) != headers.get("host", "").lower():
            return Response.error(403, "requests from another site are refused")
        return None

    def respond(self, request: Request) -> Response:
        try:
            return self._dispatch(request)
        except ApiError as error:
            return Response.error(error.status, error.message)
        except StoreError as error:  # the database is locked or damaged: the store says which
            return Response.error(503, str(error))
        except UsageError as error:  # a filter the store refuses (a name of hundreds of words)
            return Response.error(400, str(error))
        except Exception as error:  # a bug or a broken database: say so in one line, log the rest
            traceback.print_exc(file=sys.stderr)
            return Response.error(500, f"internal error: {type(error).__name__}: {error}")

    def _dispatch(self, request: Request) -> Response:
        path = request.path
        if path.startswith("/static/"):
            if request.method not in ("GET", "HEAD"):
                return Response(405, Response.error(405, f"{request.method} is not allowed on {path}").body,
                                headers={"Allow": "GET, HEAD"})
            found = pages.static(path[len("/static/"):])
            if found is None:
                raise ApiError(404, f"no static file {path!r}")
            return Response(200, found[0], found[1], {"Cache-Control": "max-age=300"})
        routes = API if path.startswith("/api/") else PAGES
        route, params, other = match(routes, request.method, path.rstrip("/") or "/")
        if route is None:
            if other:
                raise ApiError(405, f"{request.method} is not allowed on {path}")
            if routes is PAGES and request.method in ("GET", "HEAD"):  # a person followed a link: answer a page
                return Response(404, pages.not_found(path), "text/html; charset=utf-8", {"Cache-Control": "no-cache"})
            raise ApiError(404, f"nothing at {path}")
        request.params = params
        if callable(route.handler):
            return Response.json(route.handler(self.corpus, request))
        if route.handler == "extract":
            return Response.json(extract(self.corpus, request, self.extractor, self.settings.writable))
        if route.handler in ("merge-undo", "merge-force"):
            return Response.json(crossdoc.correct(self.corpus, request, self.settings.writable, route.handler[6:]))
        if route.handler == "openapi":
            return Response.json(spec())
        return Response(200, pages.shell(route.handler, self.settings.writable, self.settings.max_upload), "text/html; charset=utf-8",
                        {"Cache-Control": "no-cache"})

    def warm(self) -> None:
        """Load what the first search and the first name filter would otherwise wait for
        (the store's lemmatiser), so that no visitor pays for it."""
        if not self.corpus.available:
            return
        try:
            with self.corpus.store() as store:
                store.search("летопись", limit=1)
                store.events(person="летопись", limit=1)
        except Exception:  # warming is an optimisation; a real request will report any error
            pass

    def close(self) -> None:
        self.extractor.close()
        self.corpus.close()


def _netloc(url: str) -> str | None:
    try:
        return urlsplit(url).netloc.lower()
    except ValueError:  # not a URL at all: matches no host
        return None


def make_server(opener: Callable[[], Store] | None, host: str = "127.0.0.1", port: int = 8000,
                settings: Settings | None = None, stamp: Callable[[], object] | None = None,
                limits: Limits | None = None) -> Server:
    """A bound, not yet serving, server; call `serve_forever()` (port 0 picks a free port).

    `stamp` (see `corpus.file_stamp`) tells the server when the database changed under it,
    so its caches are dropped when `letopis ingest` adds documents while it runs;
    `limits` bounds what slow, idle or many clients may hold (see `transport.Limits`).
    """
    app = App(opener, settings or Settings(), stamp)
    try:
        server = Server(app, (host, port), limits or Limits(), SECURITY_HEADERS, on_close=app.close)
    except BaseException:
        app.close()
        raise
    app.bound = str(server.server_address[0])
    return server


def url_of(server: Server) -> str:
    host, port = server.server_address[:2]
    host = f"[{host}]" if ":" in host else host
    return f"http://{host}:{port}/"
