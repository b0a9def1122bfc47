"""Groups and military units that the rules add to the recogniser's mentions."""

from __future__ import annotations

import pytest

GROUPS = [
    ("Немцы запретили все праздничные демонстрации.", "Немцы", "немцы", "NATIONALITY"),
    ("Запрещённую немцами песню спели на улицах.", "немцами", "немцы", "NATIONALITY"),
    ("Англичане высадились на побережье.", "Англичане", "англичане", "NATIONALITY"),
    ("Город защищали поляки и французы.", "французы", "французы", "NATIONALITY"),
    ("К июлю парижане начали противостоять оккупантам.", "парижане", "парижане", None),
    ("Москвичи строили укрепления.", "Москвичи", "москвичи", None),
    ("К забастовке присоединились парижские полицейские.", "парижские полицейские", "парижские полицейские", None),
    ("Город заняли немецкие солдаты.", "немецкие солдаты", "немецкие солдаты", None),
    ("Повстанцы захватили ратушу.", "Повстанцы", "повстанцы", None),
]


@pytest.mark.parametrize("text, span, normal, subtype", GROUPS)
def test_groups(analysed, text, span, normal, subtype):
    doc = analysed(text)
    found = [m for m in doc.mentions if m.type == "GROUP" and m.text == span]
    assert found, [(m.text, m.type) for m in doc.mentions]
    assert found[0].normal == normal
    assert found[0].subtype == subtype


@pytest.mark.parametrize(
    "text",
    [
        "Один немец остался в городе.",  # one person, not a people
        "Полицейский вышел на улицу.",
        "Полицейские вышли на улицу.",  # a role without a place or nationality is not a named group
    ],
)
def test_not_groups(analysed, text):
    doc = analysed(text)
    assert not [m.text for m in doc.mentions if m.type == "GROUP"]


UNITS = [
    ("Поддержку оказали части 4-й пехотной дивизии армии США.",
     "4-й пехотной дивизии армии США", "4-я пехотная дивизия армии США"),
    ("В город вошла 2-я бронетанковая дивизия генерала Леклерка.",
     "2-я бронетанковая дивизия генерала Леклерка", "2-я бронетанковая дивизия генерала Леклерка"),
    ("Приказ получил штаб 62-й армии.", "62-й армии", "62-я армия"),
    ("Солдаты 6-го армейского корпуса отступили.", "6-го армейского корпуса", "6-й армейский корпус"),
    ("Бойцы 150-й стрелковой дивизии водрузили знамя.", "150-й стрелковой дивизии", "150-я стрелковая дивизия"),
    ("Штаб Первой конной армии находился в Ростове.", "Первой конной армии", "Первая конная армия"),
    ("Части Красной армии вошли в город.", "Красной армии", "Красная армия"),
]


@pytest.mark.parametrize("text, span, normal", UNITS)
def test_military_units(analysed, text, span, normal):
    doc = analysed(text)
    found = [m for m in doc.mentions if m.subtype == "MILITARY_UNIT" and m.text == span]
    assert found, [(m.text, m.type, m.subtype) for m in doc.mentions]
    assert found[0].type == "ORGANIZATION"
    assert found[0].normal == normal


def test_the_commander_inside_a_unit_stays_a_person(analysed):
    doc = analysed("В город вошла 2-я бронетанковая дивизия генерала Леклерка.")
    people = [m for m in doc.mentions if m.type == "PERSON"]
    assert [m.normal for m in people] == ["Леклерк"]
    assert doc.entities[[e.id for e in doc.entities].index(people[0].entity)].attributes["titles"] == ["генерал"]


@pytest.mark.parametrize(
    "text",
    [
        "Без поддержки регулярной армии восстание было обречено.",
        "Танковая дивизия двигалась к городу.",
    ],
)
def test_not_units(analysed, text):
    doc = analysed(text)
    assert not [m.text for m in doc.mentions if m.subtype == "MILITARY_UNIT"]


def test_organisation_name_continued_by_its_genitive(analysed):
    doc = analysed("Листовки, распространяемые Комитетом освобождения Парижа, призывали к восстанию.")
    orgs = [m for m in doc.mentions if m.type == "ORGANIZATION"]
    assert [m.normal for m in orgs] == ["Комитет освобождения Парижа"]
    assert [m.normal for m in doc.mentions if m.type == "LOCATION"] == ["Париж"]  # the nested place stays


