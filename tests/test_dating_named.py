"""Dates whose preposition opens an interval but still name a time (`dating.named_window`):
«с 1900 года преподавал» began in 1900; a «когда» clause hanging on a date happened at the
time the date names («до 1922 года, когда переехал», `time_links.when_clauses`)."""

import pytest


# The history reading of events needs a text dense in past dates: the cases stand after such a passage.
PASSAGE = ("Летопись рода начинается в 1501 году. В 1525 году семья перебралась в Тверь. "
           "Зима 1540 года выдалась суровой. К 1561 году имение разорилось. В 1590 году дом продали. ")


def window(doc, trigger):
    time = next(e for e in doc.events if e.trigger.text == trigger).time
    return time.earliest, time.latest, time.basis


# (sentence, trigger, expected (earliest, latest, basis))
CASES = [
    # «с»: what the clause tells began in the time named
    ("С 1900 года Орлов преподавал арифметику в коммерческом училище.", "преподавал",
     ("1900-01-01", "1900-12-31", "explicit")),
    ("Орлов жил в Туле с 1860 года.", "жил", ("1860-01-01", "1860-12-31", "explicit")),
    ("Со 2 марта 1903 года он служил в министерстве.", "служил", ("1903-03-02", "1903-03-02", "explicit")),
    # hard negative: «не ранее» only bounds it, the upper bound stays open
    ("Не ранее 1900 года он основал училище.", "основал", ("1900-01-01", None, "explicit")),
    # a «когда» clause on a date happened at the time named, not before it
    ("Он служил в Казани до 1922 года, когда переехал в Москву.", "переехал",
     ("1922-01-01", "1922-12-31", "explicit")),
    ("В 1848 году, когда в Париже началась революция, Орлов вернулся на родину.", "революция",
     ("1848-01-01", "1848-12-31", "explicit")),
    ("В 1848 году, когда в Париже началась революция, Орлов вернулся на родину.", "вернулся",
     ("1848-01-01", "1848-12-31", "explicit")),
    ("С 1900 года, когда умер его отец, Орлов управлял имением.", "умер", ("1900-01-01", "1900-12-31", "explicit")),
    # a glued lifespan later in the sentence does not take the «когда» clause
    ("В 1933 году, когда власть в стране захватили военные, профессор Ганс Мюллер Hans Müller, 18811954, "
     "совместно с коллегой выступил против реформы.", "захватили", ("1933-01-01", "1933-12-31", "explicit")),
]


# Of two dates the tree reaches an event by, the nearer one is its own
NEAREST = [
    ("• Урон стране нанесли война Китая, начавшего в 1979 г. военные действия против соседей, а также "
     "возникновение в Польше в 1980–1981 гг. массового рабочего движения.", "возникновение",
     ("1980-01-01", "1981-12-31", "explicit")),
    ("• Урон стране нанесли война Китая, начавшего в 1979 г. военные действия против соседей, а также "
     "возникновение в Польше в 1980–1981 гг. массового рабочего движения.", "война",
     ("1979-01-01", "1979-12-31", "explicit")),
    ("Положение осложнили мятеж в Кадисе, начавшийся в 1820 г. после долгой смуты, а также восстание в "
     "Неаполе в 1821 г. против короля.", "восстание", ("1821-01-01", "1821-12-31", "explicit")),
]
CASES += NEAREST


@pytest.mark.parametrize("text, trigger, expected", CASES, ids=[c[1] + str(i) for i, c in enumerate(CASES)])
def test_named_time(analyse, text, trigger, expected):
    assert window(analyse(PASSAGE + text, calendar="gregorian"), trigger) == expected


def test_a_when_clause_is_traced(analyse):
    doc = analyse(PASSAGE + "Он служил в Казани до 1922 года, когда переехал в Москву.", calendar="gregorian")
    assert any(n["rule"] == "when_clause_at_date" for n in doc.trace)


