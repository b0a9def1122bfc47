"""Places on the map: gazetteer entries for location names, ambiguity resolved from the document.

A name that a region, state or country table knows is that place («Нормандия», «Франция»).
A city name shared by several places goes to the most populous, with a bonus for the
countries the document names («Париж» is Paris, France, not Paris, Texas, even beside «США»;
«Кембридж» in a story about Massachusetts is Cambridge, Massachusetts).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..adapters import gazetteer, natasha
from ..adapters.gazetteer import Place
from ..fold import fold_case
from ..lang.ru.endings import PLACE_ENDINGS
from ..lang.ru.place_adjectives import PLACE_ADJECTIVE_SUFFIXES, PLACE_ADJECTIVES, PLACE_NAME_ENDINGS

# What a recogniser's subtype says about the kind of place.
_KINDS_FOR_SUBTYPE: dict[str, tuple[str, ...]] = {
    "CITY": ("CITY",),
    "COUNTRY": ("COUNTRY", "HISTORIC_STATE"),
    "REGION": ("REGION",),
    "STATE_OR_PROVINCE": ("REGION",),
    "DISTRICT": ("REGION", "CITY"),
}
SUBTYPE_FOR_KIND: dict[str, str] = {
    "CITY": "CITY", "COUNTRY": "COUNTRY", "HISTORIC_STATE": "COUNTRY", "REGION": "REGION", "CONTINENT": "CONTINENT",
    "RIVER": "RIVER", "LAKE": "LAKE", "SEA": "SEA",
}
# Kinds of water: a place of its own kind, never a town of the same name («Западная Двина»).
WATER_KINDS = frozenset({"RIVER", "LAKE", "SEA"})


# A country the document names counts as much as a population seven times larger (e^2):
# Cambridge, Massachusetts in an American story, yet Paris, France beside «США».
CONTEXT_WEIGHT = 2.0
# A name shared by towns in this many countries, none of which the document names, is located
# only when its largest town is this many times larger than any abroad (Paris, France is).
SCATTERED_COUNTRIES = 3
DWARFS = 20


def compatible(subtype: str | None, kind: str) -> bool:
    """Whether a recogniser's subtype fits a gazetteer kind."""
    return subtype is not None and kind in _KINDS_FOR_SUBTYPE.get(subtype, ())


def _fit(candidates: list[Place], subtype: str | None) -> list[Place]:
    kinds = _KINDS_FOR_SUBTYPE.get(subtype or "")
    if any(p.kind in WATER_KINDS for p in candidates):
        return [p for p in candidates if p.kind in WATER_KINDS]
    if kinds:
        preferred = [p for p in candidates if p.kind in kinds]
        if preferred:
            return preferred
    return candidates


def resolve(names: Sequence[tuple[str, str | None]]) -> list[tuple[Place | None, str]]:
    """For (normal form, subtype) pairs of one document: the place each names, and why."""
    every = [gazetteer.lookup(name) for name, _ in names]
    candidates = [_fit(found, subtype) for found, (_, subtype) in zip(every, names)]
    context: Counter[str] = Counter()
    for found in candidates:
        if found and (found[0].kind != "CITY" or len({p.country for p in found}) == 1) and found[0].country:
            context[found[0].country] += 1
    # A recogniser's «city» that the gazetteer's own table knows as a region or a state, while no
    # town of that name lies in a country the document names, is the region («Ливония» is
    # Livonia, not Livonia, Michigan).
    def named_elsewhere(found: list[Place]) -> bool:
        own = found[0].country if len({p.country for p in found}) == 1 else None
        return any(context[p.country or ""] - (p.country == own) > 0 for p in found)

    candidates = [every[n] if found and every[n][0].kind != "CITY" and every[n][0].source == "letopis"
                  and found[0].kind == "CITY" and not named_elsewhere(found) else found
                  for n, found in enumerate(candidates)]
    out: list[tuple[Place | None, str]] = []
    for found in candidates:
        if not found:
            out.append((None, "not in the gazetteers"))
        elif found[0].kind != "CITY":
            out.append((found[0], f"{found[0].kind.lower()} table"))
        elif len(found) == 1:
            out.append((found[0], "the only place of this name"))
        else:
            out.append(_choose(found, context))
    return out


