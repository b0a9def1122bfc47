"""Rules for relative expressions, durations, frequencies and times of day.

«на следующий день», «через неделю», «два года назад», «в прошлом году»,
«в течение пяти лет», «ежегодно», «в 10 часов утра». Where the expression names
an event («за три дня до начала восстания») the event words are kept as a
structured, unresolved anchor and left out of the timex span.
"""

from __future__ import annotations

import re

from . import grammar as g
from . import lexicon as lx
from .dates import norm, part, pre_mod
from .reading import Reading

Match = re.Match[str]

QTY = (
    rf"(?P<q>(?:\d+(?:[.,]\d+)?(?:-?(?:ти|ми|х|и))?(?:\s*[-–—]\s*\d+)?|{g.CARDINAL}(?:\s+{g.CARDINAL})?(?:\s*[-–—]\s*{g.CARDINAL})?"
    rf"|{g.alt(lx.HALF_NUMERALS)}{g.W1})(?:\s+с\s+половиной|\s+с\s+лишним)?)"
)
APPROX = r"(?:(?P<approx>около|почти|примерно|приблизительно|более|больше|менее|меньше|свыше|ещё|еще|всего|лишь|уже|целых|не\s+менее|не\s+более|порядка)\s+)?"
EVENT_TAIL = r"(?:\s+(?P<evdir>после|до|перед)\s+(?P<ev>[^\W\d][\w-]*(?:\s+[^\W\d][\w-]*){0,3}))?"

EVENT_STOP = {
    "и", "а", "но", "в", "во", "на", "с", "со", "к", "по", "из", "от", "у", "о", "об", "когда", "что", "как",
    "который", "которая", "которые", "которое", "он", "она", "они", "оно", "его", "её", "ее", "их",
    "уже", "ещё", "еще", "не", "же", "то", "этого", "этой", "того", "тем", "чем", "где", "если", "был",
    "была", "были", "было", "будет", "года", "году", "лет",
}
GENITIVE_END = re.compile(r"(?:а|я|ы|и|ов|ев|ей|ий|ого|его|ой|их|ых|ия|ии|ам|ям)$")
VERB_END = re.compile(r"(?:л|ла|ло|ли|лся|лась|лось|лись|ть|ться|ет|ит|ют|ят|ут|ат|ется|ится)$")

MOD_WORDS = {
    "чуть больше": "MORE_THAN", "чуть более": "MORE_THAN", "немногим более": "MORE_THAN", "чуть меньше": "LESS_THAN",
    "около": "APPROX", "почти": "APPROX", "примерно": "APPROX", "приблизительно": "APPROX",
    "порядка": "APPROX", "более": "MORE_THAN", "больше": "MORE_THAN", "свыше": "MORE_THAN",
    "не менее": "EQUAL_OR_MORE", "менее": "LESS_THAN", "меньше": "LESS_THAN",
    "не более": "EQUAL_OR_LESS", "до": "EQUAL_OR_LESS",
}
UNIT_VALUE = {"S": "TS", "MIN": "TM", "H": "TH", "D": "D", "W": "W", "M": "M", "Q": "Q", "Y": "Y",
              "DE": "DE", "CE": "CE", "ML": "ML"}
TIME_UNITS = ("S", "MIN", "H")


def quantity(text: str | None) -> float | None:
    """The number a quantity phrase states; None for «несколько», «многие» ..."""
    if not text:
        return 1
    t = norm(text)
    half = 0.5 if t.endswith("с половиной") else 0
    t = re.sub(r"\s+с\s+(?:половиной|лишним)$", "", t)
    t = re.sub(r"(?<=\d)-?(?:ти|ми|х|и)$", "", t)  # «35-ти лет»
    value = _quantity(t)
    return None if value is None else value + half


def _quantity(t: str) -> float | None:
    t = re.split(r"\s*[-–—]\s*", t)[-1]  # «2-3 года»: the upper figure
    t = re.sub(r"(?<=\d)-?(?:ти|ми|х|и)$", "", t)  # «35-ти лет»
    if re.fullmatch(r"\d+(?:[.,]\d+)?", t):
        return float(t.replace(",", "."))
    if t in lx.HALF_NUMERALS:
        return lx.HALF_NUMERALS[t]
    total = 0
    for word in t.split():
        value = lx.CARDINALS.get(word)
        if value is None:
            return None
        total += value
    return total


