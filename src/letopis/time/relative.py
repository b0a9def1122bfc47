"""Rules for expressions relative to the narrative, to now or to a named event.

«на следующий день», «через неделю», «два года назад», «в прошлом году», «после войны».
Where the expression names an event («за три дня до начала восстания») the event words are
kept as a structured, unresolved anchor and left out of the timex span.
"""

from __future__ import annotations

import re

from . import grammar as g
from . import lexicon as lx
from .dates import norm, part, pre_mod
from .quantity import APPROX, QTY, duration_value, mod_of, quantity, unit_of, TIME_UNITS
from .reading import Reading

Match = re.Match[str]

EVENT_TAIL = r"(?:\s+(?P<evdir>после|до|перед)\s+(?P<ev>[^\W\d][\w-]*(?:\s+[^\W\d][\w-]*){0,3}))?"

EVENT_STOP = {
    "и", "а", "но", "в", "во", "на", "с", "со", "к", "по", "из", "от", "у", "о", "об", "когда", "что", "как",
    "который", "которая", "которые", "которое", "он", "она", "они", "оно", "его", "её", "ее", "их",
    "уже", "ещё", "еще", "не", "же", "то", "этого", "этой", "того", "тем", "чем", "где", "если", "был",
    "была", "были", "было", "будет", "года", "году", "лет",
}
GENITIVE_END = re.compile(r"(?:а|я|ы|и|ов|ев|ей|ий|ого|его|ой|их|ых|ия|ии|ам|ям)$")
VERB_END = re.compile(r"(?:л|ла|ло|ли|лся|лась|лось|лись|ть|ться|ет|ит|ют|ят|ут|ат|ется|ится)$")


def event_ref(m: Match, relation: str, offset: str | None) -> dict | None:
    """The event words after «после»/«до» as a structured anchor, or None."""
    if not m.groupdict().get("ev"):
        return None
    words = list(re.finditer(r"[^\W\d][\w-]*", m["ev"]))
    kept = []
    for w in words:
        low = w.group(0).lower()
        if low in EVENT_STOP or VERB_END.search(low) and len(kept) > 0:
            break
        if kept and not GENITIVE_END.search(low):
            break  # «после капитуляции гарнизона город ожил»: «город» starts the clause
        kept.append(w)
    if not kept:
        return None
    start, end = m.start("ev") + kept[0].start(), m.start("ev") + kept[-1].end()
    return {"relation": relation, "offset": offset,
            "event": {"start": start, "end": end, "text": m.string[start:end]}}


PRESENT = {
    "на сегодняшний день": "PRESENT_REF",
    "на данный момент": "PRESENT_REF", "в данный момент": "PRESENT_REF", "в наши дни": "PRESENT_REF",
    "в наше время": "PRESENT_REF", "на днях": "PAST_REF", "по настоящее время": "PRESENT_REF",
}
# word -> (base, unit, amount)
DAY_WORDS = {
    "сегодня": ("now", 0), "вчера": ("now", -1), "позавчера": ("now", -2), "завтра": ("now", 1),
    "послезавтра": ("now", 2), "накануне": ("ref", -1), "в тот же день": ("ref", 0),
    "в тот день": ("ref", 0), "в этот день": ("ref", 0), "в этот же день": ("ref", 0),
    "в тот же вечер": ("ref", 0), "в тот же час": ("ref", 0), "в этот же день": ("ref", 0),
    "на следующий день": ("ref", 1), "на другой день": ("ref", 1), "на следующее утро": ("ref", 1),
    "следующего дня": ("ref", 1), "в следующий день": ("ref", 1), "днём позже": ("ref", 1),
    "на второй день": ("ref", 1), "на третий день": ("ref", 2), "того же дня": ("ref", 0),
    "в эти дни": ("ref", 0), "в этот час": ("ref", 0), "в тот час": ("ref", 0), "в тот же час": ("ref", 0),
    "в те дни": ("ref", 0), "с этого времени": ("ref", 0), "с того времени": ("ref", 0),
}
DAY_ADJ = {"сегодняшн": 0, "вчерашн": -1, "завтрашн": 1}
YEAR_ADJ = {"прошлогодн": -1}


def present(m: Match) -> Reading:
    return Reading("present", value=PRESENT[norm(m["w"])])