# Notes: a date and a dash head an item; the first event after the dash is the one it dates
# (`time_links.dash_items`), up to the next date, a semicolon or the line's end.
NOTES = ('Русско-турецкая война 1768-1774 "Дунайский": 7 июля 1770 - Битва у д. Ларга (северо-западнее '
         'Измаила) (+), 21 июля 1770 - Битва при Кагуле (карта) (+); 1771-1773 "Крымский": 1771 - Поход в Крым (+).')
DASH_ITEMS = [
    (NOTES, 59, ("1770-07-07", "1770-07-07", "explicit")),
    (NOTES, 122, ("1770-07-21", "1770-07-21", "explicit")),
    (NOTES, NOTES.index("Поход"), ("1771-01-01", "1771-12-31", "explicit")),
    # hard negative: the dash ends its line, the event on the next line is no item of that date
    (NOTES.replace("1771 - Поход", "1771 -\nПоход"), NOTES.index("Поход"), (None, None, "unknown")),
]


@pytest.mark.parametrize("text, start, expected", DASH_ITEMS, ids=[str(i) for i in range(len(DASH_ITEMS))])
def test_dash_item(analyse, text, start, expected):
    time = next(e for e in analyse(text, calendar="gregorian").events if e.trigger.start == start).time
    assert (time.earliest, time.latest, time.basis) == expected


# A birth or death noun of the protagonist takes the opening's date (`lives.date_birth_and_death`);
# whose it is must be written: «рождения сына», «смерть брата» are someone else's.
LIFE = ("Иван Петрович Орлов (3 марта 1791, Тула — 14 ноября 1860, Рим) — русский ботаник. "
        "Вскоре после рождения Орлова семья переехала в Москву. В 1830 году Орлов вернулся в Тулу. ")
LIFE_NOUNS = [
    (LIFE, "рождения", ("1791-03-03", "1791-03-03", "context")),
    (LIFE + "После его смерти коллекцию передали в музей.", "смерти", ("1860-11-14", "1860-11-14", "context")),
    # dated through the birth: not before it, not after the next dated step
    (LIFE, "переехала", ("1791-03-03", "1830-12-31", "inferred")),
    # hard negatives: another's birth or death
    (LIFE + "Смерть брата потрясла учёного.", "Смерть", ("1791-03-03", "1860-11-14", "inferred")),
    (LIFE + "Смерть сына подорвала его силы.", "Смерть", ("1791-03-03", "1860-11-14", "inferred")),
]


@pytest.mark.parametrize("text, trigger, expected", LIFE_NOUNS, ids=[c[1] + str(i) for i, c in enumerate(LIFE_NOUNS)])
def test_life_nouns(analyse, text, trigger, expected):
    time = [e for e in analyse(text, calendar="gregorian").events if e.trigger.text == trigger][-1].time
    assert (time.earliest, time.latest, time.basis) == expected


# A list of titles: a year alone closes its item and dates that item's one event (`time_links.item_years`).
TITLES = ("Эмиль Дюран (12 мая 1810, Лион — 3 июня 1880, Париж) — французский физик и химик. "
          "Член Парижской академии наук 1845, член-корреспондент Петербургской академии наук 1858, "
          "иностранный член Лондонского королевского общества 1866. В 1833 году окончил Политехническую школу. ")
ITEM_YEARS = [
    (TITLES, "Член", ("1845-01-01", "1845-12-31", "explicit")),
    (TITLES, "член-корреспондент", ("1858-01-01", "1858-12-31", "explicit")),
    # hard negative: a year with a preposition is no list item's («в 1833 году»), and a count is no year
    (TITLES + "Он написал 1200 статей, многие переведены.", "окончил", ("1833-01-01", "1833-12-31", "explicit")),
]


@pytest.mark.parametrize("text, trigger, expected", ITEM_YEARS, ids=[c[1] + str(i) for i, c in enumerate(ITEM_YEARS)])
def test_item_year(analyse, text, trigger, expected):
    assert window(analyse(text, calendar="gregorian"), trigger) == expected
