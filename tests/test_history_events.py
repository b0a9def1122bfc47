"""Events of historical narrative: named events, light and copular verbs, gapping, note
lines, and the words that are never events (issue «every event a historian would list»)."""

import pytest


def triggers(doc):
    return [e.trigger.text for e in doc.events]


# The history adaptation reads historical narrative (a text dense in past dates): the cases
# below stand at the end of such a passage, as they would in a biography or a chronicle.
PASSAGE = (
    "Летопись рода начинается в 1701 году. В 1725 году семья перебралась в Тверь. "
    "Зима 1740 года выдалась суровой. К 1761 году имение разорилось. В 1790 году дом продали. "
)


def in_passage(analyse, text):
    return analyse(PASSAGE + text)


def covered(doc, word):
    """Whether an event's trigger lies on `word` (its last occurrence in the text)."""
    start = doc.text.rindex(word)
    return any(e.trigger.start < start + len(word) and start < e.trigger.end for e in doc.events)


@pytest.mark.parametrize(
    "text, word",
    [
        # named events, with or without a light verb, in any word order
        ("7 сентября 1812 года произошло Бородинское сражение.", "сражение"),
        ("Бородинское сражение произошло в 1812 году.", "сражение"),
        ("В апреле 1242 года на Чудском озере состоялось Ледовое побоище.", "побоище"),
        ("В августе 1572 года Париж пережил Варфоломеевскую ночь.", "ночь"),
        ("Февральская революция свергла самодержавие.", "революция"),
        ("В 1917 году Февральская революция свергла самодержавие.", "революция"),
        # light verbs and copular events
        ("Летом 1760 года юношу зачислили в гвардию.", "зачислили"),
        ("Осенью 1831 года он был зачислен в университет.", "зачислен"),
        ("В 1840 году Петров получил степень магистра.", "получил"),
        ("Владимир стал столицей княжества в 1157 году.", "столицей"),
        ("В 1955 году она стала заслуженной артисткой.", "стала"),
        ("В 1147 году Москва впервые упоминается в летописи.", "упоминается"),
        ("В XII веке князь Юрий Долгорукий основал Москву.", "основал"),
        ("На следующий день гарнизон капитулировал.", "капитулировал"),
        # nominal events of study notes
        ("1571 – Набег крымского хана на Москву.", "Набег"),
        ("1552 – Осада Казани.", "Осада"),
        ("1237 – Поход Батыя на Рязань.", "Поход"),
    ],
)
def test_history_event_found(analyse, text, word):
    doc = in_passage(analyse, text)
    assert covered(doc, word), triggers(doc)


def test_gapping_repeats_the_event(analyse):
    doc = in_passage(analyse, "В 1901 году он стал членом-корреспондентом, в 1910 — академиком.")
    own = [e for e in doc.events if e.trigger.start >= len(PASSAGE)]
    assert covered(doc, "академиком") and len(own) == 2, triggers(doc)


def test_gapping_second_status_dated_apart(analyse):
    doc = in_passage(analyse, "В 1950 году она стала заслуженной артисткой, в 1960 — народной артисткой РСФСР.")
    second = doc.text.rindex("артисткой")
    assert any(e.trigger.start == second for e in doc.events), triggers(doc)
    assert len([e for e in doc.events if e.trigger.start >= len(PASSAGE)]) == 2, triggers(doc)


def test_short_news_keeps_the_news_sense(analyse):
    # a text without a chronicle's dates is read with NEREL's sense of event alone
    from letopis.stages.events import historical

    assert not historical(analyse("В 1840 году Петров получил степень магистра."))
    assert historical(in_passage(analyse, "В 1840 году Петров получил степень магистра."))


# A news report that recalls a life in old dates still writes from its own day: its narrator
# speaks of today and of what will be; the historian's sense of event stays out of it.
NEWS_RECALLING_THE_PAST = (
    "Сегодня в Твери откроют памятник инженеру Сергею Лебедеву. На церемонию приедут его внуки. "
    "Лебедев родился в 1902 году. В 1924 году он окончил институт, в 1931 году получил степень, "
    "в 1935 году стал профессором, в 1950 году переехал в Москву, умер в 1974 году."
)
LIFE = (
    "Лебедев родился в 1902 году. В 1924 году он окончил институт, в 1931 году получил степень, "
    "в 1935 году стал профессором, в 1950 году переехал в Москву, умер в 1974 году."
)