def _choose(found: list[Place], context: Counter[str]) -> tuple[Place | None, str]:
    """One of several towns of a name. A country the document names lends its towns a bonus in
    proportion to how often the document names places there, so that one passing mention of a
    neighbour does not outweigh the country the story is set in («Новгород» in a chronicle of
    Rus that names Kiev is Veliky Novgorod, not Novhorod-Siverskyi). Where the document names
    countries, none of the towns lies in them, and the towns are spread over several countries,
    only a town that dwarfs the others is taken; otherwise the place stays unlocated, since an
    unlocated place is better than a wrong pin («Ричмонд» in a story set in England)."""
    most = max(context.values(), default=0)

    def bonus(p: Place) -> float:
        return CONTEXT_WEIGHT * context[p.country or ""] / most if most else 0.0

    ranked = sorted(found, key=lambda p: math.log1p(p.population) + bonus(p), reverse=True)
    best = ranked[0]
    if context[best.country or ""]:
        return best, f"in {best.country}, a country the document names ({len(found)} candidates)"
    countries = {p.country for p in found}
    runner_up = max((p.population for p in found if p.country != best.country), default=0)
    if most and len(countries) >= SCATTERED_COUNTRIES and best.population < DWARFS * runner_up:
        return None, f"{len(found)} towns of this name in {len(countries)} countries, none in a country the document names"
    return best, f"the most populous of its name ({len(found)} candidates)"


def record(place: Place) -> dict[str, Any]:
    """The `geo` attribute of an entity."""
    return {
        "lat": place.lat, "lon": place.lon, "source": place.source, "id": place.id,
        "country": place.country, "kind": place.kind, "gazetteer_name": place.name,
    }


MIN_CITY_FOR_ADJECTIVE = 100_000  # a city adjective derived by rule must name a real city


def adjective_place(lemma: str) -> tuple[str, Place] | None:
    """The place a relational adjective names, and its Russian name: «парижский» → Париж."""
    lemma = fold_case(lemma)
    names = [PLACE_ADJECTIVES[lemma]] if lemma in PLACE_ADJECTIVES else []
    suffix = next((x for x in PLACE_ADJECTIVE_SUFFIXES if lemma.endswith(x)), None)
    if not names and suffix and len(lemma) - len(suffix) >= 3:
        names = [lemma[: -len(suffix)] + ending for ending in PLACE_NAME_ENDINGS]
    for name in names:
        found = gazetteer.lookup(name)
        if not found:
            continue
        if found[0].kind != "CITY":
            return name[:1].upper() + name[1:], found[0]
        best = max(found, key=lambda p: p.population)
        if name in PLACE_ADJECTIVES.values() or best.population >= MIN_CITY_FOR_ADJECTIVE:
            return name[:1].upper() + name[1:], best
    return None


def _weight(name: str) -> float:
    """How surely a name is a place: a state, region or water the tables know beats any town,
    a larger town a smaller one; 0 for no place."""
    found = gazetteer.lookup(name)
    return max((math.inf if p.kind != "CITY" else 1 + p.population for p in found), default=0)


def known_form(word: str, lemmas: Sequence[str] = (), current: str | None = None) -> str | None:
    """The nominative of a one-word place name that the gazetteer knows best, where the normal
    form made from morphology is no place or a lesser one: «Казани» read as «Казан» (a small
    Turkish town) is «Казань», «Сене» read as «Сено» is «Сена», «Ливонии» is «Ливония».
    Candidates are the dictionary's lemmas of the word and its regular oblique endings; only a
    name the gazetteer has is taken, and only over a `current` form it knows less well."""
    candidates = [lemma[:1].upper() + lemma[1:] for lemma in lemmas]
    for ending, nominative in PLACE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            candidates.append(word[: -len(ending)] + nominative)
    weights = {c: _score(c) for c in dict.fromkeys(candidates)}
    best = max(weights, key=lambda c: weights[c], default=None)
    if best is None or weights[best][0] == 0 or (current is not None and _score(current) >= weights[best]):
        return None
    return best


def _score(name: str) -> tuple[float, bool]:
    """A name's weight as a place, then whether the dictionary has it as a place's nominative
    (GeoNames lists «Казан» among Kazan's names too; «Казань» is the one a reader writes)."""
    return _weight(name), any("Geox" in a.grammemes and "nomn" in a.grammemes
                              for a in natasha.analyses(name))
