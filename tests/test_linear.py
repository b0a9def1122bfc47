"""The indexes and chunks that keep long documents linear give what the plain scans gave.

Each check runs the real pipeline on real Russian text and compares the fast path with
the straightforward computation it replaced.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import letopis
from letopis.adapters import natasha
from letopis.doc import Relation
from letopis.index import MentionsOver
from letopis.stages.relate import relate
from letopis.syntax_tree import Children, children

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "paris-1944.txt"


@pytest.fixture(scope="module")
def doc():
    return letopis.analyse(EXAMPLE.read_text(encoding="utf-8"))


def test_ner_in_chunks_gives_the_spans_of_one_pass(monkeypatch) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    tagger = natasha._load().ner
    whole = [(s.start, s.stop, natasha._NER_TYPES.get(s.type, s.type)) for s in tagger(text).spans]
    monkeypatch.setattr(natasha, "_NER_CHUNK", 37)  # many chunk borders, some inside names
    chunked = next(iter(natasha.tag_ner([text])))
    assert len(text.split()) > 10 * 37
    assert chunked == whole and whole


def test_ner_of_a_text_without_words() -> None:
    assert next(iter(natasha.tag_ner(["   "]))) == []


def test_children_index_answers_like_children(doc) -> None:
    kids = Children(doc)
    assert all(kids(i) == children(doc, i) for i in range(len(doc.tokens)))


def test_owners_find_the_shortest_mention_like_a_scan(doc) -> None:
    owners = MentionsOver(doc)
    for token in doc.tokens:
        best = None
        for m in doc.mentions:
            if m.entity and m.start <= token.start and token.end <= m.end and (best is None or m.end - m.start < best.end - best.start):
                best = m
        assert owners.shortest_over(token.start, token.end) is best


def test_relate_adds_a_relation_once(doc) -> None:
    first, second = next(  # two neighbouring events the relations stage did not relate
        (a, b) for a, b in zip(doc.events, doc.events[1:])
        if not any({r.source, r.target} == {a.id, b.id} for r in doc.relations)
    )
    before = len(doc.relations)
    doc.relations.append(Relation("cause", first.id, second.id))  # added directly, not through relate
    relate(doc, "cause", first, second, 0, 1, "test")
    relate(doc, "before", second, first, 0, 1, "test")
    relate(doc, "before", second, first, 0, 1, "test")
    added = doc.relations[before:]
    assert [(r.type, r.source, r.target) for r in added] == [("cause", first.id, second.id), ("before", second.id, first.id)]
    del doc.relations[before:]


def test_ner_over_known_tokens_gives_the_spans_of_the_text() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert natasha.tag_ner_tokens(text, natasha.tokens(text)) == next(iter(natasha.tag_ner([text])))


def test_tokens_share_one_dict_per_combination_of_features(doc) -> None:
    nouns = [t for t in doc.tokens if t.feats == {"Animacy": "Inan", "Case": "Nom", "Gender": "Masc", "Number": "Sing"}]
    assert len(nouns) > 1 and len({id(t.feats) for t in nouns}) == 1


def test_an_event_dated_through_the_event_its_timex_names() -> None:
    doc = letopis.analyse("18 августа 1944 года началась всеобщая забастовка. "
                          "На следующий день после начала забастовки полиция захватила префектуру.")
    seized = next(e for e in doc.events if e.trigger.text == "захватила")
    assert (seized.time.earliest, seized.time.latest, seized.time.basis) == ("1944-08-19", "1944-08-19", "relative")
    assert any(t["rule"] == "resolve_event_anchor" for t in doc.trace)


def test_children_index_gives_subtrees_and_missing_heads_like_the_scans(doc) -> None:
    from letopis.syntax_tree import subtree_at

    kids = Children(doc)
    assert kids(-1) == children(doc, -1)
    assert all(kids.subtree(i) == subtree_at(doc, i) for i in range(0, len(doc.tokens), 7))