@pytest.mark.parametrize(
    "text, cut, whole",
    [
        ("Советский Союз потерял миллионы.", "Советский", "Советский Союз"),
        ("Соединённые Штаты Америки поддержали план.", "Соединённые", "Соединённые Штаты Америки"),
    ],
)
def test_a_name_cut_after_its_adjective_gets_its_noun(parsed, text, cut, whole):
    from copy import deepcopy

    from letopis.doc import Mention
    from letopis.entities.rules import apply_rules

    doc = deepcopy(parsed(text))
    start = text.index(cut)
    doc.mentions = [Mention(start, start + len(cut), cut, "LOCATION")]
    if "Америки" in text:
        a = text.index("Америки")
        doc.mentions.append(Mention(a, a + len("Америки"), "Америки", "LOCATION"))
    apply_rules(doc)
    assert whole in [m.text for m in doc.mentions]
    assert cut not in [m.text for m in doc.mentions]


@pytest.mark.parametrize(
    "text, span, normal",
    [
        ("Парижане заняли газовый завод Ла-Виллет и центральный почтамт.", "газовый завод Ла-Виллет", "газовый завод Ла-Виллет"),
        ("Матросы штурмовали Зимний дворец.", "Зимний дворец", "Зимний дворец"),
        ("Завод Renault остановился.", "Завод Renault", "завод Renault"),
    ],
)
def test_facilities(analysed, text, span, normal):
    doc = analysed(text)
    found = [m for m in doc.mentions if m.type == "FACILITY" and m.text == span]
    assert found, [(m.text, m.type) for m in doc.mentions]
    assert found[0].normal == normal


@pytest.mark.parametrize("text", ["Рабочие завода ушли домой.", "Они жили в доме на углу."])
def test_not_facilities(analysed, text):
    doc = analysed(text)
    assert not [m.text for m in doc.mentions if m.type == "FACILITY"]


@pytest.mark.parametrize(
    "text, facilities",
    [
        ("Повстанцы заняли ратуши округов, газовый завод Ла-Виллет и центральный почтамт.",
         {"ратуши округов", "газовый завод Ла-Виллет", "центральный почтамт"}),
        ("Матросы захватили Зимний дворец, почтамт и главный вокзал.",
         {"Зимний дворец", "почтамт", "главный вокзал"}),
    ],
)
def test_facilities_listed_beside_a_named_one(analysed, text, facilities):
    doc = analysed(text)
    found = {m.text for m in doc.mentions if m.type == "FACILITY"}
    assert facilities <= found, found


@pytest.mark.parametrize(
    "text",
    [
        "Рабочие захватили вокзал и завод.",  # no named facility in the list: nothing to go by
        "Он вернулся на завод, где работал отец.",
    ],
)
def test_common_facility_nouns_alone_are_not_facilities(analysed, text):
    doc = analysed(text)
    assert not [m.text for m in doc.mentions if m.type == "FACILITY"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Как рассказала пресс-атташе Мариинского театра Анна Яковлева, программа готова.", "Мариинского театра"),
        ("Ф. Олесси рассказал в интервью Первому каналу, что Зворыкин отказывался смотреть.", "Первому каналу"),
    ],
)
def test_recognised_organisations_keep_their_type(analysed, text, name):
    """A building noun in an organisation's name («театр», «канал») does not make the
    organisation a facility: the rules refine only mentions of their own type."""
    doc = analysed(text)
    assert "ORGANIZATION" in {m.type for m in doc.mentions if m.text == name}, [(m.text, m.type) for m in doc.mentions]


@pytest.mark.parametrize(
    "text, facility, place, kept",
    [
        ("Повстанцы заняли газовый завод Ла-Виллет.", "газовый завод Ла-Виллет", "Ла-Виллет", False),
        ("Самолёт приземлился в международном аэропорту Казань.", "международном аэропорту Казань", "Казань", True),
    ],
)
def test_a_facility_name_is_a_place_only_when_known(analysed, text, facility, place, kept):
    doc = analysed(text)
    assert facility in {m.text for m in doc.mentions if m.type == "FACILITY"}
    assert (place in {m.text for m in doc.mentions if m.type == "LOCATION"}) is kept


VEHICLES = [
    ("Экипаж вернулся на Землю в корабле «Союз ТМА-11».", "Союз ТМА-11"),
    ("Крейсер «Аврора» дал залп по Зимнему дворцу.", "Аврора"),
    ("Броненосец «Потёмкин» вошёл в Одессу.", "Потёмкин"),
    ("Шаттл «Атлантис» полетит к телескопу в октябре.", "Атлантис"),
    ("В космос отправятся шаттлы «Индевор» (в конце апреля) и «Атлантис» (в конце июня).", "Атлантис"),
    ("Речь шла о закупке кораблей „Прогресс“ и „Союз“.", "Прогресс"),
]


