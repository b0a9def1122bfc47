"""Mention forms (letopis.entities.forms) on real sentences through the whole pipeline.

Each case names one mention by its text and type and the form the documented rules give it
(docs/entities.md, "Mention forms"): a proper name, a place adjective, a descriptor or a
pronoun. The chronology JSON carries the form on every entity mention.
"""

from __future__ import annotations

import copy

import jsonschema
import pytest
from contract import check_contract

from letopis.chronology import build
from letopis.doc import Doc, Mention
from letopis.schema import chronology_schema


def mention(doc: Doc, text: str, type_: str) -> Mention:
    """The first mention of `doc` with exactly this text and type."""
    for m in doc.mentions:
        if m.text == text and m.type == type_:
            return m
    raise AssertionError(f"no {type_} mention {text!r}; have {[(m.text, m.type) for m in doc.mentions]}")


FORM_CASES = [
    # a place adjective standing for its place, with no noun of its own
    pytest.param("В марте российские войска вошли в город.", "российские", "LOCATION", "adjective",
                 id="place-adjective"),
    pytest.param("Российские власти заявили о готовности к переговорам.", "Российские", "LOCATION", "adjective",
                 id="place-adjective-sentence-initial"),
    # proper names inside a sentence
    pytest.param("Вчера в Москву прилетел Владимир Путин.", "Владимир Путин", "PERSON", "name",
                 id="person-mid-sentence"),
    pytest.param("Вчера в Москву прилетел Владимир Путин.", "Москву", "LOCATION", "name",
                 id="place-mid-sentence"),
    pytest.param("Позже Кремль опроверг эти сведения.", "Кремль", "ORGANIZATION", "name",
                 id="capital-where-case-is-free"),
    # written in capitals, in Latin letters, with a digit
    pytest.param("Об этом сообщил МИД России в пятницу.", "МИД", "ORGANIZATION", "name", id="abbreviation"),
    pytest.param("Об этом сообщил МИД России в пятницу.", "МИД России", "ORGANIZATION", "name",
                 id="abbreviation-head"),
    pytest.param("Рабочие завода Renault объявили забастовку.", "завода Renault", "FACILITY", "name",
                 id="latin-apposition"),
    pytest.param("В город первой вошла 4-я пехотная дивизия.", "4-я пехотная дивизия", "ORGANIZATION", "name",
                 id="numbered-unit"),
    # common noun phrases
    pytest.param("По словам пресс-секретаря, эстонская полиция задержала двух человек.", "эстонская полиция",
                 "ORGANIZATION", "descriptor", id="adjective-and-lowercase-head"),
    pytest.param("Вчера правительство Китая заявило о новых пошлинах.", "правительство Китая", "ORGANIZATION",
                 "descriptor", id="lowercase-head-with-place-name"),
    pytest.param("Вчера правительство Китая заявило о новых пошлинах.", "Китая", "LOCATION", "name",
                 id="place-inside-descriptor"),
    pytest.param("На улицы вышли парижане.", "парижане", "GROUP", "descriptor", id="lowercase-people"),
    # quotes set off a name
    pytest.param("Статью опубликовала газета «Труд» в понедельник.", "Труд", "ORGANIZATION", "name",
                 id="quoted-after-common-noun"),
    pytest.param("На митинг вышли сторонники движения «Левый фронт».", "Левый фронт", "ORGANIZATION", "name",
                 id="quoted-multiword"),
    pytest.param("Вечером группа выступит в московском клубе «32 ступени».", "32 ступени", "ORGANIZATION", "name",
                 id="quoted-with-a-digit"),
    # at the start of a sentence the capital says nothing by itself
    pytest.param("Министерство внутренних дел Пакистана заявило о задержании подозреваемых.",
                 "Министерство внутренних дел Пакистана", "ORGANIZATION", "name",
                 id="sentence-initial-full-designation"),
    pytest.param("Министерство внутренних дел Пакистана заявило о задержании подозреваемых.",
                 "Министерство внутренних дел", "ORGANIZATION", "name",
                 id="sentence-initial-designation-without-place"),
    pytest.param("Правительство Китая заявило о новых пошлинах.", "Правительство Китая", "ORGANIZATION",
                 "descriptor", id="sentence-initial-one-word-besides-place"),
    pytest.param("Российские власти заявили о готовности к переговорам.", "Российские власти", "ORGANIZATION",
                 "descriptor", id="sentence-initial-place-adjective-and-one-word"),
]


