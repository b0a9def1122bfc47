"""Causes between events, and causes named by a phrase that is no event.

Each case runs the real pipeline on a real Russian sentence. A cause that is an event
becomes a `cause` relation (source causes target) with the words that mark it as
evidence; a cause that names no event («от сердечного приступа») stays on the effect as
`Event.causes`.
"""

from __future__ import annotations

import pytest

from letopis.models.linear import read
from letopis.stages import cause_pairs


def event(doc, trigger):
    return next(e for e in doc.events if e.trigger.text == trigger)


def evidence_text(doc, relation):
    return doc.text[relation.evidence.start : relation.evidence.end]


def cause_relation(doc, cause, effect):
    source, target = event(doc, cause), event(doc, effect)
    return next(
        (r for r in doc.relations if r.type == "cause" and r.source == source.id and r.target == target.id), None
    )


@pytest.mark.parametrize(
    "text, cause, effect, marker",
    [
        # a preposition and the noun it governs
        ("В результате взрыва погибли три человека.", "взрыва", "погибли", "В результате взрыва"),
        ("Правительство ушло в отставку после массовых протестов.", "протестов", "ушло", "после массовых протестов"),
        ("Мужчина арестован по подозрению в убийстве.", "убийстве", "арестован", "в убийстве"),
        ("По факту убийства возбуждено уголовное дело.", "убийства", "возбуждено", "По факту убийства"),
        # a relative phrase opening the effect's clause
        ("Автомобиль врезался в остановку, в результате чего погибли три человека.", "врезался", "погибли",
         "в результате чего"),
        # causal verbs
        ("Взрыв вызвал пожар на складе.", "Взрыв", "пожар", "вызвал"),
        ("Листовки, распространяемые комитетом, привели к тому, что жители вышли на улицы.", "Листовки", "вышли",
         "привели"),
    ],
)
def test_cause_between_events_keeps_its_marker(analyse, text, cause, effect, marker):
    doc = analyse(text)
    relation = cause_relation(doc, cause, effect)
    assert relation is not None
    assert evidence_text(doc, relation) == marker


@pytest.mark.parametrize(
    "text, effect, cause, marker",
    [
        ("Он умер от сердечного приступа.", "умер", "сердечного приступа", "от сердечного приступа"),
        ("В 2014 году Али госпитализировали с пневмонией.", "госпитализировали", "пневмонией", "с пневмонией"),
        ("Суд приговорил его к трём годам за мошенничество.", "приговорил", "мошенничество", "за мошенничество"),
    ],
)
def test_cause_that_is_no_event_stays_on_the_effect(analyse, text, effect, cause, marker):
    doc = analyse(text)
    found = next(c for c in event(doc, effect).causes if c.text == cause)
    assert doc.text[found.start : found.end] == cause
    assert found.evidence.text == marker


@pytest.mark.parametrize(
    "text",
    [
        "Он приехал в Москву из Петербурга.",
        "Сенатор от Магаданской области выступил в Государственной думе.",
        "Делегация вылетела из Парижа в понедельник.",
    ],
)
def test_no_cause_where_the_text_gives_none(analyse, text):
    doc = analyse(text)
    assert not [r for r in doc.relations if r.type == "cause"]
    assert not [c for e in doc.events for c in e.causes]


def test_every_cause_of_the_example_has_evidence(example_doc):
    causes = [r for r in example_doc.relations if r.type == "cause"]
    assert causes
    for relation in causes:
        assert relation.evidence is not None and relation.evidence.text.strip()


def test_the_shipped_model_says_how_it_was_made():
    data = read(cause_pairs.WEIGHTS)
    assert "NEREL" in data["recipe"]["data"] and "train" in data["recipe"]["data"]
    assert 0 < data["threshold"] < 1 and 0 < data["word_threshold"] < 1
    assert data["weights"]["bias"] < 0  # a pair is no cause unless its features say so


@pytest.mark.parametrize(
    "word, kind",
    [("пневмония", "DISEASE"), ("инсульт", "DISEASE"), ("мошенничество", "CRIME"), ("геноцид", "CRIME")],
)
def test_cause_words_learnt_from_train(word, kind):
    assert cause_pairs.cause_words().get(word) == kind


@pytest.mark.parametrize(
    "text, cause, effect, verb",
    [
        # «что» after a comma stands for the clause before it, whatever the parse attached it to
        ("Вернувшись в Париж, он обнаружил, что объявлена всеобщая забастовка, к которой присоединились "
         "полицейские, что значительно усилило возможности комбатантов Сопротивления.",
         "забастовка", "возможности комбатантов Сопротивления", "усилило"),
        ("В городе началась забастовка, что вызвало панику среди чиновников.", "забастовка", "панику", "вызвало"),
        # «которая» stands for the noun its clause describes
        ("Забастовка, которая вызвала панику, длилась три дня.", "Забастовка", "панику", "вызвала"),
    ],
)
def test_effect_of_a_causal_verb_that_is_no_event_stays_on_the_cause(analyse, text, cause, effect, verb):
    doc = analyse(text)
    found = next(e for e in event(doc, cause).effects if e.text == effect)
    assert found.evidence.text == verb


