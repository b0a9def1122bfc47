"""The shipped NER tagger: loads offline, finds typed spans in Russian sentences."""

from __future__ import annotations

import pytest

from letopis.doc import Doc
from letopis.ner import recognize
from letopis.ner.combine import Policy, combine
from letopis.ner.labels import CONTRACT, LAYERS
from letopis.ner.model import WEIGHTS, Tagger, viterbi
from letopis.ner.rules import function_words_only
from letopis.stages.ner import NERStage
from letopis.stages.segment import SegmentStage

CONTRACT_TYPES = {"PERSON", "ORGANIZATION", "LOCATION", "FACILITY", "GROUP", "PROFESSION"}


def mentions(text: str) -> set[tuple[str, str, str | None]]:
    doc = NERStage()(SegmentStage()(Doc(id="t", text=text)))
    return {(m.text, m.type, m.subtype) for m in doc.mentions}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Шарль де Голль выступил с речью в Париже.", {("Шарль де Голль", "PERSON", None), ("Париже", "LOCATION", "CITY")}),
        ("Владимир Путин провёл переговоры с президентом Франции.", {("Владимир Путин", "PERSON", None), ("Франции", "LOCATION", "COUNTRY")}),
        ("Министерство обороны России сообщило об учениях.", {("Министерство обороны России", "ORGANIZATION", None)}),
        ("Он родился в Московской области.", {("Московской области", "LOCATION", "REGION")}),
        ("Немцы отступили к Сене.", {("Немцы", "GROUP", "NATIONALITY")}),
        ("Министр иностранных дел Сергей Лавров прилетел в Берлин.", {("Сергей Лавров", "PERSON", None), ("Берлин", "LOCATION", "CITY")}),
    ],
)
def test_finds_typed_spans(text: str, expected: set[tuple[str, str, str | None]]) -> None:
    assert expected <= mentions(text)


@pytest.mark.parametrize(
    "text, outer, inner",
    [
        ("Комитет освобождения Парижа призвал к восстанию.", ("Комитет освобождения Парижа", "ORGANIZATION"), ("Парижа", "LOCATION")),
        ("Посольство США опровергло сообщения.", ("Посольство США", "ORGANIZATION"), ("США", "LOCATION")),
    ],
)
def test_spans_nest(text: str, outer: tuple[str, str], inner: tuple[str, str]) -> None:
    found = {(text_, kind) for text_, kind, _ in mentions(text)}
    assert outer in found and inner in found


def test_offsets_point_into_the_text() -> None:
    text = "В 1944 году генерал Леклерк вошёл в Париж."
    doc = NERStage()(SegmentStage()(Doc(id="t", text=text)))
    assert doc.mentions
    for m in doc.mentions:
        assert text[m.start : m.end] == m.text
        assert m.source == "ner"


@pytest.mark.parametrize("layer", LAYERS, ids=lambda layer: layer.name)
def test_every_layer_maps_to_a_contract_type(layer) -> None:
    for kind in layer.classes:
        assert CONTRACT[kind][0] in CONTRACT_TYPES


def test_weights_ship_in_the_package() -> None:
    assert WEIGHTS.is_file() and WEIGHTS.stat().st_size < 5_000_000
    assert WEIGHTS.with_suffix(".json").is_file()
    Tagger(WEIGHTS)  # loads from disk, no download


def test_empty_input() -> None:
    assert recognize([], [], []) == []
    assert mentions("") == set()


def test_viterbi_never_starts_inside_a_span() -> None:
    import numpy as np

    tags = ("O", "B-X", "I-X")
    scores = np.log(np.array([[[0.1, 0.1, 0.8], [0.1, 0.1, 0.8]]], dtype=np.float32))
    path = viterbi(scores, np.array([2]), tags)[0].tolist()
    assert path[0] != 2


@pytest.mark.parametrize(
    "text, word",
    [
        ("Немцы отступили к Сене, а парижские полицейские начали забастовку.", "Немцы"),
        ("Американцы и французы вошли в город.", "французы"),
        ("Двое россиян пострадали при землетрясении.", "россиян"),
    ],
)
def test_nationality_nouns_are_groups(text: str, word: str) -> None:
    assert (word, "GROUP", "NATIONALITY") in mentions(text)


@pytest.mark.parametrize("text", ["Один немец остался в городе.", "Американец выиграл гонку."])
def test_a_singular_nationality_noun_is_not_a_group(text: str) -> None:
    assert not [m for m in mentions(text) if m[1] == "GROUP"]


def test_tagger_spans_carry_a_probability() -> None:
    words = [["Шарль", "де", "Голль", "выступил", "в", "Париже", "."]]
    spans = Tagger(WEIGHTS)(words, [[0] * len(words[0])])[0]
    assert spans
    for first, last, kind, confidence in spans:
        assert 0 <= first < last <= len(words[0])
        assert 0.0 < confidence <= 1.0


