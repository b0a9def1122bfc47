"""A modern country's name in a text set in an earlier period names the state of that period."""

import pytest

CASES = [
    # (text, place, gazetteer name of the state, or None for the modern country)
    ("В середине XIII века Литва объединилась под властью князя Миндовга.", "Литва", "Великое княжество Литовское"),
    ("В 1990 году Литва первой провозгласила независимость.", "Литва", None),
    ("В 1812 году Россия отразила нашествие Наполеона.", "Россия", "Российская империя"),
    ("В 1941 году Германия напала на Советский Союз.", "Германия", "Третий рейх"),
    ("В 1683 году Турция осадила Вену.", "Турция", "Османская империя"),
    # no date: the modern country stays
    ("Литва граничит с Польшей.", "Литва", None),
]


@pytest.mark.parametrize("text, name, state", CASES)
def test_country_names_the_state_of_its_period(analyse, text, name, state):
    doc = analyse(text)
    [place] = [e for e in doc.entities if e.name == name]
    geo = place.attributes["geo"]
    if state is None:
        assert geo["kind"] == "COUNTRY", geo
    else:
        assert (geo["kind"], geo["gazetteer_name"]) == ("HISTORIC_STATE", state), geo
        assert any(n["rule"] == "state_of_the_period" for n in doc.trace)


def test_the_year_comes_from_the_sentence_that_names_the_place(analyse):
    doc = analyse("В 1250 году Литва приняла новое устройство. "
                   "Спустя столетия, в 1991 году, Польша признала её независимость.")
    poland = next(e for e in doc.entities if e.name == "Польша")
    assert poland.attributes["geo"]["kind"] == "COUNTRY"
    lithuania = next(e for e in doc.entities if e.name == "Литва")
    assert lithuania.attributes["geo"]["kind"] == "HISTORIC_STATE"


SAME_STATE = [
    # (text, the state's own name, the country's name, one entity?)
    ("В 1860 году Российская империя отменила крепостное право. Вскоре Россия начала военную реформу.",
     "Российская империя", "Россия", True),
    ("В 1711 году Османская империя объявила войну соседям. Турция выставила большую армию.",
     "Османская империя", "Турция", True),
    # after the state's end, the country is another one
    ("В 1913 году Российская империя праздновала юбилей династии. В 1993 году Россия приняла конституцию.",
     "Российская империя", "Россия", False),
]


@pytest.mark.parametrize("text, state, country, same", SAME_STATE)
def test_a_country_and_the_state_of_its_period_are_one_entity(analyse, text, state, country, same):
    doc = analyse(text)
    ids = {m.text: m.entity for m in doc.mentions if m.type == "LOCATION"}
    assert (ids[state] == ids[country]) is same, ids
    assert [e.id for e in doc.entities] == [f"e{n}" for n in range(1, len(doc.entities) + 1)]
    if same:
        assert any(n["rule"] == "merge" and "same_state" in n.get("evidence", "") for n in doc.trace)
