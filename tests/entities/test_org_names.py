"""Organisation names: the head noun in the nominative, its genitives kept; an adjective that
shares the noun of coordinated adjectives takes it. Sentences written for the test."""

from __future__ import annotations

import pytest

from letopis.entities.normalise import phrase_normal

from entities_support import tokens_of

HEADS = [
    # (sentence, the name, the word a parser may take for its head, the normal form)
    ("Он отправил три статьи для Кембриджского математического журнала.", "Кембриджского математического журнала",
     "Кембриджского", "Кембриджский математический журнал"),
    ("Доклад прочли на заседании Московского математического общества.", "Московского математического общества",
     "Московского", "Московское математическое общество"),
    ("Письмо пришло из Пражского университета.", "Пражского университета", "Пражского", "Пражский университет"),
]


@pytest.mark.parametrize("text, name, adjective, normal", HEADS)
def test_the_head_noun_goes_to_the_nominative_not_an_adjective(parsed, text, name, adjective, normal):
    doc = parsed(text)
    [head] = tokens_of(doc, adjective)
    assert phrase_normal(doc, tokens_of(doc, name), head=head) == normal


SHARED = [
    # (sentence, the mention, its normal form)
    ("Он преподавал в Московском и Казанском университетах.", "Московском", "Московский университет"),
    # the noun of coordinated adjectives is one institution each: the singular
    ("Он преподавал в Московском и Казанском университетах.", "Казанском университетах", "Казанский университет"),
]


@pytest.mark.parametrize("text, words, normal", SHARED)
def test_coordinated_adjectives_share_their_noun(analysed, text, words, normal):
    doc = analysed(text)
    # a recogniser may also tag the adjective as its city: the organisation is the one to read
    [m] = [m for m in doc.mentions if m.text == words and m.type == "ORGANIZATION"]
    assert m.normal == normal


GLUED = [
    # (rule, sentence, the glued words, the recogniser's type, the parts' texts or None)
    ("acronym_after_name", "Он редактировал Журнал прикладной химии ЖПХ много лет.", "Журнал прикладной химии ЖПХ",
     "ORGANIZATION", ["Журнал прикладной химии", "ЖПХ"]),
    ("acronym_after_name", "Приказ подписал министр обороны РФ вчера.", "министр обороны РФ", "ORGANIZATION", None),
    ("joined_at_conjunction", "Он возглавил бюро Губернского отдела образования и заведующим Научным отделом.",
     "Губернского отдела образования и заведующим Научным отделом", "ORGANIZATION", ["Губернского отдела образования"]),
    ("joined_at_conjunction", "Он служил в Министерстве науки и высшего образования.",
     "Министерстве науки и высшего образования", "ORGANIZATION", None),
    ("word_before_initials", "Книгу выпустило издательство Сфинкс А. Б. Кравцова.", "Сфинкс А. Б. Кравцова",
     "PERSON", ["А. Б. Кравцова"]),
    ("word_before_initials", "Речь произнёс Джон Ф. Кеннеди.", "Джон Ф. Кеннеди", "PERSON", None),
]


@pytest.mark.parametrize("rule, text, words, was, parts", GLUED)
def test_glued_names_come_apart(parsed, rule, text, words, was, parts):
    from letopis.doc import Mention
    from letopis.entities import glued

    doc = parsed(text)
    start = doc.text.index(words)
    m = Mention(start, start + len(words), words, was)
    found = dict(glued.RULES)[rule](doc, m, tokens_of(doc, words))
    assert (None if found is None else [p.text for p in found]) == parts
