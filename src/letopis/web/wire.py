"""HTTP/1.x on the wire: the request head parsed strictly, the response head written.

The viewer speaks HTTP/1.0 with one request per connection. A head that is not plain
HTTP (a bad request line, a header without a name, a signed or doubled Content-Length,
a chunked body) is refused with its status and a one-line message (`WireError`); it is
never guessed at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.utils import formatdate
from http import HTTPStatus
from urllib.parse import unquote, urlsplit

from .http import Request

MAX_LINE = 64 * 1024  # bytes in the request line or one header line
MAX_HEADERS = 100
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"})
TOKEN = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")
VERSION = re.compile(r"^HTTP/1\.[0-9]$")


class WireError(Exception):
    """A request the server refuses before any route sees it."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(slots=True)
class Head:
    method: str
    target: str  # as sent, decoded as UTF-8 (invalid bytes replaced)
    version: str
    headers: dict[str, str]  # lower-case names; a repeated header keeps its last value

    @property
    def line(self) -> str:
        return f"{self.method} {self.target} {self.version}"

    def content_length(self) -> int | None:
        """The body's announced size: None when absent; a `WireError` when not a plain count."""
        value = self.headers.get("content-length")
        if value is None:
            return None
        value = value.strip()
        if not value.isascii() or not value.isdigit() or len(value) > 18:
            raise WireError(400, f"Content-Length must be a whole number of bytes, not {value[:40]!r}")
        return int(value)

    def request(self) -> Request:
        try:
            split = urlsplit(self.target)
        except ValueError:  # «http://[::1/»: a bracket left open
            raise WireError(400, f"bad request target {self.target[:80]!r}") from None
        return Request(self.method, unquote(split.path), Request.parse_query(split.query), dict(self.headers))


def parse_head(lines: list[bytes]) -> Head:
    """The request line and headers (each line without its CRLF), or a `WireError`."""
    if not lines:
        raise WireError(400, "empty request")
    words = lines[0].split()
    if len(words) != 3:
        raise WireError(400, f"bad request line {lines[0][:80].decode('latin-1')!r}")
    method, version = words[0].decode("latin-1"), words[2].decode("latin-1")
    if not VERSION.match(version):
        raise WireError(505 if version.startswith("HTTP/") else 400, f"unsupported protocol {version[:20]!r}")
    if not TOKEN.match(method):
        raise WireError(400, f"bad method {method[:20]!r}")
    if method not in METHODS:
        raise WireError(501, f"method {method[:20]} is not supported")
    target = words[1].decode("utf-8", "replace")
    if not (target.startswith("/") or target.startswith(("http://", "https://"))):
        raise WireError(400, f"bad request target {target[:80]!r}")
    if len(lines) - 1 > MAX_HEADERS:
        raise WireError(431, f"more than {MAX_HEADERS} headers")
    headers: dict[str, str] = {}
    for raw in lines[1:]:
        line = raw.decode("latin-1")
        if line[:1] in (" ", "\t"):
            raise WireError(400, "folded header lines are not accepted")
        name, colon, value = line.partition(":")
        if not colon or not TOKEN.match(name):
            raise WireError(400, f"bad header line {line[:80]!r}")
        name = name.lower()
        value = value.strip(" \t")
        if name == "content-length" and name in headers and headers[name] != value:
            raise WireError(400, "two different Content-Length headers")
        headers[name] = value
    if "transfer-encoding" in headers:
        raise WireError(411, "chunked or encoded bodies are not accepted; send the body with a Content-Length")
    return Head(method, target, version, headers)


def response_head(status: int, headers: dict[str, str]) -> bytes:
    """The status line and headers of an HTTP/1.0 response (which closes its connection)."""
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "Unknown"
    lines = [f"HTTP/1.0 {status} {phrase}", "Server: letopis", f"Date: {formatdate(usegmt=True)}"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    lines.append("Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1", "replace")
