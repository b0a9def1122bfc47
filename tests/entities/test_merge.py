"""One entity per referent, within a document and across documents."""

from __future__ import annotations

import pytest

from entities_support import entity_named
from letopis.entities.merge import acronym_of, name_suffix, unify


@pytest.mark.parametrize(
    "short, full, same",
    [
        ("Шабан-Дельмас", "Жак Шабан-Дельмас", True),
        ("де Голль", "Шарль де Голль", True),
        ("Ш. де Голль", "Шарль де Голль", True),
        ("Ахматова", "Анна Андреевна Ахматова", True),
        ("Анна Ахматова", "Анна Андреевна Ахматова", True),
        ("А. А. Ахматова", "Анна Андреевна Ахматова", True),
        ("Жорж Бидо", "Жорж Помпиду", False),
        ("Пётр Иванов", "Иван Петрович Иванов", False),
        ("Бидо", "Бидо", False),  # the same name is matched by the same-name rule, not this one
    ],
)
def test_name_suffix(short, full, same):
    assert name_suffix(short, full) is same


@pytest.mark.parametrize(
    "short, full, same",
    [
        ("НСС", "Национальный Совет Сопротивления", True),
        ("ООН", "Организация Объединённых Наций", True),
        ("МИД", "Министерство иностранных дел", True),
        ("США", "Национальный Совет Сопротивления", False),
        ("Совет", "Национальный Совет Сопротивления", False),
    ],
)
def test_acronym(short, full, same):
    assert acronym_of(short, full) is same


MERGED = [
    ("Генерал Жак Шабан-Дельмас вернулся в Париж. Шабан-Дельмас обнаружил плакаты.",
     "Жак Шабан-Дельмас", ["Жак Шабан-Дельмас", "Шабан-Дельмас"]),
    ("Шарль де Голль прибыл в Лондон. Там де Голль выступил по радио.",
     "Шарль де Голль", ["Шарль де Голль", "де Голль"]),
    ("Призыв одобрил Жорж Бидо. Позднее Бидо возглавил правительство. Жоржа Бидо избрали снова.",
     "Жорж Бидо", ["Жорж Бидо", "Бидо", "Жоржа Бидо"]),
    ("Немцы запретили демонстрации. Запрещённую немцами песню пели на улицах.", "немцы", ["Немцы", "немцами"]),
    ("Михаэль Шумахер выиграл гонку. Михаэль был счастлив.", "Михаэль Шумахер", ["Михаэль Шумахер", "Михаэль"]),
    ("Борис Николаевич Ельцин подписал указ. Борис Николаевич был доволен.",
     "Борис Николаевич Ельцин", ["Борис Николаевич Ельцин", "Борис Николаевич"]),
    ("Конгресс США одобрил закон. Конгресс собрался в среду.", "Конгресс США", ["Конгресс США", "Конгресс"]),
    # an institution with and without the honorific that opens its name
    ("Он окончил Императорский Казанский университет. Позже Казанский университет избрал его почётным членом.",
     "Императорский Казанский университет", ["Императорский Казанский университет", "Казанский университет"]),
]


@pytest.mark.parametrize("text, name, mentions", MERGED)
def test_merged_within_a_document(analysed, text, name, mentions):
    doc = analysed(text)
    entity = entity_named(doc, name)
    assert entity.name == name
    # a recogniser may also nest a part of the name («Конгресс» in «Конгресс США»): same entity
    assert {doc.mentions[k].text for k in entity.mentions if doc.mentions[k].source != "pronoun"} == set(mentions)
    assert all(doc.mentions[k].entity == entity.id for k in entity.mentions)


def test_a_first_name_shared_by_two_people_stays_apart(analysed):
    doc = analysed("Жорж Бидо встретил Жоржа Помпиду. Жорж был доволен.")
    assert sorted(e.name for e in doc.entities if e.type == "PERSON") == ["Жорж", "Жорж Бидо", "Жорж Помпиду"]


def test_different_people_stay_apart(analysed):
    doc = analysed("Жорж Бидо встретился с Жоржем Помпиду в Париже.")
    people = sorted(e.name for e in doc.entities if e.type == "PERSON")
    assert people == ["Жорж Бидо", "Жорж Помпиду"]


def test_entity_ids_follow_first_mentions(analysed):
    doc = analysed("Шарль де Голль прибыл в Лондон. Там де Голль выступил по радио.")
    assert [e.id for e in doc.entities] == [f"e{n}" for n in range(1, len(doc.entities) + 1)]
    firsts = [min(doc.mentions[k].start for k in e.mentions) for e in doc.entities]
    assert firsts == sorted(firsts)


