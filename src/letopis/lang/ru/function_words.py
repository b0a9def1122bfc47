"""Function words that rules step over: list separators and the short words of a name."""

from __future__ import annotations

# What stands between the items of a list of facilities («ратуши, газовый завод и почтамт»).
LIST_SEPARATORS: frozenset[str] = frozenset({",", "и", ";"})

# What stands between the names of a list of vehicles («шаттлы «Индевор» и «Атлантис»»).
NAME_LIST_SEPARATORS: tuple[str, ...] = (",", "и", "или")

# Prepositions and conjunctions an acronym leaves out («Комитет по делам …» → «КД…»).
ACRONYM_SKIPPED_WORDS: frozenset[str] = frozenset({"и", "по", "на", "в", "во", "за", "для", "при", "с", "со", "о", "об", "от", "до", "к"})