@pytest.mark.parametrize("text, phrase, type_, form", FORM_CASES)
def test_mention_form(analyse, text: str, phrase: str, type_: str, form: str) -> None:
    assert mention(analyse(text), phrase, type_).form == form


def test_every_mention_gets_a_form(analyse) -> None:
    doc = analyse("Вчера правительство Китая заявило о новых пошлинах. Он встретился с де Голлем.")
    assert doc.mentions
    assert all(m.form in ("name", "adjective", "descriptor", "pronoun") for m in doc.mentions)


def test_linked_pronoun_is_a_pronoun(analyse) -> None:
    doc = analyse("Генерал Леклерк вошёл в Париж. Он встретился с де Голлем.")
    pronoun, antecedent = mention(doc, "Он", "PERSON"), mention(doc, "Леклерк", "PERSON")
    assert pronoun.source == "pronoun"
    assert pronoun.entity is not None and pronoun.entity == antecedent.entity
    assert pronoun.form == "pronoun"
    assert antecedent.form == "name"


def test_sentence_opening_takes_the_form_written_elsewhere(analyse) -> None:
    """«Министерство финансов» opening a sentence is a full designation, so a name, unless
    the document itself writes «министерство финансов» where the case is free."""
    alone = "Министерство финансов заявило о дефиците бюджета."
    assert mention(analyse(alone), "Министерство финансов", "ORGANIZATION").form == "name"
    doc = analyse(alone + " Позже министерство финансов уточнило прогноз.")
    assert mention(doc, "Министерство финансов", "ORGANIZATION").form == "descriptor"
    assert mention(doc, "министерство финансов", "ORGANIZATION").form == "descriptor"


def test_line_opening_name_is_settled_by_its_quoted_occurrence(analyse) -> None:
    """«Голос Америки:» opening a line comes down to «Голос» (Америки is a place), which NEREL
    rarely capitalises; the same name in quotes elsewhere makes it a name."""
    opening = "Голос Америки: президент выступил в Конгрессе."
    assert mention(analyse(opening), "Голос Америки", "ORGANIZATION").form == "descriptor"
    doc = analyse(opening + " Об этом сообщил корреспондент «Голоса Америки».")
    assert mention(doc, "Голоса Америки", "ORGANIZATION").form == "name"
    assert mention(doc, "Голос Америки", "ORGANIZATION").form == "name"


FORMS_TEXT = "Генерал Леклерк вошёл в Париж. Он встретился с де Голлем. В марте российские войска вошли в город."


def test_chronology_mentions_carry_their_form(analyse) -> None:
    doc = analyse(FORMS_TEXT)
    data = build([doc]).to_dict()
    check_contract(data, {doc.id: doc.text})
    records = [r for e in data["entities"] for r in e["mentions"]]
    assert records and all("form" in r for r in records)
    forms = {(m.start, m.end): m.form for m in doc.mentions}
    for r in records:
        assert r["form"] == forms[(r["start"], r["end"])], r
    by_text = {r["text"]: r["form"] for r in records}
    assert by_text["Леклерк"] == "name"
    assert by_text["Он"] == "pronoun"
    assert by_text["российские"] == "adjective"
    assert by_text["российские войска"] == "descriptor"


def test_schema_rejects_an_unknown_form(analyse) -> None:
    data = build([analyse(FORMS_TEXT)]).to_dict()
    jsonschema.validate(data, chronology_schema())
    broken = copy.deepcopy(data)
    broken["entities"][0]["mentions"][0]["form"] = "nickname"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, chronology_schema())
