"""The viewer's transport faces slow, idle, many and malformed clients (issue 22).

Each test is a case from the hardening review, named after it; the raw-socket ones speak
HTTP by hand, as a hostile client would.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from urllib.parse import quote, urlsplit

import pytest

from letopis.web import Settings, make_server, url_of
from letopis.web.http import Response
from letopis.web.server import SECURITY_HEADERS
from letopis.web.transport import Limits, Server


def _address(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    return parts.hostname, parts.port


def raw(url: str, data: bytes, *, close_write: bool = True, timeout: float = 30) -> bytes:
    """Send bytes as they are; everything the server answers until it closes."""
    with socket.create_connection(_address(url), timeout=timeout) as sock:
        sock.sendall(data)
        if close_write:
            sock.shutdown(socket.SHUT_WR)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def status_of(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1])


def headers_of(answer: bytes) -> dict[str, str]:
    head = answer.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")[1:]
    return {name.lower(): value.strip() for name, _, value in (line.partition(":") for line in head)}


def body_of(answer: bytes) -> dict:
    return json.loads(answer.split(b"\r\n\r\n", 1)[1])


class Served:
    """A server with its own limits, in a thread."""

    def __init__(self, app=None, limits: Limits | None = None, **settings):
        if app is None:
            self.server = make_server(None, "127.0.0.1", 0, Settings(quiet=True, **settings), limits=limits)
        else:
            self.server = Server(app, ("127.0.0.1", 0), limits or Limits(), SECURITY_HEADERS)
        self.url = url_of(self.server).rstrip("/")
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def __enter__(self) -> "Served":
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def _idle(url: str, count: int) -> list[socket.socket]:
    return [socket.create_connection(_address(url), timeout=30) for _ in range(count)]


# --- slow and idle clients ---------------------------------------------------------------

def test_a_request_succeeds_while_16_idle_sockets_are_open(server):
    idle = _idle(server.url, 16)
    try:
        for _ in range(20):
            began = time.monotonic()
            status, _ = server.json("/api/documents")
            assert status == 200 and time.monotonic() - began < 5
    finally:
        for sock in idle:
            sock.close()


def test_requests_succeed_while_50_clients_send_their_headers_slowly(server):
    slow = _idle(server.url, 50)
    stop = threading.Event()

    def trickle() -> None:
        for sock in slow:
            sock.sendall(b"GET /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        while not stop.wait(0.2):
            for sock in slow:
                try:
                    sock.sendall(b"X")
                except OSError:
                    pass

    sender = threading.Thread(target=trickle, daemon=True)
    sender.start()
    try:
        time.sleep(0.5)
        for _ in range(10):
            began = time.monotonic()
            assert server.json("/api/events?limit=5")[0] == 200 and time.monotonic() - began < 5
    finally:
        stop.set()
        sender.join()
        for sock in slow:
            sock.close()


def test_an_idle_socket_is_closed_after_the_idle_timeout():
    with Served(limits=Limits(idle=0.3)) as served:
        (sock,) = _idle(served.url, 1)
        began = time.monotonic()
        assert sock.recv(100) == b""  # closed by the server, without a word
        assert time.monotonic() - began < 5
        sock.close()


def test_a_slow_header_sender_is_dropped_after_the_head_timeout():
    with Served(limits=Limits(idle=0.3, head=0.8)) as served:
        (sock,) = _idle(served.url, 1)
        began = time.monotonic()
        sock.sendall(b"GET / HTTP/1.1\r\n")
        with pytest.raises(OSError):
            for _ in range(100):  # one header byte every 0.1 s: each read is quick, the whole head is not
                sock.sendall(b"X-Slow: 1\r\n"[:1])
                time.sleep(0.1)
                if sock.recv(1, socket.MSG_DONTWAIT) == b"":
                    raise ConnectionResetError
        assert time.monotonic() - began < 5
        sock.close()


def _blocking_recv(sock: socket.socket) -> bytes:
    """Everything until the server closes."""
    sock.settimeout(10)
    chunks = []
    while chunk := sock.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


def test_idle_connections_from_one_client_make_room_for_the_next_one():
    """On loopback every client is one address: 4 idle sockets at a limit of 4 must not lock
    out the browser; the oldest idle one is dropped instead."""
    with Served(limits=Limits(per_client=4)) as served:
        idle = _idle(served.url, 4)
        time.sleep(0.2)
        for _ in range(3):
            assert status_of(raw(served.url, b"GET /paste HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")) == 200
        assert _blocking_recv(idle[0]) == b""  # the oldest was dropped, without a word
        assert served.server.stats["dropped to make room"] >= 1
        for sock in idle:
            sock.close()


class _SlowApp:
    max_upload = 1024
    quiet = True

    def respond(self, request):
        time.sleep(1.0)
        return Response.json({"ok": True})

    def refusal(self, request):
        return None


def test_a_connection_beyond_the_limit_is_refused_when_every_other_is_being_answered():
    with Served(_SlowApp(), Limits(per_client=2, workers=4)) as served:
        answers: list[int] = []
        asking = [threading.Thread(target=lambda: answers.append(status_of(raw(
            served.url, b"GET /x HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")))) for _ in range(2)]
        for thread in asking:
            thread.start()
        time.sleep(0.3)  # both are being answered (each takes a second)
        extra = socket.create_connection(_address(served.url), timeout=10)
        answer = _blocking_recv(extra)
        extra.close()
        for thread in asking:
            thread.join()
    assert status_of(answer) == 503 and "being answered" in answer.decode()
    assert answers == [200, 200]


def test_requests_beyond_the_bounded_queue_get_503_at_once():
    with Served(_SlowApp(), Limits(workers=1, queue=1)) as served:
        answers: list[tuple[int, float]] = []

        def ask() -> None:
            began = time.monotonic()
            answer = raw(served.url, b"GET /x HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
            answers.append((status_of(answer), time.monotonic() - began))

        threads = [threading.Thread(target=ask) for _ in range(5)]
        for thread in threads:
            thread.start()
            time.sleep(0.05)
        for thread in threads:
            thread.join()
    statuses = sorted(status for status, _ in answers)
    assert statuses.count(200) == 2 and statuses.count(503) == 3
    assert all(took < 0.9 for status, took in answers if status == 503)  # refused without waiting


# --- malformed requests --------------------------------------------------------------------

def _post(length: str, body: bytes = b"") -> bytes:
    return (f"POST /api/extract HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            f"Content-Length: {length}\r\n\r\n").encode() + body


@pytest.mark.parametrize("length", ["-1", "-100000", "+5", "1e3", "0x10", "99999999999999999999999"])
def test_a_content_length_that_is_not_a_plain_count_is_400(server, length):
    answer = raw(server.url, _post(length, b'{"text": "x"}'))
    assert status_of(answer) == 400 and "Content-Length" in body_of(answer)["error"]["message"]


def test_two_different_content_lengths_are_400(server):
    request = _post("5", b'{"text": "x"}').replace(b"\r\n\r\n", b"\r\nContent-Length: 13\r\n\r\n", 1)
    assert status_of(raw(server.url, request)) == 400


def test_a_body_shorter_than_its_content_length_is_not_analysed(server, monkeypatch):
    from letopis.web import analyser

    monkeypatch.setattr(analyser.Extractor, "run", lambda *a, **k: pytest.fail("a short body was analysed"))
    body = json.dumps({"text": "В 1812 году Наполеон вошёл в Москву."}).encode()
    answer = raw(server.url, _post(str(len(body) + 40), body))
    assert status_of(answer) == 400 and "nothing was analysed" in body_of(answer)["error"]["message"]


def test_a_chunked_body_is_refused_with_411(server):
    request = (b"POST /api/extract HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"
               b"5\r\nhello\r\n0\r\n\r\n")
    assert status_of(raw(server.url, request)) == 411


@pytest.mark.parametrize("request_bytes, status", [
    (b"GARBAGE\r\n\r\n", 400),
    (b"GET /\r\n\r\n", 400),
    (b"BREW /pot HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 501),
    (b"GET / HTTP/2.0\r\nHost: 127.0.0.1\r\n\r\n", 505),
    (b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nno colon here\r\n\r\n", 400),
    (b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n folded\r\n\r\n", 400),
    (b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\n\r\n", 431),
    (b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + b"X: y\r\n" * 150 + b"\r\n", 431),
    (b"GET http://[::1/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 400),
], ids=["no-words", "no-version", "unknown-method", "http2", "no-colon", "folded", "long-line", "many-headers",
        "open-bracket"])
def test_the_servers_own_error_answers_carry_the_security_headers(server, request_bytes, status):
    answer = raw(server.url, request_bytes)
    assert status_of(answer) == status
    headers = headers_of(answer)
    for name, value in SECURITY_HEADERS.items():
        assert headers[name.lower()] == value, name
    assert body_of(answer)["error"]["status"] == status


@pytest.mark.parametrize("method", ["PUT", "DELETE", "POST", "PATCH"])
def test_writing_to_a_static_file_is_405(server, method):
    status, headers, _ = server.request("/static/common.js", method=method, body=b"x")
    assert status == 405 and "GET" in headers["Allow"]
    assert server.request("/static/common.js")[0] == 200


@pytest.mark.parametrize("name, path", [("person", "/api/events"), ("place", "/api/events"),
                                         ("name", "/api/entities"), ("q", "/api/search"), ("person", "/api/graph")])
def test_a_1200_word_filter_is_400(server, name, path):
    words = " ".join(["Шарль", "де", "Голль", "Париж"] * 300)
    status, answer = server.json(f"{path}?{name}={quote(words)}")
    assert status == 400 and "at most" in answer["error"]["message"]


def test_a_lone_surrogate_in_json_is_400(server):
    body = b'{"text": "\\ud800 \\u0432 1812 \\u0433\\u043e\\u0434\\u0443"}'
    status, answer = server.json("/api/extract", method="POST", body=body, headers={"Content-Type": "application/json"})
    assert status == 400 and "surrogate" in answer["error"]["message"]


def test_100000_deep_json_is_400(server):
    body = b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    status, answer = server.json("/api/extract", method="POST", body=body, headers={"Content-Type": "application/json"})
    assert status == 400 and "nested too deeply" in answer["error"]["message"]


def test_bc_dates_are_accepted_in_from_and_to(server):
    status, every = server.json("/api/events?dated=yes&limit=1000")
    assert status == 200 and every["items"]
    status, after = server.json("/api/events?from=-0043-03-15&limit=1000")
    assert status == 200 and [e["id"] for e in after["items"]] == [e["id"] for e in every["items"]]
    status, before = server.json("/api/events?to=-0043-03-15&limit=1000")  # only events with an open start
    assert status == 200 and all(e["time"]["earliest"] is None for e in before["items"])
    assert len(before["items"]) < len(every["items"])


def test_clients_that_disconnect_leave_no_traceback_in_the_log(corpus_db, capfd):
    from web_support import Running

    running = Running(corpus_db["path"])
    running.server.app.settings.quiet = False
    try:
        for _ in range(30):
            sock = socket.create_connection(_address(running.url), timeout=10)
            sock.sendall(b"GET /api/events?limit=1000 HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            sock.close()  # a reset, before the answer is read
        time.sleep(1.0)
        assert running.json("/api/documents")[0] == 200
    finally:
        running.stop()
    err = capfd.readouterr().err
    assert "Traceback" not in err and "BrokenPipe" not in err and "ConnectionReset" not in err
    assert '"GET /api/documents HTTP/1.1" 200' in err  # the log itself is still written


# --- the paste analyser ----------------------------------------------------------------------

def test_a_paste_over_its_time_limit_kills_its_analysing_process(monkeypatch):
    from letopis.web import analyser

    started: list[analyser._Worker] = []
    real = analyser._Worker

    def recorded():
        worker = real()
        started.append(worker)
        return worker

    monkeypatch.setattr(analyser, "_Worker", recorded)
    extractor = analyser.Extractor(timeout=1.0, max_bytes=1 << 20)
    try:
        with pytest.raises(analyser.ApiError) as refused:
            extractor.run("В 1812 году Наполеон вошёл в Москву. " * 2000, "long.txt", None)
        assert refused.value.status == 504
        assert len(started) == 1 and not started[0].process.is_alive()  # stopped, not left running
        assert extractor.killed == 1
    finally:
        extractor.close()


def test_pastes_beyond_the_waiting_room_get_503_at_once():
    from letopis.web import analyser
    from letopis.web.http import ApiError

    extractor = analyser.Extractor(timeout=30, max_bytes=1 << 20, waiting=0)
    extractor._turn.acquire()  # a text is being analysed
    try:
        extractor._queued = 1  # and one waits for its turn
        began = time.monotonic()
        with pytest.raises(ApiError) as refused:
            extractor.run("текст", "t.txt", None)
        assert refused.value.status == 503 and time.monotonic() - began < 1
    finally:
        extractor._turn.release()
        extractor.close()


@pytest.mark.parametrize("body", [b"[" * 100_000 + b"]" * 100_000, b'{"id": "\\udc00"}'], ids=["deep", "surrogate"])
def test_a_merge_correction_with_deep_or_surrogate_json_is_400(writable_server, body):
    """Found by the API fuzzer (test_web_fuzz.py): the correction endpoints parsed JSON on their own."""
    for path in ("/api/merge/undo", "/api/merge/force"):
        status, answer = writable_server.json(path, method="POST", body=body, headers={"Content-Type": "application/json"})
        assert status == 400, (path, answer)
