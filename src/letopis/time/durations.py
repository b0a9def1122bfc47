"""Rules for durations and frequencies: «в течение пяти лет», «более 20 лет», «пятилетний срок»,
«ежегодно», «каждые два года», «раз в год». Ages («ему было 45 лет», «Картер, 49 лет,»)
are vetoed here, since Russian writes them with the same words.
"""

from __future__ import annotations

import re
from dataclasses import replace

from . import grammar as g
from . import lexicon as lx
from .quantity import APPROX, QTY, duration_value, mod_of, quantity, unit_of
from .reading import Reading

Match = re.Match[str]

_AGE_BEFORE = re.compile(r"(?:возраст\w*|исполнил\w*|исполняется|исполнится|исполниться)(?:\s+\w+)?\s*$", re.I)
_YOUTH = re.compile(r"(?:сборн\w+|команд\w+|девушек|юношей|юниоров|молодёжи|молодежи|среди|категори\w+)\s+(?:\w+\s+)?до\s*$", re.I)
_HEDGES = {"примерно", "около", "почти", "приблизительно", "уже", "всего", "лишь", "ровно"}
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
_NEXT = re.compile(r"^\s*([,.;:)(]?)\s*(\w*)")
_AFTER_COUNT_AND = re.compile(r"(?:лет|года?)\s+и\s*$")
_FROM_NUMBER = re.compile(r"\bот\s+\d+\s*(?:до\s*)?$")
_TERM_FROM_NUMBER = re.compile(r"срок\w*\s+от\s+\d+\s*(?:до\s*)?$")
_AGE_GROUP = re.compile(r"(?:детям|лицам|младше|старше|моложе|возрасте|возраста)\s+(?:от\s+\d+\s+)?(?:до\s+)?$", re.I)
_AGE_DIFFERENCE = re.compile(r"(?:младше|старше|моложе)\s+(?:\w+\s+)?(?:на\s+)?$", re.I)
_NUMBER_AND = re.compile(r"\d+\s+и\s*$")
_TERM_IN = re.compile(r"срок\w*\s+в\s*$")
_DIGIT = re.compile(r"\d")
_SENTENCE_OPENS = re.compile(r"[.!?]\s+\w+$")
_DASH = re.compile(r"[-–—]")
_NUMBER_BEFORE = re.compile(r"\d[^.,;:!?()]{0,30}$")


def age_like(m: Match, has_pre: bool) -> bool:
    """«Картер, 49 лет, был казнён», «ему было 70 лет», «детям до 12 лет»: ages, not spans of time."""
    text = m.string
    before = text[max(0, m.start() - 30): m.start()]
    if _AGE_BEFORE.search(before):
        return True
    prev = _PREV_WORD.search(before)
    prev_word = prev.group(1) if prev else ""
    while prev and prev_word.lower() in _HEDGES:  # «ему было примерно 45 лет»
        prev = _PREV_WORD.search(before, 0, prev.start())
        prev_word = prev.group(1) if prev else ""
    nxt = _NEXT.match(text[m.end(): m.end() + 30])
    next_char, next_word = (nxt.group(1), nxt.group(2).lower()) if nxt else ("", "")
    if next_word.startswith(("жизни", "младше", "старше", "моложе")) or next_word.isdigit():
        return True  # «на 75 году жизни», «(60 лет 164 дней)»
    if _AFTER_COUNT_AND.search(before):
        return True
    if _FROM_NUMBER.search(before) and not _TERM_FROM_NUMBER.search(before):
        return True
    if _AGE_GROUP.search(before):
        return True
    if _AGE_DIFFERENCE.search(before):
        return True  # «младше него на 50 лет»: a difference in age
    if _YOUTH.search(text[max(0, m.start("q") - 40): m.start("q")]):
        return True  # «сборная до 18 лет», «среди девушек до 20 лет»
    if prev_word.lower() in STRONG_AGE_WORDS or prev_word.lower().startswith(PERSON_STEMS):
        return True  # «ему было примерно 45 лет», «сына 3-х лет», «мужчины лет 20»
    if has_pre:
        return prev_word.lower() in ("детям", "лицам", "младше", "старше", "моложе", "возрасте")
    if prev_word.lower() == "и" and not _NUMBER_AND.search(before):
        return False
    if prev_word.lower() == "в" and _TERM_IN.search(before):
        return False
    if prev_word.lower() in AGE_WORDS:
        return True
    tail = before.rstrip()
    if tail and tail[-1] in ",(—–" and next_char in (",", ")", ".", ";", "("):
        return True
    digits_years = bool(_DIGIT.match(m["q"] or "")) and unit_of(m["u"]) == "Y"
    if not (digits_years and prev_word[:1].isupper() and tail.endswith(prev_word)):
        return False
    if _SENTENCE_OPENS.search(tail) or tail == prev_word:  # the name opens the sentence
        return prev_word.lower() not in _LEAD_WORDS and next_char == ","
    return True  # «Владимиру Токареву 35 лет», «У.Баффету 81 год»


