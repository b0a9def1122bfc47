"""The viewer's HTTP server: the standard library's `ThreadingHTTPServer`, nothing else.

`App` maps a request to a route and a response; `make_server` binds it to a socket.
Every answer carries a Content-Security-Policy that allows only the package's own
scripts and styles, and the JSON API answers errors as JSON with their status code.
"""

from __future__ import annotations

import concurrent.futures
import socket
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

from ..errors import StoreError
from ..store.base import Store
from . import crossdoc, pages
from .corpus import Corpus
from .extract import Extractor, extract
from .http import ApiError, Request, Response
from .openapi import spec
from .routes import API, PAGES, match

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
DRAIN_LIMIT = 256 * 1024 * 1024  # a refused body larger than this is not read before answering


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

    def respond(self, request: Request) -> Response:
        try:
            return self._dispatch(request)
        except ApiError as error:
            return Response.error(error.status, error.message)
        except StoreError as error:  # the database is locked or damaged: the store says which
            return Response.error(503, str(error))
        except Exception as error:  # a bug or a broken database: say so in one line, log the rest
            traceback.print_exc(file=sys.stderr)
            return Response.error(500, f"internal error: {type(error).__name__}: {error}")

    def _dispatch(self, request: Request) -> Response:
        path = request.path
        if path.startswith("/static/"):
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


class Handler(BaseHTTPRequestHandler):
    server_version = "letopis"
    protocol_version = "HTTP/1.0"
    # Errors raised by http.server itself (a malformed request, an unknown method) are JSON too.
    error_content_type = "application/json; charset=utf-8"
    error_message_format = '{"error": {"status": %(code)d, "message": "%(message)s"}}'
    app: App  # set on the subclass made by make_server

    def do_GET(self) -> None:
        self._serve(with_body=True)

    def do_HEAD(self) -> None:
        self._serve(with_body=False)

    def do_POST(self) -> None:
        self._serve(with_body=True)

    def do_PUT(self) -> None:
        self._serve(with_body=True)

    def do_DELETE(self) -> None:
        self._serve(with_body=True)

    def _serve(self, with_body: bool) -> None:
        # http.server reads the request line as Latin-1; a client that sent raw UTF-8 gets it back.
        split = urlsplit(self.path.encode("latin-1", "replace").decode("utf-8", "replace"))
        headers = {k.lower(): v for k, v in self.headers.items()}
        request = Request(self.command, unquote(split.path), Request.parse_query(split.query), headers)
        refusal = self._refusal(headers)
        if self.command in ("POST", "PUT", "DELETE"):
            if refusal is None:
                refusal = self._read_body(request)
            else:
                self.close_connection = True  # the body is left unread
        response = refusal or self.app.respond(request)
        self._send(response, with_body)

    def _refusal(self, headers: dict[str, str]) -> Response | None:
        """Guard a loopback server against other sites in the browser (DNS rebinding, CSRF)."""
        host = headers.get("host", "").rsplit(":", 1)[0].strip("[]").lower()
        bound = self.server.server_address[0]
        if bound in ("127.0.0.1", "::1", "localhost") and host not in ("127.0.0.1", "::1", "localhost"):
            return Response.error(403, f"this server answers only to localhost, not to host {host!r}")
        origin = headers.get("origin")
        if origin and self.command != "GET" and urlsplit(origin).netloc.lower() != headers.get("host", "").lower():
            return Response.error(403, "requests from another site are refused")
        return None

    def _read_body(self, request: Request) -> Response | None:
        length = self.headers.get("Content-Length")
        if length is None:
            self.close_connection = True
            return Response.error(411, "send the body with a Content-Length")
        try:
            size = int(length)
        except ValueError:
            self.close_connection = True
            return Response.error(400, "Content-Length is not a number")
        limit = self.app.settings.max_upload
        if size > limit:
            self._discard(size)
            return Response.error(413, f"the text is {size / 1048576:.1f} MB; this server accepts at most "
                                       f"{limit / 1048576:g} MB (its --max-upload)")
        request.body = self.rfile.read(size)
        return None

    def _discard(self, size: int) -> None:
        """Read and drop a refused body, so the client gets the 413 instead of a broken pipe.

        A body past DRAIN_LIMIT is not read at all; the connection is closed instead.
        """
        self.close_connection = True
        if size > DRAIN_LIMIT:
            return
        while size > 0:
            chunk = self.rfile.read(min(size, 1 << 16))
            if not chunk:
                return
            size -= len(chunk)

    def _send(self, response: Response, with_body: bool) -> None:
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        for name, value in {**SECURITY_HEADERS, **response.headers}.items():
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if with_body and self.command != "HEAD":
            self.wfile.write(response.body)

    def log_message(self, format: str, *args) -> None:
        if not self.app.settings.quiet:
            super().log_message(format, *args)


class Server(ThreadingHTTPServer):
    """`ThreadingHTTPServer` with a fixed pool of threads instead of one thread per request.

    The store keeps a SQLite connection per thread, so a bounded pool bounds the open
    connections (and the memory) however many requests arrive; extra requests wait in
    the pool's queue. Responses close their connection (HTTP/1.0), so an idle browser
    connection never holds a thread.
    """

    daemon_threads = True
    request_queue_size = 128
    app: App
    workers = 16

    def process_request(self, request, client_address) -> None:
        if getattr(self, "_pool", None) is None:
            self._pool = concurrent.futures.ThreadPoolExecutor(self.workers, thread_name_prefix="letopis-http")
        self._pool.submit(self.process_request_thread, request, client_address)

    def server_close(self) -> None:
        super().server_close()
        if getattr(self, "_pool", None) is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        if getattr(self, "app", None) is not None:  # absent when binding the socket failed
            self.app.close()


def make_server(opener: Callable[[], Store] | None, host: str = "127.0.0.1", port: int = 8000,
                settings: Settings | None = None, stamp: Callable[[], object] | None = None) -> Server:
    """A bound, not yet serving, server; call `serve_forever()` (port 0 picks a free port).

    `stamp` (see `corpus.file_stamp`) tells the server when the database changed under it,
    so its caches are dropped when `letopis ingest` adds documents while it runs.
    """
    app = App(opener, settings or Settings(), stamp)
    handler = type("LetopisHandler", (Handler,), {"app": app})
    kind = Server if ":" not in host else type("Server6", (Server,), {"address_family": socket.AF_INET6})
    server = kind((host, port), handler)
    server.app = app
    return server


def url_of(server: Server) -> str:
    host, port = server.server_address[:2]
    host = f"[{host}]" if ":" in host else host
    return f"http://{host}:{port}/"
