import pytest

from letopis.doc import Doc
from letopis.pipeline import Pipeline
from letopis.stages.morph import MorphStage
from letopis.stages.segment import MAX_TOKENS, SegmentStage
from letopis.stages.syntax import SyntaxStage

SEGMENT = Pipeline([SegmentStage()])
PARSE = Pipeline([SegmentStage(), MorphStage(), SyntaxStage()])


@pytest.mark.parametrize(
    "text, sentences",
    [
        ("6 июня 1944 года началась высадка в Нормандии. Это событие ознаменовало начало освобождения.", 2),
        ("Генерал Ж. Шабан-Дельмас вернулся в Париж. Он узнал о забастовке.", 2),
        ("В 1812 г. армия Наполеона вошла в Москву; пожар начался в ту же ночь.", 1),
        ("«Марсельезу» пели на улицах! Полиция не вмешивалась?", 2),
        ("Без точки в конце", 1),
    ],
)
def test_sentences_and_tokens_cover_the_text(text, sentences):
    doc = SEGMENT(Doc("d1", text))
    assert len(doc.sentences) == sentences
    for token in doc.tokens:
        assert doc.text[token.start : token.end] == token.text
        sent = doc.sentences[token.sent]
        assert sent.start <= token.start and token.end <= sent.end
    assert sum(s.last - s.first for s in doc.sentences) == len(doc.tokens)


@pytest.mark.parametrize("text", ["", "   \n\t", "..."])
def test_degenerate_texts_do_not_break_segmentation(text):
    doc = SEGMENT(Doc("d1", text))
    assert all(s.first < s.last for s in doc.sentences)


@pytest.mark.parametrize(
    "text, word, lemma, pos",
    [
        ("Немцы запретили все праздничные демонстрации.", "запретили", "запретить", "VERB"),
        ("Призыв к мобилизации ускорил процесс восстания.", "мобилизации", "мобилизация", "NOUN"),
        ("Отправившись в Лондон, он просил о помощи.", "Отправившись", "отправиться", "VERB"),
        ("Войска вошли в столицу Франции.", "столицу", "столица", "NOUN"),
    ],
)
def test_morphology_gives_lemma_and_part_of_speech(text, word, lemma, pos):
    doc = PARSE(Doc("d1", text))
    token = next(t for t in doc.tokens if t.text == word)
    assert (token.lemma, token.pos) == (lemma, pos)


@pytest.mark.parametrize(
    "text, dependent, head, rel",
    [
        ("Немцы запретили все праздничные демонстрации.", "Немцы", "запретили", "nsubj"),
        ("Немцы запретили все праздничные демонстрации.", "демонстрации", "запретили", "obj"),
        ("Вечером армия вошла в город.", "город", "вошла", "obl"),
    ],
)
def test_syntax_heads_point_inside_the_sentence(text, dependent, head, rel):
    doc = PARSE(Doc("d1", text))
    token = next(t for t in doc.tokens if t.text == dependent)
    assert doc.tokens[token.head].text == head
    assert token.rel == rel


def test_very_long_sentence_is_parsed_in_windows_with_heads_inside_them():
    text = ", ".join(["солдаты шли вперёд"] * 200) + "."
    doc = PARSE(Doc("d1", text))
    assert 1 < len(doc.sentences) <= 2 * len(doc.tokens) // MAX_TOKENS + 1  # cut at the commas, a bounded length
    assert all(doc.text[s.end - 1] == "," for s in doc.sentences[:-1])
    for index, token in enumerate(doc.tokens):
        assert token.head == -1 or abs(token.head - index) < 120


@pytest.mark.parametrize(
    "text, sentences",
    [
        # a title without a full stop, then its paragraph: a blank line ends a sentence
        ("Комендантского часа не будет\n\nВласти Таиланда отменили решение.",
         ["Комендантского часа не будет", "Власти Таиланда отменили решение."]),
        # lines that are titles and captions: a single line break ends a sentence
        ("Итальянский суд приговорил солдата\nГород Павия, откуда родом журналист\nСуд в Италии вынес приговор.",
         ["Итальянский суд приговорил солдата", "Город Павия, откуда родом журналист", "Суд в Италии вынес приговор."]),
        # a text wrapped at a fixed width keeps its sentences across lines
        ("Суд в Италии приговорил бойца Виталия\nМаркива к 24 годам тюрьмы за соучастие\nв убийстве фотографа. Это было вчера.",
         ["Суд в Италии приговорил бойца Виталия\nМаркива к 24 годам тюрьмы за соучастие\nв убийстве фотографа.", "Это было вчера."]),
    ],
)
def test_line_breaks_end_sentences_where_lines_are_paragraphs(text, sentences):
    doc = SEGMENT(Doc("d1", text))
    assert [text[s.start : s.end] for s in doc.sentences] == sentences
    assert sum(s.last - s.first for s in doc.sentences) == len(doc.tokens)


# -- overlong pseudo-sentences (text without punctuation) are cut at a bounded length --------

_UNMARKED = "войска генерала вошли в город и жители встретили их на площади у собора "


@pytest.mark.parametrize(
    "text, rule",
    [
        (_UNMARKED * 60, "limit"),  # nothing to cut at but the limit
        ((_UNMARKED + "Кутузов приказал отступать ") * 40, "capital"),
        ((_UNMARKED + "потом, ") * 40, "punctuation"),
    ],
    ids=["limit", "capital", "punctuation"],
)
def test_unpunctuated_text_is_cut_into_bounded_sentences(text, rule):
    doc = SEGMENT(Doc("d1", text))
    assert len(doc.tokens) > 2 * MAX_TOKENS
    assert all(s.last - s.first <= MAX_TOKENS for s in doc.sentences)
    assert all(s.last - s.first >= MAX_TOKENS // 2 for s in doc.sentences[:-1])
    assert sum(s.last - s.first for s in doc.sentences) == len(doc.tokens)
    for number, sentence in enumerate(doc.sentences):
        assert all(doc.tokens[i].sent == number for i in range(sentence.first, sentence.last))
        assert sentence.start == doc.tokens[sentence.first].start and sentence.end == doc.tokens[sentence.last - 1].end
    assert {note["rule"] for note in doc.trace if note["stage"] == "segment"} == {f"cut_{rule}"}


def test_a_cut_falls_before_a_capital_word():
    doc = SEGMENT(Doc("d1", (_UNMARKED + "Кутузов приказал отступать ") * 40))
    assert all(doc.tokens[s.first].text == "Кутузов" for s in doc.sentences[1:])


def test_a_sentence_of_ordinary_length_is_not_cut():
    text = ", ".join(["полки шли вдоль реки"] * 40) + "."
    doc = SEGMENT(Doc("d1", text))
    assert len(doc.sentences) == 1 and len(doc.tokens) < MAX_TOKENS
