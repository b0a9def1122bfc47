"""Rules for times of day: «в 10 часов утра», «в 23:00 мск», «около 5 утра», «в полдень», «утром», «до вечера»."""

from __future__ import annotations

import re

from . import grammar as g
from . import lexicon as lx
from .dates import norm, pre_mod
from .quantity import quantity
from .reading import Reading

Match = re.Match[str]

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
    word = m["w"].lower()
    return Reading("time", type="TIME", clock="T12:00" if word.startswith(("полд", "полуд")) else "T24:00",
                   mod=pre_mod(m))


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



RULES: list[tuple[str, str, object]] = [
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
    ("time.noon", rf"{g.W0}(?P<pre>в|к|около|после|до)\s+(?P<w>полдень|полночь|полудня|полуночи){g.W1}", noon),
    ("time.until_part", rf"{g.W0}(?P<pre>с|до|к)\s+(?:самого\s+)?(?P<dp>утра|вечера|ночи){g.W1}", until_part),
    ("time.day_part",
     rf"{g.W0}(?:(?P<rel>рано|поздно|поздним|ранним|этим|этой|прошлой|следующей|тем\s+же|той\s+же|сегодня|вчера)\s+)?"
     rf"(?P<dp>утром|вечером|ночью|днём|днем){g.W1}",
     day_part),
]
