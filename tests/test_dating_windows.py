"""Windows from the narrative and from a life (`dating.infer_from_narrative`, `stages.lives`):
between the dated events told before and after, never more precise than they are; the dates
of birth and death a biography opens with; ages counted from the birth."""

import pytest

from letopis.lang.ru.lives import AGE
from letopis.stages.lives import age_years


def event(doc, trigger):
    return next(e for e in doc.events if e.trigger.text == trigger)


def window(doc, trigger):
    time = event(doc, trigger).time
    return time.earliest, time.latest, time.basis


# (text, trigger, expected (earliest, latest, basis))
NARRATIVE = [
    # between the dated event before and the dated event after, in narrative order
    ("В 1703 году царь заложил крепость на Неве. Шведы осадили новый город. В 1712 году двор переехал в новый город.",
     "осадили", ("1703-01-01", "1712-12-31", "inferred")),
    ("В 1853 году началась война с Турцией. Флот сжёг турецкую эскадру. В 1856 году был подписан мир.",
     "сжёг", ("1853-01-01", "1856-12-31", "inferred")),
    # the bound is the whole window of the neighbour, never more precise
    ("В мае 1799 года армия перешла Альпы. Солдаты взяли перевал. Осенью 1799 года поход закончился.",
     "взяли", ("1799-05-01", "1799-11-30", "inferred")),
    # in prose an imperfective verb may be background: no window from the narrative
    ("В 1853 году началась война с Турцией. Флот блокировал турецкие порты. В 1856 году был подписан мир.",
     "блокировал", (None, None, "unknown")),
    # … and the upper bound comes from the same paragraph only
    ("В 1703 году царь заложил крепость на Неве. Шведы осадили новый город.\nВ 1712 году двор переехал в новый город.",
     "осадили", ("1703-01-01", None, "inferred")),
    # study notes are a sequence line by line: the next line's date bounds it
    ("1796 — поход в Италию\nФранцузы осадили Мантую\n1798 — поход в Египет\n1799 — переворот во Франции",
     "осадили", ("1796-01-01", "1798-12-31", "inferred")),
    # a flashback after the undated event: the text does not run forward, the upper bound stays open
    ("В 1825 году полк восстал. Офицеров арестовали. В 1816 году они основали тайное общество.",
     "арестовали", ("1825-01-01", None, "inferred")),
    # nothing dated after it: only «not before»
    ("19 августа 1944 года началось восстание. Повстанцы заняли ратушу.", "заняли",
     ("1944-08-19", None, "inferred")),
    # nothing dated before it: no window from the narrative
    ("Шведы осадили новый город. В 1712 году двор переехал в новый город.", "осадили",
     (None, None, "unknown")),
    # what did not happen is not bounded
    ("В 1703 году царь заложил крепость. Шведы так и не взяли её. В 1709 году шведов разбили под Полтавой.",
     "взяли", (None, None, "unknown")),
]


# The history reading of events needs a text dense in past dates: the cases stand after such a
# passage, or before it where nothing dated may come first.
PASSAGE = ("Летопись рода начинается в 1501 году. В 1525 году семья перебралась в Тверь. "
           "Зима 1540 года выдалась суровой. К 1561 году имение разорилось. В 1590 году дом продали.")


@pytest.mark.parametrize("text, trigger, expected", NARRATIVE, ids=[c[1] + str(i) for i, c in enumerate(NARRATIVE)])
def test_narrative_window(analyse, text, trigger, expected):
    passage = text + "\n\n" + PASSAGE if expected[0] is None else PASSAGE + "\n\n" + text
    assert window(analyse(passage), trigger) == expected


BIOGRAPHY = ("Пётр Семёнович Климов (3 марта 1791, Тула — 14 ноября 1860, Рим) — английский ботаник и путешественник. "
             "Родился в семье аптекаря. В 12 лет он поступил в гимназию. В возрасте двадцати лет Климов уехал в Лондон. "
             "Там он основал ботаническое общество. Его брат умер молодым. В 1830 году Климов вернулся в Тулу. "
             "В 1845 году он издал «Флору Тульской губернии». В 1850 году учёный уехал в Рим.")

