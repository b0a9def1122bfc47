"""Rules for longer periods: seasons, decades, centuries, eras, and ranges between their parts.

«весной 1943-го», «в 1920-е годы», «в XVIII веке», «в V веке до н. э.», «в конце XVIII –
начале XIX века».
"""

from __future__ import annotations

import re

from . import grammar as g
from . import lexicon as lx
from .dates import (Match, boundary, norm, ordinal_value, part, point, pre_mod, rel_year, roman_canonical,
                    roman_pair, roman_value, year_of)
from .periods import Period
from .reading import Reading

_ROM2 = r"(?-i:(?P<rom2>[IVXLХІ]{1,10}))(?:-?(?:го|м|й|ом))?"
_CENT = rf"(?:{g.ROMAN}|(?P<cn>\d{{1,2}})(?:-?(?:м|й|го|ом))?|(?:(?P<ct>двадцать)\s+)?(?P<cw>{g.ORDINAL}))"
_CENT2 = rf"(?:{_ROM2}|(?P<cn2>\d{{1,2}})(?:-?(?:м|й|го|ом))?|(?:(?P<ct2>двадцать)\s+)?(?P<cw2>{g.ORDINAL}))"
_CENT_WORD = r"(?:век(?:а|е|у|ом|ов|ам|ах)?|столети(?:е|я|и|ю|ем|й)|вв?\.)(?!\w)"


SEASON_ALONE = ("весной", "весною", "летом", "осенью", "зимой", "зимою")


def season(m: Match) -> Reading | None:
    code = lx.SEASONS[m["sea"].lower()]
    year, short = year_of(m)
    if short and not m["y_"]:
        return None
    if year is None and not (m["pre"] or part(m) or m["sea"].lower() in SEASON_ALONE or rel_year(m) is not None):
        return None
    if m["y2"]:  # «зимой 1941/42 года», «зимы 1726–1727 годов», «зимы 17261727 годов» (the dash lost)
        y2 = int(m["y2"]) if len(m["y2"]) > 2 else year // 100 * 100 + int(m["y2"])
        if code != "WI" or y2 != year + 1:
            return None
        # its first, middle and last month: «в начале зимы 1726–1727 годов» is December 1726
        month = {"START": (year, 12), "MID": (year + 1, 1), "END": (year + 1, 2)}.get(part(m) or "")
        if month:
            return Reading("point", period=Period("month", *month), mod=None if pre_mod(m) == "APPROX" else pre_mod(m))
        return Reading("range", period=Period("month", year, 12), end=Period("month", year + 1, 2))
    return point(m, Period("season", year, part=code), year_shift=rel_year(m))


def season_range(m: Match) -> Reading | None:
    """«летом—осенью 1941 года», «весной и летом 1942 года»."""
    a, b = lx.SEASONS[m["s1"].lower()], lx.SEASONS[m["s2"].lower()]
    if a == b or "WI" in (a, b):
        return None
    year, short = year_of(m)
    if year is None or short and not m["y_"]:
        return None
    return Reading("range", period=Period("season", year, part=a), end=Period("season", year, part=b))


def decade(m: Match) -> Reading | None:
    raw = m["y"]
    year = int(raw)
    if len(raw) == 2 and "ночь" in norm(m["pre"]):
        return None  # «в ночь на 20-е» is a day (`dates.day_only_on`)
    if year % 10 or re.match(r"\s+(?:мест|позици|строчк)", m.string[m.end(): m.end() + 12]):
        return None  # «на 40-е место» is a rank
    if len(raw) == 2:
        if not (m["yw"] or m["cent"] or m["pre"] or part(m)):
            return None
        century = roman_value(m["crom"]) if m["crom"] else 20
        year = (century - 1) * 100 + year
    return point(m, Period("decade", year))


def decade_word(m: Match) -> Reading | None:
    word = m["dw"].lower()
    stem = next(s for s in lx.DECADE_WORDS if word.startswith(s))
    return point(m, Period("decade", lx.DECADE_WORDS[stem]))


