"""Factuality of events: goals and predictions are not actual events."""

import pytest


def event(doc, trigger):
    return next(e for e in doc.events if e.trigger.text == trigger)


@pytest.mark.parametrize(
    "text, trigger, factuality",
    [
        # A goal named as the predicate: what was aimed at, not what happened.
        ("Целью заговора было свержение самодержавия.", "свержение", "intended"),
        # A character's prediction in direct speech.
        ("– Завтра его убьют, – сказал Иван.", "убьют", "hypothetical"),
        # The same verb told by the narrator in the past happened.
        ("Наутро его убили.", "убили", "actual"),
        # Negation still wins.
        ("Войска не взяли крепость.", "взяли", "negated"),
    ],
)
def test_factuality(analyse, text, trigger, factuality):
    doc = analyse(text)
    assert event(doc, trigger).factuality == factuality
