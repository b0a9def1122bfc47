"""The indexes over a Doc (`letopis.index`): built once, answering like the plain scans."""

from __future__ import annotations

import pytest

import letopis
from letopis import index
from letopis.doc import Doc, Sentence, Token
from letopis.syntax_tree import child_map, children, highest_head, span_head


@pytest.fixture(scope="module")
def doc() -> Doc:
    return letopis.analyse("19 августа 1944 года в Париже началось восстание. Немцы отступили к Сене.")


def test_the_tree_of_a_doc_is_built_once(doc) -> None:
    assert index.tree(doc) is index.tree(doc)
    assert index.tree(doc).of_sentence(0) is index.tree(doc).of_sentence(0)
    assert all(index.tree(doc)(i) == children(doc, i) for i in range(len(doc.tokens)))
    assert all(index.tree(doc).of_sentence(s) == child_map(doc, s) for s in range(len(doc.sentences)))


@pytest.mark.parametrize("phrase, cut, inside, overlapping", [
    ("Париже", 0, ["Париже"], ["Париже"]),
    ("Париже", 2, [], ["Париже"]),  # a span that starts inside a word
    ("в Париже", 0, ["в", "Париже"], ["в", "Париже"]),
])
def test_tokens_inside_and_overlapping_a_span(doc, phrase, cut, inside, overlapping) -> None:
    start = doc.text.index(phrase) + cut
    end = doc.text.index(phrase) + len(phrase)
    assert [doc.tokens[i].text for i in index.tokens_inside(doc, start, end)] == inside
    assert [doc.tokens[i].text for i in index.tokens_overlapping(doc, start, end)] == overlapping


def _tokens(heads: list[int]) -> Doc:
    doc = Doc("d", "a b c")
    doc.tokens = [Token(2 * i, 2 * i + 1, "abc"[i], 0, head=h) for i, h in enumerate(heads)]
    doc.sentences = [Sentence(0, 5, 0, 3)]
    return doc


def test_the_first_and_the_highest_head_of_a_span() -> None:
    # token 0 hangs on 2, which is outside the span [0, 1]; 1 is the root: both lead out.
    doc = _tokens([2, -1, 1])
    assert span_head(doc, [0, 1]) == 0
    assert highest_head(doc, [0, 1]) == 1
    assert highest_head(doc, []) is None


def test_new_heads_are_not_answered_from_the_old_tree() -> None:
    doc = _tokens([1, -1, 1])
    assert index.tree(doc)(1) == [0, 2]
    doc.tokens[2].head = 0
    index.forget(doc)  # as the syntax stage does once it has set the heads
    assert index.tree(doc)(1) == [0]


def test_another_doc_gets_its_own_index() -> None:
    first, second = _tokens([1, -1, 1]), _tokens([-1, 0, 0])
    assert index.tree(first)(1) == [0, 2]
    assert index.tree(second)(0) == [1, 2]
    assert index.tree(first)(1) == [0, 2]
