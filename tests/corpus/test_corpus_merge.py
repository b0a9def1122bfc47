"""The merge as a pure function over hand-made contract dicts: which events become one, why,
and what the sources disagree on."""

from __future__ import annotations

import pytest
from corpus_support import Doc, corpus_event, merged, together

from letopis.corpus import Correction, merge
from letopis.corpus.features import event_key


@pytest.mark.parametrize("lemma, word", [
    ("забастовка", "забастовка"),  # the trigger's lemma, as the chronology carries it
    (None, "забастовк"),  # an event stored before lemmas were carried: the stem of its text
])
def test_one_strike_told_two_ways_is_one_event_with_its_evidence(lemma, word):
    a = Doc("Всеобщая забастовка 18 августа парализовала Париж.", "a.txt")
    strike_a = a.event("забастовка", "strike", "1944-08-18", lemma=lemma, places=(a.entity("Париж", geo="g:p"),))
    b = Doc("Забастовку, начатую в Париже 18 августа 1944 года, поддержал весь город.", "b.txt")
    strike_b = b.event("Забастовку", "strike", "1944-08-18", lemma=lemma, places=(b.entity("Париж", word="Париже", geo="g:p"),))
    result = merged(a, b)
    assert together(result, (a, strike_a), (b, strike_b))
    event = corpus_event(result, a, strike_a)
    assert event.time == {"earliest": "1944-08-18", "latest": "1944-08-18", "status": "agreed"}
    [evidence] = event.evidence
    assert evidence["features"]["type"] == "strike"
    assert evidence["features"]["trigger"] == word
    assert evidence["features"]["time"] == "same_day"
    assert evidence["score"] >= 3.0
    assert {m["source"] for m in event.mentions} == {"a.txt", "b.txt"}
    assert all(m["sentence"]["text"] for m in event.mentions)
    assert not result.conflicts


def test_two_events_of_one_document_never_merge_without_evidence_that_they_are_one():
    a = Doc("Первая забастовка в Лионе прошла 1 мая. Вторая забастовка в Лионе прошла 1 мая.")
    lyon = a.entity("Лион", word="Лионе", geo="g:l")
    first = a.event("забастовка", "strike", "1944-05-01", places=(lyon,))
    second = a.event("забастовка", "strike", "1944-05-01", occurrence=2, places=(lyon,))
    b = Doc("Забастовка в Лионе прошла 1 мая.")
    other = b.event("Забастовка", "strike", "1944-05-01", places=(b.entity("Лион", word="Лионе", geo="g:l"),))
    result = merged(a, b)
    assert not together(result, (a, first), (a, second))
    assert together(result, (a, first), (b, other)) != together(result, (a, second), (b, other))
    a.same(second, first)  # the document's word alone: no back-reference, no shared participant
    assert not together(merged(a, b), (a, first), (a, second))


def test_different_families_and_distant_dates_do_not_merge():
    a = Doc("Восстание в Праге началось 5 мая 1945 года.")
    uprising = a.event("Восстание", "uprising", "1945-05-05", places=(a.entity("Прага", word="Праге", geo="g:prague"),))
    b = Doc("Переговоры в Праге начались 5 мая 1945 года.")
    talks = b.event("Переговоры", "negotiation", "1945-05-05", places=(b.entity("Прага", word="Праге", geo="g:prague"),))
    c = Doc("Восстание в Праге началось 5 мая 1848 года.")
    old = c.event("Восстание", "uprising", "1848-05-05", places=(c.entity("Прага", word="Праге", geo="g:prague"),))
    result = merged(a, b, c)
    assert not together(result, (a, uprising), (b, talks))
    assert not together(result, (a, uprising), (c, old))


def test_wording_alone_is_not_enough():
    a = Doc("Освобождение было близко.")
    b = Doc("Все ждали освобождения.")
    result = merged(a, b)
    assert not together(result, (a, a.event("Освобождение", "capture")), (b, b.event("освобождения", "capture")))