def duration_value(amount: float | None, unit: str) -> str:
    code = UNIT_VALUE[unit]
    prefix = "PT" if code.startswith("T") else "P"
    code = code.lstrip("T")
    if amount is None:
        number = "X"
    elif amount == int(amount):
        number = str(int(amount))
    else:
        number = f"{amount:g}"
    return f"{prefix}{number}{code}"


def unit_of(word: str) -> str:
    return lx.UNITS[word.lower()]


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


def mod_of(word: str | None) -> str | None:
    return MOD_WORDS.get(norm(word)) if word else None


# ---- rules ------------------------------------------------------------------

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


def per_unit(m: Match) -> Reading | None:
    """«70 тысяч долларов в год»: a rate, so a number comes shortly before it in the clause."""
    if not re.search(r"\d[^.,;:!?()]{0,30}$", m.string[max(0, m.start() - 35): m.start()]):
        return None
    return Reading("set", type="SET", value=duration_value(1, unit_of(m["u"])))


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


_AGE_BEFORE = re.compile(r"(?:возраст\w*|исполнил\w*|исполняется|исполнится|исполниться)(?:\s+\w+)?\s*$", re.I)
_YOUTH = re.compile(r"(?:сборн\w+|команд\w+|девушек|юношей|юниоров|молодёжи|молодежи|среди|категори\w+)\s+(?:\w+\s+)?до\s*$", re.I)
STRONG_AGE_WORDS = {"было", "был", "была", "будет", "исполнилось", "исполнится", "которому", "которой", "ему",
                    "ей", "мне"}
PERSON_STEMS = ("сын", "дочь", "дочер", "девоч", "мальчик", "ребён", "ребен", "мужчин", "женщин", "малыш",
                "подрост", "юнош", "девушк", "пенсионер")
_LEAD_WORDS = {"в", "во", "на", "за", "через", "спустя", "уже", "ещё", "еще", "почти", "около", "более", "всего",
               "лишь", "целых", "последние", "первые", "все", "эти", "те", "долгие"}
AGE_WORDS = {
    "было", "будет", "исполнилось", "исполнится", "исполняется", "которому", "которой", "которым", "ему",
    "ей", "им", "сейчас", "тогда", "свои", "своих", "возрасте", "младше", "старше", "моложе", "по", "в",
    "и", "мне", "тебе", "нам", "вам", "детям", "лицам", "ребёнку", "ребенку", "уже", "лет",
}
_PREV_WORD = re.compile(r"([\w]+)[^\w]*$")
_NEXT = re.compile(r"^\s*([,.;:)]?)\s*(\w*)")


