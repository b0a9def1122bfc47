"""Rules for calendar dates: days, months, years, their ranges, weekdays; and the helpers
the other rule modules share.

Each rule is a pattern and a small function `match -> Reading | None`; a function returns
None to veto a match (a surname «Мая», a house number).
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import calendar as _calendar
from . import grammar as g
from . import lexicon as lx
from .periods import Period
from .reading import Reading

Match = re.Match[str]


# ---- shared helpers -------------------------------------------------------

def norm(word: str | None) -> str:
    return " ".join((word or "").split()).lower()


def pre_mod(m: Match) -> str | None:
    pre = norm(m.groupdict().get("pre"))
    return lx.PREPOSITIONS.get(pre)


def night(m: Match) -> bool:
    return "ночь" in norm(m.groupdict().get("pre"))


def part(m: Match) -> str | None:
    gd = m.groupdict()
    if gd.get("part"):
        return lx.PARTS[norm(gd["part"])]
    if gd.get("half"):
        return lx.HALVES[norm(gd["half"])]
    if gd.get("dec"):
        return "END" if norm(gd["dec"]).startswith("последн") else "START"
    return None


def month_of(word: str) -> int:
    w = word.lower().rstrip(".")
    return lx.MONTHS.get(w) or lx.MONTH_ABBR[w]


def era_year(year: int, era: str | None) -> int:
    """Astronomical year: «44 год до н. э.» is -43."""
    return 1 - year if era and norm(era).startswith("до") else year


def year_of(m: Match, suffix: str = "") -> tuple[int | None, bool]:
    """The year a match states (astronomical), and whether it was a bare 1–2 digit number."""
    gd = m.groupdict()
    raw = gd.get("y" + suffix) or gd.get("y_" + suffix)
    if not raw:
        return None, False
    return era_year(int(raw), gd.get("era")), len(raw) <= 2


def rel_year(m: Match) -> int | None:
    gd = m.groupdict()
    if gd.get("sg"):
        return 0
    word = norm(gd.get("ry"))
    if not word:
        return None
    return {"этого": 0, "текущего": 0, "нынешнего": 0, "прошлого": -1, "минувшего": -1, "позапрошлого": -2,
            "следующего": 1, "будущего": 1}[word]


def is_name(m: Match, group: str) -> bool:
    """A capitalised month word in mid-sentence with nothing dating it is a name («Карла Мая»)."""
    word = m.group(group)
    if not word[0].isupper() or m.groupdict().get("pre") or m.groupdict().get("d"):
        return False
    raw = m.string[max(0, m.start(group) - 40): m.start(group)]
    before = raw.rstrip()
    if "\n" in raw[len(before):]:
        return False  # a line of notes starts with it: «Апрель 1605 — …»
    return bool(before) and before[-1] not in ".!?\n«\"(—–:;"


def point(m: Match, period: Period, **extra) -> Reading:
    gd = m.groupdict()
    reading = Reading("point", period=period, mod=pre_mod(m), part=part(m), **extra)
    if gd.get("os"):
        reading.old_style = True
    if night(m):
        reading.clock = "TNI"
    return reading


def valid_day(month: int, day: int) -> bool:
    return 1 <= day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)


# ---- rules ------------------------------------------------------------------

def day_month(m: Match) -> Reading | None:
    month, day = month_of(m["mon"]), int(m["d"])
    if not valid_day(month, day) or is_name(m, "mon"):
        return None
    year, _ = year_of(m)
    reading = point(m, Period("day", year, month, day), year_shift=rel_year(m))
    return reading


def day_word(m: Match) -> Reading | None:
    """«пятого сентября», «двадцать второго июня 1941 года»."""
    day = ordinal_value(m["dw"]) or 0
    if m["tens"]:
        day += 20 if m["tens"].lower().startswith("двадцат") else 30
    month = month_of(m["mon"])
    if not valid_day(month, day) or is_name(m, "mon"):
        return None
    year, _ = year_of(m)
    return point(m, Period("day", year, month, day), year_shift=rel_year(m))


def dual_date(m: Match) -> Reading | None:
    """«1 (13) января 1918 года», «30 ноября (12 декабря) 1917 г.»: Old Style, then New Style in brackets."""
    m1 = month_of(m["m1"]) if m["m1"] else month_of(m["mon"])
    m2 = month_of(m["m2"]) if m["m2"] else month_of(m["mon"])
    d1, d2 = int(m["d"]), int(m["d2"])
    if not (valid_day(m1, d1) and valid_day(m2, d2)):
        return None
    year, _ = year_of(m)
    if year is not None and m2 < m1:  # «19 (31) декабря» stays, «20 декабря (2 января)» moves on
        year += 1
    reading = point(m, Period("day", year, m2, d2))
    reading.notes.append("dual")
    reading.old_style = False
    return reading


def dual_unbracketed(m: Match) -> Reading | None:
    """«22 января 2 февраля 1724 года»: Old Style then New Style with the brackets lost.

    Two day-month dates side by side are one dual date only when the second is 10 to 13 days
    after the first (the gap between the calendars from 1582 to 1918); the New Style date, the
    second, dates it, as for the bracketed form.
    """
    m1, m2 = month_of(m["m1"]), month_of(m["m2"])
    d1, d2 = int(m["d"]), int(m["d2"])
    if not (valid_day(m1, d1) and valid_day(m2, d2)):
        return None
    year, _ = year_of(m)
    if year is not None and not 1582 <= year <= 1918:
        return None
    # The year stands after the New Style date and is its year: «27 декабря 7 января 1726 года»
    # is 7 January 1726 (27 December 1725 Old Style).
    y2 = year if year is not None else (2004 if (m2, d2) == (2, 29) else 2001)
    if d2 > _calendar.days_in_month(y2, m2):
        return None
    gap = _calendar.jdn(y2, m2, d2) - _calendar.jdn(y2 - (1 if m2 < m1 else 0), m1, d1)
    if not 10 <= gap <= 13:
        return None
    reading = point(m, Period("day", year, m2, d2))
    reading.notes.append("dual")
    return reading


def day_range(m: Match) -> Reading | None:
    month = month_of(m["mon"])
    d1, d2 = int(m["d1"]), int(m["d2"])
    if not (valid_day(month, d1) and valid_day(month, d2)) or d1 >= d2:
        return None
    year, _ = year_of(m)
    reading = Reading("range", period=Period("day", year, month, d1), end=Period("day", year, month, d2),
                      year_shift=rel_year(m), old_style=bool(m["os"]))
    if night(m):
        reading.clock = "TNI"
    return reading


def day_month_range(m: Match) -> Reading | None:
    m1, m2 = month_of(m["m1"]), month_of(m["m2"])
    d1, d2 = int(m["d1"]), int(m["d2"])
    if not (valid_day(m1, d1) and valid_day(m2, d2)):
        return None
    y2, _ = year_of(m)
    if year_of(m, "1")[0] is not None and re.search(r"\sи\s", m.string[m.end("m1") : m.start("d2")]):
        return None  # «22 декабря 1806 года и 14 февраля 1807 года»: two dates, each of its own clause
    y1 = year_of(m, "1")[0] or (None if y2 is None else y2 - (1 if m1 > m2 else 0))
    return Reading("range", period=Period("day", y1, m1, d1), end=Period("day", y2, m2, d2),
                   year_shift=rel_year(m), old_style=bool(m["os"]))


_NOT_DAY_AFTER = re.compile(r"\s*(?:год|гг?\.|мест|позици|строчк|съезд|сесси|полк|дивизи|армии|армия|корпус|раз(?!\w)|"
                            r"числ[оа]м|век|столет|%)", re.I)


def day_only(m: Match) -> Reading | None:
    """A day of the month without its month: «17-го числа», «на 20-е». The month and year come from
    the narrative (`anchor`); «на 20-е годы», «20-е место» are not days."""
    day = int(m["d"])
    if not 1 <= day <= 31:  # «числа» written makes it a day whatever follows («17-го числа армия вышла»)
        return None
    return point(m, Period("day", None, None, day))


_DAY_ON_NEXT = re.compile(r"\s*(?:$|[.,;:!?)—–-]|(?:и|или|а|но|же|уже|не|был[аио]?|он[аио]?|они|мы|я)(?!\w))")


def day_only_on(m: Match) -> Reading | None:
    """«перенесли на 20-е.», «в ночь на 20-е»: a day, when the clause ends or a function word follows.
    Before a noun it is an ordinal («на 2-е место», «на 20-е годы»), and «на 90-е» is a decade."""
    day = int(m["d_"])
    if not 1 <= day <= 31 or not (night(m) or _DAY_ON_NEXT.match(m.string, m.end())):
        return None
    return point(m, Period("day", None, None, day))


def night_days(m: Match) -> Reading | None:
    """«в ночь с 19-го на 20-е»: the night from one day into the next, the month from the narrative."""
    d1, d2 = int(m["d1"]), int(m["d2"])
    if not (d2 == d1 + 1 and d2 <= 31 or d2 == 1 and d1 in (28, 29, 30, 31)):
        return None
    if _NOT_DAY_AFTER.match(m.string, m.end()):
        return None
    reading = Reading("point", period=Period("day", None, None, d2))
    reading.clock = "TNI"
    return reading


def month_year_range(m: Match) -> Reading | None:
    """«декабрь 1902 – январь 1903 года», «в декабре 1911  январе 1912 года» (the dash lost)."""
    m1, m2 = month_of(m["m1"]), month_of(m["m2"])
    y1, y2 = year_of(m, "1")[0], year_of(m)[0]
    if y1 is None or y2 is None or (y1, m1) >= (y2, m2) or y2 - y1 > 10 or is_name(m, "m1"):
        return None
    if not m["sep"].strip():  # only spaces between: a lost dash, when both months are in the locative
        if not (m["m1"].lower().endswith("е") and m["m2"].lower().endswith("е") and len(m["sep"]) >= 2):
            return None
    reading = Reading("range", period=Period("month", y1, m1), end=Period("month", y2, m2))
    reading.mod = None if norm(m["pre"]) in ("в", "во", "с", "со", "между", "") else pre_mod(m)
    return reading


def month_year(m: Match) -> Reading | None:
    if is_name(m, "mon"):
        return None
    year, short = year_of(m)
    if short and not m["y_"]:
        return None
    return point(m, Period("month", year, month_of(m["mon"])), year_shift=rel_year(m))


def month_alone(m: Match) -> Reading | None:
    if not (m["pre"] or part(m)) or is_name(m, "mon"):
        return None
    return point(m, Period("month", None, month_of(m["mon"])))


def month_range(m: Match) -> Reading | None:
    m1, m2 = month_of(m["m1"]), month_of(m["m2"])
    if m1 == m2 or is_name(m, "m1"):
        return None
    year, _ = year_of(m)
    if year is None and not m["pre"] and rel_year(m) is None:
        return None
    first = None if year is None else year - (1 if m1 > m2 else 0)
    return Reading("range", period=Period("month", first, m1), end=Period("month", year, m2),
                   year_shift=rel_year(m))


_YEAR = re.compile(r"год")
_DIGIT_SPACE_END = re.compile(r"\d\s$")
_OF_LIFE = re.compile(r"\s*жизни")


def year_word(m: Match) -> Reading | None:
    raw = m["y"]
    if len(raw) == 4 and raw[0] == "0" or not (m["yw"] or m["era"] or m.groupdict().get("suf")):
        return None
    if len(raw) <= 2 and not m["era"]:  # «на 2 года» is a duration, not the year 2
        return None
    if int(raw) > 2100 and not _YEAR.match(m["yw"] or ""):
        return None  # «около 3800 г» is a weight
    if _DIGIT_SPACE_END.search(m.string[max(0, m.start() - 2): m.start()]):
        return None  # «3 400 г» is a weight
    if _OF_LIFE.match(m.string[m.end(): m.end() + 10]):
        return None  # «на 102-м году жизни» is an age
    return point(m, Period("year", era_year(int(raw), m["era"])))


_AND = re.compile(r"(?:-?(?:го|м))?\s+и\s+", re.I)


def year_range(m: Match) -> Reading | None:
    if _AND.fullmatch(m.string, m.end("y1"), m.start("y2")) and norm(m["pre"]) != "между":
        return None  # «в 2009 и 2013 годах» is two years, not the span between them (`year_and`)
    y1, y2 = int(m["y1"]), m["y2"]
    y2 = int(y2) if len(y2) >= 3 else (y1 // 100) * 100 + int(y2)
    if not (0 < y2 - y1 <= 200):
        return None
    if y1 < 1000 and not (m["yw"] or m["era"]):
        return None
    slash_season = bool(re.search(r"\d[/-]\d", m.group(0))) and y2 == y1 + 1
    if not (m["yw"] or m["era"] or norm(m["pre"]) in ("с", "со", "между", "от") or len(m["y2"]) == 4
            or slash_season):
        return None
    era = m["era"]
    kind = "year"
    if re.search(r"\d\s*-?\s*(?:е|х)(?!\w)", m.group(0)) and y1 % 10 == 0 and y2 % 10 == 0:
        kind = "decade"  # «в 1990–2000-х годах»
    reading = Reading("range", period=Period(kind, era_year(y1, era)), end=Period(kind, era_year(y2, era)))
    return boundary(m, reading)


GLUED_SPAN = 150  # at most this many years between two glued years (a life, a reign, a tenure)


def plausible_pair(y1: int, y2: int) -> bool:
    """Two four-digit years that can be the ends of one span: both of the last thousand years
    or so, the second later, and not much later."""
    return 1000 <= y1 < y2 <= 2100 and y2 - y1 <= GLUED_SPAN


def glued_years(m: Match) -> Reading | None:
    """«в 17411766 годах», «Эйлер 16701745»: a range whose dash was lost (scraped text).

    Eight digits are read as two years only when both are plausible years and the second is
    later; anything else («12345678», «20001999») stays a number.
    """
    y1, y2 = int(m["y1"]), int(m["y2"])
    if not plausible_pair(y1, y2):
        return None
    before = _BEFORE_WORD.search(m.string, max(0, m.start() - 20), m.start())
    if before and before.group(1).lower() in _NOT_YEAR_BEFORE and not m["pre"]:
        return None  # «№ 19171919», «тел. ...»
    reading = Reading("range", period=Period("year", y1), end=Period("year", y2), notes=["glued"])
    reading.mod = None if norm(m["pre"]) in ("в", "во", "с", "со", "между", "") else pre_mod(m)
    return reading


def noted_year_range(m: Match) -> Reading | None:
    """«1868–18702»: a range whose second year has a footnote number glued to it."""
    y1, y2 = int(m["y1"]), int(m["y2"])
    if not plausible_pair(y1, y2):
        return None
    return Reading("range", period=Period("year", y1), end=Period("year", y2), span_end=m.end("y2"))


# A word with a footnote number glued to it before a full stop or a comma («математиков8.»,
# «университета14,»): the mark of a text scraped with its footnotes.
_FOOTNOTED_WORD = re.compile(r"[а-яё]{3}\d{1,2}[.,;)]")


@lru_cache(maxsize=8)
def _footnoted(text: str) -> bool:
    """Whether a text carries glued footnote numbers: at least two words with one."""
    found = _FOOTNOTED_WORD.finditer(text)
    return next(found, None) is not None and next(found, None) is not None


def noted_year(m: Match) -> Reading | None:
    """«член Лондонского королевского общества 18049,»: a year with a footnote number glued
    to it, in a text scraped with its footnotes (`_footnoted`). The number ends its clause
    (a stop, a comma, a bracket follows); a footnote counts from 1, so «18500,» is a number,
    and so is anything a count word or a unit stands by («тираж 18049,»)."""
    if m["fn"].startswith("0") or not _footnoted(m.string):
        return None
    before = _BEFORE_WORD.search(m.string, max(0, m.start() - 20), m.start())
    word = before.group(1).lower() if before else ""
    if (word in _NOT_YEAR_BEFORE or word[:1].isdigit() or _VERB_ENDING.search(word)
            or word.startswith(lx.COUNT_STEMS)):
        return None  # «составили 12345.», «населением 123456,»: a count
    return Reading("point", period=Period("year", int(m["y"])), span_end=m.end("y"))


def year_and(m: Match) -> Reading | None:
    """The second of two years joined by «и», «в 2009 и 2013 годах»; the first is a year of its own."""
    return Reading("point", period=Period("year", int(m["y"])))


def boundary(m: Match, reading: Reading) -> Reading:
    """«на рубеже XIX–XX веков»: around the turn, the end of the first and the start of the second."""
    if norm(m.groupdict().get("pre")) == "на рубеже":
        reading.notes.append("boundary")
        reading.mod = "APPROX"
    return reading


def numeric_date(m: Match) -> Reading | None:
    d, mo, raw = int(m["d"]), int(m["mo"]), m["y"]
    if not (1 <= mo <= 12 and valid_day(mo, d)):
        return None
    if len(raw) == 2:
        if not m["yw"]:
            return None
        year = 1900 + int(raw) if int(raw) > 30 else 2000 + int(raw)
    else:
        year = int(raw)
    return point(m, Period("day", year, mo, d))


def iso_date(m: Match) -> Reading | None:
    mo, d = int(m["mo"]), int(m["d"])
    if not (1 <= mo <= 12 and valid_day(mo, d)):
        return None
    return point(m, Period("day", int(m["y"]), mo, d))


def month_rel(m: Match) -> Reading | None:
    """«в прошлом октябре», «этим летом» is a season: here only months."""
    shift = {"прошл": -1, "минувш": -1, "эт": 0, "следующ": 1, "будущ": 1}
    rel = norm(m["mrel"])
    amount = next((v for k, v in shift.items() if rel.startswith(k)), 0)
    return point(m, Period("month", None, month_of(m["mon"])), year_shift=amount)


def roman_value(text: str) -> int:
    total, prev = 0, 0
    for ch in reversed(text.upper()):
        value = lx.ROMAN[ch]
        total = total - value if value < prev else total + value
        prev = max(prev, value)
    return total


_ROMAN_TENS = ("", "X", "XX")
_ROMAN_ONES = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")


def roman_canonical(text: str) -> int | None:
    """The value of a Roman numeral from I to XXIX written the standard way, else None
    («IIII», «VX» and two glued numerals such as «IIIIV» are not one numeral)."""
    latin = text.upper().replace("Х", "X").replace("І", "I")
    value = roman_value(latin)
    if not 0 < value < 30 or _ROMAN_TENS[value // 10] + _ROMAN_ONES[value % 10] != latin:
        return None
    return value


def roman_pair(text: str) -> tuple[int, int] | None:
    """Two numerals glued by a lost dash, «IIIIV» (III–IV), «XVIIXVIII»: a split into two standard
    numerals where the second is the next one. Anything else («IIII», «XIVXVI») is not read: the
    split would be a guess."""
    for i in range(1, len(text)):
        a, b = roman_canonical(text[:i]), roman_canonical(text[i:])
        if a and b and b == a + 1:
            return a, b
    return None


def ordinal_value(word: str) -> int | None:
    w = word.lower()
    for stem in sorted(lx.ORDINAL_STEMS, key=len, reverse=True):
        if w.startswith(stem):
            return lx.ORDINAL_STEMS[stem]
    return None


def weekday(m: Match) -> Reading | None:
    if not m["pre"] and not m["wrel"] and m["wd"][0].islower() and not m.group(0)[0].isupper():
        return Reading("weekday", weekday=lx.WEEKDAYS[m["wd"].lower()], weak=True)
    reading = Reading("weekday", weekday=lx.WEEKDAYS[m["wd"].lower()], mod=pre_mod(m))
    rel = norm(m["wrel"])
    if rel.startswith(("прошл", "минувш")):
        reading.notes.append("past")
    elif rel.startswith(("следующ", "будущ", "ближайш")):
        reading.notes.append("future")
    if night(m):
        reading.clock = "TNI"
    return reading


def weekday_adj(m: Match) -> Reading | None:
    stem = next(s for s in lx.WEEKDAY_ADJ_STEMS if m.group(0).lower().startswith(s))
    return Reading("weekday", weekday=lx.WEEKDAY_ADJ_STEMS[stem])


def month_adj(m: Match) -> Reading | None:
    word = m.group(0)
    if word[0].isupper() and not re.match(r"\s+(?:революц|переворот|восстани|вооружённ|вооруженн)", m.string[m.end():m.end() + 15]):
        return None
    stem = next(s for s in lx.MONTH_ADJ_STEMS if word.lower().startswith(s))
    return Reading("point", period=Period("month", None, lx.MONTH_ADJ_STEMS[stem]))


# Words that may follow a bare year without making it a count («в 1993 после кончины ...»).
FUNCTION_WORDS = {
    "после", "когда", "вместе", "через", "также", "тоже", "только", "лишь", "однако", "затем", "потом",
    "впервые", "снова", "вновь", "тогда", "почти", "более", "менее", "этот", "этого", "того", "года",
    "году", "пока", "перед", "благодаря", "вслед", "сразу", "именно", "если", "чтобы",
}
_NOT_YEAR_BEFORE = {w.lower() for w in lx.NOT_YEAR_BEFORE}
_VERB_ENDING = re.compile(r"(?:л|ла|ли|ло|лся|лась|лись|ет|ит|ут|ют|ат|ят)$")
_AGE_AFTER = re.compile(r"-?(?:летн|лет(?!\w)|месячн)", re.I)
_BEFORE_WORD = re.compile(r"([\w№]+)\.?\s*$")
_AFTER_WORD = re.compile(r"^\s*([\w%]+)")


def bare_year(m: Match) -> Reading | None:
    """A bare four-digit year, unless the words around it show a count or a number."""
    text = m.string
    if _AGE_AFTER.match(text, m.end()):
        return None  # «с 1516-летнего возраста»: an age («15–16-летнего» with the dash lost)
    before = _BEFORE_WORD.search(text, max(0, m.start() - 20), m.start())
    if before and before.group(1).lower() in _NOT_YEAR_BEFORE:
        return None
    after = _AFTER_WORD.match(text[m.end(): m.end() + 20])
    if m.start() > 0 and text[m.start() - 1] == "-":  # «ЧМ-2018», «Евро-2012»: an event's year
        return Reading("point", period=Period("year", int(m["y"])))
    if after and after.group(1).lower().startswith(lx.NOT_YEAR_AFTER):
        return None
    word = after.group(1) if after else ""
    if word.islower() and len(word) > 3 and word not in FUNCTION_WORDS and not _VERB_ENDING.search(word):
        return None  # «1550 единиц», «1148 томов»: a count before a noun
    return Reading("point", period=Period("year", int(m["y"])))


def _year_after(suffix: str = "") -> str:
    return (rf"(?:\s+(?P<y{suffix}>\d{{3,4}}){g.NOT_LONGER}{g.YEAR_SUFFIX}(?:\s*(?P<yw{suffix}>{g.YEAR_WORD}))?"
            rf"|\s+(?P<y_{suffix}>\d{{1,4}}){g.NOT_LONGER}\s*{g.YEAR_WORD})")


_MON = rf"(?P<mon>{g.MONTH}|{g.MONTH_ABBR})"
_RANGE_SEP = r"(?:\s*[-–—]\s*|\s+(?:по|и|до|на)\s+)"
_YW_PLURAL = r"(?:годами|годах|годы|годов|годам|года|году|год|гг?\.|г(?!\w))"

# (name, pattern, function), tried all together; the longest match wins.
RULES: list[tuple[str, str, object]] = [
    ("date.day_month_range",
     rf"{g.HEAD}(?P<d1>[0-3]?\d)(?:-?(?:го|е))?\s+(?P<m1>{g.MONTH}|{g.MONTH_ABBR}){_year_after('1')}?{_RANGE_SEP}"
     rf"(?P<d2>[0-3]?\d)(?:-?(?:го|е))?\s+(?P<m2>{g.MONTH}|{g.MONTH_ABBR})(?:{_year_after()}|{g.REL_YEAR})?{g.ERA}{g.OLD_STYLE}{g.NO_LONG_YEAR}",
     day_month_range),
    ("date.day_range",
     rf"{g.HEAD}(?P<d1>[0-3]?\d)(?:-?(?:го|е))?{_RANGE_SEP}(?P<d2>[0-3]?\d)(?:-?(?:го|е))?\s+"
     rf"(?P<mon>{g.MONTH}|{g.MONTH_ABBR})(?:{_year_after()}|{g.REL_YEAR})?{g.ERA}{g.OLD_STYLE}{g.NO_LONG_YEAR}",
     day_range),
    ("date.day_month",
     rf"{g.HEAD}{g.DAY}\s+{_MON}(?:{_year_after()}|{g.REL_YEAR})?{g.ERA}{g.OLD_STYLE}{g.NO_LONG_YEAR}", day_month),
    ("date.day_word",
     rf"{g.HEAD}(?:(?P<tens>двадцать|тридцать)\s+)?(?P<dw>{g.ORDINAL})\s+(?P<mon>{g.MONTH})(?:{_year_after()}|{g.REL_YEAR})?{g.ERA}{g.OLD_STYLE}{g.NO_LONG_YEAR}",
     day_word),
    ("date.month_year", rf"{g.HEAD}(?P<mon>{g.MONTH})(?:{_year_after()}|{g.REL_YEAR}){g.ERA}{g.OLD_STYLE}",
     month_year),
    ("date.month_year_range",
     rf"{g.HEAD}(?P<m1>{g.MONTH}|{g.MONTH_ABBR}){_year_after('1')}(?P<sep>\s*[-–—]\s*|\s{{2,}})"
     rf"(?P<m2>{g.MONTH}|{g.MONTH_ABBR}){_year_after()}{g.ERA}",
     month_year_range),
    ("date.month_range",
     rf"{g.HEAD}(?P<m1>{g.MONTH}){_RANGE_SEP}(?P<m2>{g.MONTH})(?:{_year_after()}|{g.REL_YEAR})?",
     month_range),
    ("date.month", rf"{g.HEAD}(?P<mon>{g.MONTH}){g.NO_LONG_YEAR}", month_alone),
    ("date.month_rel", rf"{g.HEAD}(?P<mrel>прошл(?:ом|ый|ого)|минувш(?:ем|ий|его)|эт(?:ом|от|ого)|следующ(?:ем|ий|его))\s+(?P<mon>{g.MONTH})",
     month_rel),
    ("date.year",
     rf"{g.HEAD}(?P<y>\d{{1,4}})(?:-?(?:го|м|й))?(?:\s*(?P<yw>{g.YEAR_WORD}))?{g.ERA}",
     year_word),
    ("date.year_pre",
     rf"{g.W0}(?P<pre>в|во|с|со|до|по|к|после|от|начиная\s+с|вплоть\s+до)\s+(?P<y>1[0-9]\d\d|20\d\d)(?![\d\w])(?!\s\d)(?![.,:]\d)(?!\s*[-–—/]\s*\d)",
     lambda m: bare_year(m) and point(m, Period("year", int(m["y"])))),
    ("date.year_suffix", rf"{g.HEAD}(?P<y>\d{{4}})(?P<suf>-(?:го|м|й))(?!\w)(?P<yw>)(?P<era>)", year_word),
    ("date.year_range",
     rf"{g.HEAD}(?P<y1>\d{{3,4}})(?:-?(?:го|м))?(?:\s*[-–—/]\s*|\s+(?:по|и|до|на)\s+)(?P<y2>\d{{2,4}})"
     rf"(?:-?(?:е|х|й|м|го))?(?:\s*(?P<yw>{_YW_PLURAL}))?{g.ERA}(?!\d)",
     year_range),
    ("date.glued_years",
     rf"{g.HEAD}(?P<y1>[12]\d{{3}})(?P<y2>[12]\d{{3}})(?:-?(?:х|е|м))?(?:\s*(?P<yw>{_YW_PLURAL}))?(?!\d)(?![.,]\d)",
     glued_years),
    ("date.noted_year_range",
     rf"{g.W0}(?P<y1>[12]\d{{3}})\s*[-–—]\s*(?P<y2>[12]\d{{3}})(?P<fn>\d{{1,2}})(?!\d)(?![.,]\d)",
     noted_year_range),
    ("date.noted_year",
     rf"(?<![\d.,/:№\w-])(?<!\d\s)(?P<y>1[0-9]\d\d|20\d\d)(?P<fn>\d{{1,2}})(?=[.,;)](?!\d)|\s+и\s)",
     noted_year),
    ("date.year_and",
     rf"{g.W0}(?:{g.PRE})?\d{{3,4}}(?:-?(?:го|м))?\s+и\s+(?P<t>(?P<y>\d{{4}})(?:-?(?:х|м))?\s*{_YW_PLURAL})(?!\w)",
     year_and),
    ("date.numeric",
     rf"(?<![\w\-./])(?:{g.PRE})?(?P<d>[0-3]?\d)(?P<sep>[./])(?P<mo>[01]?\d)(?P=sep)(?P<y>\d{{4}}|\d{{2}})(?![\d/\w])(?!\.\d)"
     rf"(?:\s*(?P<yw>{g.YEAR_WORD}))?",
     numeric_date),
    ("date.iso", rf"(?<![\w\-./])(?P<y>\d{{4}})-(?P<mo>\d\d)-(?P<d>\d\d)(?![\d/\w-])", iso_date),
    ("date.dual",
     rf"{g.HEAD}{g.DAY}(?:\s+(?P<m1>{g.MONTH}))?\s*\(\s*(?P<d2>[0-3]?\d)(?:\s+(?P<m2>{g.MONTH}))?\s*\)"
     rf"(?:\s+(?P<mon>{g.MONTH}))?{_year_after()}{g.ERA}",
     lambda m: dual_date(m) if (m["mon"] or m["m2"]) and (m["m1"] or m["mon"]) else None),
    ("date.dual_unbracketed",
     rf"{g.HEAD}{g.DAY}\s+(?P<m1>{g.MONTH})\s+(?P<d2>[0-3]?\d)(?:-?(?:го|е))?\s+(?P<m2>{g.MONTH})(?:{_year_after()})?{g.ERA}",
     dual_unbracketed),
    ("date.day_only",
     rf"{g.W0}(?:{g.PRE})?(?P<d>[0-3]?\d)(?:-?(?:го|е|ое|му|м))?\s+(?:числа|число|числе|числу)(?!\w)",
     day_only),
    ("date.day_on", rf"{g.W0}(?P<pre>(?:в\s+)?ночь\s+на|на)\s+(?P<d_>[0-3]?\d)-?(?:е|ое)(?!\w)", day_only_on),
    ("date.night_days",
     rf"{g.W0}(?:в\s+)?ночь\s+(?:с|со)\s+(?P<d1>[0-3]?\d)(?:-?(?:го|е))?\s+на\s+(?P<d2>[0-3]?\d)(?:-?(?:е|ое))?(?![\w\-])"
     rf"(?!\s+(?:{g.MONTH}|{g.MONTH_ABBR}))",
     night_days),
    ("date.weekday",
     rf"{g.W0}(?:{g.PRE})?(?:(?P<wrel>прошл\w+|минувш\w+|эт[оуи]\w*|следующ\w+|ближайш\w+|будущ\w+)\s+)?(?P<wd>{g.WEEKDAY})",
     weekday),
    ("date.weekday_adj", rf"{g.W0}(?:{g.alt(lx.WEEKDAY_ADJ_STEMS)})(?:{g.alt(lx.ADJ_ENDINGS)}|яя|юю|ей|ие|их){g.W1}",
     weekday_adj),
    ("date.month_adj", rf"{g.W0}{g.alt(lx.MONTH_ADJ_STEMS)}{g.alt(lx.ADJ_ENDINGS)}{g.W1}", month_adj),
    ("date.bare_year", r"(?<![\d.,/:№\w])(?<!\d\s)(?P<y>1[0-9]\d\d|20\d\d)(?![\d\w])(?!\s\d)(?![.,:]\d)(?!\s*[-–—/]\s*\d)",
     bare_year),
]
