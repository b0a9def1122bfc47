"""One corpus, one server and one browser for the whole session of web tests.

The corpus is the bundled example and a document full of markup, both analysed by the
real pipeline and stored through the store API in a temporary database.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from web_support import ARTIFACTS, Running, shot  # noqa: F401 - shared with the test modules

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "paris-1944.txt"
CHROMIUM = "/usr/bin/chromium"
# Markup inside a document is text: the viewer must show it, never run it.
HOSTILE = ("19 августа 1944 года <script>window.__pwned = 1</script> генерал Леклерк вошёл в Париж. "
           '<img src=x onerror="window.__pwned = 2"> Через день <b>Шабан-Дельмас</b> вернулся в Лондон.')


def _analysed(text: str, source: str) -> dict:
    import letopis
    from letopis.chronology import build

    return build([letopis.analyse(text, source=source)]).to_dict()


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory, example_doc) -> dict:
    """A stored corpus: {"path": db file, "example": doc id, "hostile": doc id}."""
    from letopis.chronology import build
    from letopis.store import open_store

    path = tmp_path_factory.mktemp("web") / "corpus.db"
    with open_store(path) as store:
        ids = {
            "example": store.add_document(example_doc.source, example_doc.text, build([example_doc]).to_dict()),
            "hostile": store.add_document("hostile.html.txt", HOSTILE, _analysed(HOSTILE, "hostile.html.txt")),
        }
    return {"path": path, **ids}


@pytest.fixture(scope="session")
def server(corpus_db):
    running = Running(corpus_db["path"], timeout=120, max_upload=1024 * 1024)
    yield running
    running.stop()


@pytest.fixture(scope="session")
def writable_server(corpus_db, tmp_path_factory):
    copy = tmp_path_factory.mktemp("writable") / "corpus.db"
    shutil.copy(corpus_db["path"], copy)
    running = Running(copy, writable=True, timeout=120)
    yield running
    running.stop()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright; never a downloaded browser."""
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing in CI; `make test` installs it (apt-get install -y chromium)")
        pytest.skip(f"{CHROMIUM} is missing; install it with: sudo apt-get update && sudo apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page that fails the test on any script error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    # A Content-Security-Policy violation or a missing asset shows as a console error.
    tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    tab.errors = errors
    yield tab
    context.close()
    assert not errors, f"script errors on the page: {errors}"


# --- a corpus of several accounts of the same events (the cross-document layer) -----------

FIXTURES = ROOT / "tests" / "corpus" / "fixtures"


@pytest.fixture(scope="session")
def sources_db(tmp_path_factory, analyse) -> Path:
    """The corpus fixtures (accounts that agree, that disagree on a date, on a figure)
    analysed by the real pipeline and stored as `letopis ingest` does, with the corpus
    layer built."""
    from letopis.chronology import build
    from letopis.corpus import rebuild
    from letopis.store import open_store

    path = tmp_path_factory.mktemp("sources") / "sources.db"
    with open_store(path) as store:
        for text_path in sorted(FIXTURES.glob("*.txt")):
            text = text_path.read_text(encoding="utf-8")
            store.add_document(text_path.name, text, build([analyse(text, source=text_path.name)]).to_dict())
        rebuild(store)
    return path


@pytest.fixture(scope="session")
def sources_server(sources_db):
    running = Running(sources_db)
    yield running
    running.stop()


@pytest.fixture
def sources_writable(sources_db, tmp_path):
    """A writable server over a fresh copy of the sources corpus (corrections change it)."""
    copy = tmp_path / "sources.db"
    shutil.copy(sources_db, copy)
    running = Running(copy, writable=True)
    yield running
    running.stop()


# --- a corpus of many centuries (52 BC to 2015): the exploration page and the timeline's axis --

CENTURIES = ROOT / "tests" / "web" / "fixtures"


@pytest.fixture(scope="session")
def centuries_db(tmp_path_factory, example_doc, analyse) -> Path:
    """The bundled example (Paris, 1944) and short accounts from Alesia (52 BC) to Paris
    (2015), analysed by the real pipeline and stored with the corpus layer built."""
    from letopis.chronology import build
    from letopis.corpus import rebuild
    from letopis.store import open_store

    path = tmp_path_factory.mktemp("centuries") / "centuries.db"
    with open_store(path) as store:
        store.add_document(example_doc.source, example_doc.text, build([example_doc]).to_dict())
        for text_path in sorted(CENTURIES.glob("*.txt")):
            text = text_path.read_text(encoding="utf-8")
            store.add_document(text_path.name, text, build([analyse(text, source=text_path.name)]).to_dict())
        rebuild(store)
    return path


@pytest.fixture(scope="session")
def centuries_server(centuries_db):
    running = Running(centuries_db)
    yield running
    running.stop()
