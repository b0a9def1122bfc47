"""Historical names: declined foreign names, initials, invisible characters, types from context.

Each table is a family of cases in sentences written for the test; the whole entity stage
runs on them (`analysed`), as it does on a chronicle."""

from __future__ import annotations

import pytest

from letopis.entities.normalise import clean_word, spaced_initials, visible

from letopis.doc import Mention
from letopis.entities import types

from entities_support import mention_at, tokens_of


def _entity_of(doc, text: str, occurrence: int = 0):
    m = mention_at(doc, text, occurrence)
    assert m.entity is not None, f"{text!r} has no entity (type {m.type})"
    return next(e for e in doc.entities if e.id == m.entity)


DECLINED = [
    # a foreign name the dictionary does not know, declined as a hard-stem masculine noun
    ("Эйлер много лет переписывался с Лагранжем.", "Лагранжем", "Лагранж"),
    ("В юности он читал Гомера и Вергилия.", "Гомера", "Гомер"),
    ("Молодой математик учился у Клебша в Гёттингене.", "Клебша", "Клебш"),
    # the nominative the document writes itself decides
    ("Князь Миндовг принял крещение. Войска Миндовга двинулись на запад.", "Миндовга", "Миндовг"),
    ("Антанас Сметона правил страной. Заговор против Антанаса Сметону раскрыли.", "Антанаса Сметону", "Антанас Сметона"),
    # two declined forms of one name agree on its nominative
    ("Паскаль познакомился с Дезаргом. Позже он изучал труды Дезарга.", "Дезаргом", "Дезарг"),
    # a one-word name the tagger lemmatises right, whatever case it guessed
    ("Письмо было отправлено Гамильтону в Дублин.", "Гамильтону", "Гамильтон"),
    ("Молодой Паскаль читал Аполлония в подлиннике.", "Аполлония", "Аполлоний"),
    # an indeclinable name stays as written
    ("Министр встретился с Жоржем Помпиду.", "Жоржем Помпиду", "Жорж Помпиду"),
    ("Реформы провёл министр финансов Витте.", "Витте", "Витте"),
    # a woman's surname is not a man's in the genitive
    ("Наташа Ростова танцевала, Николай Ростов смотрел на неё.", "Наташа Ростова", "Наташа Ростова"),
]


@pytest.mark.parametrize("text, mention, name", DECLINED)
def test_declined_names_take_the_documents_nominative(analysed, text, mention, name):
    assert mention_at(analysed(text), mention).normal == name


SAME_PERSON = [
    ("В апреле В.И.Ленин вернулся в Петроград. Вскоре В. И. Ленин выступил с тезисами.", "В.И.Ленин", "В. И. Ленин"),
    ("А.Ф. Керенский возглавил правительство. Летом А. Ф. Керенский выехал на фронт.", "А.Ф. Керенский", "А. Ф. Керенский"),
    ("Нико\u00adлай II подписал манифест. Николай II уехал в Ставку.", "Нико\u00adлай II", "Николай II"),
]


@pytest.mark.parametrize("text, first, second", SAME_PERSON)
def test_one_person_however_the_name_is_spaced(analysed, text, first, second):
    doc = analysed(text)
    a, b = _entity_of(doc, first), _entity_of(doc, second)
    assert a.id == b.id
    assert "\u00ad" not in a.name and "." not in a.name.replace(". ", "").rstrip(".") or a.name == spaced_initials(a.name)


TYPED = [
    # a capitalised word after a title is a person, not the town of that name
    ("Новое правительство (пред. Львов) собралось утром.", "Львов", "PERSON"),
    ("Вечером князь Львов уехал в Москву.", "Львов", "PERSON"),
    # a soviet is an organisation, whatever its name looks like
    ("В марте Петросовет издал приказ по гарнизону.", "Петросовет", "ORGANIZATION"),
    # a name after an award noun is the award's saint, no person of the story
    ("За храбрость он был награждён орденом Святого Владимира.", "Святого Владимира", None),
    # a named battle is an event, never a place
    ("Бородинское сражение продолжалось весь день.", "Бородинское сражение", None),
    # a family in the plural is a group
    ("При дворе усилились Голицыны.", "Голицыны", "GROUP"),
    # a person's surname is a person where no preposition makes it a place
    ("Николай Ростов вернулся домой. Ростов долго молчал.", "Ростов", "PERSON"),
    ("Николай Ростов вернулся домой. Потом он уехал в Ростов.", "Ростов", "LOCATION"),
]