def test_unify_across_documents(analysed):
    one = analysed("Генерал Жак Шабан-Дельмас вернулся в Париж.", "one")
    two = analysed("Вечером Шабан-Дельмас вернулся в Париж.", "two")
    corpus, mapping = unify([one, two])
    by_id = {e.id: e for e in corpus}
    chaban = [e for e in corpus if e.name == "Жак Шабан-Дельмас"]
    assert len(chaban) == 1 and chaban[0].attributes["titles"] == ["генерал"]
    assert by_id[mapping[("two", entity_named(two, "Шабан-Дельмас").id)]] is chaban[0]
    paris = {mapping[(d.id, entity_named(d, "Париж").id)] for d in (one, two)}
    assert len(paris) == 1 and by_id[paris.pop()].attributes["geo"]["country"] == "FR"
    assert all(e.mentions == [] for e in corpus)
    assert [e.id for e in corpus] == [f"E{n}" for n in range(1, len(corpus) + 1)]


def test_a_surname_shared_by_two_people_goes_to_the_nearest(analysed):
    doc = analysed(
        "Виктор Бут был арестован в Бангкоке. Бут отрицал вину. "
        "Его жена Алла Бут приехала в суд. Бут плакала у здания суда."
    )
    people = {e.name: e for e in doc.entities if e.type == "PERSON"}
    assert {"Виктор Бут", "Алла Бут"} <= set(people)
    victor = {doc.mentions[k].start for k in people["Виктор Бут"].mentions}
    alla = {doc.mentions[k].start for k in people["Алла Бут"].mentions}
    assert doc.text.index("Бут отрицал") in victor
    assert doc.text.index("Бут плакала") in alla


def test_a_nested_head_is_the_organisation_it_opens(analysed):
    """«Правительство» inside «Правительство Китая» is China's government, and the one inside
    «Правительство Японии» is Japan's: never one entity «Правительство» for both."""
    doc = analysed("Правительство Китая объявило инструкции секретными. Правительство Японии промолчало. МИД России выразил протест.")
    by_start = {}
    for m in doc.mentions:
        if m.type == "ORGANIZATION":
            by_start.setdefault(m.start, set()).add(m.entity)
    assert len(by_start) == 3
    for entities in by_start.values():
        assert len(entities) == 1  # the head and the fuller name: one entity
    assert len({e for entities in by_start.values() for e in entities}) == 3


def _entity_at(doc, words: str):
    start = doc.text.index(words)
    m = next(m for m in doc.mentions if m.start <= start < m.end and m.type == "PERSON")
    return m.entity


SHARED_SURNAMES = [
    # (text, the bare surname's words, the full name it names, or None: none of them)
    # far from the father's name, the bare surname is the text's main person
    ("Пётр Иванович Сомов родился в Твери. Его отец Иван Сомов служил писарем. Дом стоял у реки. "
     "Мальчик рано выучился читать. Позже Сомов поступил в университет.", "Сомов поступил", "Пётр Иванович Сомов"),
    # right after a full name, the nearest
    ("Пётр Иванович Сомов родился в Твери. Его отец Иван Сомов служил писарем. Сомов много пил.",
     "Сомов много", "Иван Сомов"),
    # two others share it, far away, and the main person does not: none of them
    ("Леонид Орлов родился в Казани. Его учителем был Иван Зимин. Сын учителя Пётр Зимин уехал в столицу. "
     "Город тогда быстро рос. Потом Зимин прислал Орлову письмо.", "Зимин прислал", None),
]


@pytest.mark.parametrize("text, words, full", SHARED_SURNAMES)
def test_a_bare_surname_shared_by_several_people(analysed, text, words, full):
    doc = analysed(text)
    bare = _entity_at(doc, words)
    fulls = {e.name: e.id for e in doc.entities if e.type == "PERSON" and len(e.name.split()) > 1}
    if full is None:
        assert bare not in fulls.values(), fulls
    else:
        assert bare == fulls[full], fulls


def test_a_first_name_is_not_read_forward_to_a_later_full_name(analysed):
    doc = analysed("Отец мальчика, Пьер, держал лавку. Через десять лет в школе его учил Пьер Дюран.")
    assert _entity_at(doc, "Пьер,") != _entity_at(doc, "Пьер Дюран")