def day_word(m: Match) -> Reading:
    base, amount = DAY_WORDS[norm(m["w"])]
    reading = Reading("shift", unit="D", amount=amount, base=base)
    if base == "ref" and amount:
        reading.anchor_ref = event_ref(m, "before" if amount < 0 else "after", f"P{abs(amount)}D")
    elif base == "ref" and m.groupdict().get("ev"):
        reading.anchor_ref = event_ref(m, "same", None)
    if reading.anchor_ref:
        reading.kind = "event"
    return reading


def eve_of(m: Match) -> Reading | None:
    """«накануне выборов», «в день выборов», «в канун Рождества»: a day relative to a named event."""
    relation = {"накануне": "before", "в канун": "before"}[norm(m["w"])]
    words = m["ev"].split()
    if words[0].lower() in lx.DAY_PARTS:
        return None  # «накануне вечером»
    if not re.search(r"(?:ов|ев|ия|ии|ей|ых|их|ого|его)$", words[0].lower()) and (
            len(words) > 1 and VERB_END.search(words[1].lower())):
        return None  # «Накануне пограничники слышали ...»: a subject, not an event
    ref = event_ref(m, relation, "P1D" if relation == "before" else None)
    if ref is None:
        return None
    return Reading("event", unit="D", amount=-1 if relation == "before" else 0, anchor_ref=ref)


def day_adj(m: Match) -> Reading:
    if m.group(0).lower().startswith("прошлогодн"):
        return Reading("shift", unit="Y", amount=-1, base="now")
    stem = next(s for s in DAY_ADJ if m.group(0).lower().startswith(s))
    return Reading("shift", unit="D", amount=DAY_ADJ[stem], base="now")


REL_AMOUNT = {
    "т": 0, "эт": 0, "тек": 0, "нын": 0, "прошл": -1, "минувш": -1, "позапрошл": -2, "предыдущ": -1,
    "следующ": 1, "будущ": 1, "наступающ": 1, "грядущ": 1,
}


def rel_unit(m: Match) -> Reading | None:
    rel = norm(m["rel"])
    amount = next((v for k, v in sorted(REL_AMOUNT.items(), key=lambda kv: -len(kv[0])) if rel.startswith(k)), None)
    if amount is None:
        return None
    unit = unit_of(m["u"])
    base = "ref" if rel.startswith(("следующ", "предыдущ", "т")) else "now"
    return Reading("shift", unit=unit, amount=amount, base=base, mod=pre_mod(m), part=part(m))


def part_unit(m: Match) -> Reading | None:
    """«в начале недели», «до конца года», «с середины года»: part of the current unit."""
    if not part(m):
        return None
    return Reading("shift", unit=unit_of(m["u"]), amount=0, base="now", mod=pre_mod(m), part=part(m))


def sport_season(m: Match) -> Reading:
    rel = norm(m["rel"])
    amount = next((v for k, v in sorted(REL_AMOUNT.items(), key=lambda kv: -len(kv[0])) if rel.startswith(k)), 0)
    if rel.startswith("нов"):
        amount = 1
    return Reading("shift", unit="Y", amount=amount, base="now", mod="APPROX", part=part(m))


def vague(m: Match) -> Reading:
    """An expression that is clearly temporal but names no calendar value of its own."""
    word = norm(m.group(0))
    if "выходн" in word:
        return Reading("vague", value="XXXX-WXX-WE")
    if "минут" in word or "секунд" in word:
        return Reading("vague", type="TIME", value="XXXX-XX-XXTXX:XX")
    return Reading("vague", value="XXXX-XX-XX")


def holiday(m: Match) -> Reading:
    word = norm(m["hol"])
    if word.startswith(("нов",)):
        from .periods import Period
        reading = Reading("point", period=Period("day", None, 1, 1), mod=pre_mod(m))
        if norm(m["pre"]) in ("до", "к"):
            reading.mod = "BEFORE" if norm(m["pre"]) == "до" else "ON_OR_BEFORE"
        return reading
    return Reading("vague", value="XXXX-XX-XX")


