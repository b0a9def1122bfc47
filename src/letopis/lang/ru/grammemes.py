"""Universal features as OpenCorpora grammemes (what pymorphy2 speaks)."""

from __future__ import annotations

CASES: dict[str, str] = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
NUMBERS: dict[str, str] = {"Sing": "sing", "Plur": "plur"}
GENDERS: dict[str, str] = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}
GENDERS_BACK: dict[str, str] = {value: key for key, value in GENDERS.items()}

# Nominative endings of an ordinal written with digits («4-й», «4-я», «4-е»), by gender or plural.
ORDINAL_NOMINATIVE: dict[str, str] = {"masc": "й", "femn": "я", "neut": "е", "plur": "е"}

# natasha's `inflect` takes Universal feature values; pymorphy's readings speak OpenCorpora.
OC_TO_UD: dict[str, str] = {
    **{oc: ud for ud, oc in CASES.items()},
    **{oc: ud for ud, oc in NUMBERS.items()},
    **{oc: ud for ud, oc in GENDERS.items()},
}
