"""The viewer turns the store's own errors into responses; it never sees SQLite's."""

from __future__ import annotations

import json

import pytest

from letopis.errors import StoreError
from letopis.web import Settings
from letopis.web.http import Request
from letopis.web.server import App


class BrokenStore:
    def documents(self):
        raise StoreError("the corpus cannot be read (database is locked)")

    def close(self):
        pass


@pytest.mark.parametrize("path, status", [("/api/documents", 503), ("/api/nothing", 404)])
def test_a_store_error_is_a_503_with_its_message(path, status):
    app = App(BrokenStore, Settings(quiet=True))
    response = app.respond(Request("GET", path, {}, {"host": "127.0.0.1"}))
    assert response.status == status
    if status == 503:
        assert json.loads(response.body)["error"]["message"] == "the corpus cannot be read (database is locked)"
