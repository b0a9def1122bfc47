"""Roles named without a person («президент подписал указ») are the actors the text gives."""

from __future__ import annotations

import pytest

import letopis
from letopis.chronology import build


def _roles(doc) -> list[str]:
    return [e.name for e in doc.entities if e.type == "PROFESSION"]


@pytest.mark.parametrize(
    "text, role, trigger",
    [
        ("Вчера президент подписал указ о помиловании.", "президент", "подписал"),
        ("Министр обороны уволил двух заместителей.", "министр обороны", "уволил"),
    ],
)
def test_a_role_named_without_a_person_is_the_agent(analyse, text, role, trigger):
    doc = analyse(text)
    assert role in _roles(doc)
    entity = next(e for e in doc.entities if e.name == role)
    event = next(e for e in doc.events if e.trigger.text == trigger)
    assert ("agent", entity.id) in {(p.role, p.entity) for p in event.participants}


@pytest.mark.parametrize(
    "text",
    [
        "Генерал Петров подписал приказ.",  # a title of a named person
        "Парижские полицейские присоединились к забастовке.",  # part of a group's name
        "Полицейские репрессии усилились.",  # an adjective
    ],
)
def test_titles_groups_and_adjectives_are_no_role_holders(analyse, text):
    assert _roles(analyse(text)) == []


def test_a_role_is_an_office_that_merges_across_documents_by_name():
    first = letopis.analyse("Президент подписал указ. Генерал Петров уволен.")
    second = letopis.analyse("Президент выступил с речью, и генерал Петров ответил ему.")
    first.id, second.id = "a", "b"
    entities = build([first, second]).to_dict()["entities"]
    assert [e["name"] for e in entities if e["type"] == "PROFESSION"] == ["президент"]
    assert [e["name"] for e in entities if e["type"] == "PERSON"] == ["Петров"]