def _event_at(doc, word, factuality="actual"):
    """An event on `word` of a one-sentence doc, made here so that the check does not
    depend on which words the events stage takes as triggers."""
    from letopis.doc import Event, Span

    index = next(i for i, t in enumerate(doc.tokens) if t.text == word)
    token = doc.tokens[index]
    return Event(f"t{index}", Span(token.start, token.end, token.text), token.sent, "other", factuality, head=index)


@pytest.mark.parametrize(
    "text, effect, cause",
    [
        # what an action acts on is not its cause
        ("Немецкие войска жестоко подавили сопротивление горожан.", "подавили", "сопротивление"),
        ("Полиция задержала участников беспорядков.", "задержала", "участников"),
        # the noun a passive participle describes is what it acts on
        ("Листовки, распространяемые комитетом, призывали к забастовке.", "распространяемые", "Листовки"),
        ("Женщина, отравленная неизвестным веществом, умерла в больнице.", "отравленная", "Женщина"),
    ],
)
def test_the_object_of_an_event_is_never_its_cause(analyse, text, effect, cause):
    doc = analyse(text)
    index = next(i for i, t in enumerate(doc.tokens) if t.text == cause)
    assert cause_pairs.excluded(doc, _event_at(doc, effect), index)


@pytest.mark.parametrize(
    "text, effect, cause",
    [
        ("Полиция задержала его после перестрелки.", "задержала", "перестрелки"),
        ("Правительство ушло в отставку после массовых протестов.", "ушло", "протестов"),
    ],
)
def test_an_oblique_may_be_a_cause(analyse, text, effect, cause):
    doc = analyse(text)
    index = next(i for i, t in enumerate(doc.tokens) if t.text == cause)
    assert not cause_pairs.excluded(doc, _event_at(doc, effect), index)


@pytest.mark.parametrize(
    "factuality, offered", [("actual", True), ("uncertain", True), ("intended", False), ("unrealized", False),
                            ("negated", False), ("hypothetical", False)],
)
def test_only_what_happened_may_be_a_cause(analyse, factuality, offered):
    doc = analyse("По всему городу развешены плакаты, призывающие к битве за Париж.")
    battle = _event_at(doc, "битве", factuality)
    words = dict(cause_pairs.candidates(doc, 0, [battle]))
    assert (battle.head in words) == offered  # neither as an event nor as a plain word
    if offered:
        assert words[battle.head] is battle


def test_no_cause_from_the_object_in_the_pipeline(analyse):
    doc = analyse("Немецкие войска жестоко подавили сопротивление горожан.")
    source, target = event(doc, "сопротивление"), event(doc, "подавили")
    assert not [r for r in doc.relations if r.type == "cause" and {r.source, r.target} == {source.id, target.id}]


def test_a_word_far_from_the_event_is_not_weighed(analyse):
    text = "Он умер от сердечного приступа, " + ", ".join(["и соседи долго говорили об этом"] * 8) + "."
    doc = analyse(text)
    died = _event_at(doc, "умер")
    near = next(i for i, t in enumerate(doc.tokens) if t.text == "приступа")
    far = max(i for i, t in enumerate(doc.tokens) if t.text == "этом")
    assert far - died.head > cause_pairs.MAX_DISTANCE
    assert not cause_pairs.excluded(doc, died, near)
    assert cause_pairs.excluded(doc, died, far)


@pytest.mark.parametrize(
    "text, cause",
    [
        ("Он просил командование о помощи, однако это не привело к должному результату.", "просил"),
        ("Забастовка не вызвала паники среди чиновников.", "Забастовка"),
    ],
)
def test_a_negated_causal_verb_gives_no_effect(analyse, text, cause):
    doc = analyse(text)
    assert not event(doc, cause).effects
    assert not [r for r in doc.relations if r.type == "cause" and r.source == event(doc, cause).id]


@pytest.mark.parametrize(
    "text, effect, cause, verb",
    [
        ("Высокие цены на хлеб привели к тому, что горожане вышли на улицы.", "вышли", "Высокие цены", "привели"),
    ],
)
def test_a_causal_verb_subject_that_names_no_event_is_kept_on_the_effect(analyse, text, effect, cause, verb):
    doc = analyse(text)
    event = next(e for e in doc.events if e.trigger.text == effect)
    found = event.causes
    assert [c.text for c in found] and found[0].text.startswith(cause)
    assert found[0].evidence.text == verb
