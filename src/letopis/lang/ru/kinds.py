"""Words that say what kind of thing a name is, whatever a recogniser took it for."""

from __future__ import annotations

# Abbreviated titles before a name («пред. Львов», «кн. Меншиков», «ген. Скобелев»), folded.
TITLE_ABBREVIATIONS: frozenset[str] = frozenset(
    "пред предс председ кн ген имп имп-р адм гр бар полк кап митр св".split()
)

# Endings of an organisation's head word, alone or fused into a compound: «Петросовет»,
# «Горсовет», «Исполком», «Политбюро», «Синод». Folded lemmas.
ORGANISATION_HEADS: tuple[str, ...] = (
    "совет", "совнарком", "исполком", "комитет", "партия", "дума", "сенат", "синод", "собор",
    "коллегия", "канцелярия", "академия", "университет", "институт", "общество", "собрание",
    "политбюро", "интернационал", "коминтерн", "профсоюз", "конвент", "парламент",
    "сейм", "рейхстаг", "ландтаг", "приказ", "орден",
)
# «собор» is a cathedral as often as a council: only the council readings below count.
ORGANISATION_HEADS_SKIPPED: frozenset[str] = frozenset({"собор", "орден", "приказ"})

# Nouns of awards: a name after them is the award's saint or founder, not a person of the story
# («орден Святого Владимира 4-й степени», «крест Святого Георгия»). Folded lemmas.
AWARD_NOUNS: frozenset[str] = frozenset("орден медаль крест знак звезда".split())

# Head nouns of a named event: «Бородинское сражение», «Февральская революция», «Ледовое
# побоище» are events (the events stage takes them), never places. Folded lemmas.
EVENT_NOUNS: frozenset[str] = frozenset(
    """
    сражение битва бой побоище война революция восстание мятеж бунт переворот осада штурм
    поход договор мир перемирие соглашение конгресс конференция реформа смута раскол
    """.split()
)

# Prepositions that put a place after them («в Ростове», «под Аустерлицем», «из Вишау»).
PLACE_PREPOSITIONS: frozenset[str] = frozenset(
    "в во из под над у к ко до от через близ около возле вблизи мимо за по на".split()
)

# Honorific stems an institution's name may open with or go without, one institution either way:
# «Императорский Новороссийский университет» = «Новороссийский университет».
HONORIFIC_STEMS: tuple[str, ...] = ("императорск",)