@pytest.mark.parametrize("text, mention, kind", TYPED)
def test_types_from_context(analysed, text, mention, kind):
    doc = analysed(text)
    found = [m for m in doc.mentions if m.text == mention]
    if kind is None:  # no entity at all, or at least not a person or a place
        assert all(m.entity is None for m in found), [(m.type, m.entity) for m in found]
    else:
        m = found[-1]
        assert m.type == kind and m.entity is not None


def test_a_person_gets_no_pin(analysed):
    doc = analysed("Новое правительство (пред. Львов) собралось утром.")
    assert not _entity_of(doc, "Львов").attributes.get("geo")


WORDS = [
    ("Нико\u00adлай", "Николай"),
    ("наук13", "наук"),
    ("Пикокангл", "Пикок"),
    ("Паскальвд", "Паскаль"),
    ("Эйлер", "Эйлер"),
    ("Т-34", "Т-34"),
]


@pytest.mark.parametrize("word, clean", WORDS)
def test_clean_word(word, clean):
    assert clean_word(word) == clean


@pytest.mark.parametrize("name, spaced", [
    ("В.И.Ленин", "В. И. Ленин"), ("В.И. Ленин", "В. И. Ленин"), ("А. Ф. Керенский", "А. Ф. Керенский"),
    ("Г.Головкин", "Г. Головкин"), ("Николай II", "Николай II"),
])
def test_spaced_initials(name, spaced):
    assert spaced_initials(name) == spaced


def test_invisible_characters_go():
    assert visible("Бона\u200bпарт\u00ad") == "Бонапарт"


RULES = [
    # (rule, sentence, words, the recogniser's type, the rule's answer)
    ("council", "В марте Петросовет издал приказ.", "Петросовет", "PERSON", "ORGANIZATION"),
    ("council", "Решение утвердил Горсовет.", "Горсовет", "LOCATION", "ORGANIZATION"),
    ("council", "Князь Владимир крестил Русь.", "Владимир", "PERSON", None),
    ("titled_name", "Мэр Байи вышел к толпе.", "Байи", "LOCATION", "PERSON"),
    ("titled_name", "Мэр Москвы вышел к толпе.", "Москвы", "LOCATION", None),
    ("titled_name", "Генерал Милорадович выехал к войскам.", "Милорадович", "LOCATION", "PERSON"),
    ("titled_name", "Визит президента США завершился.", "США", "LOCATION", None),
    ("titled_name", "Речь мэра Парижа прервали.", "Парижа", "LOCATION", None),
    ("award_saint", "Ему дали орден Святого Георгия.", "Георгия", "PERSON", "AWARD"),
    ("award_saint", "Ему помогал князь Георгий.", "Георгий", "PERSON", None),
    ("named_event", "Полтавская битва решила исход войны.", "Полтавская битва", "LOCATION", "EVENT"),
    ("named_event", "Войска стояли под Полтавой.", "Полтавой", "LOCATION", None),
    ("state_name", "Наполеон разбил Пруссию.", "Пруссию", "PERSON", "LOCATION"),
    ("state_name", "Войска вёл Суворов.", "Суворов", "PERSON", None),
    ("state_name", "Он учился в Гёттингене.", "Гёттингене", "PERSON", "LOCATION"),
    ("person_word", "Флотом командовал Ушаков.", "Ушаков", "LOCATION", "PERSON"),
    ("person_word", "Флот вошёл в Севастополь.", "Севастополь", "LOCATION", None),
    ("family", "Власть взяли Голицыны.", "Голицыны", "PERSON", "GROUP"),
    ("family", "Власть взял Голицын.", "Голицын", "PERSON", None),
    ("common_word", "Диссертация была защищена весной.", "Диссертация", "PERSON", "OTHER"),
    ("common_word", "Роза вышла в сад.", "Роза", "PERSON", None),
    ("titled_name", "Визит мэра Ньюарка завершился.", "Ньюарка", "LOCATION", None),
    ("person_word", "Флот вошёл в Бакингемшир.", "Бакингемшир", "LOCATION", None),
    ("family", "Власть взяли Бонуры.", "Бонуры", "PERSON", None),
    # a collective noun in any case, kin in the plural whatever lemma the tagger gives
    ("family", "Он был другом семьи Гримм.", "Гримм", "PERSON", "GROUP"),
    ("family", "По совету братьев Гримм он уехал в Кассель.", "Гримм", "PERSON", "GROUP"),
    ("family", "Дом брата Петрова сгорел.", "Петрова", "PERSON", None),
    ("name_adjective", "Он стал Лукасовским профессором.", "Лукасовским", "PERSON", "OTHER"),
    # a proper word with an adjective's suffix before its noun, whatever part of speech the tagger gave it
    ("name_adjective", "В обязанности Сэдлеровского профессора входило чтение лекций.", "Сэдлеровского", "PERSON", "OTHER"),
    ("name_adjective", "Это был роман Толстого.", "Толстого", "PERSON", None),
    # a heading with no stop, then a line that opens with a common word
    ("common_word", "Распад державы\nВопреки воле отца сын ушёл на север.", "Вопреки", "PERSON", "OTHER"),
    ("common_word", "1767 - Амнистия (прощены беглые).", "Амнистия", "PERSON", "OTHER"),
    # mid-line, after a comma, the capital is free: a name or a title, left as it is
    ("common_word", "Одна из работ, Диссертация о звуке, вышла в Базеле.", "Диссертация", "PERSON", None),
]


