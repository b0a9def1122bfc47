"""What the foundation promises for the bundled example (a real reading of its text)."""

import pytest

PEOPLE = ["Гитлер", "Анри Роль-Танги", "Жорж Бидо", "Жак Шабан-Дельмас", "де Голль", "Эйзенхауэр", "Леклерк"]


@pytest.mark.parametrize("person", PEOPLE)
def test_every_person_is_found_and_normalised(example_chronology, person):
    names = {e.name for e in example_chronology.entities if e.type == "PERSON"}
    assert any(person in name for name in names), names


@pytest.mark.parametrize("place", ["Париж", "Нормандия", "Франция", "Лондон", "Сталинград"])
def test_main_places(example_chronology, place):
    assert any(e.name == place for e in example_chronology.entities if e.type == "LOCATION")


@pytest.mark.parametrize("organisation", ["Комитет освобождения Парижа", "Национальный Совет Сопротивления"])
def test_main_organisations(example_chronology, organisation):
    assert any(e.name == organisation for e in example_chronology.entities if e.type == "ORGANIZATION")


@pytest.mark.parametrize(
    "expression",
    ["6 июня 1944 года", "К июлю 1944 года", "14 июля", "в начале августа 1944 года", "на 18 августа", "19 августа 1944 года"],
)
def test_every_date_expression_is_found(example_chronology, expression):
    assert any(expression.lower() in t.text.lower() or t.text.lower() in expression.lower() for t in example_chronology.timexes)


def test_at_least_a_dozen_events_each_dated_or_honestly_unknown(example_chronology):
    events = example_chronology.events
    assert len(events) >= 12
    for event in events:
        assert (event.time.basis == "unknown") == (event.time.earliest is None and event.time.latest is None)