@pytest.mark.parametrize(
    "text, genre, expected",
    [
        (LIFE, "auto", True),  # dense in past dates, a narrator after all he tells
        (NEWS_RECALLING_THE_PAST, "auto", False),  # «сегодня», «откроют», «приедут»
        (NEWS_RECALLING_THE_PAST, "history", True),  # the caller's word decides
        (LIFE, "news", False),
        # one word counting from the day of writing is enough; the storyteller's «тому назад» is not
        ("Избиратели штата отменили закон о пошлинах. Закон был принят в 1865 году, дополнен в 1872 и "
         "1880 годах, пересмотрен в 1901 году и подтверждён в 1923 году. Три года назад вопрос уже "
         "выносили на голосование.", "auto", False),
        (LIFE + " Год тому назад он уже бывал в Москве.", "auto", True),
        ("В 1840 году Петров получил степень магистра.", "history", True),
    ],
)
def test_genre_of_the_text(analyse, text, genre, expected):
    from letopis.stages.narrative import historical

    assert historical(analyse(text, genre=genre)) is expected


def test_quoted_future_is_no_present_of_the_narrator(analyse):
    from letopis.stages.narrative import present_marks

    doc = analyse(LIFE + " «Завтра мы уедем и вернёмся не скоро», — писал он брату.\n– Завтра увидимся, – сказал он.")
    assert present_marks(doc) == 0


def test_genre_hint_finds_the_lone_sentence_event(analyse):
    doc = analyse("В 1840 году Петров получил степень магистра.", genre="history")
    assert covered(doc, "получил"), triggers(doc)


def test_unknown_genre_is_refused(analyse):
    with pytest.raises(ValueError, match="genre takes one of"):
        analyse("Текст.", genre="novel")


def test_named_event_is_no_place(analyse):
    doc = analyse("26 августа 1812 года произошло Бородинское сражение.")
    assert not any(m.type == "LOCATION" and "сражение" in m.text for m in doc.mentions)
    assert not any("сражение" in e.name for e in doc.entities)


@pytest.mark.parametrize(
    "text, word",
    [
        ("Великое княжество Литовское усилилось при Витовте.", "Великое"),
        ("Вопросы государственного устройства обсуждались долго.", "государственного"),
        ("В 1917 году открылся I Всероссийский съезд Советов.", "I "),
        ("Апрель 1605 года выдался холодным.", "Апрель"),
        ("В четверг шёл дождь.", "четверг"),
        ("Каждую весну крестьяне выходили в поле.", "выходили"),
        ("Он обычно охотился в окрестных лесах.", "охотился"),
    ],
)
def test_no_junk_trigger(analyse, text, word):
    doc = in_passage(analyse, text)
    assert not covered(doc, word), triggers(doc)


@pytest.mark.parametrize("text", ["Ему было трудно в новой школе.", "Весь вечер он был весел и спокоен."])
def test_states_are_no_events(analyse, text):
    doc = in_passage(analyse, text)
    assert [e for e in doc.events if e.trigger.start >= len(PASSAGE)] == [], triggers(doc)


# A status taken, said of someone: a noun of office or membership as a predicate.
@pytest.mark.parametrize(
    "text, word",
    [
        ("В 1901 году он был председателем общества любителей словесности.", "председателем"),
        ("С 1880 года Мечников — профессор Новороссийского университета.", "профессор"),
        ("С 1905 года он состоял членом городской думы.", "членом"),
        ("Член Русского географического общества 1870, член-корреспондент Академии наук 1876.", "член-корреспондент"),
        ("В 1912 году стал деканом, в 1917 году — ректором.", "ректором"),
    ],
)
def test_status_predicate_is_an_event(analyse, text, word):
    doc = in_passage(analyse, text)
    assert covered(doc, word), triggers(doc)


@pytest.mark.parametrize(
    "text, word",
    [
        ("В 1870 году он отправил письмо президенту академии.", "президенту"),
        ("Оставаясь почётным членом академии, он в 1741 году переехал в Берлин.", "членом"),
    ],
)
def test_office_word_that_tells_no_status(analyse, text, word):
    doc = in_passage(analyse, text)
    assert not covered(doc, word), triggers(doc)


