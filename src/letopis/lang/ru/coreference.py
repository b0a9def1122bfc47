"""Language data of event coreference: the words that point back at an event already told."""

from __future__ import annotations

import re

# Words right before an event noun that make it a definite back-reference to an event told
# before («это восстание», «после забастовки», «в ходе этой войны»): demonstratives, and
# prepositions of time that take a known event as their landmark. Lower case, ё as е; one or
# two words before the noun are looked up.
BACK_REFERENCE: frozenset[str] = frozenset({
    "это", "этот", "эта", "этого", "этой", "этому", "этим", "этом", "эту",
    "данный", "данного", "данной", "данном", "данную", "указанный", "указанного", "указанной",
    "упомянутый", "упомянутого", "упомянутой", "того же", "той же", "тот же", "та же",
    "после", "во время", "в ходе", "по окончании", "по итогам", "в результате", "накануне", "до начала",
    "после начала", "после окончания", "с начала", "в начале", "к началу", "в конце",
    "итоги", "итогом", "подавления", "подавление", "участники", "участников",
})
# Adjective endings of a capitalised word that names an event («Февральская революция»,
# «Бородинское сражение»), which may then open its sentence.
NAME_ADJECTIVE_ENDINGS: tuple[str, ...] = ("ая", "ое", "ий", "ый", "ой", "ого", "ому", "ую", "ом", "ые", "ых")
# A place that names the event noun before it: «Сражение под Красным», «битва при Лейпциге»,
# «сражение на реке Березине», «бой у деревни Шевардино».
PLACE_NAMING = re.compile(r"\s+(под|при|у|на|близ|около)\s+(?:(?:реке|р\.|деревней|деревне|деревни|городом|селом|мысом|мыса)\s+)?([А-ЯЁ][а-яё-]+)")
# Prepositions that make an event noun a landmark in time for what the sentence tells
# («До Отечественной войны …», «после войны: …»): the sentence's actors and figures are not
# the event's.
LANDMARK: frozenset[str] = frozenset({"до", "накануне", "после", "перед", "во время", "в ходе", "по окончании",
                                     "после начала", "после окончания", "до начала"})
