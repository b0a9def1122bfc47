"""A date carries along its line to the undated events after it (`dating.carry_line_date`)."""

import pytest


def event(doc, trigger):
    return next(e for e in doc.events if e.trigger.text == trigger)


def window(doc, trigger):
    time = event(doc, trigger).time
    return time.earliest, time.latest, time.basis


# (text, trigger, expected (earliest, latest, basis))
CASES = [
    # a note's leading date carries to the sentences after it on its line
    ("1552 — поход на Казань. Город был сожжён.", "сожжён", ("1552-01-01", "1552-12-31", "context")),
    # ... to a nominal event, and to an imperfective one, as well
    ("1700 — поражение под Нарвой. Отступление армии к Новгороду.", "Отступление",
     ("1700-01-01", "1700-12-31", "context")),
    ("1700 — поражение под Нарвой. Армия отступала к Новгороду.", "отступала",
     ("1700-01-01", "1700-12-31", "context")),
    # the carry is never more precise than the carried date
    ("Март 1917 — отречение царя. Сгорели архивы охранки.", "Сгорели", ("1917-03-01", "1917-03-31", "context")),
    # a new line stops it: the line under a dated note has no date of its own
    ("1552 — поход на Казань.\nГород был сожжён.", "сожжён", (None, None, "unknown")),
    # so does a blank line
    ("1552 — поход на Казань.\n\nГород был сожжён.", "сожжён", (None, None, "unknown")),
    # a sentence that writes a time of its own keeps it
    ("1552 — поход на Казань. Через три года город был сожжён.", "сожжён", ("1555-01-01", "1555-12-31", "relative")),
    # in prose a narrative step after a dated one is only «not before» it (the contract)
    ("19 августа 1944 года началось восстание. Повстанцы заняли ратушу.", "заняли",
     ("1944-08-19", None, "inferred")),
]


@pytest.mark.parametrize("text, trigger, expected", CASES, ids=[c[1] + str(i) for i, c in enumerate(CASES)])
def test_line_date_carries(analyse, text, trigger, expected):
    assert window(analyse(text), trigger) == expected


def test_carry_does_not_enter_dialogue(analyse):
    doc = analyse("1812 — пожар Москвы. Сгорели целые улицы.\n— Город был сожжён, — сказал он.")
    assert event(doc, "Сгорели").time.basis == "context"
    assert event(doc, "сожжён").time.basis != "context"