# The one a life story tells of does what a verb without a doer of its own does, and holds
# the status of a verbless line; the body one holds office in is not the doer.
BIOGRAPHY = (
    "Иван Петрович Сомов родился в 1840 году в Туле. В 1858 году Сомов поступил в университет. "
    "Сомов учился у лучших профессоров. В 1862 году Сомов защитил диссертацию. В 1865 году Сомов уехал в Казань. "
    "Его сестра Анна в 1866 году вышла замуж. Женился в 1868 году на дочери купца. "
    "Лауреат Демидовской премии 1872 года. "
    "В 1880 году был председателем Казанского физико-математического общества. Умер в 1901 году."
)


@pytest.mark.parametrize("word", ["Женился", "Лауреат", "председателем", "Умер"])
def test_protagonist_is_the_doer(analyse, word):
    doc = analyse(BIOGRAPHY)
    at = doc.text.index(word)
    event = next(e for e in doc.events if e.trigger.start <= at < e.trigger.end)
    names = {e.id: e.name for e in doc.entities}
    assert [names[p.entity] for p in event.participants if p.role == "agent"] == ["Иван Петрович Сомов"]


def test_no_protagonist_among_equals(analyse):
    from letopis.stages.agents import main_person

    doc = analyse("В 1601 году Борис Годунов принял послов. В 1603 году Василий Шуйский уехал в Псков. "
                  "В 1605 году Годунов умер. В 1606 году Шуйский стал царём. В 1610 году Шуйского свергли.")
    assert main_person(doc) is None


# Words that tell no event of their own: time spent somewhere, the complement of a state,
# war in general (a plural with no name or number).
@pytest.mark.parametrize(
    "text, word",
    [
        ("Лето 1830 года семья провела в Крыму.", "провела"),
        ("Почти полжизни он провёл в Казани.", "провёл"),
        ("В 1741 году, оставаясь почётным членом академии, он переехал в Берлин.", "членом"),
        ("В 1799 году он написал записку о вреде наступательных войн.", "войн"),
        ("В 1799 году он написал записку о вреде наступательных войн.", "наступательных"),
        ("В 1940 году на западном фронте почти не было боёв.", "боёв"),
    ],
)
def test_no_event_of_its_own(analyse, text, word):
    doc = in_passage(analyse, text)
    assert not covered(doc, word), triggers(doc)


@pytest.mark.parametrize(
    "text, word",
    [
        ("В 1696 году Азовские походы завершились взятием крепости.", "походы"),
        ("В 1700 году начались две войны.", "войны"),
        ("С 1905 года он состоял членом городской думы.", "членом"),
    ],
)
def test_named_or_counted_wars_and_held_status_stay(analyse, text, word):
    doc = in_passage(analyse, text)
    assert covered(doc, word), triggers(doc)


def test_troops_stand_for_their_owner_as_doer_of_a_passive(analyse):
    doc = in_passage(analyse, "В 1552 году Казань была взята войсками Ивана Грозного.")
    event = next(e for e in doc.events if e.trigger.text == "взята")
    names = {e.id: e.name for e in doc.entities}
    roles = {(p.role, names[p.entity]) for p in event.participants}
    assert ("agent", "Иван Грозный") in roles and ("patient", "Казань") in roles, roles


def test_passive_doer_is_the_agent_and_subject_the_patient(analyse):
    doc = in_passage(analyse, "Митрополит Филипп был задушен Малютой Скуратовым в 1569 году.")
    event = next(e for e in doc.events if e.trigger.text == "задушен")
    names = {e.id: e.name for e in doc.entities}
    roles = {(p.role, names[p.entity]) for p in event.participants}
    assert ("agent", "Малюта Скуратов") in roles and ("patient", "Филипп") in roles, roles


def test_manner_instrumental_is_one_event(analyse):
    # «взят штурмом»: the storm is how the town was taken, one capture, not two events
    doc = in_passage(analyse, "В 1169 году Киев был взят штурмом.")
    own = [e.trigger.text for e in doc.events if e.trigger.start >= len(PASSAGE)]
    assert len(own) == 1 and covered(doc, "взят"), own


def test_new_sentence_without_subject_goes_back_to_the_protagonist(analyse):
    # «Мельников так и не женился. Умер …»: in a life of Сомов the subject-less «Умер» is Сомов's
    text = BIOGRAPHY.replace(" Умер в 1901 году.", " Его друг Мельников так и не женился. Умер в 1901 году.")
    doc = analyse(text)
    at = doc.text.index("Умер")
    event = next(e for e in doc.events if e.trigger.start <= at < e.trigger.end)
    names = {e.id: e.name for e in doc.entities}
    assert [names[p.entity] for p in event.participants if p.role == "agent"] == ["Иван Петрович Сомов"]