def test_a_date_disagreement_keeps_both_claims_and_is_a_conflict():
    a = Doc("Восстание в Будапеште началось 23 октября 1956 года.", "a.txt")
    ua = a.event("Восстание", "uprising", "1956-10-23", places=(a.entity("Будапешт", word="Будапеште", geo="g:bud"),))
    b = Doc("Восстание в Будапеште началось 24 октября 1956 года.", "b.txt")
    ub = b.event("Восстание", "uprising", "1956-10-24", places=(b.entity("Будапешт", word="Будапеште", geo="g:bud"),))
    result = merged(a, b)
    event = corpus_event(result, a, ua)
    assert together(result, (a, ua), (b, ub))
    assert event.time == {"earliest": None, "latest": None, "status": "conflict", "sources": ["1956-10-23", "1956-10-24"]}
    [conflict] = result.conflicts
    assert conflict.kind == "date" and conflict.event == event.id and event.conflicts == [conflict.id]
    assert {(c["source"], c["claim"]["earliest"]) for c in conflict.claims} == {("a.txt", "1956-10-23"), ("b.txt", "1956-10-24")}
    assert {m["time"]["earliest"] for m in event.mentions} == {"1956-10-23", "1956-10-24"}  # claims kept intact


def test_corpus_time_is_what_all_sources_allow():
    a = Doc("В начале августа 1944 года началось восстание в Париже.")
    ua = a.event("восстание", "uprising", "1944-08-01", "1944-08-10", places=(a.entity("Париж", word="Париже", geo="g:p"),))
    b = Doc("Восстание в Париже началось не ранее 5 августа 1944 года.")
    ub = b.event("Восстание", "uprising", "1944-08-05", None, places=(b.entity("Париж", word="Париже", geo="g:p"),))
    event = corpus_event(merged(a, b), a, ua)
    assert [m["event"] for m in event.mentions] == [ua, ub]
    assert event.time == {"earliest": "1944-08-05", "latest": "1944-08-10", "status": "agreed"}


def test_numbers_that_do_not_meet_are_a_conflict_and_approximate_ones_that_meet_are_not():
    a = Doc("Почти 100 000 жителей вышли на демонстрацию в Париже 14 июля 1944 года.", "a.txt")
    da = a.event("демонстрацию", "protest", "1944-07-14", places=(a.entity("Париж", word="Париже", geo="g:p"),))
    a.timex("14 июля 1944 года", "1944-07-14")
    b = Doc("На демонстрацию в Париже 14 июля 1944 года вышли около 10 000 человек.", "b.txt")
    db = b.event("демонстрацию", "protest", "1944-07-14", places=(b.entity("Париж", word="Париже", geo="g:p"),))
    b.timex("14 июля 1944 года", "1944-07-14")
    c = Doc("На демонстрацию в Париже 14 июля 1944 года вышли десятки тысяч парижан.", "c.txt")
    c.event("демонстрацию", "protest", "1944-07-14", places=(c.entity("Париж", word="Париже", geo="g:p"),))
    result = merged(a, b)
    [conflict] = result.conflicts
    assert conflict.kind == "number" and conflict.event == corpus_event(result, a, da).id
    assert [c["claim"][0]["text"] for c in conflict.claims] == ["Почти 100 000 жителей", "около 10 000 человек"]
    assert together(result, (a, da), (b, db))
    assert not merged(a, c).conflicts  # «почти 100 000» and «десятки тысяч» can both be true


def test_different_agents_are_an_actor_conflict():
    a = Doc("Генерал Эйзенхауэр направил дивизию в Париж 22 августа.", "a.txt")
    ea = a.event("направил", "deployment", "1944-08-22", agents=(a.entity("Эйзенхауэр", "PERSON"),),
                 places=(a.entity("Париж", geo="g:p"),))
    b = Doc("Генерал Брэдли направил дивизию в Париж 22 августа.", "b.txt")
    b.event("направил", "deployment", "1944-08-22", agents=(b.entity("Брэдли", "PERSON"),), places=(b.entity("Париж", geo="g:p"),))
    result = merged(a, b)
    [conflict] = result.conflicts
    assert conflict.kind == "actor" and conflict.event == corpus_event(result, a, ea).id
    assert sorted(c["claim"][0]["name"] for c in conflict.claims) == ["Брэдли", "Эйзенхауэр"]


