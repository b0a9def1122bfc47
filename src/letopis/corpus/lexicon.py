"""Language and taxonomy data of the corpus layer: type families, number words, noun classes."""

from __future__ import annotations

# Event types that can name the same happening; a family is the unit of blocking, so the
# families partition the taxonomy (docs/events.md). An uprising is fought as battles and
# takes places; a strike is a kind of protest; an appeal is often an announcement.
FAMILIES: dict[str, str] = {
    **dict.fromkeys(("military_operation", "battle", "uprising", "capture", "destruction", "deployment"), "armed"),
    **dict.fromkeys(("protest", "strike", "celebration"), "protest"),
    **dict.fromkeys(("order", "ban", "appeal", "announcement", "request"), "statement"),
    **dict.fromkeys(("negotiation",), "negotiation"),
    **dict.fromkeys(("persecution", "death"), "violence"),
    **dict.fromkeys(("travel",), "travel"),
    **dict.fromkeys(("birth",), "birth"),
    **dict.fromkeys(("appointment",), "appointment"),
    **dict.fromkeys(("founding",), "founding"),
    **dict.fromkeys(("discovery",), "discovery"),
}


def family(event_type: str) -> str:
    """The family of a type; a type outside the taxonomy is its own family."""
    return FAMILIES.get(event_type, event_type)


# Approximation words before a figure -> (low factor, high factor) of the stated value.
APPROXIMATE: dict[str, tuple[float, float]] = {
    "около": (0.75, 1.25), "примерно": (0.75, 1.25), "приблизительно": (0.75, 1.25), "порядка": (0.75, 1.25),
    "почти": (0.8, 1.0), "чуть менее": (0.8, 1.0), "чуть меньше": (0.8, 1.0), "без малого": (0.8, 1.0),
    "более": (1.0, 2.0), "больше": (1.0, 2.0), "свыше": (1.0, 2.0), "более чем": (1.0, 2.0), "не менее": (1.0, 2.0),
    "чуть более": (1.0, 1.25), "чуть больше": (1.0, 1.25), "с лишним": (1.0, 1.5),
    "менее": (0.5, 1.0), "меньше": (0.5, 1.0), "не более": (0.5, 1.0), "до": (0.5, 1.0),
}
# A bare round figure («5000», «5 тыс.») is itself approximate by this much either way.
ROUND_TOLERANCE = 0.1

# Multipliers after a figure: «5 тыс.», «2 млн», «десять тысяч».
MULTIPLIERS: dict[str, int] = {
    **dict.fromkeys(("тыс", "тыс.", "тысяча", "тысячи", "тысяч", "тысячу", "тысячей", "тысячами"), 1000),
    **dict.fromkeys(("млн", "млн.", "миллион", "миллиона", "миллионов", "миллионом"), 1_000_000),
    **dict.fromkeys(("сотня", "сотни", "сотен"), 100),
}

# Vague amounts -> (low, high): «десятки тысяч», «несколько сотен», «тысячи».
VAGUE: dict[str, tuple[int, int]] = {
    "несколько десятков": (20, 99), "десятки": (20, 99), "десятков": (20, 99),
    "несколько сотен": (200, 999), "сотни": (200, 999), "сотен": (200, 999),
    "несколько тысяч": (2000, 9999), "тысячи": (2000, 9999), "тысяч": (2000, 9999),
    "десятки тысяч": (20_000, 99_999), "десятков тысяч": (20_000, 99_999),
    "сотни тысяч": (200_000, 999_999), "сотен тысяч": (200_000, 999_999),
    "несколько десятков тысяч": (20_000, 99_999), "несколько сотен тысяч": (200_000, 999_999),
    "миллионы": (2_000_000, 9_999_999), "несколько миллионов": (2_000_000, 9_999_999),
}

# Counted nouns that count the same kind of thing, by stem (`wording.stem`): a source's
# «5 тыс. человек» and another's «несколько сотен жителей» are figures for one crowd.
NOUN_CLASSES: dict[str, str] = {
    **dict.fromkeys(("человек", "люд", "жител", "горожан", "демонстрант", "манифестант", "участник",
                     "рабоч", "студент", "забастовщик", "граждан", "крестьян", "парижан", "москвич",
                     "ленинградц", "петербуржц", "пражан", "будапештц"), "people"),
    **dict.fromkeys(("солдат", "бойц", "боец", "военнослужащ", "повстанц", "партизан", "военн"), "fighters"),
    **dict.fromkeys(("погибш", "убит", "жертв", "убитых"), "dead"),
    **dict.fromkeys(("ранен", "раненых"), "wounded"),
    **dict.fromkeys(("арестован", "задержан"), "arrested"),
}