def event_bound(m: Match) -> Reading | None:
    """«после войны», «до революции», «во время оккупации»: bounded by a long event, unresolved."""
    relation, mod = lx.EVENT_BOUNDS[norm(m["pre"])]
    start, end = m.start("ev"), m.end("ev")
    text = m.string
    while m["name"] and end > m.end("core"):
        # «После войны Младич вернулся»: a name followed by a verb is the clause's subject
        last = text.rfind(" ", m.end("core"), end) + 1
        following = re.match(r"\s*([^\W\d]+)", text[end: end + 30])
        if following and VERB_END.search(following.group(1).lower()):
            end = max(m.end("core"), last - 1)
            while end > m.end("core") and text[end - 1].isspace():
                end -= 1
        else:
            break
    ref = {"relation": relation, "offset": None,
           "event": {"start": start, "end": end, "text": m.string[start:end]}}
    return Reading("event", mod=mod, anchor_ref=ref, span_end=end)


def recent(m: Match) -> Reading:
    """«в последние годы», «за последние 10 лет», «в ближайшие месяцы», «за последний год»."""
    if m["u"].lower() == "время":
        return Reading("vague", value="XXXX")
    unit = unit_of(m["u"])
    rel = norm(m["rel"])
    future = rel.startswith(("ближайш", "следующ", "грядущ", "предстоящ", "последующ"))
    if m["q"]:
        return Reading("duration", type="DURATION", value=duration_value(quantity(m["q"]), unit))
    if rel.startswith("следующ") and not rel.endswith(("ие", "их")):
        return None
    if rel.startswith("разн"):
        return Reading("vague", value="XXXX")
    if not rel.endswith(("ие", "их", "ими")):  # singular: «за последний год» is the year up to now
        return Reading("duration", type="DURATION", value=duration_value(1, unit))
    return Reading("present", value="FUTURE_REF" if future else "PAST_REF")


def _amount_unit(m: Match) -> tuple[float | None, str]:
    word = m["u"].lower()
    if word in lx.UNIT_WORDS:  # «через полгода»
        amount, unit = lx.UNIT_WORDS[word]
        return amount, unit
    return quantity(m["q"]), unit_of(word)


def shift_after(m: Match) -> Reading | None:
    """«через неделю», «спустя два дня» (after the reference or a named event)."""
    amount, unit = _amount_unit(m)
    offset = duration_value(amount, unit)
    reading = Reading("shift", unit=unit, amount=None if amount is None else int(amount), base="ref",
                      mod=mod_of(m["approx"]))
    if m["evdir"]:
        reading.anchor_ref = event_ref(m, "after" if norm(m["evdir"]) == "после" else "before", offset)
        if reading.anchor_ref:
            reading.kind = "event"
    if unit in TIME_UNITS:
        reading.type = "TIME"
    return reading


def shift_ago(m: Match) -> Reading | None:
    """«два года назад» (before now), «неделю спустя», «годом позже» (from the reference)."""
    amount, unit = _amount_unit(m)
    word = norm(m["dir"])
    sign = -1 if word in ("назад", "тому назад", "ранее", "раньше") else 1
    base = "now" if "назад" in word else "ref"
    return Reading("shift", unit=unit, amount=None if amount is None else sign * int(amount), base=base,
                   mod=mod_of(m["approx"]), type="TIME" if unit in TIME_UNITS else "DATE")


def before_event(m: Match) -> Reading | None:
    """«за три дня до начала восстания»."""
    amount = quantity(m["q"])
    unit = unit_of(m["u"])
    ref = event_ref(m, "before", duration_value(amount, unit))
    if ref is None:
        return None
    return Reading("event", unit=unit, amount=None if amount is None else -int(amount), anchor_ref=ref,
                   type="TIME" if unit in TIME_UNITS else "DATE")