def century_number(m: Match, suffix: str = "") -> int | None:
    gd = m.groupdict()
    if gd.get("rom" + suffix):
        return roman_value(gd["rom" + suffix])
    if gd.get("cn" + suffix):
        return int(gd["cn" + suffix])
    if gd.get("cw" + suffix):
        value = ordinal_value(gd["cw" + suffix])
        if value and gd.get("ct" + suffix):  # «двадцать первом веке»
            value += 20
        return value
    return None


def century_period(number: int, era: str | None) -> Period:
    if era and norm(era).startswith("до"):
        return Period("century", 1 - number * 100)  # «V век до н. э.»: 500–401 BC, from -499
    return Period("century", (number - 1) * 100)


def century(m: Match) -> Reading | None:
    if m["rom"] and not roman_canonical(m["rom"]):
        pair = roman_pair(m["rom"]) if not m["rom2"] else None
        if pair is None or pair[1] > 21:
            return None  # «IIII», «VX»: no century
        # «IIIIV веков»: «III–IV веков» with the dash lost
        return Reading("range", period=century_period(pair[0], m["era"]), end=century_period(pair[1], m["era"]),
                       mod=pre_mod(m), notes=["glued"])
    if m["rom2"] and not roman_canonical(m["rom2"]):
        return None
    number = century_number(m)
    if not number or number > 21 or m["rom"] and roman_value(m["rom"]) > 21:
        return None
    second = century_number(m, "2")
    if second:
        if second <= number:
            return None
        return boundary(m, Reading("range", period=century_period(number, m["era"]),
                                   end=century_period(second, m["era"])))
    return point(m, century_period(number, m["era"]))


def part_range(m: Match) -> Reading | None:
    """«в конце XVIII – начале XIX века», «в конце 1941 – начале 1942 года»."""
    p1, p2 = lx.PARTS[norm(m["p1"])], lx.PARTS[norm(m["p2"])]
    if m["c1"]:
        a, b = roman_value(m["c1"]), roman_value(m["c2"])
        if not (0 < a < b <= 21):
            return None
        first, second = century_period(a, None), century_period(b, None)
    else:
        a, b = int(m["y1"]), int(m["y2"])
        if not (0 < b - a <= 100):
            return None
        first, second = Period("year", a), Period("year", b)
    mod = None if norm(m["pre"]) in ("с", "со", "в", "во", "между") else pre_mod(m)  # «с … по …» is the range itself
    return Reading("range", period=first, end=second, mod=mod, notes=[f"from:{p1}", f"to:{p2}"])


def century_bracket(m: Match) -> Reading | None:
    """«Слово о полку (XII)», «Бунташный век (ХVII)»: a Roman numeral alone in brackets, in
    history texts a century (from II: «(I)» is more often a list's first item)."""
    a = roman_canonical(m["rom"])
    b = roman_canonical(m["rom2"]) if m["rom2"] else None
    if m["rom2"]:
        if not (a and b and a < b <= 21):
            return None
    elif a is None:  # «(XIIXIII)»: two glued
        pair = roman_pair(m["rom"])
        if pair is None or pair[1] > 21:
            return None
        a, b = pair
    elif not 2 <= a <= 21:
        return None
    if b:
        return Reading("range", period=century_period(a, None), end=century_period(b, None))
    return Reading("point", period=century_period(a, None))


def century_abbr(m: Match) -> Reading | None:
    """Parts of centuries abbreviated in notes: «нач. XVII в.», «кон. XV – нач. XVI в.», «(кон.11-нач.12)»."""
    def number(raw: str) -> int | None:
        return int(raw) if raw.isdigit() else roman_canonical(raw)

    a = number(m["c1"])
    if not a or a > 21:
        return None
    p1 = lx.PART_ABBR[m["p1"].lower()]
    if m["c2"]:
        b = number(m["c2"])
        if not b or not a < b <= 21:
            return None
        p2 = lx.PART_ABBR[m["p2"].lower()]
        return Reading("range", period=century_period(a, m["era"]), end=century_period(b, m["era"]),
                       mod=None if norm(m["pre"]) in ("в", "во", "с", "со", "") else pre_mod(m),
                       notes=[f"from:{p1}", f"to:{p2}"])
    if m["c1"].isdigit() and not (m["cw"] or m["cw1"]):
        return None  # «нач. 12» alone may be anything; the century needs its word
    return Reading("point", period=century_period(a, m["era"]), part=p1, mod=pre_mod(m))