@pytest.mark.parametrize("text, name", VEHICLES)
def test_a_vehicle_named_in_quotes_is_a_vehicle(analysed, text, name):
    doc = analysed(text)
    found = [m for m in doc.mentions if m.text == name]
    assert [(m.type, m.subtype) for m in found] == [("PRODUCT", "VEHICLE")], [(m.text, m.type) for m in doc.mentions]
    assert not [m for m in doc.mentions if m.type in ("ORGANIZATION", "PERSON") and m.start >= found[0].start and m.end <= found[0].end]


def test_a_vehicle_name_is_a_vehicle_throughout_the_document(analysed):
    doc = analysed("Экипаж вернулся на Землю в корабле «Союз». Это был второй подряд спуск «Союза» по "
                   "баллистической траектории.")
    assert [(m.text, m.type) for m in doc.mentions if m.text.startswith("Союз")] == [("Союз", "PRODUCT"), ("Союза", "PRODUCT")]


def test_a_quoted_name_after_another_noun_is_not_a_vehicle(analysed):
    doc = analysed("Координатор движения «Левый фронт» Сергей Удальцов выступил на митинге.")
    assert not [m for m in doc.mentions if m.type == "PRODUCT"]


@pytest.mark.parametrize(
    "text, inner",
    [
        ("Microsoft представил документацию антимонопольной комиссии Европейского союза.", "Европейского союза"),
        ("Служба прессы Конституционного суда опровергла сообщение.", "Конституционного суда"),
        ("Об этом заявил глава отдела корпоративных серверов и сетей HP.", "HP"),
    ],
)
def test_an_organisation_named_inside_a_description_is_its_own(analysed, text, inner):
    doc = analysed(text)
    assert [m.type for m in doc.mentions if m.text == inner] == ["ORGANIZATION"], [(m.text, m.type) for m in doc.mentions]


def test_a_place_inside_a_description_stays_a_place(analysed):
    doc = analysed("Правительство Кипра отмечает рост доходов.")
    assert [m.type for m in doc.mentions if m.text == "Кипра"] == ["LOCATION"]


@pytest.mark.parametrize(
    "text, source",
    [
        ("Пока идёт подготовительный период, сообщает baltinfo.ru.", "baltinfo.ru"),
        ("«Решение уже принято», — цитирует infox.ru директора компании.", "infox.ru"),
        ("По данным lenta.ru, пострадали двое.", "lenta.ru"),
    ],
)
def test_a_web_address_reporting_news_is_its_publisher(analysed, text, source):
    doc = analysed(text)
    assert [m.type for m in doc.mentions if m.text == source] == ["ORGANIZATION"], [(m.text, m.type) for m in doc.mentions]


@pytest.mark.parametrize(
    "text",
    [
        "Петиция размещена на сайте change.org в прошлом месяце.",
        "Текст доступен по адресу https://www.kremlin.ru/events, сообщает пресс-служба.",
    ],
)
def test_a_web_address_elsewhere_is_not_made_an_organisation(analysed, text):
    doc = analysed(text)
    assert not [m for m in doc.mentions if m.source == "rule" and m.type == "ORGANIZATION"], [
        (m.text, m.type, m.source) for m in doc.mentions]


@pytest.mark.parametrize(
    "text, people, organisation, kept",
    [
        # the recogniser reads the people and their organisation as one name; the genitive is one too
        ("Исследователи Брукхейвенской национальной лаборатории сообщили об открытии.",
         "Исследователи Брукхейвенской национальной лаборатории", "Брукхейвенской национальной лаборатории",
         "GROUP"),
        ("Сотрудники Федеральной службы безопасности задержали подозреваемого.",
         "Сотрудники Федеральной службы безопасности", "Федеральной службы безопасности", "GROUP"),
        # nothing after the first word is an organisation: the name stays
        ("Свидетели Иеговы провели съезд в Москве.", "Свидетели Иеговы", None, "ORGANIZATION"),
    ],
)
def test_an_organisations_people_are_a_group(parsed, text, people, organisation, kept):
    from copy import deepcopy

    from letopis.doc import Mention
    from letopis.entities.rules import apply_rules

    doc = deepcopy(parsed(text))
    doc.mentions = [Mention(0, len(people), people, "ORGANIZATION")]
    if organisation:
        start = text.index(organisation)
        doc.mentions.append(Mention(start, start + len(organisation), organisation, "ORGANIZATION"))
    apply_rules(doc)
    assert [m.type for m in doc.mentions if m.text == people] == [kept]
    if organisation:
        assert [m.type for m in doc.mentions if m.text == organisation] == ["ORGANIZATION"]