def age_like(m: Match, has_pre: bool) -> bool:
    """«Картер, 49 лет, был казнён», «ему было 70 лет», «детям до 12 лет»: ages, not spans of time."""
    text = m.string
    before = text[max(0, m.start() - 30): m.start()]
    if _AGE_BEFORE.search(before):
        return True
    prev = _PREV_WORD.search(before)
    prev_word = prev.group(1) if prev else ""
    nxt = _NEXT.match(text[m.end(): m.end() + 30])
    next_char, next_word = (nxt.group(1), nxt.group(2).lower()) if nxt else ("", "")
    if next_word.startswith(("жизни", "младше", "старше", "моложе")):
        return True
    if re.search(r"(?:лет|года?)\s+и\s*$", before):
        return True
    if re.search(r"\bот\s+\d+\s*(?:до\s*)?$", before) and not re.search(r"срок\w*\s+от\s+\d+\s*(?:до\s*)?$", before):
        return True
    if re.search(r"(?:детям|лицам|младше|старше|моложе|возрасте|возраста)\s+(?:от\s+\d+\s+)?(?:до\s+)?$", before, re.I):
        return True
    if re.search(r"(?:младше|старше|моложе)\s+(?:\w+\s+)?(?:на\s+)?$", before, re.I):
        return True  # «младше него на 50 лет»: a difference in age
    if _YOUTH.search(text[max(0, m.start("q") - 40): m.start("q")]):
        return True  # «сборная до 18 лет», «среди девушек до 20 лет»
    if prev_word.lower() in STRONG_AGE_WORDS or prev_word.lower().startswith(PERSON_STEMS):
        return True  # «ему было примерно 45 лет», «сына 3-х лет», «мужчины лет 20»
    if has_pre:
        return prev_word.lower() in ("детям", "лицам", "младше", "старше", "моложе", "возрасте")
    if prev_word.lower() == "и" and not re.search(r"\d+\s+и\s*$", before):
        return False
    if prev_word.lower() == "в" and re.search(r"срок\w*\s+в\s*$", before):
        return False
    if prev_word.lower() in AGE_WORDS:
        return True
    tail = before.rstrip()
    if tail and tail[-1] in ",(—–" and next_char in (",", ")", ".", ";", "("):
        return True
    digits_years = bool(re.match(r"\d", m["q"] or "")) and unit_of(m["u"]) == "Y"
    if not (digits_years and prev_word[:1].isupper() and tail.endswith(prev_word)):
        return False
    if re.search(r"[.!?]\s+\w+$", tail) or tail == prev_word:  # the name opens the sentence
        return prev_word.lower() not in _LEAD_WORDS and next_char == ","
    return True  # «Владимиру Токареву 35 лет», «У.Баффету 81 год»


def duration(m: Match) -> Reading | None:
    before = m.string[max(0, m.start() - 25): m.start()]
    if _AGE_BEFORE.search(before):
        return None
    if (unit_of(m["u"]) in ("Y", "D") and quantity(m["q"]) is not None
            and age_like(m, bool(m.groupdict().get("dpre")))):
        return None
    unit = unit_of(m["u"])
    amount = quantity(m["q"])
    value = duration_value(amount, unit)
    mod = mod_of(m["approx"]) or mod_of(m.groupdict().get("dpre"))
    if re.search(r"[-–—]", m["q"] or ""):
        mod = mod or "APPROX"
    return Reading("duration", type="DURATION", value=value, mod=mod)


def duration_unit(m: Match) -> Reading | None:
    """«в течение года», «на год», «за неделю»: one unit without a number."""
    word = m["u"].lower()
    if word in lx.UNIT_WORDS:
        amount, unit = lx.UNIT_WORDS[word]
    else:
        amount, unit = 1, unit_of(word)
    return Reading("duration", type="DURATION", value=duration_value(amount, unit),
                   mod=mod_of(m["approx"]) or mod_of(m.groupdict().get("dpre")))


_PERSON_AFTER = re.compile(r"^\s*(?:ребён|ребен|мальчик|девочк|сын|доч|малыш|младен|юнош|девушк|мужчин|женщин|"
                           r"подрост|житель|пенсионер|уроженец|актёр|актер|певец|певиц|писател|политик|"
                           r"президент|спортсмен|футболист|теннисист|игрок|студент|школьни)", re.I)
_LONG_AFTER = re.compile(r"^\s*(?:[а-яё]+(?:ой|ей|ий|ый|ую|юю|ого|его)\s+)?(?:карьер|деятельност|срок|период|перерыв|контракт|мандат|план|мораторий|опыт|стаж|правлени|"
                         r"заключени|отсутстви|пребывани|цикл|войн|истори|программ(?:а|ы|е|у|ой)\b|соглашени|"
                         r"договор|аренд|служб|работ|исследовани|проект|кризис|цикл|рекорд|запрет)", re.I)