def disagrees_with_goda(m: Match) -> bool:
    """«10000 года», «1945 года»: «года» after a number is a count of years only when the
    number ends in 1 to 4 (not 11 to 14: «21 года», «3 года»); otherwise it names a year."""
    q, unit = (m["q"] or "").strip(), (m["u"] or "").lower()
    if unit != "года" or not q.isdigit():
        return False
    n = int(q)
    return n % 10 in (0, 5, 6, 7, 8, 9) or 11 <= n % 100 <= 14


def duration(m: Match) -> Reading | None:
    before = m.string[max(0, m.start() - 25): m.start()]
    if _AGE_BEFORE.search(before) or disagrees_with_goda(m):
        return None
    if (unit_of(m["u"]) in ("Y", "D") and quantity(m["q"]) is not None
            and age_like(m, bool(m.groupdict().get("dpre")))):
        return None
    unit = unit_of(m["u"])
    amount = quantity(m["q"])
    value = duration_value(amount, unit)
    mod = mod_of(m["approx"]) or mod_of(m.groupdict().get("dpre"))
    if _DASH.search(m["q"] or ""):
        mod = mod or "APPROX"
    return Reading("duration", type="DURATION", value=value, mod=mod)


_ISO = re.compile(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?")


def _slots(value: str) -> list[str | None] | None:
    """«P3Y8M» -> ["3", "8", None, None, None, None]: years, months, days, hours, minutes, seconds."""
    m = _ISO.fullmatch(value)
    return list(m.groups()) if m and any(m.groups()) else None


def compound(a: Reading, b: Reading) -> Reading | None:
    """«2 часа 45 минут», «на 3 года и 8 месяцев»: one duration, PT2H45M, P3Y8M.

    Only when the second part is one smaller unit than all of the first, with no mod of its own.
    """
    if a.kind != "duration" or b.kind != "duration" or b.mod:
        return None
    first, second = _slots(a.value), _slots(b.value)
    if first is None or second is None or sum(n is not None for n in second) != 1:
        return None
    last = max(i for i, n in enumerate(first) if n is not None)
    i = next(i for i, n in enumerate(second) if n is not None)
    if i <= last:
        return None
    first[i] = second[i]
    date = "".join(n + u for n, u in zip(first[:3], "YMD") if n is not None)
    time = "".join(n + u for n, u in zip(first[3:], "HMS") if n is not None)
    return replace(a, value="P" + date + ("T" + time if time else ""))


def duration_unit(m: Match) -> Reading | None:
    """«в течение года», «на год», «за неделю»: one unit without a number."""
    word = m["u"].lower()
    if word == "суток" and not (m["approx"] or m.groupdict().get("dpre")):
        return None  # «в любое время суток»
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



def per_unit(m: Match) -> Reading | None:
    """«70 тысяч долларов в год»: a rate, so a number comes shortly before it in the clause."""
    if not _NUMBER_BEFORE.search(m.string[max(0, m.start() - 35): m.start()]):
        return None
    return Reading("set", type="SET", value=duration_value(1, unit_of(m["u"])))



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


_UNIT_SG = r"(?:года|год|месяца|месяц|недели|неделю|дня|день|суток|сутки|века|век|часа|час|минуты|минуту|десятилетия|десятилетие)(?!\w)"
_DUR_PRE = (r"(?:(?P<dpre>в\s+течение|на\s+протяжении|в\s+продолжение|сроком\s+на|сроком\s+до|сроком|на|за|до|"
            r"не\s+менее|не\s+более|не\s+меньше|не\s+больше|более|больше|менее|меньше|свыше|около|почти|"
            r"примерно|порядка|целых|всего|лишь|уже|ещё|еще|последние)\s+)?")

RULES: list[tuple[str, str, object]] = [
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
]
