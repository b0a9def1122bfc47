"""Places on the map from the offline gazetteers, ambiguity resolved from the document."""

from __future__ import annotations

import pytest

from entities_support import entity_named
from letopis.adapters import gazetteer
from letopis.entities.geo import resolve

PLACES = [
    ("Сталинград", "CITY", "Volgograd", "RU"),
    ("Царицын", "CITY", "Volgograd", "RU"),
    ("Ленинград", "CITY", "Saint Petersburg", "RU"),
    ("Кёнигсберг", "CITY", "Kaliningrad", "RU"),
    ("Данциг", "CITY", "Gdańsk", "PL"),
    ("Париж", "CITY", "Paris", "FR"),
    ("Лондон", "CITY", "London", "GB"),
    ("Берлин", "CITY", "Berlin", "DE"),
    ("Франция", "COUNTRY", "France", "FR"),
    ("США", "COUNTRY", "United States", "US"),
    ("Соединённые Штаты Америки", "COUNTRY", "United States", "US"),
    ("Великобритания", "COUNTRY", "United Kingdom", "GB"),
    ("Германия", "COUNTRY", "Germany", "DE"),
    ("Нормандия", "REGION", "Нормандия", "FR"),
    ("Бавария", "REGION", "Бавария", "DE"),
    ("Сибирь", "REGION", "Сибирь", "RU"),
    ("СССР", "HISTORIC_STATE", "СССР", "RU"),
    ("Третий рейх", "HISTORIC_STATE", "Третий рейх", "DE"),
]


@pytest.mark.parametrize("name, kind, gazetteer_name, country", PLACES)
def test_places(name, kind, gazetteer_name, country):
    [(place, why)] = resolve([(name, None)])
    assert place is not None, why
    assert (place.kind, place.name, place.country) == (kind, gazetteer_name, country)
    assert place.lat is not None and place.lon is not None
    assert place.id


def test_coordinates_are_where_the_place_is():
    [(volgograd, _)] = resolve([("Сталинград", None)])
    assert abs(volgograd.lat - 48.7) < 0.5 and abs(volgograd.lon - 44.5) < 0.5
    [(normandy, _)] = resolve([("Нормандия", None)])
    assert 48 < normandy.lat < 50.5 and -2 < normandy.lon < 2


@pytest.mark.parametrize(
    "names, target, country",
    [
        ([("Париж", None)], "Париж", "FR"),  # the most populous Paris, not Paris, Texas
        ([("Париж", None), ("США", None)], "Париж", "FR"),  # even in a story that names the USA
        ([("Кембридж", None)], "Кембридж", "GB"),
        ([("Кембридж", None), ("США", None)], "Кембридж", "US"),  # the document's country wins
        ([("Верден", None), ("Франция", None)], "Верден", "FR"),
        # one neighbour's capital does not outweigh a story set among the towns of Rus:
        # Veliky Novgorod, not Novhorod-Siverskyi
        ([("Новгород", None), ("Киев", None), ("Москва", None), ("Суздаль", None), ("Ростов", None)], "Новгород", "RU"),
    ],
)
def test_ambiguous_names_resolved_from_the_document(names, target, country):
    places = dict(zip([n for n, _ in names], resolve(names)))
    place, why = places[target]
    assert place is not None and place.country == country, why


def test_no_town_of_the_name_where_the_story_is_set_stays_unlocated():
    # Richmonds in Canada, the USA, Australia…, none in England, where the story is set
    places = dict(zip(["Ричмонд", "Лондон", "Англия"], resolve([("Ричмонд", None), ("Лондон", None), ("Англия", None)])))
    place, why = places["Ричмонд"]
    assert place is None and "countries" in why
    # with no country named at all, the most populous town is the best guess
    [(alone, _)] = resolve([("Ричмонд", None)])
    assert alone is not None


def test_unknown_place():
    [(place, why)] = resolve([("Ла-Виллет", None)])
    assert place is None and why


def test_recogniser_subtype_prefers_that_kind():
    # «Люксембург» is a country and a city; a CITY mention gets the city.
    [(city, _)] = resolve([("Люксембург", "CITY")])
    [(country, _)] = resolve([("Люксембург", "COUNTRY")])
    assert city.kind == "CITY" and country.kind == "COUNTRY"


def test_lookup_folds_case_and_yo():
    assert gazetteer.lookup("кенигсберг") == gazetteer.lookup("Кёнигсберг")


def test_places_in_a_document(analysed):
    doc = analysed("Париж должен был повторить судьбу Сталинграда.")
    stalingrad = entity_named(doc, "Сталинград")
    assert stalingrad.subtype == "CITY"
    assert stalingrad.attributes["geo"]["id"] == "geonames:472757"
    assert entity_named(doc, "Париж").attributes["geo"]["country"] == "FR"


def test_same_place_under_two_names_is_one_entity(analysed):
    doc = analysed("Соединённые Штаты Америки поддержали план. Делегация вылетела в США.")
    usa = entity_named(doc, "США")
    assert usa.name == "Соединённые Штаты Америки"
    assert usa.attributes["geo"]["country"] == "US"
    texts = [doc.mentions[k].text for k in usa.mentions]
    assert "Соединённые Штаты Америки" in texts and "США" in texts


@pytest.mark.parametrize(
    "lemma, name, country",
    [
        ("парижский", "Париж", "FR"),
        ("германский", "Германия", "DE"),
        ("немецкий", "Германия", "DE"),
        ("американский", "США", "US"),
        ("московский", "Москва", "RU"),
        ("киевский", "Киев", "UA"),
        ("нормандский", "Нормандия", "FR"),
        ("северный", None, None),
        ("городской", None, None),
    ],
)
def test_place_adjectives(lemma, name, country):
    from letopis.entities.geo import adjective_place

    found = adjective_place(lemma)
    if name is None:
        assert found is None
    else:
        assert found is not None and found[0] == name and found[1].country == country
