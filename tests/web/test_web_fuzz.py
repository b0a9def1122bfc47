"""Fuzzing the viewer's HTTP API from its OpenAPI document, and its request-head parser.

Requests are drawn by Hypothesis: an operation of the OpenAPI document (or a random path),
its parameters with values that fit their schema or deliberately do not (huge numbers,
negative ones, BC dates, surrogates, thousands of words), a method, headers and a body.
Every answer must be well-formed HTTP with the security headers, JSON on /api/, and never a
5xx (an analysis over its time limit, 504, is the one exception on /api/extract).

The short profile runs in the normal suite (seconds, the same examples every run). The
long one explores with fresh seeds until its time is up:

    LETOPIS_FUZZ_MINUTES=60 .venv/bin/python -m pytest -q tests/web/test_web_fuzz.py tests/store/test_store_fuzz.py

(`make fuzz` runs the same). A failure prints the request that caused it; add it to the
named regression tests (test_web_transport.py, test_store_hardening.py) before fixing.
"""

from __future__ import annotations

import json
import os
import random
import socket
import time
from urllib.parse import quote, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from letopis.web.openapi import spec
from letopis.web.server import SECURITY_HEADERS
from letopis.web.wire import WireError, parse_head

MINUTES = float(os.environ.get("LETOPIS_FUZZ_MINUTES", "0"))
SHORT = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                 suppress_health_check=list(HealthCheck))
LONG = settings(max_examples=500, deadline=None, database=None, suppress_health_check=list(HealthCheck))


def run_profile(test, *strategies) -> None:
    """The short profile once, or the long one again and again (fresh seeds) until
    LETOPIS_FUZZ_MINUTES pass."""
    if not MINUTES:
        SHORT(given(*strategies)(test))()
        return
    stop = time.monotonic() + MINUTES * 60
    rounds = 0
    while time.monotonic() < stop:
        LONG(given(*strategies)(test))()
        rounds += 1
    print(f"{test.__name__}: {rounds} rounds of {LONG.max_examples} examples, nothing found")


# --- values -----------------------------------------------------------------------------

WORDS = ["Париж", "де Голль", "1944", "август", "Москва", "забастовка", "Леклерк", "генерал", "d1", "d1.ev1", "E1",
         "C1", "CE1", "PERSON", "LOCATION", "actual", "yes", "no", "date"]
hostile_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(WORDS),
    st.lists(st.sampled_from(WORDS), min_size=30, max_size=1500).map(" ".join),  # a name of hundreds of words
    st.sampled_from(["\ud800", "a\udfffb", "%", "%ZZ", "%00", "\x00", "../../etc/passwd", "'; DROP TABLE events; --",
                     "\"", "*", "NEAR(", "AND OR NOT", "^", "-", "—", "ё", "\u202e", "𝔘"]),
)
numbers = st.one_of(st.integers(-10**25, 10**25), st.integers(-2, 2000),
                    st.sampled_from(["1e3", "0x10", "", " 5", "NaN", "inf", "٣", "1_000", "+7"]))
days = st.one_of(st.sampled_from(["1944-08-19", "-0043-03-15", "-10000-01-01", "0000-01-01", "1944-02-30",
                                  "1944-13-01", "99999999-01-01", "1944-8-1"]),
                 st.builds(lambda y, m, d: f"{y:05d}-{m:02d}-{d:02d}" if y < 0 else f"{y:04d}-{m:02d}-{d:02d}",
                           st.integers(-99999, 99999), st.integers(0, 13), st.integers(0, 32)))


def value_for(schema: dict) -> st.SearchStrategy:
    if "enum" in schema:
        return st.one_of(st.sampled_from(schema["enum"]), hostile_text)
    if schema.get("type") == "integer":
        low, high = schema.get("minimum", -5), schema.get("maximum", 5000)
        return st.one_of(st.integers(low, high), numbers)
    if "pattern" in schema:
        return st.one_of(days, hostile_text)
    return hostile_text


OPERATIONS = [(method.upper(), path, op) for path, ops in spec()["paths"].items() for method, op in ops.items()]


