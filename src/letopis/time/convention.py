"""Which calendar a text's unmarked dates are on: the Old Style convention for Russian history.

Russian historians write dates before 14 February 1918 (New Style) on the Julian calendar
(Old Style), as the documents of the time did, without saying so. The contract's days are
proleptic Gregorian, so such dates are converted; a text that is not about Russia (a Western
biography written in Russian) keeps its dates as written. docs/time.md ("Calendars") states
the rule; in short, for the `auto` setting:

1. **Places.** When the entity stages located at least `MIN_PLACES` place mentions on the
   map, the text is about Russia when more than half of them lie in the lands of the Russian
   Empire and the USSR (`RUSSIAN_LANDS`, by the gazetteer's country of the place).
2. **Vocabulary.** Otherwise (few places, or the timex stage run alone, without entities),
   when the text uses at least `MIN_WORDS` words of Russian history and statehood
   (`_RUSSIAN_WORDS`: «царь», «губерния», «боярин», «Русь», «земство», ...; not place
   names, which Western biographies share).
3. Otherwise it is not: dates are read as written, on the Gregorian calendar.

Explicit marks always win over the decision, date by date: «по старому стилю» (Julian),
«по новому стилю» (Gregorian) and dual dates («25 октября (7 ноября) 1917 года»).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

# The user's setting (`--calendar`): the convention decided per text, always, or never.
SETTINGS = ("auto", "julian-before-1918", "gregorian")

# Countries (ISO 3166 codes, as the gazetteer gives them) whose places used the Julian
# calendar as parts of the Russian state until 1918. Poland and Finland kept the Gregorian
# calendar under Russian rule and are not listed.
RUSSIAN_LANDS = frozenset({
    "RU", "UA", "BY", "LT", "LV", "EE", "MD", "GE", "AM", "AZ", "KZ", "UZ", "TM", "KG", "TJ",
})
MIN_PLACES = 3  # located place mentions needed before the places decide
MIN_WORDS = 3  # words of Russian history needed when the places do not decide

# Words of Russian history and statehood, as lowercase stems (whole words from their start).
# Place names are left out: a Western biography names Petersburg and Russia too (Euler, Gauss).
_RUSSIAN_WORDS = re.compile(
    r"\b(?:цар[ьяюеёи]|царств|царевич|царевн|цариц|губерни|губернск|уезд|волост|бояр|опричн|стрельц|"
    r"кремл|рус[ьи]\b|самодерж|крепостн|земск|земств|помещик|дворянств|"
    r"велик\w+\s+княз|велик\w+\s+княжеств|удельн|патриарх|синод|казач|казак|гетман|дум[аыеу]\b|"
    r"большевик|меньшевик|эсер(?:ы|ов|ами)?\b|рсдрп|декабрист|народовол|черносот)",
    re.IGNORECASE,
)
# Russian patronymics («Вениамин Фёдорович», «Алексеевича»): people of Russia, named the Russian way.
_PATRONYMIC = re.compile(r"(?<!\w)[А-ЯЁ][а-яё]+(?:ович|евич|овн|евн|ичн)(?:а|у|ем|ом|ой|е|ы)?(?!\w)")


@dataclass(slots=True)
class Decision:
    """What the convention decided for one text, and on what grounds (for the trace)."""

    julian: bool  # unmarked dates before 1918-02-14 (New Style) are Old Style
    setting: str  # auto, julian-before-1918 or gregorian
    basis: str  # option, places, vocabulary or no evidence
    russian_places: int = 0
    other_places: int = 0
    words: list[str] = field(default_factory=list)

    def note(self) -> dict:
        return {"julian_before_1918": self.julian, "setting": self.setting, "basis": self.basis,
                "russian_places": self.russian_places, "other_places": self.other_places,
                "words": self.words[:10]}


def check_setting(setting: str) -> str:
    if setting not in SETTINGS:
        raise ValueError(f"calendar takes one of {', '.join(SETTINGS)}, not {setting!r}")
    return setting


def decide(text: str, countries: Iterable[str | None] | None = None, setting: str = "auto") -> Decision:
    """The calendar of `text`'s unmarked dates.

    `countries` holds the gazetteer country of each place mention the entity stages located
    (None for a place they could not locate); None when no entity stage ran.
    """
    check_setting(setting)
    if setting != "auto":
        return Decision(setting == "julian-before-1918", setting, "option")
    located = [c for c in countries or () if c]
    russian = sum(c in RUSSIAN_LANDS for c in located)
    other = len(located) - russian
    if len(located) >= MIN_PLACES:
        return Decision(russian * 2 > len(located), setting, "places", russian, other)
    words = [m.group(0).lower() for m in _RUSSIAN_WORDS.finditer(text)]
    words += [m.group(0) for m in _PATRONYMIC.finditer(text)]
    return Decision(len(words) >= MIN_WORDS, setting, "vocabulary" if len(words) >= MIN_WORDS else "no evidence",
                    russian, other, words)