def duration_adj(m: Match) -> Reading | None:
    after = m.string[m.end(): m.end() + 30]
    if _PERSON_AFTER.match(after):
        return None
    word = m.group(0).lower()
    if m["n"]:
        unit = {"летн": "Y", "месячн": "M", "дневн": "D", "часов": "H", "недельн": "W", "минутн": "MIN", "суточн": "D"}[
            m["un"].lower()]
        if unit == "Y" and not _LONG_AFTER.match(after):
            return None  # «44-летний» is an age far more often than a span
        return Reading("duration", type="DURATION", value=duration_value(int(m["n"]), unit))
    stem = next(s for s in sorted(lx.DURATION_ADJ, key=len, reverse=True) if word.startswith(s))
    amount, unit = lx.DURATION_ADJ[stem]
    return Reading("duration", type="DURATION", value=duration_value(amount or None, unit))


def frequency(m: Match) -> Reading:
    word = m.group(0).lower()
    return Reading("set", type="SET", value=lx.SETS[word])


def every(m: Match) -> Reading:
    unit = unit_of(m["u"])
    return Reading("set", type="SET", value=duration_value(quantity(m["q"]), unit))


WEEKDAY_PLURAL = {"понедельникам": 1, "вторникам": 2, "средам": 3, "четвергам": 4, "пятницам": 5,
                  "субботам": 6, "воскресеньям": 7}


def weekly(m: Match) -> Reading:
    return Reading("set", type="SET", value=f"XXXX-WXX-{WEEKDAY_PLURAL[m['wd'].lower()]}")


DAY_PART_HOURS = {"утра": 0, "дня": 12, "вечера": 12, "ночи": 0}


_SCORE = re.compile(r"(?:сч[её]т\w*|стал|со\s+сч[её]том|ничь\w+|победы?|поражени\w+)\s*$", re.I)


def clock(m: Match) -> Reading | None:
    gd = m.groupdict()
    if gd.get("sep") == "." and not (gd.get("tz") or norm(gd.get("pre")) in ("в", "около", "примерно в")):
        return None  # «11.29 миллиарда» is a number, «в 10.25 по местному времени» a time
    if gd.get("sep") and _SCORE.search(m.string[max(0, m.start() - 20): m.start()]):
        return None  # «со счётом 15:13»
    hour = int(gd["h"]) if gd.get("h") else quantity(gd.get("hw"))
    if hour is None:
        return None
    hour = int(hour)
    minute = int(gd["mi"]) if gd.get("mi") else 0
    dp = (gd.get("dp") or "").lower()
    if dp in ("дня", "вечера") and hour < 12:
        hour += 12
    if not (0 <= hour <= 24 and 0 <= minute < 60):
        return None
    return Reading("time", type="TIME", clock=f"T{hour:02d}:{minute:02d}", mod=pre_mod(m))


def noon(m: Match) -> Reading:
    return Reading("time", type="TIME", clock="T12:00" if "полд" in m.group(0).lower() else "T24:00")


def day_part(m: Match) -> Reading:
    code = lx.DAY_PARTS[m["dp"].lower()]
    weak = m["dp"].lower() in ("днём", "днем", "дня", "утра", "вечера", "ночи", "утро", "вечер", "ночь")
    reading = Reading("time", type="TIME", clock=f"T{code}", weak=weak and not m["rel"])
    if m["rel"]:
        reading.notes.append(norm(m["rel"]))
    return reading


def until_part(m: Match) -> Reading:
    """«с утра», «до самого вечера»: a part of the day as a bound."""
    mod = {"с": "ON_OR_AFTER", "до": "BEFORE", "к": "ON_OR_BEFORE"}[m["pre"].lower()]
    return Reading("time", type="TIME", clock=f"T{lx.DAY_PARTS[m['dp'].lower()]}", mod=mod)


