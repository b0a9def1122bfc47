"""Documents analysed once per session by the real pipeline, and stores filled from them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from store_texts import EXAMPLE, TEXTS


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
def _outcomes() -> dict:
    """Real analyses by `letopis.parallel.analyse_files`, by (text hash, dct, input format)."""
    return {}


def _key(sha256: str, options: dict[str, Any]) -> tuple:
    return sha256, options.get("dct"), options.get("input_format")


@pytest.fixture(scope="session")
def analysed(example_chronology, example_text, texts_dir, _outcomes) -> list[Analysed]:
    """The example and the short texts, each a one-document chronology (document id d1)."""
    from letopis.ingest import read
    from letopis.parallel import analyse_files

    docs = [Analysed("examples/paris-1944.txt", EXAMPLE, example_text, example_chronology.to_dict())]
    paths = [texts_dir / name for name in TEXTS]
    for path, outcome in zip(paths, analyse_files([str(p) for p in paths])):
        assert outcome.ok, outcome.error
        _outcomes[_key(read(path).sha256, {})] = outcome
        docs.append(Analysed(str(path), path, outcome.text, outcome.chronology))
    return docs


@pytest.fixture
def store(tmp_path, analysed):
    """A fresh corpus holding the four documents (d1 is the example)."""
    from letopis.store import open_store

    with open_store(tmp_path / "corpus.db") as corpus:
        for doc in analysed:
            corpus.add_document(doc.source, doc.text, doc.chronology)
        yield corpus


@pytest.fixture
def analyse_once(monkeypatch, _outcomes, analysed):
    """`letopis ingest` runs the real pipeline on each distinct text once per session.

    `letopis.parallel.analyse_files` is wrapped so a text analysed before (same hash, same
    options) gets its earlier outcome, with the new file name; anything else, bad files
    included, goes to the real function.
    """
    import dataclasses

    from letopis import parallel
    from letopis.errors import LetopisError
    from letopis.ingest import read

    real = parallel.analyse_files

    def analyse_files(names, **options):
        for name in names:
            try:
                key = _key(read(name).sha256, options)
            except LetopisError:
                key = None
            if key is None or key not in _outcomes:
                outcome = next(iter(real([name], **options)))
                if key is None or not outcome.ok:
                    yield outcome
                    continue
                _outcomes[key] = outcome
            cached = _outcomes[key]
            chronology = dict(cached.chronology, documents=[dict(cached.chronology["documents"][0], source=name)])
            yield dataclasses.replace(cached, name=name, chronology=chronology)

    monkeypatch.setattr(parallel, "analyse_files", analyse_files)