RULES: list[tuple[str, str, object]] = [
    ("rel.present", rf"{g.W0}(?P<w>{g.alt(PRESENT)}){g.W1}", present),
    ("rel.eve", rf"{g.W0}(?P<t>(?P<w>накануне|в\s+канун){g.W1})\s+(?P<ev>[^\W\d][\w-]*(?:\s+[^\W\d][\w-]*){{0,3}})",
     eve_of),
    ("rel.day", rf"{g.W0}(?P<t>(?P<w>{g.alt(DAY_WORDS)}){g.W1}){EVENT_TAIL}", day_word),
    ("rel.day_adj", rf"{g.W0}(?:сегодняшн|вчерашн|завтрашн|прошлогодн)\w+", day_adj),
    ("rel.unit",
     rf"{g.HEAD}{g.REL_ADJ}(?:\s+же)?\s+(?P<u>году|год|года|месяце|месяц|месяца|неделе|неделю|недели|веке|век|века|"
     rf"квартале|квартала|десятилетии|десятилетия)(?!\w)",
     rel_unit),
    ("rel.recent",
     rf"{g.W0}(?:(?:в|за|на|в\s+течение)\s+)?(?P<rel>последн\w+|ближайш\w+|прошедш\w+|минувш\w+|грядущ\w+|истекш\w+|"
     rf"последующ\w+|предстоящ\w+|следующ(?:ие|их)|разн(?:ые|ое))\s+(?:(?P<q>\d+|{g.CARDINAL})\s+)?(?P<u>{g.UNIT}|(?<=разное\s)время)",
     recent),
    ("rel.after",
     rf"{g.W0}(?P<t>(?:ещё\s+|еще\s+)?(?:через|спустя)\s+{APPROX}(?:{QTY}\s+)?(?P<u>{g.UNIT}|{g.UNIT_WORD}))(?!\s+(?:назад|спустя)){EVENT_TAIL}",
     shift_after),
    ("rel.ago",
     rf"{g.W0}{APPROX}(?:{QTY}\s+)?(?P<u>{g.UNIT}|{g.UNIT_WORD})[^\S\n]+(?P<dir>тому\s+назад|назад|спустя|позже|позднее|ранее|раньше)(?!\w)",
     shift_ago),
    ("rel.before_event",
     rf"{g.W0}(?P<t>за\s+{APPROX}(?:{QTY}\s+)?(?P<u>{g.UNIT}))\s+(?P<evdir>до|перед)\s+(?P<ev>[^\W\d][\w-]*(?:\s+[^\W\d][\w-]*){{0,3}})",
     before_event),
    ("rel.part_unit", rf"{g.W0}(?:{g.PRE})?{g.PART}(?P<u>года|недели|месяца|дня|века|столетия)(?!\s*\d)(?!\w)",
     part_unit),
    ("rel.sport_season",
     rf"{g.HEAD}(?P<rel>этом|этот|этого|прошл\w+|минувш\w+|следующ\w+|будущ\w+|текущ\w+|предыдущ\w+|нов\w+|нынешн\w+)\s+сезон\w*",
     sport_season),
    ("rel.weekend",
     rf"{g.W0}(?:в|на|по|все|всё)\s+(?:(?:эти|минувшие|прошедшие|прошлые|ближайшие|следующие|эти|прошлых|минувших|ближайших|этих)\s+)?выходн(?:ые|ых|ым){g.W1}",
     vague),
    ("rel.minute", rf"{g.W0}на\s+(?:\d{{1,3}}\s*-?\s*(?:й|ой|ей|ий|м)?|{g.ORDINAL})\s+(?:минуте|секунде){g.W1}", vague),
    ("rel.while_ago", rf"{g.W0}(?:некоторое|какое-то|долгое|короткое)\s+время\s+(?:назад|спустя){g.W1}", vague),
    ("rel.holiday",
     rf"{g.W0}(?P<pre>на|в|во|до|после|к|накануне|во\s+время|перед)\s+(?P<hol>нов(?:ый|ого|ому|ым)\s+год(?:а|у|ом)?|"
     rf"рождеств(?:о|а|у|е|ом)|рождественск\w+\s+(?:каникул\w*|праздник\w*)|сочельник\w*|пасх(?:а|и|у|е|ой)|маслениц\w+){g.W1}",
     holiday),
    ("rel.event_bound",
     rf"{g.W0}(?P<pre>после|до|перед|во\s+время|в\s+ходе|в\s+годы|в\s+период)\s+"
     rf"(?P<ev>(?P<core>(?:[а-яё]+(?:ой|ей|ого|его|ых|их)\s+){{0,2}}{g.alt(lx.PERIOD_EVENTS)}{g.W1})"
     rf"(?P<name>\s+(?-i:[А-ЯЁ][\w-]+)(?:\s+(?-i:[А-ЯЁ][\w-]+))?)?)",
     event_bound),
]
