"""The `repeated_names` rule: a name recognised once is taken again where the text repeats it
with the same lemmas and capitals (docs/entities.md, rule table).

The first tests run the whole pipeline and check that the rule recovers an occurrence the
recogniser misses; the others give the rule a parsed document with the recognised mentions
set by hand, so that each condition (capitals, one type, overlaps) is tested on its own.
"""

from __future__ import annotations

from letopis.doc import Doc, Mention
from letopis.entities.rules import repeated_names
from letopis.stages.morph import MorphStage
from letopis.stages.segment import SegmentStage
from letopis.stages.syntax import SyntaxStage


def parsed(text: str) -> Doc:
    """A fresh document with tokens, lemmas and syntax and no mentions (never shared)."""
    doc = Doc("t", text)
    for stage in (SegmentStage(), MorphStage(), SyntaxStage()):
        doc = stage(doc)
    return doc


def recognised(doc: Doc, phrase: str, type_: str, occurrence: int = 0, subtype: str | None = None) -> Mention:
    """Add a mention over the `occurrence`-th appearance of `phrase`, as the recogniser would."""
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(phrase, start + 1)
    m = Mention(start, start + len(phrase), phrase, type_, subtype)
    doc.mentions.append(m)
    doc.mentions.sort(key=lambda x: (x.start, -x.end))
    return m


def found(doc: Doc) -> list[tuple[str, str]]:
    return [(m.text, m.type) for m in repeated_names(doc)]


def rule_mentions(doc: Doc) -> list[tuple[int, int]]:
    """Spans the pipeline's trace says `repeated_names` added."""
    return [(t["start"], t["end"]) for t in doc.trace
            if t["stage"] == "entities" and t["rule"] == "repeated_names" and t.get("action") == "add"]


# --- the whole pipeline -------------------------------------------------------------------


VOICE = "Корреспондент «Голоса Америки» побывал в Киеве.\nГолос Америки: президент выступил в Конгрессе."
RESISTANCE = "Бойцы Сопротивления заняли префектуру. Сопротивление потеряло сто человек."


def test_line_opening_name_is_taken_from_its_quoted_occurrence(analyse) -> None:
    doc = analyse(VOICE)
    start = VOICE.index("Голос Америки:")
    span = (start, start + len("Голос Америки"))
    assert span in rule_mentions(doc)
    taken = [m for m in doc.mentions if (m.start, m.end) == span]
    assert [(m.type, m.source) for m in taken] == [("ORGANIZATION", "rule")]
    assert taken[0].form == "name"  # the quoted occurrence settles the line-opening one


def test_every_occurrence_of_the_repeated_name_is_one_organisation(analyse) -> None:
    doc = analyse(VOICE)
    for phrase in ("Голоса Америки", "Голос Америки"):
        start = VOICE.index(phrase)
        types = {m.type for m in doc.mentions if (m.start, m.end) == (start, start + len(phrase))}
        assert types == {"ORGANIZATION"}, phrase
    voice = [m for m in doc.mentions if m.type == "ORGANIZATION" and m.text in ("Голоса Америки", "Голос Америки")]
    entities = {m.entity for m in voice}
    assert len(voice) == 2 and len(entities) == 1 and None not in entities  # one entity, two mentions


def test_single_word_name_in_another_case(analyse) -> None:
    doc = analyse(RESISTANCE)
    start = RESISTANCE.index("Сопротивление ")
    span = (start, start + len("Сопротивление"))
    assert span in rule_mentions(doc)
    assert {m.type for m in doc.mentions if (m.start, m.end) == span} == {"ORGANIZATION"}


# --- the rule on its own ------------------------------------------------------------------


def test_rule_finds_the_repeat_of_a_recognised_name() -> None:
    doc = parsed(RESISTANCE)
    recognised(doc, "Сопротивления", "ORGANIZATION")
    assert found(doc) == [("Сопротивление", "ORGANIZATION")]


def test_rule_keeps_the_type_and_subtype() -> None:
    doc = parsed("Части Народного фронта вошли в Ханой. Утром отряды Народного фронта заняли мост.")
    recognised(doc, "Народного фронта", "ORGANIZATION", subtype="MILITARY_UNIT")
    taken = repeated_names(doc)
    assert [(m.text, m.type, m.subtype, m.source) for m in taken] == [
        ("Народного фронта", "ORGANIZATION", "MILITARY_UNIT", "rule")]
    assert taken[0].start == doc.text.index("Народного фронта", 10)


def test_capitals_must_match() -> None:
    doc = parsed("Об этом заявило Правительство Китая. Позже правительство Китая уточнило список. "
                 "Затем Правительство Китая отозвало посла.")
    recognised(doc, "Правительство Китая", "ORGANIZATION")
    taken = repeated_names(doc)
    # the capitalised repeat is taken, the lowercase descriptor is not
    assert [(m.text, m.start) for m in taken] == [("Правительство Китая", doc.text.index("Правительство Китая", 20))]


def test_lowercase_recognised_mention_is_not_a_name_to_repeat() -> None:
    doc = parsed("Вчера правительство Китая заявило о пошлинах. Позже правительство Китая уточнило список.")
    recognised(doc, "правительство Китая", "ORGANIZATION")
    assert found(doc) == []


def test_name_with_two_types_is_not_propagated() -> None:
    text = "В Москве открылся Большой театр. Вечером Большой театр показал оперу. Утром Большой театр закрыли."
    one_type = parsed(text)
    recognised(one_type, "Большой театр", "FACILITY")
    assert found(one_type) == [("Большой театр", "FACILITY"), ("Большой театр", "FACILITY")]

    two_types = parsed(text)
    recognised(two_types, "Большой театр", "FACILITY")
    recognised(two_types, "Большой театр", "ORGANIZATION", occurrence=1)
    assert found(two_types) == []


def test_only_names_of_people_organisations_places_and_facilities_are_propagated() -> None:
    text = "Во время Олимпиады в городе усилили охрану. Олимпиада завершилась в воскресенье."
    event = parsed(text)
    recognised(event, "Олимпиады", "EVENT")
    assert found(event) == []

    organisation = parsed(text)
    recognised(organisation, "Олимпиады", "ORGANIZATION")
    assert found(organisation) == [("Олимпиада", "ORGANIZATION")]


def test_occurrence_overlapping_another_mention_is_left_alone() -> None:
    text = "Корреспондент «Голоса Америки» побывал в Киеве. Позже корреспондент Голоса Америки уехал."
    doc = parsed(text)
    recognised(doc, "Голоса Америки", "ORGANIZATION")
    recognised(doc, "Америки", "LOCATION", occurrence=1)  # inside the repeat: no obstacle
    assert found(doc) == [("Голоса Америки", "ORGANIZATION")]

    recognised(doc, "корреспондент Голоса", "PROFESSION")  # crosses the repeat's boundary
    assert found(doc) == []


def test_longest_name_wins() -> None:
    doc = parsed("Посол Соединённых Штатов Америки прибыл в Ханой. Флот Соединённых Штатов Америки ушёл на юг.")
    recognised(doc, "Соединённых Штатов Америки", "LOCATION")
    recognised(doc, "Америки", "LOCATION")
    assert found(doc) == [("Соединённых Штатов Америки", "LOCATION")]
