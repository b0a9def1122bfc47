"""Events on Russian sentences: triggers, folding, roles and factuality."""

import pytest


def events_of(doc):
    return {e.trigger.text: e for e in doc.events}


def names(doc, entity_id):
    """Every surface form of an entity in the document."""
    return {m.text for m in doc.mentions if m.entity == entity_id}


def role_texts(doc, event, role):
    found = set()
    for p in event.participants:
        if p.role == role:
            found |= names(doc, p.entity)
    return found


@pytest.mark.parametrize(
    "text, trigger, kind",
    [
        ("Немцы запретили все праздничные демонстрации.", "запретили", "ban"),
        ("В 1812 году французская армия заняла Москву.", "заняла", "capture"),
        ("Эйзенхауэр направил в Париж две дивизии.", "направил", "deployment"),
        ("Рабочие объявили всеобщую забастовку.", "забастовку", "strike"),
        ("В Варшаве вспыхнуло восстание.", "восстание", "uprising"),
        ("Генерал вернулся в Москву весной.", "вернулся", "travel"),
        ("Пётр I основал Санкт-Петербург в 1703 году.", "основал", "founding"),
        ("Полиция провела облавы в рабочих кварталах.", "облавы", "persecution"),
        ("Командование получило приказ уничтожить мосты.", "приказ", "order"),
        ("Суворов родился в Москве.", "родился", "birth"),
        ("Наполеон умер на острове Святой Елены.", "умер", "death"),
    ],
)
def test_trigger_and_type(analyse, text, trigger, kind):
    doc = analyse(text)
    assert events_of(doc)[trigger].type == kind


@pytest.mark.parametrize(
    "text, event, phase, absent",
    [
        ("6 июня 1944 года началась высадка в Нормандии.", "высадка", "begin", "началась"),
        ("В ходе боёв парижане смогли занять ратушу.", "занять", None, "смогли"),
        ("Вскоре армия начала наступление на город.", "наступление", "begin", "начала"),
    ],
)
def test_phasal_and_modal_verbs_fold_into_the_event_they_govern(analyse, text, event, phase, absent):
    doc = analyse(text)
    found = events_of(doc)
    assert absent not in found
    assert found[event].phase == phase


def test_participle_of_a_light_verb_folds_into_its_noun_and_gives_the_agent(analyse):
    doc = analyse("Полковник Анри Роль-Танги вернулся в штаб. Призыв к мобилизации, изданный им в начале августа, ускорил восстание.")
    found = events_of(doc)
    assert "изданный" not in found
    assert any("Роль-Танги" in text for text in role_texts(doc, found["Призыв"], "agent"))


@pytest.mark.parametrize(
    "text, trigger, agent",
    [
        ("Немцы запретили все праздничные демонстрации.", "запретили", "Немцы"),
        ("Генерал Эйзенхауэр направил в Париж две дивизии.", "направил", "Эйзенхауэр"),
        ("Шарль де Голль настоял на вмешательстве союзных войск.", "настоял", "де Голль"),
    ],
)
def test_agent_from_the_subject(analyse, text, trigger, agent):
    doc = analyse(text)
    assert any(agent in name for name in role_texts(doc, events_of(doc)[trigger], "agent"))


def test_gerund_shares_the_subject_of_its_clause(analyse):
    doc = analyse("Вернувшись в Париж, Шабан-Дельмас обнаружил плакаты.")
    found = events_of(doc)
    assert any("Шабан-Дельмас" in n for n in role_texts(doc, found["Вернувшись"], "agent"))


@pytest.mark.parametrize(
    "text, trigger, place",
    [
        ("6 июня 1944 года началась высадка в Нормандии.", "высадка", "Нормандии"),
        ("Вернувшись в Париж, генерал обнаружил плакаты.", "Вернувшись", "Париж"),
        ("В Варшаве вспыхнуло восстание.", "восстание", "Варшаве"),
    ],
)
def test_places_from_locative_and_directional_phrases(analyse, text, trigger, place):
    doc = analyse(text)
    event = events_of(doc)[trigger]
    assert any(place in names(doc, p) for p in event.places)


@pytest.mark.parametrize(
    "text, trigger, factuality",
    [
        ("Немцы запретили все праздничные демонстрации.", "запретили", "actual"),
        ("Немцы не запретили демонстрации.", "запретили", "negated"),
        ("Командование получило приказ уничтожить мосты.", "уничтожить", "intended"),
        ("Командование получило приказ уничтожить мосты.", "приказ", "actual"),
        ("Рабочие призывали к забастовке.", "забастовке", "intended"),
        ("Командование получило приказ уничтожить мосты. Но этого не произошло.", "уничтожить", "unrealized"),
        ("Он просил командование о переброске сил, однако это не привело к результату.", "переброске", "unrealized"),
        ("Он просил командование о переброске сил, однако это не привело к результату.", "просил", "actual"),
        ("Возможно, армия отступила к реке.", "отступила", "uncertain"),
    ],
)
def test_factuality(analyse, text, trigger, factuality):
    doc = analyse(text)
    assert events_of(doc)[trigger].factuality == factuality


@pytest.mark.parametrize(
    "text, not_a_trigger",
    [
        ("Комитет освобождения Парижа распространял листовки.", "освобождения"),
        ("Внимание оккупантов и оккупированных было приковано к фронту.", "оккупированных"),
        ("Освобождение уже полностью оккупированной Франции началось летом.", "оккупированной"),
    ],
)
def test_names_and_attributive_participles_are_not_events(analyse, text, not_a_trigger):
    assert not_a_trigger not in events_of(analyse(text))


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("Позднее ведомство объявило о смерти своего военного.", "смерти"),
        ("После смерти короля престол перешёл к его сыну.", "смерти"),
    ],
)
def test_noun_in_t_is_not_a_participle(analyse, text, trigger):
    assert trigger in [e.trigger.text for e in analyse(text).events]


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("Он занимает пост мэра с 2010 года.", "занимает"),
        ("Министр займет должность губернатора.", "займет"),
        ("Ответственность за взрыв взяла на себя группировка.", "взяла"),
    ],
)
def test_capture_verb_in_a_fixed_expression_is_no_event(analyse, text, trigger):
    assert trigger not in [e.trigger.text for e in analyse(text).events]


