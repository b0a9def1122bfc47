"""The corpus layer dates events before our era and at its very start: one event told by
two documents merges with its date, and corpus events come in the order of their days."""

from __future__ import annotations

import pytest
from corpus_support import Doc, corpus_event, merged, together

# (what happened, event type, its day in astronomical years, a day of another such event the day after)
TOLD_TWICE = [
    ("Убийство Цезаря", "murder", "-0043-03-15", "-0043-03-16"),  # мартовские иды 44 года до н. э.
    ("Битва при Каннах", "battle", "-0215-08-02", "-0215-08-03"),  # 216 год до н. э.
    ("Перепись населения", "census", "0000-12-31", "0001-01-01"),  # 1 год до н. э., последний день
    ("Перепись населения", "census", "0001-01-01", "0001-01-02"),  # первый день 1 года: был ValueError
    ("Перепись населения", "census", "0001-01-02", "0001-01-03"),
]


def _told(sentence: str, source: str, kind: str, day: str, place: bool = True) -> tuple[Doc, str]:
    """A one-event document whose trigger is the sentence's first word, at a place («в Риме»):
    a shared place is the evidence beyond type and date that a merge needs."""
    doc = Doc(sentence, source)
    places = (doc.entity("Рим", word="Риме", geo="rome"),) if place else ()
    return doc, doc.event(sentence.split()[0], kind, day, places=places)


@pytest.mark.parametrize("words, kind, day, _", TOLD_TWICE)
def test_one_event_told_twice_merges_with_its_date(words, kind, day, _):
    a, first = _told(f"{words} в Риме произошло в тот день.", "a.txt", kind, day)
    b, second = _told(f"{words} в Риме случилось тогда.", "b.txt", kind, day)
    result = merged(a, b)
    assert together(result, (a, first), (b, second))
    assert corpus_event(result, a, first).time == {"earliest": day, "latest": day, "status": "agreed"}
    [evidence] = corpus_event(result, a, first).evidence
    assert evidence["features"]["time"] == "same_day"


@pytest.mark.parametrize("words, kind, day, next_day", TOLD_TWICE)
def test_corpus_events_come_in_day_order(words, kind, day, next_day):
    # Told by one document each, a day apart: another event (a merge would make them one disputed event).
    later, second = _told(f"Собрание в Риме прошло {words.lower()}.", "later.txt", "meeting", next_day, place=False)
    earlier, first = _told(f"{words} в Риме прошло впервые.", "earlier.txt", kind, day)
    result = merged(later, earlier)
    order = [e.id for e in result.events]
    assert order.index(corpus_event(result, earlier, first).id) < order.index(corpus_event(result, later, second).id)


def test_days_far_apart_before_our_era_do_not_merge():
    a = Doc("Битва при Каннах была жестокой.", "a.txt")
    cannae = a.event("Битва", "battle", "-0215-08-02")
    b = Doc("Битва при Каннах была страшной.", "b.txt")
    other = b.event("Битва", "battle", "-0214-08-02")
    assert not together(merged(a, b), (a, cannae), (b, other))
