"""Agents by the history convention (stages/agents.py): the doer, or the protagonist of what
befell one person, where the clause's own syntax does not name it."""

import pytest


def event(doc, trigger):
    return next(e for e in doc.events if e.trigger.text == trigger)


def agents(doc, ev):
    names = {e.id: e.name for e in doc.entities}
    return {names[p.entity] for p in ev.participants if p.role == "agent"}


def fired(doc, ev):
    return {n["rule"] for n in doc.trace if n["stage"] == "agents" and n.get("event") == ev.id}


@pytest.mark.parametrize(
    "text, trigger, agent, rule",
    [
        # The one elected, appointed, buried is the protagonist, and so the agent.
        ("В 1863 году Смирнов был избран профессором университета.", "избран", "Смирнов", "protagonist_passive"),
        ("Осенью 1890 года Лебедев был назначен ректором.", "назначен", "Лебедев", "protagonist_passive"),
        # An omitted subject continues the doer of the clause before.
        ("Пётр Соколов родился в Твери. Умер в 1901 году.", "Умер", "Пётр Соколов", "zero_subject"),
        ("Пётр Соколов родился в Твери. Умер в 1901 году, похоронен в Москве.", "похоронен", "Пётр Соколов", "zero_subject"),
        # A light verb lends its subject to the event noun it takes.
        ("Весной 1875 года Клюев участвовал в экспедиции Пржевальского.", "экспедиции", "Клюев", "light_verb"),
        ("В 1904 году Япония объявила войну России.", "войну", "Япония", "light_verb"),
        # The genitive of an event noun of one's own doing, or beside a target, is its doer.
        ("1 июня 1941 года — нападение Германии на Советский Союз.", "нападение", "Германия", "noun_genitive"),
        # An adverbial event noun is done by the clause's subject.
        ("При переезде в Казань в 1820 г. Иван Орлов потерял библиотеку.", "переезде", "Иван Орлов", "adverbial_noun"),
    ],
)
def test_the_agent_is_found(analyse, text, trigger, agent, rule):
    doc = analyse(text)
    ev = event(doc, trigger)
    assert any(agent in name or name in agent for name in agents(doc, ev)), agents(doc, ev)
    assert rule in fired(doc, ev)


@pytest.mark.parametrize(
    "text, trigger",
    [
        # A passive without a doer: what it speaks of is the patient, never the agent.
        ("Иван Орлов прибыл в Тулу. Через год город был взят.", "взят"),
        # An omitted subject whose nearest doer is no entity continues no one.
        ("Иван Орлов прибыл в Тулу. Толпа разгромила его дом. Ушла к вечеру.", "разгромила"),
    ],
)
def test_no_agent_is_made_up(analyse, text, trigger):
    doc = analyse(text)
    ev = event(doc, trigger)
    assert agents(doc, ev) == set()


def test_an_omitted_subject_must_agree_with_the_verb(analyse):
    doc = analyse("Иван Орлов родился в Твери. Умерла в 1901 году.")
    assert agents(doc, event(doc, "Умерла")) == set()


def test_the_participle_of_a_passive_is_not_done_by_its_noun(analyse):
    doc = analyse("Войска вошли в оккупированную Францию.")
    occupied = [e for e in doc.events if e.trigger.text == "оккупированную"]
    assert all(agents(doc, e) == set() for e in occupied)