@pytest.mark.parametrize(
    "text, trigger, present",
    [
        ("На 18 августа была объявлена забастовка.", "объявлена", True),
        ("Пресс-служба сообщила, что расследование продолжается.", "сообщила", False),
    ],
)
def test_a_rarely_marked_lemma_triggers_only_when_it_governs_an_event(analyse, text, trigger, present):
    assert (trigger in [e.trigger.text for e in analyse(text).events]) is present


@pytest.mark.parametrize(
    "text, trigger, present",
    [
        ("Горлов Александр, 1963 года рождения, работает электромонтером.", "рождения", False),
        ("Дата смерти писателя неизвестна.", "смерти", False),
        ("После смерти короля престол перешёл к его сыну.", "смерти", True),
    ],
)
def test_birth_or_death_as_a_personal_detail_is_no_event(analyse, text, trigger, present):
    assert (trigger in [e.trigger.text for e in analyse(text).events]) is present


@pytest.mark.parametrize(
    "text, trigger, kind",
    [
        # words outside the hand-made lexicon that the classifier learnt from NEREL train
        ("Пострадавший был госпитализирован в городскую больницу.", "госпитализирован", "other"),
        ("В субботу певица вышла замуж за бизнесмена.", "вышла", "personal"),
        # the lexicon's type stays with the word the classifier accepts
        ("Во вторник в Москве прошли президентские выборы.", "выборы", "election"),
        ("Министр подал в отставку в понедельник.", "отставку", "appointment"),
    ],
)
def test_classifier_finds_events_and_keeps_their_type(analyse, text, trigger, kind):
    assert events_of(analyse(text))[trigger].type == kind


@pytest.mark.parametrize(
    "text, words",
    [
        ("Министр подал в отставку в понедельник.", {"подал", "отставку"}),
        ("Во вторник в Москве прошли президентские выборы.", {"президентские", "выборы"}),
        ("Против него возбуждено уголовное дело.", {"возбуждено", "дело"}),
    ],
)
def test_event_words_of_one_phrase_make_one_event(analyse, text, words):
    doc = analyse(text)
    holding = [e for e in doc.events if words <= {doc.tokens[c].text for c in e.carriers}]
    assert len(holding) == 1, [(e.trigger.text, e.carriers) for e in doc.events]
    assert len(words & {e.trigger.text for e in doc.events}) == 1


@pytest.mark.parametrize(
    "text, not_a_trigger",
    [
        ("Президент заявил журналистам, что ситуация под контролем.", "заявил"),
        ("Об этом сообщила пресс-служба министерства.", "сообщила"),
        ("Внимание журналистов привлекла новая книга.", "книга"),
    ],
)
def test_reported_speech_and_plain_things_are_not_events(analyse, text, not_a_trigger):
    assert not_a_trigger not in [e.trigger.text for e in analyse(text).events]


@pytest.mark.parametrize(
    "text, trigger, kind",
    [
        # participles and gerunds heading their own clause carry their own event
        ("Прибывшие в Париж войска заняли вокзал.", "Прибывшие", "travel"),
        ("Вернувшись в Лондон, он подписал указ о мобилизации.", "Вернувшись", "travel"),
        # speech acts NEREL does not mark stand when they ask for something
        ("Он просил союзников о помощи.", "просил", "request"),
        ("Плакаты, призывающие к восстанию, висели по всему городу.", "призывающие", "appeal"),
    ],
)
def test_participles_gerunds_and_speech_acts_with_a_content(analyse, text, trigger, kind):
    assert events_of(analyse(text))[trigger].type == kind


def test_a_cycle_in_the_parse_does_not_stop_the_events_stage(analyse):
    # The parser makes «несогласование» and «митинга» each other's head here; following
    # heads without a guard never ended.
    text = "Лидера оппозиции вновь взяли под домашний арест за несогласование митинга против введения чрезвычайного положения с властями."
    doc = analyse(text)
    heads = [t.head for t in doc.tokens]
    assert any(heads[h] == i for i, h in enumerate(heads) if h >= 0)  # two words head each other
    assert "арест" in {e.trigger.text for e in doc.events}


@pytest.mark.parametrize(
    "step, start, end",
    [({1: 2, 2: 3}, 1, 3), ({1: 2, 2: 1}, 1, 2), ({1: 2, 2: 1}, 2, 1), ({5: 6, 6: 7, 7: 6}, 5, 7)],
)
def test_following_heads_ends_on_a_cycle(step, start, end):
    from letopis.stages.events import _break_cycles, _last

    assert _last(step, start) == end
    cut = dict(step)
    _break_cycles(cut)
    assert all(_last(cut, i) not in cut for i in cut)  # every chain now ends outside the mapping


@pytest.mark.parametrize(
    "text, content, factuality",
    [
        ("Гарнизон получил приказ взорвать мост, но этого не произошло.", "взорвать", "unrealized"),
        ("Командование получило приказ уничтожить склады.", "уничтожить", "intended"),
    ],
)
def test_what_an_order_asks_for_is_an_event(analyse, text, content, factuality):
    events = {e.trigger.text: e for e in analyse(text).events}
    assert "приказ" in events and content in events
    assert events[content].factuality == factuality
