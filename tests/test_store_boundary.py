"""Only `letopis.store` talks to SQLite: every other module calls store methods.

A scan of the sources, so a new `import sqlite3` or `.execute(` outside the store fails here
with the file and line to move into `letopis/store/`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "letopis"
STORE = PACKAGE / "store"
SQL_CALLS = {"execute", "executemany", "executescript"}


def outside_store() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if STORE not in p.parents)


def leaks(path: Path) -> list[str]:
    """Lines of `path` that import sqlite3, run SQL or reach for a store's connection."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "sqlite3" for a in node.names):
            found.append(f"{node.lineno}: import sqlite3")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "sqlite3":
            found.append(f"{node.lineno}: from sqlite3 import")
        elif isinstance(node, ast.Attribute) and node.attr in SQL_CALLS:
            found.append(f"{node.lineno}: .{node.attr}(")
        elif isinstance(node, ast.Attribute) and node.attr in ("connection", "transaction"):
            found.append(f"{node.lineno}: .{node.attr}")
    return found


def test_the_scan_sees_the_package():
    assert len(outside_store()) > 50 and (PACKAGE / "web" / "api.py") in outside_store()


@pytest.mark.parametrize("source, expected", [
    ("import sqlite3\n", ["1: import sqlite3"]),
    ("from sqlite3 import OperationalError\n", ["1: from sqlite3 import"]),
    ("store.connection.execute('SELECT 1')\n", ["1: .execute(", "1: .connection"]),
    ("rows.executemany('INSERT', [])\n", ["1: .executemany("]),
    ("with store.transaction() as c:\n    pass\n", ["1: .transaction"]),
    ("from multiprocessing.connection import wait\nself.close_connection = True\n", []),
])
def test_the_scan_finds_leaks(tmp_path, source, expected):
    path = tmp_path / "module.py"
    path.write_text(source, encoding="utf-8")
    assert sorted(leaks(path)) == sorted(expected)


@pytest.mark.parametrize("path", outside_store(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_sql_outside_the_store(path):
    assert leaks(path) == [], f"{path.relative_to(PACKAGE)}: move this into letopis/store/"