def test_happened_against_did_not_happen_is_an_outcome_conflict():
    a = Doc("Мосты Парижа взорвали 25 августа.", "a.txt")
    a.event("взорвали", "destruction", "1944-08-25", patients=(a.entity("Париж", word="Парижа", geo="g:p"),))
    b = Doc("Мосты Парижа не взорвали 25 августа.", "b.txt")
    b.event("взорвали", "destruction", "1944-08-25", patients=(b.entity("Париж", word="Парижа", geo="g:p"),), factuality="negated")
    [conflict] = merged(a, b).conflicts
    assert conflict.kind == "outcome"
    assert sorted(c["claim"] for c in conflict.claims) == ["actual", "negated"]


def test_corrections_split_and_join_by_stable_keys():
    a = Doc("Забастовка в Новочеркасске прошла 1 мая 1962 года.")
    sa = a.event("Забастовка", "strike", "1962-05-01", places=(a.entity("Новочеркасск", word="Новочеркасске", geo="g:n"),))
    b = Doc("Забастовка в Новочеркасске прошла 1 мая 1962 года.", "b.txt")
    b.text += " "  # another document: another hash
    b.sha256 = "b" * 64
    sb = b.event("Забастовка", "strike", "1962-05-01", places=(b.entity("Новочеркасск", word="Новочеркасске", geo="g:n"),))
    key_a, key_b = event_key(a.sha256, a.events[0]["trigger"]), event_key(b.sha256, b.events[0]["trigger"])
    assert together(merged(a, b), (a, sa), (b, sb))
    assert not together(merged(a, b, corrections=[Correction("event", "split", key_a, key_b)]), (a, sa), (b, sb))
    c = Doc("Стачка продолжалась.", "c.txt")
    sc = c.event("Стачка", "strike")
    key_c = event_key(c.sha256, c.events[0]["trigger"])
    assert not together(merged(a, c), (a, sa), (c, sc))
    forced = merged(a, c, corrections=[Correction("event", "join", key_a, key_c, id=7)])
    assert together(forced, (a, sa), (c, sc))
    assert corpus_event(forced, a, sa).evidence[0]["features"] == {"forced": 7}


@pytest.mark.parametrize("first, second, rule", [
    (("Прага", "LOCATION", "g:prague"), ("Praha", "LOCATION", "g:prague"), "same_place"),
    (("Шарль де Голль", "PERSON", None), ("шарль де голль", "PERSON", None), "same_name"),
    (("чешские повстанцы", "GROUP", None), ("повстанцы", "GROUP", None), "head_word"),
])
def test_entities_merge_across_documents_and_say_why(first, second, rule):
    a, b = Doc(f"Здесь {first[0]}."), Doc(f"Там {second[0]}.")
    a.entity(first[0], first[1], geo=first[2])
    b.entity(second[0], second[1], geo=second[2])
    [entity] = merged(a, b).entities
    assert [m["rule"] for m in entity.merges] == [rule]
    assert len(entity.members) == 2


def test_entities_of_different_types_or_ambiguous_heads_stay_apart():
    a, b, c = Doc("Вашингтон сказал."), Doc("Вашингтон ответил."), Doc("Повстанцы и чешские повстанцы и словацкие повстанцы.")
    a.entity("Вашингтон", "PERSON")
    b.entity("Вашингтон", "LOCATION", geo="g:dc")
    c.entity("повстанцы", "GROUP", word="Повстанцы")
    c.entity("чешские повстанцы", "GROUP")
    c.entity("словацкие повстанцы", "GROUP")
    assert len(merged(a, b, c).entities) == 5


def test_entity_split_by_a_user_holds():
    a, b = Doc("Здесь чешские повстанцы."), Doc("Там повстанцы.")
    a.entity("чешские повстанцы", "GROUP")
    b.entity("повстанцы", "GROUP")
    split = Correction("entity", "split", "GROUP:повстанцы", "GROUP:чешские повстанцы")
    assert len(merged(a, b, corrections=[split]).entities) == 2


def _replicas(count: int) -> list[dict]:
    """`count` documents about one place and one kind of event, each on its own day."""
    import datetime

    chronologies = []
    for n in range(count):
        day = (datetime.date(1900, 1, 1) + datetime.timedelta(days=3 * n)).isoformat()
        doc = Doc(f"Забастовка в Париже прошла {n}. Демонстрация прошла в Париже.")
        doc.sha256 = f"{n:064d}"
        paris = doc.entity("Париж", word="Париже", geo="g:p")
        doc.event("Забастовка", "strike", day, places=(paris,))
        doc.event("Демонстрация", "protest", places=(paris,))
        chronologies.append(doc.chronology())
    return chronologies


