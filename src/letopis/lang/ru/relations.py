"""Language data for relations between events: causal verbs, prepositions and connectives."""

from __future__ import annotations

# Verbs whose subject's event causes the event of their complement.
CAUSAL_VERBS = {
    "привести", "приводить", "вызвать", "вызывать", "повлечь", "повлечь за собой",
    "спровоцировать", "провоцировать", "обусловить", "ускорить", "ускорять", "усилить",
    "усиливать", "способствовать", "послужить", "позволить", "заставить", "вынудить",
    "породить", "спасти", "предотвратить", "остановить", "сорвать",
}
# These cause only with «к»: «привели к тому, что …», not «привести в исполнение».
CAUSAL_ONLY_WITH_K = {"привести", "приводить"}
RELATIVE_PRONOUNS = {"что", "который", "это"}
# A causal verb with one of these says there was no such effect: «это не привело к результату».
NEGATIONS = {"не", "ни"}
# After a comma these stand for the whole clause before them: «..., что усилило ...».
CLAUSE_PRONOUNS = {"что", "это"}

# Prepositional phrases whose noun is the cause of the event they attach to.
CAUSAL_PREPOSITIONS = ("из-за", "в результате", "вследствие", "благодаря", "по причине", "в связи с", "в ответ на")

# Sentence openings that relate the sentence's main event to the previous one's.
# "before": previous before this; "cause": previous causes this.
CONNECTIVES: list[tuple[str, str]] = [
    ("после этого", "before"),
    ("затем", "before"),
    ("потом", "before"),
    ("вскоре", "before"),
    ("впоследствии", "before"),
    ("позднее", "before"),
    ("позже", "before"),
    ("в результате этого", "cause"),
    ("в результате", "cause"),
    ("вследствие этого", "cause"),
    ("из-за этого", "cause"),
    ("поэтому", "cause"),
    ("в ответ", "cause"),
    ("тогда", "before"),
]

# Verbs that set a date for an event: «на 18 августа была объявлена забастовка».
SCHEDULE_VERBS = {"объявить", "назначить", "запланировать", "наметить", "перенести", "созвать", "планировать", "объявлять", "назначать"}
# Verbs of finding out: what was found to be scheduled for a day was found out by that day.
PERCEPTION_VERBS = {"обнаружить", "узнать", "увидеть", "выяснить", "застать", "услышать", "понять", "убедиться"}
# Going away and coming back: a return follows the same traveller's departure.
DEPARTURE_LEMMAS = {"отправиться", "поехать", "уехать", "вылететь", "отплыть", "покинуть", "бежать", "эмигрировать", "выехать"}
RETURN_LEMMAS = {"вернуться", "возвращение", "возвратиться", "вернуть"}
