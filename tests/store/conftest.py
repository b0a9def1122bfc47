"""Documents analysed once per session by the real pipeline, and stores filled from them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "paris-1944.txt"

# Short Russian texts beside the bundled example: a second account of Paris in August 1944
# (de Gaulle and Paris recur, so corpus entities must merge), and two unrelated ones.
TEXTS = {
    "brest.txt": "3 марта 1918 года в Брест-Литовске был подписан мирный договор. Договор подписал "
                 "Григорий Сокольников. Через неделю правительство переехало в Москву.\n",
    "degaulle.txt": "25 августа 1944 года генерал Шарль де Голль прибыл в Париж. На следующий день де Голль "
                    "прошёл по Елисейским полям во главе колонны. Забастовки в городе продолжались до конца месяца.\n",
    "ivanovo.txt": "Весной 1905 года в Иваново-Вознесенске началась забастовка текстильщиков. Рабочие требовали "
                   "восьмичасового рабочего дня. В июне полиция арестовала Фёдора Афанасьева в Иваново-Вознесенске.\n",
}


@dataclass(frozen=True)
class Analysed:
    source: str
    path: Path
    text: str
    chronology: dict[str, Any]


@pytest.fixture(scope="session")
def texts_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("texts")
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def analysed(example_chronology, example_text, texts_dir, analyse) -> list[Analysed]:
    """The example and the short texts, each a one-document chronology (document id d1)."""
    from letopis.chronology import build

    docs = [Analysed("examples/paris-1944.txt", EXAMPLE, example_text, example_chronology.to_dict())]
    for name in TEXTS:
        path = texts_dir / name
        text = path.read_text(encoding="utf-8")
        docs.append(Analysed(str(path), path, text, build([analyse(text, source=str(path))]).to_dict()))
    return docs


@pytest.fixture
def store(tmp_path, analysed):
    """A fresh corpus holding the four documents (d1 is the example)."""
    from letopis.store import open_store

    with open_store(tmp_path / "corpus.db") as corpus:
        for doc in analysed:
            corpus.add_document(doc.source, doc.text, doc.chronology)
        yield corpus