def test_a_repeated_opening_word_is_no_evidence_of_a_name(analysed):
    # the same page pasted twice, each line opening with a common word
    page = "Поход на юг\nВопреки совету бояр князь повёл дружину к морю.\n"
    doc = analysed(page + page)
    assert not [e for e in doc.entities if e.type == "PERSON" and e.name == "Вопреки"]


def test_a_common_word_named_mid_sentence_stays_a_name(analysed):
    doc = analysed("Роза вышла в сад. Потом к ней подошла Роза и её брат.")
    assert [e for e in doc.entities if e.type == "PERSON" and e.name == "Роза"]


@pytest.mark.parametrize("rule, text, words, was, answer", RULES)
def test_type_rules(parsed, rule, text, words, was, answer):
    doc = parsed(text)
    tokens = tokens_of(doc, words)
    start = doc.text.index(words)
    m = Mention(start, start + len(words), words, was)
    assert dict(types.RULES)[rule](doc, m, tokens) == answer


ALIASES = [
    ("Наполеон перешёл Неман. Бонапарт был уверен в быстрой победе.", "Наполеон", "Бонапарт", True),
    ("Сталин выступил по радио. Джугашвили в юности учился в семинарии.", "Сталин", "Джугашвили", True),
    ("Наполеон перешёл Неман. Кутузов отступал к Москве.", "Наполеон", "Кутузов", False),
]


@pytest.mark.parametrize("text, first, second, same", ALIASES)
def test_well_known_other_names(analysed, text, first, second, same):
    doc = analysed(text)
    a, b = mention_at(doc, first), mention_at(doc, second)
    assert (a.entity == b.entity) is same
    if same:
        assert "alias of" in (b.evidence or a.evidence or "")


PHRASES = [
    # a line of notes opening with a verb: the verb is no part of the name
    ("1862 г. Основан Путиловский завод.", "Путиловский завод"),
    # a preposition the recogniser took in at the end goes
    ("Наступала Красная армия по всему фронту.", "Красная армия"),
]


@pytest.mark.parametrize("text, name", PHRASES)
def test_phrase_names_without_stray_words(analysed, text, name):
    doc = analysed(text)
    assert any(e.name.lower() == name.lower() for e in doc.entities), [e.name for e in doc.entities]


PLACES = [
    # a river is a river, not a town of its name
    ("Армия переправилась через Западную Двину.", "Западную Двину", "Западная Двина", "RIVER"),
    ("Летом флот вышел в Балтийское море.", "Балтийское море", "Балтийское море", "SEA"),
    # a historical region the recogniser calls a city stays the region where no town of the
    # name lies in a country the text names
    ("Орден долго воевал в Ливонии.", "Ливонии", "Ливония", "REGION"),
]


@pytest.mark.parametrize("text, mention, name, kind", PLACES)
def test_places_of_their_own_kind(analysed, text, mention, name, kind):
    entity = _entity_of(analysed(text), mention)
    assert entity.name == name
    assert entity.attributes["geo"]["kind"] == kind


@pytest.mark.parametrize("word, lemmas, known", [
    ("Казани", ["казан"], "Казань"),
    ("Сене", ["сено"], "Сена"),
    ("Ливонии", [], "Ливония"),
    ("Кукуреку", [], None),
])
def test_a_place_form_the_gazetteer_knows(word, lemmas, known):
    from letopis.entities.geo import known_form

    assert known_form(word, lemmas) == known
