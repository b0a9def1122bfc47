"""The letopis runner turns the roles stage's records into benchmark links."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "bench" / "runners") not in sys.path:
    sys.path.insert(0, str(ROOT / "bench" / "runners"))

from letopis_full import links  # noqa: E402

from letopis.doc import Argument, Doc, Event, EventTime, Mention, Participant, Timex  # noqa: E402


def test_every_linked_timex_and_argument_span_becomes_a_link() -> None:
    text = "Фестиваль прошёл с 5 по 9 июня 2019 года в Москве. Его открыл Иван Петров, он выступил."
    doc = Doc("t", text)
    doc.timexes += [Timex("t1", 17, 24, text[17:24]), Timex("t2", 25, 41, text[25:41])]
    doc.mentions += [
        Mention(43, 49, "Москве", "LOCATION", entity="e1"),
        Mention(62, 73, "Иван Петров", "PERSON", entity="e2"),
        Mention(75, 77, "он", "PERSON", entity="e2", source="pronoun"),
    ]
    festival = Event("ev1", doc.span(0, 9), 0, "celebration", time=EventTime(timex="t1"), places=["e1"])
    festival.timexes = ["t1", "t2"]
    festival.arguments = [Argument("place", "e1", 43, 49, 0.9, False)]
    speech = Event("ev2", doc.span(78, 86), 1, "other", participants=[Participant("participant", "e2")])
    # Linked through the pronoun: the link goes to the entity's nearest named mention.
    speech.arguments = [Argument("participant", "e2", 75, 77, 0.8, True)]
    doc.events += [festival, speech]
    found = {(r["type"], tuple(r["event"]), tuple(r["arg"])) for r in links(doc)}
    assert found == {
        ("event-time", (0, 9), (17, 24)),
        ("event-time", (0, 9), (25, 41)),
        ("event-place", (0, 9), (43, 49)),
        ("event-participant", (78, 86), (62, 73)),
    }


def test_a_cause_that_names_no_event_is_in_the_json_and_becomes_a_cause_link() -> None:
    import letopis

    text = "Известный писатель умер от сердечного приступа в 1990 году."
    died = next(e for e in letopis.extract(text).to_dict()["events"] if e["trigger"]["text"] == "умер")
    assert [(p["text"], text[p["evidence"]["start"]:p["evidence"]["end"]]) for p in died["cause_phrases"]] == [
        ("сердечного приступа", "от сердечного приступа")
    ]
    found = {(r["type"], text[r["event"][0]:r["event"][1]], text[r["arg"][0]:r["arg"][1]]) for r in links(letopis.analyse(text))}
    assert ("cause", "умер", "сердечного приступа") in found