def test_comparisons_grow_linearly_not_quadratically():
    small, large = merge(_replicas(100)), merge(_replicas(1000))
    assert large.stats["events"] == 10 * small.stats["events"]
    assert large.stats["comparisons"] <= 12 * small.stats["comparisons"]  # all pairs would be ×100
    assert large.stats["comparisons"] < large.stats["events"] * 40


@pytest.mark.parametrize("trigger, word", [
    ({"text": "взяли", "lemma": "взять"}, "взять"),
    ({"text": "взят", "lemma": "взять"}, "взять"),  # stems differ («взя», «взят»); the lemma does not
    ({"text": "началась высадка", "lemma": "начаться высадка"}, "высадка"),  # the last word carries the event
    ({"text": "Взяли"}, "взя"),  # stored without a lemma
])
def test_the_matcher_compares_trigger_lemmas(trigger, word):
    from letopis.corpus.wording import trigger_word

    assert trigger_word(trigger) == word


# In-document coreference: (text, first trigger, second trigger, (first day, second day), same?, rule)
COREFERENCE = [
    ("Забастовка началась 1 мая 1962 года. После забастовки рабочих арестовали.",
     "Забастовка", "забастовки", ("1962-05-01", None), True, "back_reference"),
    ("Восстание на линкоре вспыхнуло в 1915 году. Это восстание в 1916 году охватило весь край.",
     "Восстание", "восстание", ("1915-01-01", "1916-01-01"), False, None),  # never two different years
    ("Восстание началось в 1916 году. Восстание охватило весь край.",
     "Восстание", "Восстание", ("1916-01-01", None), False, None),  # a repeated word is no evidence
    ("В феврале 1917 года произошла Февральская революция. Февральская революция свергла монархию.",
     "революция", "революция", ("1917-02-01", None), True, "named_event"),
    ("Сражение под Красным шло три дня. Позже снова вспоминали Сражение под Красным.",
     "Сражение", "Сражение", ("1812-11-15", None), True, "named_event"),
]


@pytest.mark.parametrize("text, first, second, days, same, rule", COREFERENCE)
def test_mentions_of_one_document_join_only_on_evidence(text, first, second, days, same, rule):
    doc = Doc(text)
    a = doc.event(first, "uprising" if "осстани" in first else "strike" if "абастовк" in first else "battle", days[0])
    kind = doc.events[0]["type"]
    b = doc.event(second, kind, days[1], occurrence=2 if first == second else 1)
    doc.same(b, a)
    result = merged(doc)
    assert together(result, (doc, a), (doc, b)) == same
    if same:
        event = corpus_event(result, doc, a)
        assert event.sources == 1 and event.time["status"] == "single" and not event.conflicts
        assert [e["features"]["coreference"] for e in event.evidence] == [rule]


def test_mentions_sharing_a_participant_and_a_place_are_one_event():
    doc = Doc("Кутузов дал бой у Тарутина. Бой Кутузова у Тарутина окончился победой.")
    kutuzov, tarutino = doc.entity("Кутузов", "PERSON"), doc.entity("Тарутино", word="Тарутина", geo="g:t")
    a = doc.event("бой", "battle", "1812-10-18", agents=(kutuzov,), places=(tarutino,))
    b = doc.event("Бой", "battle", None, agents=(kutuzov,), places=(tarutino,))
    doc.same(b, a)
    event = corpus_event(merged(doc), doc, a)
    assert [e["features"]["coreference"] for e in event.evidence] == ["participant_and_place"]


def test_a_users_split_of_two_mentions_of_one_document_holds():
    doc = Doc("Забастовка началась 1 мая 1962 года. После забастовки рабочих арестовали.")
    a, b = doc.event("Забастовка", "strike", "1962-05-01"), doc.event("забастовки", "strike")
    doc.same(b, a)
    assert together(merged(doc), (doc, a), (doc, b))
    keys = [event_key(doc.sha256, e["trigger"]) for e in doc.events]
    assert not together(merged(doc, corrections=[Correction("event", "split", *keys)]), (doc, a), (doc, b))