LIFE = [
    # the opening's dates date the protagonist's birth
    ("Родился", ("1791-03-03", "1791-03-03", "context")),
    # an age counts whole years from the birth
    ("поступил", ("1803-03-03", "1804-03-02", "relative")),
    ("уехал", ("1811-03-03", "1812-03-02", "relative")),
    # between the dated steps told before and after it
    ("основал", ("1811-03-03", "1830-12-31", "inferred")),
]


@pytest.mark.parametrize("trigger, expected", LIFE, ids=[c[0] for c in LIFE])
def test_life_dates(analyse, trigger, expected):
    assert window(analyse(BIOGRAPHY, calendar="gregorian"), trigger) == expected


def test_an_age_named_in_a_when_clause_dates_the_main_clause(analyse):
    text = BIOGRAPHY.replace("Его брат умер молодым.", "Когда ему было 30 лет, его брат умер.")
    time = event(analyse(text, calendar="gregorian"), "умер").time
    assert (time.earliest, time.latest, time.basis) == ("1821-03-03", "1822-03-02", "relative")


def test_another_persons_death_is_not_the_protagonists(analyse):
    doc = analyse(BIOGRAPHY, calendar="gregorian")
    assert event(doc, "умер").time.latest != "1860-11-14"


def test_no_life_without_an_opening(analyse):
    # dates in running prose are no lifespan: «родился» stays with what the text gives
    doc = analyse("Учёный много путешествовал. Он родился в небогатой семье. В 1791 году он уехал в Тулу, "
                  "а в 1860 году вернулся.", calendar="gregorian")
    assert event(doc, "родился").time.basis == "unknown"


# (phrase, years or None when it is no age)
AGES = [
    ("в 14 лет", 14), ("В возрасте 20 лет", 20), ("в возрасте шестидесяти двух лет", 62),
    ("в три года", 3), ("в двухлетнем возрасте", 2), ("в 17-летнем возрасте", 17),
    ("в 35-ти лет", 35), ("в необыкновенно раннем возрасте 16 лет", 16), ("в возрасте около 40 лет", 40),
    ("с 14 лет", 14), ("с пятилетнего возраста", 5), ("когда ему было 42 года", 42),
    ("когда Пьеру исполнилось двадцать лет", 20),
    # hard negatives: years, decades, durations and places are no ages
    ("в 1812 году", None), ("в 20-е годы", None), ("в течение 3 лет", None), ("через 5 лет", None),
    ("заняла 20-е место", None), ("в раннем возрасте", None), ("в 300 лет", None), ("с 1812 года", None),
    ("когда ему было не до того", None),
]


@pytest.mark.parametrize("phrase, years", AGES, ids=[a[0] for a in AGES])
def test_age_phrases(phrase, years):
    match = AGE.search(phrase)
    assert (age_years(match) if match else None) == years


# Each event takes the date of its own clause; coordinated clauses keep their own dates.
# (sentence, trigger, expected (earliest, latest, basis)); the sentences follow a dated passage.
CLAUSES = [
    ("1 сентября 1939 года Германия начала вторжение в Польшу, а 17 сентября СССР осуществил вторжение с востока.",
     "вторжение", ("1939-09-01", "1939-09-01", "explicit")),
    ("Юнкер прошёл испытание 22 декабря 1806 года и 14 февраля 1807 года был зачислен в полк.",
     "испытание", ("1806-12-22", "1806-12-22", "explicit")),
    ("Юнкер прошёл испытание 22 декабря 1806 года и 14 февраля 1807 года был зачислен в полк.",
     "зачислен", ("1807-02-14", "1807-02-14", "explicit")),
    # a date on a verb that is no event dates the event its subject names
    ("13 ноября 2015 года в Париже произошла серия терактов.", "терактов", ("2015-11-13", "2015-11-13", "explicit")),
]


@pytest.mark.parametrize("text, trigger, expected", CLAUSES, ids=[c[1] + str(i) for i, c in enumerate(CLAUSES)])
def test_clause_date(analyse, text, trigger, expected):
    assert window(analyse(PASSAGE + " " + text, calendar="gregorian"), trigger) == expected


def test_second_clause_keeps_its_date(analyse):
    doc = analyse(PASSAGE + " " + CLAUSES[0][0], calendar="gregorian")
    second = [e for e in doc.events if e.trigger.text == "вторжение"][-1]
    assert (second.time.earliest, second.time.latest) == ("1939-09-17", "1939-09-17")
