"""Dating and ordering events, and the relations between them."""

import pytest


def event(doc, trigger):
    return next(e for e in doc.events if e.trigger.text == trigger)


def test_explicit_date_of_the_clause(analyse):
    doc = analyse("6 июня 1944 года началась высадка в Нормандии.")
    time = event(doc, "высадка").time
    assert (time.earliest, time.latest, time.basis) == ("1944-06-06", "1944-06-06", "explicit")


def test_fuzzy_date_keeps_its_uncertainty(analyse):
    doc = analyse("Призыв к мобилизации, изданный им в начале августа 1944 года, ускорил восстание.")
    time = event(doc, "Призыв").time
    assert time.earliest == "1944-08-01"
    assert time.latest is not None and "1944-08-05" <= time.latest <= "1944-08-15"


def test_undated_event_has_unknown_time(analyse):
    doc = analyse("Немцы запретили все праздничные демонстрации.")
    time = event(doc, "запретили").time
    assert (time.earliest, time.latest, time.basis) == (None, None, "unknown")


def test_narrative_step_is_not_before_the_last_dated_step(analyse):
    doc = analyse("19 августа 1944 года началось восстание. Повстанцы заняли ратушу.")
    time = event(doc, "заняли").time
    assert (time.earliest, time.latest, time.basis) == ("1944-08-19", None, "inferred")


def test_event_anchored_date_resolves_through_the_named_event(analyse):
    doc = analyse("18 августа 1944 года началась всеобщая забастовка. На следующий день после забастовки началось восстание.")
    time = event(doc, "восстание").time
    assert (time.earliest, time.latest) == ("1944-08-19", "1944-08-19")
    assert time.basis == "relative"
    assert any(r.type == "after" and r.source == event(doc, "восстание").id for r in doc.relations)


def test_perfective_gerund_happens_before_its_clause(analyse):
    doc = analyse("Отправившись в Лондон, он просил о помощи.")
    first, second = event(doc, "Отправившись"), event(doc, "просил")
    assert any((r.type, r.source, r.target) == ("before", first.id, second.id) for r in doc.relations)


@pytest.mark.parametrize(
    "text, cause, effect",
    [
        ("Листовки, распространяемые комитетом, привели к тому, что жители вышли на улицы.", "Листовки", "вышли"),
        ("Из-за забастовки восстание началось раньше.", "забастовки", "восстание"),
        ("Призыв к мобилизации ускорил процесс восстания.", "Призыв", "восстания"),
    ],
)
def test_causes_from_causal_verbs_and_prepositions(analyse, text, cause, effect):
    doc = analyse(text)
    source, target = event(doc, cause), event(doc, effect)
    relation = next(r for r in doc.relations if r.type == "cause" and r.source == source.id and r.target == target.id)
    assert relation.evidence is not None and relation.evidence.text


def test_intended_event_is_not_before_the_intention(analyse):
    doc = analyse("14 августа 1944 года командование получило приказ уничтожить мосты.")
    assert event(doc, "уничтожить").time.earliest == "1944-08-14"
    assert event(doc, "уничтожить").time.basis == "inferred"


@pytest.mark.parametrize(
    "text, anchor, not_dated",
    [
        ("На следующий день после забастовки, 20 мая 1968 года, рабочие заняли завод.", "забастовки", "1968-05-20"),
        ("Через неделю после восстания, 3 июня 1921 года, в город вошли войска.", "восстания", "1921-06-03"),
    ],
)
def test_the_event_an_expression_is_anchored_on_does_not_take_its_date(analyse, text, anchor, not_dated):
    doc = analyse(text)
    event = next(e for e in doc.events if e.trigger.text == anchor)
    assert event.time.earliest != not_dated
    assert event.time.basis != "explicit"


def test_during_an_event_overlaps_it(analyse):
    doc = analyse("Во время оккупации немцы разрушили мост.")
    names = {e.id: e.trigger.text for e in doc.events}
    assert {(r.type, names[r.source], names[r.target]) for r in doc.relations} >= {("overlap", "разрушили", "оккупации")}
    assert not any(r.type == "before" for r in doc.relations)


def test_a_gerund_before_finding_out_a_planned_date_is_no_later_than_that_date(analyse):
    # «узнал» is no event of its own; what the gerund tells came before the finding out.
    doc = analyse("Вернувшись в столицу, министр узнал, что на 5 мая 1920 года назначена забастовка.")
    returned = next(e for e in doc.events if e.trigger.text == "Вернувшись")
    assert returned.time.latest == "1920-05-05" and returned.time.earliest is None
    assert returned.time.basis == "inferred"