def _at(text: str, part: str, kind: str, *extra):
    start = text.index(part)
    return (start, start + len(part), kind, *extra)


TEXT = "Власти Мальты и Италии спорили четыре дня, пока судно стояло у берегов Сицилии."


@pytest.mark.parametrize(
    "tagged, theirs, policy, kept",
    [
        # natasha confirms the place: kept however unsure the tagger is
        ([_at(TEXT, "Мальты", "COUNTRY", 0.2)], [_at(TEXT, "Мальты", "LOCATION")], Policy(alone={"LOC": 0.4}), ["Мальты"]),
        # natasha does not see it and the tagger is unsure: dropped
        ([_at(TEXT, "Власти Мальты", "ORGANIZATION", 0.3)], [], Policy(alone={"ORG": 0.4}), []),
        # natasha does not see it and the tagger is sure: kept
        ([_at(TEXT, "Власти Мальты", "ORGANIZATION", 0.9)], [], Policy(alone={"ORG": 0.4}), ["Власти Мальты"]),
        # a place natasha alone finds is added when the policy says so, not otherwise
        ([], [_at(TEXT, "Сицилии", "LOCATION")], Policy(natasha_alone=frozenset({"LOC"})), ["Сицилии"]),
        ([], [_at(TEXT, "Сицилии", "LOCATION")], Policy(), []),
        # ... but never over a span the tagger gave another named type
        ([_at(TEXT, "Италии", "ORGANIZATION", 0.9)], [_at(TEXT, "Италии", "LOCATION")],
         Policy(natasha_alone=frozenset({"LOC"})), ["Италии"]),
    ],
)
def test_combine(tagged, theirs, policy, kept) -> None:
    out = combine(tagged, theirs, policy)
    assert sorted(TEXT[a:b] for a, b, _, _ in out) == sorted(kept)
    if tagged and kept:
        assert {kind for _, _, kind, _ in out} == {tagged[0][2]}


@pytest.mark.parametrize(
    "text, place",
    [
        ("В Екатеринбурге открылся памятник первому президенту России Борису Николаевичу Ельцину.", "России"),
        ("Рабочая группа нашла масляные пятна в устье реки Славянки.", "Славянки"),
    ],
)
def test_places_inside_titles_and_rare_rivers_are_found(text: str, place: str) -> None:
    assert place in {t for t, kind, _ in mentions(text) if kind == "LOCATION"}



@pytest.mark.parametrize(
    "words, expected",
    [
        (["The"], True),
        (["de", "la"], True),
        (["The", "Right", "Move"], False),
        (["Right", "Move"], False),
        (["Дом"], False),
        (["van", "Gogh"], False),
    ],
)
def test_a_span_of_foreign_function_words_alone_is_not_a_name(words: list[str], expected: bool) -> None:
    assert function_words_only(words) is expected


def test_long_sentences_go_in_smaller_batches_with_the_same_spans() -> None:
    from letopis.ner import model

    sentence = "Генерал Жак Шабан-Дельмас вернулся в Париж , и Комитет освобождения Парижа объявил забастовку ,".split()
    short = [sentence[:6]] * 70
    long = [sentence * 12] * 10  # 180 words each
    words = short + long
    tags = [[0] * len(w) for w in words]
    tagger = model.Tagger(WEIGHTS)
    padded: list[int] = []
    batch = tagger._batch

    def recording(chunk_words, chunk_tags):
        padded.append(len(chunk_words) * max(len(w) for w in chunk_words))
        return batch(chunk_words, chunk_tags)

    tagger._batch = recording
    spans = tagger(words, tags)
    assert max(padded) <= model.BATCH_TOKENS  # long sentences: fewer per pass
    assert len(padded) > 2
    alone = model.Tagger(WEIGHTS)
    for i in (0, len(words) - 1):  # as tagged alone, up to float rounding of the confidence
        by_itself = alone([words[i]], [tags[i]])[0]
        assert [s[:3] for s in spans[i]] == [s[:3] for s in by_itself]
        assert [s[3] for s in spans[i]] == pytest.approx([s[3] for s in by_itself], abs=1e-5)
    assert any(kind == "PERSON" for _, _, kind, _ in spans[-1])


@pytest.mark.parametrize("seed", range(5))
def test_natasha_spans_found_by_offset_are_those_a_scan_finds(seed):
    import random

    from letopis.ner import _SpanIndex

    rng = random.Random(seed)
    spans, at = [], 0
    for _ in range(300):
        at += rng.randrange(0, 30)
        length = rng.randrange(1, 40)
        spans.append((at, at + length, rng.choice(("PERSON", "LOCATION"))))
    spans.sort()
    index = _SpanIndex(spans)
    for _ in range(200):
        start = rng.randrange(0, at + 50)
        end = start + rng.randrange(1, 80)
        assert index.overlapping(start, end) == [s for s in spans if s[0] < end and start < s[1]]