_UNIT_SG = r"(?:года|год|месяца|месяц|недели|неделю|дня|день|суток|сутки|века|век|часа|час|минуты|минуту|десятилетия|десятилетие)(?!\w)"
_DUR_PRE = (r"(?:(?P<dpre>в\s+течение|на\s+протяжении|в\s+продолжение|сроком\s+на|сроком\s+до|сроком|на|за|до|"
            r"не\s+менее|не\s+более|не\s+меньше|не\s+больше|более|больше|менее|меньше|свыше|около|почти|"
            r"примерно|порядка|целых|всего|лишь|уже|ещё|еще|последние)\s+)?")

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
    ("set.per", rf"(?<=[\d.\w]\s)в\s+(?P<u>год|месяц|неделю|сутки|день)(?=\s*[.,;:)(]|\s*$)", per_unit),
    ("dur.number", rf"{g.W0}{_DUR_PRE}{APPROX}{QTY}\s+(?P<u>{g.UNIT})(?:\s+подряд)?", duration),
    ("dur.inverted", rf"{g.W0}(?P<u>лет|дней|месяцев|недель|часов|минут)\s+(?P<q>\d{{1,3}}|{g.CARDINAL})(?![\d\w.,:-])(?!\s+{g.UNIT})(?P<approx>)", duration),
    ("dur.unit",
     rf"{g.W0}(?P<dpre>в\s+течение|на\s+протяжении|в\s+продолжение|сроком\s+на|сроком\s+до|на|за|целый|целую|весь|всю|почти|около|более|менее|больше|меньше|свыше|чуть\s+больше|чуть\s+более|чуть\s+меньше|немногим\s+более)\s+{APPROX}"
     rf"(?P<u>{_UNIT_SG}|{g.UNIT_WORD})",
     duration_unit),
    ("dur.unit_word", rf"{g.W0}{APPROX}(?P<u>{g.UNIT_WORD})", duration_unit),
    ("dur.adj",
     rf"{g.W0}(?:(?P<n>\d+)\s*-\s*(?:и\s*)?(?P<un>летн|месячн|дневн|часов|недельн|минутн|суточн)\w*|{g.alt(lx.DURATION_ADJ)}\w*)",
     duration_adj),
    ("set.word", rf"{g.W0}{g.alt(lx.SETS)}{g.W1}", frequency),
    ("set.every", rf"{g.W0}(?:кажд(?:ый|ую|ое|ые|ого|ой|ом|ых)|раз\s+в)\s+(?:{QTY}\s+)?(?P<u>{g.UNIT})", every),
    ("set.weekly", rf"{g.W0}по\s+(?P<wd>{g.alt(WEEKDAY_PLURAL)}){g.W1}", weekly),
    ("time.clock",
     rf"(?<![\w\-./:])(?:{g.PRE})?(?P<h>[01]?\d|2[0-4])(?P<sep>[:.])(?P<mi>[0-5]\d)(?:[:.][0-5]\d)?(?!\d)(?![.,/:]\d)"
     rf"(?P<tz>\s*(?:\(?мск\)?|по\s+(?:московскому|местному|киевскому|\w+скому)\s+времени|утра|дня|вечера|ночи))?",
     clock),
    ("time.hours",
     rf"{g.W0}(?P<pre>в|на|около|к|до|после|с|примерно\s+в|ровно\s+в|начиная\s+с)\s+(?:(?P<h>[01]?\d|2[0-4])|(?P<hw>{g.CARDINAL}))\s+час(?:а|ов)?(?!\w)"
     rf"(?:\s+(?P<mi>[0-5]?\d)\s+минут\w*)?(?:\s+(?P<dp>утра|дня|вечера|ночи))?(?:\s+по\s+\w+\s+времени)?",
     clock),
    ("time.bare_hour",
     rf"{g.W0}(?P<pre>в|около|к|до|после|с|примерно\s+в|ровно\s+в)\s+(?P<h>[01]?\d|2[0-3])\s+(?P<dp>утра|вечера|ночи|дня){g.W1}",
     clock),
    ("time.noon", rf"{g.W0}(?:в|к|около|после|до)\s+(?:полдень|полночь|полудня|полуночи){g.W1}", noon),
    ("time.until_part", rf"{g.W0}(?P<pre>с|до|к)\s+(?:самого\s+)?(?P<dp>утра|вечера|ночи){g.W1}", until_part),
    ("time.day_part",
     rf"{g.W0}(?:(?P<rel>рано|поздно|поздним|ранним|этим|этой|прошлой|следующей|тем\s+же|той\s+же|сегодня|вчера)\s+)?"
     rf"(?P<dp>утром|вечером|ночью|днём|днем){g.W1}",
     day_part),
]