@st.composite
def requests(draw) -> tuple[str, str, dict[str, str], bytes]:
    method, path, op = draw(st.sampled_from(OPERATIONS))
    if draw(st.integers(0, 9)) == 0:
        method = draw(st.sampled_from(["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH"]))
    if draw(st.integers(0, 9)) == 0:
        path = draw(st.sampled_from(["/", "/static/common.js", "/static/../pyproject.toml", "/api", "/api/",
                                     "/events/x", "/nothing", "//api//events", "/api/events/"]))
    query = []
    for parameter in op.get("parameters", []):
        if parameter["in"] == "path":
            path = path.replace("{" + parameter["name"] + "}", quote(str(draw(value_for(parameter["schema"]))), safe="",
                                                                     errors="surrogatepass"))
        elif draw(st.booleans()):
            query.append((parameter["name"], str(draw(value_for(parameter["schema"])))))
    if draw(st.integers(0, 4)) == 0:
        query.append((draw(st.sampled_from(["x", "limit", "q", "from", ""])), str(draw(hostile_text))))
    target = path + ("?" + "&".join(f"{quote(k, safe='')}={quote(v, safe='', errors='surrogatepass')}"
                                    for k, v in query) if query else "")
    headers = {"Host": draw(st.sampled_from(["127.0.0.1", "localhost", "evil.example", "127.0.0.1:1"]))}
    if draw(st.integers(0, 3)) == 0:
        headers["Origin"] = draw(st.sampled_from(["http://evil.example", "null", "http://[::1", "http://127.0.0.1"]))
    body = b""
    if method in ("POST", "PUT", "PATCH") or draw(st.integers(0, 9)) == 0:
        kind = draw(st.sampled_from(["application/json", "text/plain", "text/html; charset=base64",
                                     "application/octet-stream", "multipart/form-data"]))
        headers["Content-Type"] = kind
        body = draw(st.one_of(
            st.binary(max_size=200),
            st.builds(lambda v: json.dumps(v).encode(), st.recursive(
                st.none() | st.booleans() | st.integers() | hostile_text,
                lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(
                    ["text", "store", "source", "dct", "a", "b", "kind", "id"]), inner, max_size=4), max_leaves=8)),
            st.sampled_from([b'{"text": "\\ud800"}', b"[" * 5000, b'{"text": ""}', b'{"a": "d1.ev1", "b": "d1.ev2"}']),
        ))
    return method, target, headers, body


def send(url: str, method: str, target: str, headers: dict[str, str], body: bytes) -> bytes:
    parts = urlsplit(url)
    head = f"{method} {target} HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    head += f"Content-Length: {len(body)}\r\n\r\n" if body or method in ("POST", "PUT", "PATCH") else "\r\n"
    with socket.create_connection((parts.hostname, parts.port), timeout=120) as sock:
        sock.sendall(head.encode("utf-8", "surrogateescape") + body)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def check_answer(answer: bytes, method: str, target: str) -> None:
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {name.lower(): value.strip() for name, _, value in (line.partition(":") for line in lines[1:])}
    allowed = {504} if target.startswith("/api/extract") else set()
    assert status < 500 or status in allowed, (status, body[:300])
    for name, value in SECURITY_HEADERS.items():
        assert headers.get(name.lower()) == value, name
    if method != "HEAD":
        assert int(headers["content-length"]) == len(body)
        if "json" in headers.get("content-type", ""):
            json.loads(body)


@pytest.fixture(scope="module")
def fuzz_server(corpus_db, tmp_path_factory):
    """A writable copy of the corpus (so merge corrections and stored pastes are reached),
    with a short analysis limit so that a pasted text cannot hold the run up."""
    import shutil

    from web_support import Running

    copy = tmp_path_factory.mktemp("fuzz") / "corpus.db"
    shutil.copy(corpus_db["path"], copy)
    running = Running(copy, writable=True, timeout=2, max_upload=64 * 1024)
    yield running
    running.stop()


def test_the_api_answers_any_request_without_a_5xx(fuzz_server):
    seen = []

    def probe(request) -> None:
        method, target, headers, body = request
        seen.append(target)
        check_answer(send(fuzz_server.url, method, target, headers, body), method, target)

    run_profile(probe, requests())
    assert len(seen) >= 60
    assert fuzz_server.json("/api/documents")[0] == 200  # still serving


@st.composite
def heads(draw) -> list[bytes]:
    line = draw(st.one_of(
        st.binary(max_size=60),
        st.builds(lambda m, t, v: b" ".join([m, t, v]), st.sampled_from([b"GET", b"POST", b"G\xffT", b"", b"get"]),
                  st.binary(max_size=30), st.sampled_from([b"HTTP/1.1", b"HTTP/1.0", b"HTTP/9", b"", b"HTTP/1.1x"])),
    ))
    extra = draw(st.lists(st.one_of(st.binary(max_size=40), st.builds(
        lambda n, v: n + b":" + v, st.sampled_from([b"Content-Length", b"Host", b"Transfer-Encoding", b"X", b""]),
        st.binary(max_size=20))), max_size=8))
    return [line, *extra]


def test_the_head_parser_refuses_or_parses_any_bytes():
    def probe(lines: list[bytes]) -> None:
        try:
            head = parse_head(lines)
        except WireError as error:
            assert 400 <= error.status < 600 and "\n" not in error.message
            return
        try:
            head.content_length()
            head.request()
        except WireError as error:
            assert error.status == 400

    run_profile(probe, heads())


def test_random_bytes_on_the_socket_get_an_http_answer_or_a_close(fuzz_server):
    rng = random.Random(22)
    for _ in range(40 if not MINUTES else 4000):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 300))) + b"\r\n\r\n"
        answer = send_raw(fuzz_server.url, data)
        if answer:  # nothing at all when the bytes never ended a request line (an idle client)
            status = int(answer.split(b" ", 2)[1])
            assert 400 <= status < 500 or status in (501, 505), answer[:200]
    assert fuzz_server.json("/api/documents")[0] == 200


def send_raw(url: str, data: bytes) -> bytes:
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as sock:
        sock.sendall(data)
        sock.shutdown(socket.SHUT_WR)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)
