"""Titles, ranks and roles become attributes of the person, not parts of the name."""

from __future__ import annotations

import pytest

from entities_support import entity_named, tokens_of
from letopis.entities.titles import leading_titles, person_titles

TITLES = [
    ("Призыв был издан с одобрения Жоржа Бидо, председателя Национального Совета Сопротивления.",
     "Жоржа Бидо", ["председатель Национального Совета Сопротивления"]),
    ("Приказ отдал полковник Анри Роль-Танги.", "Анри Роль-Танги", ["полковник"]),
    ("Это не могло не радовать полковника Анри Роль-Танги.", "Анри Роль-Танги", ["полковник"]),
    ("Генерал Эйзенхауэр, как командующий высадкой в Нормандии, направил поддержку.",
     "Эйзенхауэр", ["генерал", "командующий высадкой в Нормандии"]),
    ("Представитель Свободной Франции в регионе, генерал Жак Шабан-Дельмас, считал восстание неизбежным.",
     "Жак Шабан-Дельмас", ["генерал", "представитель Свободной Франции в регионе"]),
    ("Премьер-министр Великобритании Уинстон Черчилль прибыл в Москву.",
     "Уинстон Черчилль", ["премьер-министр Великобритании"]),
    ("Маршал Жуков принял капитуляцию.", "Жуков", ["маршал"]),
    ("В переговорах участвовал бригадный генерал Шарль де Голль.", "Шарль де Голль", ["бригадный генерал"]),
    ("Письмо получил адмирал Колчак.", "Колчак", ["адмирал"]),
    ("Королева Виктория умерла в 1901 году.", "Виктория", ["королева"]),
    ("Приказ поддержал командующего фронтом, генерала Ивана Конева.", "Ивана Конева", ["генерал", "командующий фронтом"]),
    ("Совещание провёл начальник Генерального штаба, маршал Борис Шапошников.",
     "Борис Шапошников", ["маршал", "начальник Генерального штаба"]),
    ("Переговоры вёл Вячеслав Молотов, нарком иностранных дел СССР.", "Вячеслав Молотов", ["нарком иностранных дел СССР"]),
    ("Её принял Франклин Рузвельт, президент США.", "Франклин Рузвельт", ["президент США"]),
]


@pytest.mark.parametrize("text, name, expected", TITLES)
def test_person_titles(parsed, text, name, expected):
    doc = parsed(text)
    titles = [t.title for t in person_titles(doc, tokens_of(doc, name))]
    assert titles == expected


@pytest.mark.parametrize(
    "text, name",
    [
        ("Жорж Бидо и Жорж Помпиду встретились в Париже.", "Жорж Бидо"),
        ("Вчера Анна Ахматова вернулась в Ленинград.", "Анна Ахматова"),
    ],
)
def test_no_titles(parsed, text, name):
    doc = parsed(text)
    assert person_titles(doc, tokens_of(doc, name)) == []


def test_title_inside_a_recognised_name_is_split_off(parsed):
    doc = parsed("Вернувшись в Париж, генерал Жак Шабан-Дельмас обнаружил плакаты.")
    name, titles = leading_titles(doc, tokens_of(doc, "генерал Жак Шабан-Дельмас"))
    assert doc.text[doc.tokens[name[0]].start : doc.tokens[name[-1]].end] == "Жак Шабан-Дельмас"
    assert [t.title for t in titles] == ["генерал"]


def test_titles_reach_the_entity_with_spans(analysed):
    text = "Призыв был издан с одобрения Жоржа Бидо, председателя Национального Совета Сопротивления."
    doc = analysed(text)
    bidault = entity_named(doc, "Жорж Бидо")
    assert bidault.attributes["titles"] == ["председатель Национального Совета Сопротивления"]
    span = bidault.attributes["title_mentions"][0]
    assert text[span["start"] : span["end"]] == "председателя Национального Совета Сопротивления"


def test_a_cycle_in_the_parse_does_not_hang(parsed):
    from copy import deepcopy

    doc = deepcopy(parsed("Представитель Свободной Франции в регионе, генерал Жак Шабан-Дельмас, считал так."))
    # A head cycle before the comma, as a windowed parse can leave one.
    first, second = tokens_of(doc, "регионе")[0], tokens_of(doc, "Франции")[0]
    doc.tokens[first].head, doc.tokens[second].head = second, first
    titles = person_titles(doc, tokens_of(doc, "Жак Шабан-Дельмас"))
    assert "генерал" in [t.title for t in titles]
