"""Russian labels for every code the viewer shows: event and entity types, roles,
factuality, date bases, statuses, conflict kinds and summaries.

One table, read by the web API (`/api/labels`, and the `*_words` fields of its records),
so that no English code reaches a reader. `code_of` reads a label back: a filter may be
given either the code («battle») or its label («сражение»).
"""

from __future__ import annotations

# What a report says for each code (the Markdown and HTML reports read these too).
FACTUALITY = {
    "actual": "",
    "negated": "не произошло",
    "intended": "намерение",
    "unrealized": "не осуществлено",
    "hypothetical": "предположение",
    "uncertain": "неясно",
}
ROLES = {
    "agent": "деятель",
    "patient": "объект",
    "recipient": "адресат",
    "instrument": "средство",
    "beneficiary": "в пользу",
    "participant": "участник",
    "co-agent": "соучастник",
}
ENTITY_TYPES = {
    "PERSON": "лицо",
    "ORGANIZATION": "организация",
    "LOCATION": "место",
    "FACILITY": "сооружение",
    "GROUP": "группа",
    "PROFESSION": "должность",
    "EVENT": "событие",
}
SUBTYPES = {
    "CITY": "город",
    "COUNTRY": "страна",
    "REGION": "регион",
    "DISTRICT": "район",
    "MILITARY_UNIT": "воинская часть",
    "NATIONALITY": "народ",
    "PARTY": "партия",
    "GOVERNMENT": "правительство",
}
RELATIONS = {
    "cause": "вызвало",
    "before": "раньше, чем",
    "after": "позже, чем",
    "overlap": "одновременно с",
    "same": "то же, что",
}
BASIS = {
    "explicit": "указана",
    "context": "из контекста",
    "relative": "относительно события",
    "inferred": "выведена",
    "unknown": "",
}

EVENT_TYPES: dict[str, str] = {
    "abdication": "отречение",
    "accession": "восшествие на престол",
    "accident": "несчастный случай",
    "announcement": "заявление",
    "appeal": "призыв",
    "appointment": "назначение",
    "attack": "нападение",
    "ban": "запрет",
    "battle": "сражение",
    "birth": "рождение",
    "capture": "взятие",
    "celebration": "празднование",
    "culture": "культура",
    "death": "смерть",
    "deployment": "передвижение войск",
    "destruction": "разрушение",
    "disaster": "бедствие",
    "discovery": "открытие",
    "election": "выборы",
    "enrolment": "поступление",
    "foundation": "основание",
    "founding": "основание",
    "legal": "правовой акт",
    "marriage": "брак",
    "military_operation": "военная операция",
    "negotiation": "переговоры",
    "order": "приказ",
    "persecution": "преследование",
    "personal": "частная жизнь",
    "protest": "протест",
    "publication": "публикация",
    "reform": "реформа",
    "request": "просьба",
    "sport": "спорт",
    "strike": "забастовка",
    "travel": "поездка",
    "treaty": "договор",
    "uprising": "восстание",
    "war": "война",
    "other": "прочее",
}
# A handful of coarse groups of types (for a timeline export that must stay small).
COARSE_TYPES: dict[str, str] = {
    **dict.fromkeys(("battle", "military_operation", "uprising", "capture", "destruction", "deployment", "attack", "war"),
                    "война и оружие"),
    **dict.fromkeys(("order", "ban", "appeal", "announcement", "request", "negotiation", "treaty", "legal", "reform",
                     "election", "appointment", "abdication", "accession"), "власть и право"),
    **dict.fromkeys(("protest", "strike", "celebration", "persecution"), "общество"),
    **dict.fromkeys(("birth", "death", "marriage", "personal", "travel", "enrolment", "accident", "disaster"), "жизнь людей"),
    **dict.fromkeys(("culture", "publication", "discovery", "founding", "foundation", "sport"), "культура и знание"),
}
OTHER_GROUP = "прочее"
FACTUALITY_LABELS: dict[str, str] = {**FACTUALITY, "actual": "произошло"}
DATED: dict[str, str] = {"yes": "с датой", "no": "без даты"}
STATUS: dict[str, str] = {"conflict": "источники расходятся", "agreed": "источники согласны", "single": "один источник"}
CONFLICT_KINDS: dict[str, str] = {"date": "даты", "number": "числа", "actor": "кто действовал", "outcome": "чем кончилось"}
# What a conflict of each kind says, with its claims set in: «{claims}».
CONFLICT_SUMMARIES: dict[str, str] = {
    "date": "у дат источников нет общего дня ({claims})",
    "number": "числа в источниках не сходятся ({claims})",
    "actor": "источники называют разных деятелей ({claims})",
    "outcome": "один источник говорит, что это произошло, другой — что нет ({claims})",
}
ERA_BC = "до н. э."

TABLES: dict[str, dict[str, str]] = {
    "event_types": EVENT_TYPES,
    "entity_types": ENTITY_TYPES,
    "subtypes": SUBTYPES,
    "roles": ROLES,
    "factuality": FACTUALITY_LABELS,
    "basis": {k: v or "неизвестно" for k, v in BASIS.items()},
    "relations": RELATIONS,
    "status": STATUS,
    "conflict_kinds": CONFLICT_KINDS,
    "conflict_summaries": CONFLICT_SUMMARIES,
    "dated": DATED,
}


def label(table: str, code: str | None) -> str:
    """The Russian label of a code; a code outside the table is shown as it is."""
    if code is None:
        return ""
    return TABLES[table].get(code, code)


def event_type(code: str | None) -> str:
    return label("event_types", code) if code else "без типа"


def code_of(table: str, value: str) -> str:
    """The code a filter value names: the code itself, or its label in any letter case."""
    labels = TABLES[table]
    if value in labels:
        return value
    wanted = value.strip().lower().replace("ё", "е")
    for code, words in labels.items():
        if words and words.lower().replace("ё", "е") == wanted:
            return code
    return value


def conflict_summary(kind: str, claims: list[str]) -> str:
    """A conflict in words, from its kind and its claims already put in words."""
    template = CONFLICT_SUMMARIES.get(kind, "источники расходятся ({claims})")
    return template.format(claims="; ".join(c for c in claims if c))
