"""Short accounts of 1812 that share people and places, so a multi-document chronology
has entities to unify across documents."""

from __future__ import annotations

from pathlib import Path

import pytest

ACCOUNTS = [
    "В июне 1812 года армия Наполеона перешла Неман. Генерал Михаил Барклай-де-Толли приказал отступать к Смоленску.",
    "7 сентября 1812 года у деревни Бородино произошло сражение. Через неделю Кутузов оставил Москву.",
    "Наполеон вошёл в Москву 14 сентября 1812 года. Через месяц французская армия покинула город.",
    "В декабре 1812 года остатки армии Наполеона покинули Россию. Барклай-де-Толли вернулся в армию.",
]


@pytest.fixture(scope="session")
def accounts(tmp_path_factory) -> list[Path]:
    tmp_path = tmp_path_factory.mktemp("accounts")
    paths = []
    for number, text in enumerate(ACCOUNTS, 1):
        path = tmp_path / f"account{number}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="session")
def empty(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("empty") / "empty.txt"
    path.write_bytes(b"")
    return path