# Study notes whose line is a bare noun of action: the line records that event.
NOTES = (
    "1689 — Нерчинский договор с Цинской империей.\n"
    "1700 — Начало Северной войны.\n"
    "1703 — Основание Санкт-Петербурга.\n"
    "1709 — Полтавская битва.\n"
)


@pytest.mark.parametrize(
    "line, word",
    [
        ("1719 — Экспедиция на Камчатку.", "Экспедиция"),
        ("1727 — Посольство к хану Джунгарии.", "Посольство"),
        ("1744 — Разрыв союза с Пруссией.", "Разрыв"),
        ("1767 — Замена старых денег новыми.", "Замена"),
        ("1772 — Великое посольство в Персию.", "посольство"),
        ("1790 — Осложнение отношений со Швецией.", "Осложнение"),
    ],
)
def test_note_line_noun_of_action_is_an_event(analyse, line, word):
    doc = analyse(NOTES + line + "\n")
    assert covered(doc, word), triggers(doc)


@pytest.mark.parametrize(
    "lemma, expected",
    [
        ("разрыв", True), ("замена", True), ("отказ", True), ("осложнение", True),
        ("экспедиция", True), ("посольство", True), ("переход", True),
        ("москва", False), ("столица", False), ("государство", False), ("век", False), ("закон", False),
    ],
)
def test_noun_of_action(lemma, expected):
    from letopis.stages.history_events import action_noun

    assert action_noun(lemma) is expected


@pytest.mark.parametrize("heading", ["Развитие торговли с Востоком", "Отношения с Англией", "Причины войны"])
def test_undated_heading_of_notes_is_no_event(analyse, heading):
    doc = analyse(NOTES + heading + "\n")
    line = doc.text.index(heading)
    assert not any(n["rule"] == "note_line_event" and n["start"] >= line for n in doc.trace), triggers(doc)


def test_note_line_with_its_own_verb_is_read_by_its_verb(analyse):
    doc = analyse(NOTES + "1712 — Переезд двора в Петербург состоялся не сразу.\n")
    line = doc.text.index("1712")
    assert not any(n["rule"] == "note_line_event" and n["start"] > line for n in doc.trace), triggers(doc)
    assert covered(doc, "состоялся") or covered(doc, "Переезд"), triggers(doc)


# A story's everyday words and steps are no events of a chronology; a step that takes office,
# goes to war or appeals to a people is one.
@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("Вечером 1 мая 1805 года князь вышел из гостиной и сел в кресло.", "вышел", False),
        ("Осенью 1805 года граф сказал сыну, что тот поедет в полк.", "сказал", False),
        ("В 1805 году старик обратился к дочери и улыбнулся.", "обратился", False),
        ("Летом 1796 года генерал вышел в отставку.", "вышел", True),
        ("В 1805 году император обратился к народу с манифестом.", "обратился", True),
        ("В 1811 году вышла его первая книга.", "вышла", True),
        ("2 октября 1812 года французы вошли в оставленную жителями Москву.", "вошли", True),
        ("В мае 1805 года генерал вошёл в город.", "вошёл", True),
        ("В 1907 году профессор вошёл в комиссию по реформе школы.", "вошёл", True),
    ],
)
def test_everyday_act_of_a_story(analyse, text, word, expected):
    doc = in_passage(analyse, text)
    assert covered(doc, word) is expected, triggers(doc)


@pytest.mark.parametrize(
    "text, word",
    [
        ("Летом 1944 года внимание горожан было приковано к фронту.", "внимание"),
        ("Летом 1944 года внимание горожан было приковано к фронту.", "приковано"),
        ("В 1905 году на стенах появились плакаты, зовущие к стачке.", "плакаты"),
    ],
)
def test_attention_and_placards_are_no_events(analyse, text, word):
    doc = in_passage(analyse, text)
    assert not covered(doc, word), triggers(doc)


@pytest.mark.parametrize(
    "text, word",
    [
        ("— Оставьте нас, — сказала княжна и обратилась к брату.", "обратилась"),
        ("Доктор вышел из спальни и спросил, где хозяйка.", "вышел"),
        ("Доктор вышел из спальни и спросил, где хозяйка.", "спросил"),
    ],
)
def test_everyday_act_of_a_novel_without_dates(analyse, text, word):
    doc = analyse(text)
    assert not covered(doc, word), triggers(doc)
