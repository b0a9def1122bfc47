"""Helpers the viewer's tests share: a server on a free port and screenshots.

A module of its own (not the conftest), so that `from web_support import ...` finds this
file whichever other test folder's conftest was imported first.
"""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"


class Running:
    """A server on a free loopback port, serving in a thread."""

    def __init__(self, db: Path | None, **settings):
        from letopis.store import open_store
        from letopis.web import Settings, make_server, url_of
        from letopis.web.corpus import file_stamp

        opener = (lambda: open_store(db, readonly=not settings.get("writable", False))) if db else None
        self.server = make_server(opener, "127.0.0.1", 0, Settings(quiet=True, **settings), file_stamp(db) if db else None)
        self.url = url_of(self.server).rstrip("/")
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def request(self, path: str, *, method: str = "GET", body: bytes | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        request = urllib.request.Request(self.url + path, data=body, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def json(self, path: str, **kwargs) -> tuple[int, dict]:
        status, _, body = self.request(path, **kwargs)
        return status, json.loads(body)

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
