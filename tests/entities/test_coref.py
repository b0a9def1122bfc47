"""Pronouns and zero subjects linked to the persons, organisations and groups they stand for."""

from __future__ import annotations

import pytest

from entities_support import entity_named, tokens_of, word_start
from letopis.entities.coref import subject_of

PRONOUNS = [
    # «изданный им»: the agent of a participle phrase is the person of the previous sentence
    ("Это радовало полковника Анри Роль-Танги. Призыв к мобилизации, изданный им в начале августа, ускорил восстание.",
     "им", "Анри Роль-Танги"),
    ("Генерал Жак Шабан-Дельмас считал восстание неизбежным. Отправившись в Лондон, он просил командование о помощи.",
     "он", "Жак Шабан-Дельмас"),
    ("Анна Ахматова вернулась в Ленинград. Она жила на Фонтанке.", "Она", "Анна Ахматова"),
    # gender decides between two people
    ("Жорж Бидо встретил Анну Ахматову. Она рассказала ему о войне.", "Она", "Анна Ахматова"),
    ("Жорж Бидо встретил Анну Ахматову. Она рассказала ему о войне.", "ему", "Жорж Бидо"),
    # number decides between a person and a people
    ("Немцы арестовали Жоржа Бидо. Они опасались восстания.", "Они", "немцы"),
    ("Полковник Анри Роль-Танги, который командовал отрядами, объявил мобилизацию.", "который", "Анри Роль-Танги"),
    ("Шарль де Голль прибыл в Лондон. По его словам, Франция не проиграла войну.", "его", "Шарль де Голль"),
]


@pytest.mark.parametrize("text, pronoun, name", PRONOUNS)
def test_pronoun_links(analysed, text, pronoun, name):
    doc = analysed(text)
    start = word_start(doc, pronoun)
    links = [m for m in doc.mentions if m.source == "pronoun" and m.start == start]
    assert links, [(m.text, m.entity) for m in doc.mentions if m.source == "pronoun"]
    entity = entity_named(doc, name)
    assert links[0].entity == entity.id
    assert links[0].evidence
    assert doc.mentions.index(links[0]) in entity.mentions


@pytest.mark.parametrize(
    "text, pronoun",
    [
        ("Восстание началось утром. Оно было обречено.", "Оно"),  # no person or organisation to stand for
        ("Жорж Бидо приехал в Париж. Она ждала его на вокзале.", "Она"),  # no woman named
    ],
)
def test_pronouns_left_alone(analysed, text, pronoun):
    doc = analysed(text)
    start = word_start(doc, pronoun)
    assert not [m for m in doc.mentions if m.source == "pronoun" and m.start == start]


SUBJECTS = [
    # the subject of a gerund clause is the main clause's subject, through the pronoun
    ("Генерал Жак Шабан-Дельмас считал восстание неизбежным. Отправившись в Лондон, он просил командование о помощи.",
     "Отправившись", "Жак Шабан-Дельмас"),
    ("Вернувшись в Париж, Жак Шабан-Дельмас обнаружил плакаты.", "Вернувшись", "Жак Шабан-Дельмас"),
    ("Вернувшись в Париж, Жак Шабан-Дельмас обнаружил плакаты.", "обнаружил", "Жак Шабан-Дельмас"),
    # coordinated verbs share a subject
    ("Анна Ахматова вернулась в Ленинград и поселилась на Фонтанке.", "поселилась", "Анна Ахматова"),
    # a title in subject position stands for the name in apposition to it
    ("Генерал Эйзенхауэр направил поддержку.", "направил", "Эйзенхауэр"),
]


@pytest.mark.parametrize("text, verb, name", SUBJECTS)
def test_subject_of(analysed, text, verb, name):
    doc = analysed(text)
    found = subject_of(doc, tokens_of(doc, verb)[0])
    assert found is not None
    entity_id, evidence = found
    assert entity_id == entity_named(doc, name).id
    assert evidence


def test_zero_subject_continues_the_previous_sentence(analysed):
    doc = analysed("Жорж Бидо вернулся в Париж. Вечером встретился с полковником.")
    found = subject_of(doc, tokens_of(doc, "встретился")[0])
    assert found is not None and found[0] == entity_named(doc, "Жорж Бидо").id
    assert "previous sentence" in found[1]
    assert any(t["rule"] == "coref.zero_subject" for t in doc.trace)


def test_zero_subject_must_agree(analysed):
    doc = analysed("Жорж Бидо вернулся в Париж. Вечером встретилась с полковником.")
    assert subject_of(doc, tokens_of(doc, "встретилась")[0]) is None
