"""Entity identity across documents (`letopis.identity`): one rule for the chronology of
several documents, the store's ingest and the corpus layer, checked on all three."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from letopis.identity import Identities, Named, different_people

sys.path.insert(0, str(Path(__file__).parent / "corpus"))
from corpus_support import Doc  # noqa: E402

P = "PERSON"

# Each case: entities as (document, name, type, aliases, gazetteer id); the groups expected
# (by name, in order of first appearance); the rule of each merge.
CASES = [
    ("one person under two names: the fuller entity was also called by the short name",
     [(1, "Наполеон Бонапарт", P, ("Наполеон",), None), (2, "Наполеон", P, (), None)],
     [["Наполеон Бонапарт", "Наполеон"]], ["same_name"]),
    ("one person by surname and by full name",
     [(1, "Шарль де Голль", P, (), None), (2, "де Голль", P, (), None)],
     [["Шарль де Голль", "де Голль"]], ["name_suffix"]),
    ("one person by initial and by full name",
     [(1, "Шарль де Голль", P, (), None), (2, "Ш. де Голль", P, (), None)],
     [["Шарль де Голль", "Ш. де Голль"]], ["name_suffix"]),
    ("a bare first name is not a person's name in another document",
     [(1, "Жорж Бидо", P, (), None), (2, "Жорж", P, (), None)],
     [["Жорж Бидо"], ["Жорж"]], []),
    ("two people with one surname stay two, even when both documents say only «Бут» too",
     [(1, "Виктор Бут", P, ("Бут",), None), (2, "Алла Бут", P, ("Бут",), None)],
     [["Виктор Бут"], ["Алла Бут"]], []),
    ("a surname shared by two people in the corpus joins neither",
     [(1, "Виктор Бут", P, (), None), (2, "Алла Бут", P, (), None), (3, "Бут", P, (), None)],
     [["Виктор Бут"], ["Алла Бут"], ["Бут"]], []),
    ("a city and a person of one name",
     [(1, "Вашингтон", P, (), None), (2, "Вашингтон", "LOCATION", (), "g:dc")],
     [["Вашингтон"], ["Вашингтон"]], []),
    ("two towns of one name with different gazetteer ids",
     [(1, "Александрия", "LOCATION", (), "g:egypt"), (2, "Александрия", "LOCATION", (), "g:virginia")],
     [["Александрия"], ["Александрия"]], []),
    ("one place under two names",
     [(1, "Византий", "LOCATION", (), "g:ist"), (2, "Константинополь", "LOCATION", (), "g:ist")],
     [["Византий", "Константинополь"]], ["same_place"]),
    ("rulers of one dynasty name are different people",
     [(1, "Птолемей I", P, (), None), (2, "Птолемей II", P, (), None), (3, "Птолемей", P, (), None)],
     [["Птолемей I"], ["Птолемей II"], ["Птолемей"]], []),
    ("a ruler with his number and with his epithet",
     [(1, "Кир II", P, (), None), (2, "Кир II Великий", P, (), None)],
     [["Кир II", "Кир II Великий"]], ["name_prefix"]),
    ("two rulers of one epithet",
     [(1, "Филипп II Македонский", P, (), None), (2, "Александр Македонский", P, (), None)],
     [["Филипп II Македонский"], ["Александр Македонский"]], []),
    ("a group by its head noun",
     [(1, "чешские повстанцы", "GROUP", (), None), (2, "повстанцы", "GROUP", (), None)],
     [["чешские повстанцы", "повстанцы"]], ["head_word"]),
    ("an organisation by its acronym",
     [(1, "Национальный совет сопротивления", "ORGANIZATION", (), None), (2, "НСС", "ORGANIZATION", (), None)],
     [["Национальный совет сопротивления", "НСС"]], ["acronym"]),
    ("one document's two entities are two referents",
     [(1, "Бонапарт", P, (), None), (1, "Наполеон Бонапарт", P, (), None)],
     [["Бонапарт"], ["Наполеон Бонапарт"]], []),
]


def _groups(items: list[Named]) -> tuple[list[list[str]], list[str]]:
    identities = Identities(items)
    clusters = identities.run()
    return [[items[i].name for i in group] for group in clusters.clusters()], [j.rule for j in identities.joins]


@pytest.mark.parametrize("case, entities, groups, rules", CASES, ids=[c[0] for c in CASES])
def test_identity_across_documents(case, entities, groups, rules):
    items = [Named(t, name, aliases, geo, doc) for doc, name, t, aliases, geo in entities]
    assert _groups(items) == (groups, rules)


@pytest.mark.parametrize("case, entities, groups, rules", CASES, ids=[c[0] for c in CASES])
def test_the_corpus_layer_decides_the_same(case, entities, groups, rules):
    from letopis.corpus import merge

    docs: dict[int, Doc] = {}
    for doc, name, t, aliases, geo in entities:
        d = docs.setdefault(doc, Doc(f"Запись {doc}: {name}."))
        if name not in d.text:
            d.text += f" {name}."
        d.entity(name, t, geo=geo, aliases=aliases)
    result = merge([d.chronology() for d in docs.values()])
    got = sorted(sorted([e.name, *[a for a in e.aliases if a in {n for _, n, *_ in entities}]]) for e in result.entities)
    assert got == sorted(sorted(g) for g in groups)
    assert sorted(m["rule"] for e in result.entities for m in e.merges) == sorted(rules)


@pytest.mark.parametrize("a, b, different", [
    ("Виктор Бут", "Алла Бут", True),
    ("Птолемей I", "Птолемей II", True),
    ("Шарль де Голль", "Ш. де Голль", False),
    ("Шарль де Голль", "де Голль", False),  # a surname with its particle is not a full name
    ("Кир II", "Кир II Великий", False),
])
def test_different_people(a, b, different):
    assert different_people(a, b) is different


def test_one_referent_named_a_thousand_times_costs_one_index_entry():
    items = [Named("LOCATION", "Париж", (), "g:paris", n) for n in range(1000)]
    identities = Identities(items)
    assert len(identities.run().clusters()) == 1
    assert all(len(bucket) == 1 for bucket in identities._index.values())


@pytest.mark.parametrize("case, entities, groups, rules", CASES, ids=[c[0] for c in CASES])
def test_the_store_joins_on_the_exact_rules_alone(tmp_path, case, entities, groups, rules):
    from letopis.store import open_store

    docs: dict[int, Doc] = {}
    for doc, name, t, aliases, geo in entities:
        d = docs.setdefault(doc, Doc(f"Запись {doc}: {name}.", f"{doc}.txt"))
        if name not in d.text:
            d.text += f" {name}."
        d.entity(name, t, geo=geo, aliases=aliases)
    with open_store(tmp_path / "c.db") as store:
        for d in docs.values():
            store.add_document(d.source, d.text, d.chronology())
        reasons = [r for (r,) in store.connection.execute("SELECT reason FROM document_entities ORDER BY rowid")]
        # The store joins on the exact rules alone; the partial ones (a surname, a head word)
        # are the corpus layer's, where each join keeps its evidence and can be undone.
        exact = [r for r in rules if r in ("same_place", "same_name")]
        assert len(store.entities()) == len(groups) + len(rules) - len(exact)
    stored = {"same_place": "geo", "same_name": "name"}
    assert [r for r in reasons if r != "new"] == [stored[r] for r in exact]