_ABBR_PART = r"(?P<p{n}>нач|сер|кон)\.\s*(?P<c{n}>(?-i:[IVXLХІ]{{1,5}})|\d{{1,2}})(?!\d)"

RULES: list[tuple[str, str, object]] = [
    ("date.decade_word",
     rf"{g.HEAD}(?P<dw>{g.alt(lx.DECADE_WORDS)}(?:ые|ых|ым|ыми|ой|ые)){g.W1}\s+(?:годы|годов|годах|годам|годами|гг\.)(?!\w)",
     decade_word),
    ("date.decade",
     rf"{g.HEAD}(?P<y>\d{{2,4}})\s*-?\s*(?:е|х|ые|ых|ым|ми)(?!\w)(?:\s*(?P<yw>годами|годы|годов|годах|годам|гг\.?)(?!\w))?"
     rf"(?P<cent>\s+(?-i:(?P<crom>[IVX]{{1,5}}))\s+{_CENT_WORD})?",
     decade),
    ("date.century",
     rf"{g.HEAD}{_CENT}(?:(?:\s*[-–—]\s*|\s+и\s+){_CENT2})?\s*{_CENT_WORD}{g.ERA}", century),
    ("date.part_range",
     rf"{g.W0}(?:{g.PRE})?(?P<p1>{g.alt(lx.PARTS)})\s+(?:(?-i:(?P<c1>[IVXLХІ]{{1,6}}))|(?P<y1>\d{{3,4}})(?:-?го)?)"
     rf"(?:\s*[-–—]\s*|\s+и\s+|\s+(?:—\s+)?по\s+)(?P<p2>{g.alt(lx.PARTS)})\s+"
     rf"(?:(?-i:(?P<c2>[IVXLХІ]{{1,6}}))\s*{_CENT_WORD}|(?P<y2>\d{{3,4}})\s*{g.YEAR_WORD})",
     lambda m: part_range(m) if bool(m["c1"]) == bool(m["c2"]) else None),
    ("date.century_bracket",
     r"(?<=\()(?-i:(?P<rom>[IVXLХІ]{1,10}))(?:\s*[-–—]\s*(?-i:(?P<rom2>[IVXLХІ]{1,10})))?(?=\s*\))",
     century_bracket),
    ("date.century_abbr",
     rf"{g.W0}(?:{g.PRE})?{_ABBR_PART.format(n=1)}(?:\s*(?P<cw1>в\.|век[ае]?(?!\w)))?"
     rf"(?:\s*[-–—]\s*{_ABBR_PART.format(n=2)})?(?:\s*(?P<cw>вв?\.|век(?:а|е|ов|ах|ам)?(?!\w)))?{g.ERA}",
     century_abbr),
    ("date.season_range",
     rf"{g.HEAD}(?P<s1>{g.SEASON})(?:\s*[-–—]\s*|\s+и\s+)(?P<s2>{g.SEASON})"
     rf"(?:\s+(?P<y>\d{{3,4}}){g.YEAR_SUFFIX}(?:\s*{g.YEAR_WORD})?|\s+(?P<y_>\d{{1,4}})\s*{g.YEAR_WORD})",
     season_range),
    ("date.season",
     rf"{g.HEAD}(?P<sea>{g.SEASON})(?:\s+(?P<y>\d{{3,4}})(?:(?:\s*[/–—-]\s*|(?=\d{{4}}(?!\d)))(?P<y2>\d{{2,4}}))?{g.YEAR_SUFFIX}(?:\s*(?:годов|годах|годы)(?!\w)|\s*{g.YEAR_WORD})?"
     rf"|\s+(?P<y_>\d{{1,4}})\s*{g.YEAR_WORD}|{g.REL_YEAR})?",
     season),
]
