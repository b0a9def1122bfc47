"""Helpers shared by the entity tests."""

from __future__ import annotations

from letopis.doc import Doc
from letopis.index import tokens_inside


def tokens_of(doc: Doc, phrase: str, occurrence: int = 0) -> list[int]:
    """Token indices of the `occurrence`-th appearance of `phrase` in the text."""
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(phrase, start + 1)
    return tokens_inside(doc, start, start + len(phrase))


def entity_named(doc: Doc, name: str):
    for entity in doc.entities:
        if entity.name == name or name in entity.aliases:
            return entity
    raise AssertionError(f"no entity {name!r}; have {[e.name for e in doc.entities]}")


def mention_at(doc: Doc, text: str, occurrence: int = 0):
    found = [m for m in doc.mentions if m.text == text]
    assert len(found) > occurrence, f"no mention {text!r}; have {[m.text for m in doc.mentions]}"
    return found[occurrence]


def word_start(doc: Doc, word: str) -> int:
    """Start offset of the first token that is exactly `word`."""
    for token in doc.tokens:
        if token.text == word:
            return token.start
    raise AssertionError(f"no token {word!r}")
