"""The viewer's connections: an asyncio server that slow and idle clients cannot stall.

Reading a request costs no thread: each connection is a coroutine on one event loop,
which reads the head within `Limits.idle` (for the first byte) and `Limits.head` seconds
(for all of it), and the body at no less than `Limits.min_rate` bytes a second. Only a
complete request reaches the pool of `Limits.workers` threads that run the routes (the
store keeps one SQLite connection per thread, so the pool bounds them); at most
`Limits.queue` requests wait for a thread, more get 503 at once. A client holds at most
`Limits.per_client` connections, and the server `Limits.connections` in all; over a
limit, the oldest connection still sending its head is dropped to make room, so idle and
slow clients cannot lock out the next one (on loopback every client is one address).

Every answer, the server's own refusals included, carries the security headers and
closes its connection (HTTP/1.0). A client that goes away mid-answer is not an error.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import socket
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from .http import Request, Response
from .wire import MAX_LINE, WireError, parse_head, response_head

DRAIN_LIMIT = 16 * 1024 * 1024  # a refused body up to this size is read and dropped, so the client sees the answer


@dataclass(slots=True)
class Limits:
    idle: float = 5.0  # seconds to the request's first byte
    head: float = 10.0  # seconds for the whole request line and headers
    min_rate: float = 64 * 1024  # bytes per second a body must arrive at, at least ...
    body: float = 10.0  # ... after this allowance in seconds
    write: float = 30.0  # seconds to send an answer
    workers: int = 16
    queue: int = 64  # complete requests waiting for a worker
    per_client: int = 64  # open connections from one address
    connections: int = 512  # open connections in all


class Handler(Protocol):
    """What the transport needs of the application (see `server.App`)."""

    max_upload: int
    quiet: bool

    def respond(self, request: Request) -> Response: ...

    def refusal(self, request: Request) -> Response | None: ...


class Server:
    """A bound socket and the loop that serves it: `serve_forever()`, `shutdown()`, `server_close()`."""

    def __init__(self, app: Handler, address: tuple[str, int], limits: Limits, headers: dict[str, str],
                 on_close: Callable[[], None] | None = None):
        self.app = app
        self.limits = limits
        self.headers = headers
        self._on_close = on_close
        family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.socket = socket.socket(family, socket.SOCK_STREAM)
        try:
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self.socket.bind(address)
            self.socket.listen(128)
        except OSError:
            self.socket.close()
            raise
        self.socket.setblocking(False)
        self.server_address = self.socket.getsockname()
        self._pool = concurrent.futures.ThreadPoolExecutor(limits.workers, thread_name_prefix="letopis-http")
        self._live: dict[str, dict[asyncio.StreamWriter, None]] = {}  # each client's connections
        self._waiting: dict[asyncio.StreamWriter, str] = {}  # connections still sending their head, oldest first
        self._busy = 0  # requests handed to the pool and not yet answered
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._stopping = False  # asked to stop before the loop ran
        self._done = threading.Event()
        self._done.set()
        self.stats = Counter()  # refusals by reason, for tests and the load benchmark

    # --- running ----------------------------------------------------------------------

    def serve_forever(self) -> None:
        self._done.clear()
        try:
            asyncio.run(self._main())
        finally:
            self._done.set()

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._loop.set_exception_handler(_quiet_disconnects)
        self._stop = asyncio.Event()
        if self._stopping:
            self._stop.set()
        server = await asyncio.start_server(self._connection, sock=self.socket, limit=MAX_LINE)
        try:
            await self._stop.wait()
        finally:
            server.close()

    def stop(self) -> None:
        """Ask `serve_forever` to return soon, without waiting: safe from a signal handler
        (Ctrl-C, `kill`), which runs in the thread of the loop itself."""
        self._stopping = True
        loop, stop = self._loop, self._stop
        if loop is not None and stop is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(stop.set)
            except RuntimeError:  # the loop has just closed
                pass

    def shutdown(self) -> None:
        """Stop serving (from another thread) and wait until `serve_forever` has returned."""
        self.stop()
        self._done.wait(30)

    def server_close(self) -> None:
        self.socket.close()
        self._pool.shutdown(wait=False, cancel_futures=True)
        if self._on_close is not None:
            self._on_close()

    # --- one connection -----------------------------------------------------------------

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        peer = writer.get_extra_info("peername")
        client = str(peer[0]) if peer else "?"
        live = self._live.setdefault(client, {})
        live[writer] = None
        self._waiting[writer] = client
        try:
            if not self._make_room(client, writer):
                self.stats["too many connections"] += 1
                await self._answer(writer, None, Response.error(503, "too many connections from this address are "
                                                                     "being answered; try again shortly"), client)
                return
            await self._exchange(reader, writer, client)
        except (ConnectionError, asyncio.IncompleteReadError):
            pass  # the client went away (or was dropped to make room)
        finally:
            self._waiting.pop(writer, None)
            live = self._live.get(client)
            if live is not None:
                live.pop(writer, None)
                if not live:
                    del self._live[client]
            writer.close()

    def _make_room(self, client: str, newcomer: asyncio.StreamWriter) -> bool:
        """Whether a new connection from `client` may stay. Over a limit, the oldest
        connection that has not yet sent a whole request (from that client, or any for the
        total) is dropped to make room, so idle and slow connections cannot lock others
        out; only when every other connection is being answered is the new one refused."""
        while len(self._live[client]) > self.limits.per_client:
            if not self._drop(lambda owner: owner == client, newcomer):
                return False
        while sum(len(live) for live in self._live.values()) > self.limits.connections:
            if not self._drop(lambda owner: True, newcomer):
                return False
        return True

    def _drop(self, eligible: Callable[[str], bool], newcomer: asyncio.StreamWriter) -> bool:
        for writer, owner in self._waiting.items():  # oldest first
            if writer is not newcomer and eligible(owner):
                break
        else:
            return False
        self.stats["dropped to make room"] += 1
        del self._waiting[writer]
        live = self._live.get(owner, {})
        live.pop(writer, None)
        if not live:
            self._live.pop(owner, None)
        writer.transport.abort()
        return True

    async def _exchange(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, client: str) -> None:
        limits = self.limits
        began = time.monotonic()
        try:
            lines = await self._read_head(reader, began)
        except TimeoutError:
            self.stats["slow head"] += 1
            return  # an idle or slow client: close without a word (it sent no request to answer)
        except WireError as error:
            await self._answer(writer, None, Response.error(error.status, error.message), client)
            return
        self._waiting.pop(writer, None)  # a whole head: no longer a candidate to drop
        if lines is None or writer.is_closing():
            return  # closed before sending anything, or dropped to make room
        request: Request | None = None
        try:
            head = parse_head(lines)
            request = head.request()
            refusal = self.app.refusal(request)
            if refusal is not None:
                await self._answer(writer, request, refusal, client, head.line)
                return
            size = head.content_length()
            if size is None and request.method in ("POST", "PUT", "PATCH"):
                raise WireError(411, "send the body with a Content-Length")
            if size:
                if size > self.app.max_upload:
                    await self._drain(reader, size)
                    limit = self.app.max_upload
                    raise WireError(413, f"the text is {size / 1048576:.1f} MB; this server accepts at most "
                                         f"{limit / 1048576:g} MB (its --max-upload)")
                request.body = await self._read_body(reader, size)
        except WireError as error:
            await self._answer(writer, request, Response.error(error.status, error.message), client,
                               lines[0][:200].decode("latin-1"))
            return
        if self._busy >= limits.workers + limits.queue:
            self.stats["queue full"] += 1
            await self._answer(writer, request, Response.error(503, "the server is busy; try again in a moment"),
                               client, head.line)
            return
        self._busy += 1
        try:
            response = await asyncio.get_running_loop().run_in_executor(self._pool, self.app.respond, request)
        finally:
            self._busy -= 1
        await self._answer(writer, request, response, client, head.line)

    async def _read_head(self, reader: asyncio.StreamReader, began: float) -> list[bytes] | None:
        lines: list[bytes] = []
        while True:
            allowed = self.limits.idle if not lines else self.limits.head - (time.monotonic() - began)
            if allowed <= 0:
                raise TimeoutError
            try:
                line = await asyncio.wait_for(reader.readline(), allowed)
            except ValueError:  # longer than MAX_LINE
                raise WireError(431, f"a request line or header is longer than {MAX_LINE} bytes") from None
            if not line.endswith(b"\n"):
                return None if not lines else lines  # closed mid-head; parse_head refuses what is there
            line = line.rstrip(b"\r\n")
            if not lines and not line:
                continue  # stray CRLF before the request line (RFC 9112, 2.2)
            if not line:
                return lines
            lines.append(line)
            if len(lines) > 101:
                return lines  # parse_head answers 431

    async def _read_body(self, reader: asyncio.StreamReader, size: int) -> bytes:
        allowed = self.limits.body + size / self.limits.min_rate
        try:
            return await asyncio.wait_for(reader.readexactly(size), allowed)
        except asyncio.IncompleteReadError as short:
            raise WireError(400, f"the body ended after {len(short.partial)} of the {size} bytes its "
                                 "Content-Length announced; nothing was analysed") from None
        except TimeoutError:
            raise WireError(408, f"the body did not arrive within {allowed:.0f} s") from None

    async def _drain(self, reader: asyncio.StreamReader, size: int) -> None:
        """Read and drop a refused body, so the client gets the 413 instead of a broken pipe."""
        if size > DRAIN_LIMIT:
            return
        deadline = time.monotonic() + self.limits.body + size / self.limits.min_rate
        while size > 0 and time.monotonic() < deadline:
            try:
                chunk = await asyncio.wait_for(reader.read(min(size, 1 << 16)), deadline - time.monotonic())
            except TimeoutError:
                return
            if not chunk:
                return
            size -= len(chunk)

    async def _answer(self, writer: asyncio.StreamWriter, request: Request | None, response: Response, client: str,
                      line: str = "-") -> None:
        headers = {"Content-Type": response.content_type, "Content-Length": str(len(response.body)),
                   **self.headers, **response.headers}
        writer.write(response_head(response.status, headers))
        if request is None or request.method != "HEAD":
            writer.write(response.body)
        try:
            await asyncio.wait_for(writer.drain(), self.limits.write)
        except (TimeoutError, ConnectionError):
            return
        if not self.app.quiet:
            stamp = time.strftime("%d/%b/%Y %H:%M:%S")
            sys.stderr.write(f'{client} - - [{stamp}] "{line}" {response.status} -\n')


def _quiet_disconnects(loop: asyncio.AbstractEventLoop, context: dict) -> None:
    if isinstance(context.get("exception"), (ConnectionError, TimeoutError)):
        return  # a client that went away is not an error worth a traceback
    loop.default_exception_handler(context)
