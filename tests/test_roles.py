"""The argument linker (roles stage): times, places and participants of events, on Russian text."""

import pytest

from letopis.stages import roles
from letopis.stages.role_features import KINDS


def event(doc, trigger):
    return next(e for e in doc.events if e.trigger.text == trigger)


def entity_names(doc, ids):
    names = {e.id: e.name for e in doc.entities}
    return {names[i] for i in ids}


def participants(doc, ev, role=None):
    return entity_names(doc, [p.entity for p in ev.participants if role is None or p.role == role])


def linked_timex_texts(doc, ev):
    texts = {t.id: t.text for t in doc.timexes}
    own = [ev.time.timex] if ev.time.timex else []
    return {texts[t] for t in own + ev.timexes}


def test_the_shipped_model_has_a_threshold_and_weights_for_every_kind():
    model = roles.shipped_model()
    for kind in KINDS:
        assert 0 < model["thresholds"][kind] < 1
        assert model["limits"][kind] >= 1
        assert len(model["weights"][kind]) > 100


@pytest.mark.parametrize(
    "text, trigger, date, earliest",
    [
        ("Выборы прошли 4 марта 2012 года, а инаугурация состоялась 7 мая.", "Выборы", "4 марта 2012 года", "2012-03-04"),
        ("Выборы прошли 4 марта 2012 года, а инаугурация состоялась 7 мая.", "инаугурация", "7 мая", "2012-05-07"),
        # A date at the head of the sentence dates the event in the subordinate phrase too.
        ("В 1944 году, после высадки союзников в Нормандии, в Париже началось восстание.", "высадки", "В 1944 году", "1944-01-01"),
        ("Землетрясение в Японии 11 марта 2011 года унесло жизни тысяч людей.", "Землетрясение", "11 марта 2011 года", "2011-03-11"),
    ],
)
def test_an_event_takes_its_own_date(analyse, text, trigger, date, earliest):
    doc = analyse(text)
    ev = event(doc, trigger)
    assert linked_timex_texts(doc, ev) == {date}
    assert ev.time.earliest == earliest


@pytest.mark.parametrize(
    "text, trigger, place, not_place",
    [
        ("В 1944 году, после высадки союзников в Нормандии, в Париже началось восстание.", "восстание", "Париж", "Нормандия"),
        ("В 1944 году, после высадки союзников в Нормандии, в Париже началось восстание.", "высадки", "Нормандия", "Париж"),
        ("Землетрясение в Японии 11 марта 2011 года унесло жизни тысяч людей.", "Землетрясение", "Япония", None),
        ("Матч между «Спартаком» и «Зенитом» состоялся в Москве 12 мая.", "Матч", "Москва", None),
    ],
)
def test_a_place_goes_to_the_event_that_happened_there(analyse, text, trigger, place, not_place):
    doc = analyse(text)
    places = entity_names(doc, event(doc, trigger).places)
    assert place in places
    assert not_place not in places


@pytest.mark.parametrize(
    "text, trigger, role, who",
    [
        ("Матч между «Спартаком» и «Зенитом» состоялся в Москве 12 мая.", "Матч", "participant", {"Спартак", "Зенит"}),
        # The syntax rules' roles stay: the subject is the agent.
        ("Путин подписал указ о создании нового министерства.", "подписал", "agent", {"Путин"}),
        ("Полиция задержала в Лондоне двух подозреваемых.", "задержала", "agent", {"Полиция"}),
    ],
)
def test_participants(analyse, text, trigger, role, who):
    doc = analyse(text)
    assert who <= participants(doc, event(doc, trigger), role)


def test_a_modal_subject_goes_with_its_nearer_complement(analyse):
    doc = analyse(
        "По плану Гитлера, Париж должен был повторить судьбу Сталинграда: командование получило приказ "
        "уничтожить мосты, а также без колебаний подавить любую форму сопротивления."
    )
    assert "Париж" not in participants(doc, event(doc, "подавить"))


def test_every_link_names_the_span_it_rests_on(analyse):
    doc = analyse("Матч между «Спартаком» и «Зенитом» состоялся в Москве 12 мая.")
    args = event(doc, "Матч").arguments
    assert {doc.text[a.start:a.end] for a in args} >= {"Спартаком", "Зенитом", "Москве", "12 мая"}
    assert all(0 < a.score <= 1 for a in args)


def test_reset_takes_back_exactly_what_the_linker_added():
    import letopis
    from letopis.pipeline import Pipeline

    full = letopis.default_pipeline().stages
    at = [s.name for s in full].index("roles")
    doc = letopis.analyse("Матч между «Спартаком» и «Зенитом» состоялся в Москве 12 мая.", pipeline=Pipeline(full[:at]))
    before = [(e.id, list(e.participants), list(e.places), list(e.timexes), list(e.arguments)) for e in doc.events]
    full[at](doc)
    assert any(e.arguments for e in doc.events)
    roles.reset(doc)
    assert [(e.id, list(e.participants), list(e.places), list(e.timexes), list(e.arguments)) for e in doc.events] == before


@pytest.mark.parametrize(
    "text, trigger, who",
    [
        ("Генерал Жак Шабан-Дельмас считал, что восстание неизбежно.", "восстание", "Жак Шабан-Дельмас"),
        ("Вернувшись в Париж, Шабан-Дельмас обнаружил, что на 18 августа объявлена забастовка.", "забастовка", "Шабан-Дельмас"),
    ],
)
def test_who_thought_or_found_out_is_no_participant_of_what_was_thought(analyse, text, trigger, who):
    doc = analyse(text)
    assert not any(who in name or name in who for name in participants(doc, event(doc, trigger)))
