"""Reigns and named eras as time expressions: «при Иване Грозном», «в царствование Екатерины II»,
«в годы НЭПа», «в Смутное время».

A ruler's name is a time only after a lead that makes it one («при», «в царствование», «в
правление», «в годы (правления)», «в эпоху», «во время», «в период»); and only when the name
resolves to exactly one entry of the table `data/time/rulers.tsv` (built by
`train/time/build_rulers.py`) and the text agrees: an ordinal or a full form («Иван Грозный»,
«Алексей Михайлович») names one ruler; where several realms have a ruler of that name and
ordinal («Генрих IV»), the realm the text speaks of decides; a bare given name («при Петре»)
is read only as the ruler the text names elsewhere, or as the table's default for that name
where the realm fits. Everything else stays unresolved: no timex. docs/time.md ("Reigns and
eras") states the rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..adapters.natasha import lemmas
from .dates import ordinal_value, roman_canonical
from .periods import Period
from .reading import Reading


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str  # ruler or era
    name: str
    ordinal: int | None
    keys: tuple[tuple[str, ...], ...]  # the lemmas of each form, the name's first
    realms: frozenset[str]
    titles: frozenset[str]
    start: str  # as written, in `calendar`
    end: str
    calendar: str  # julian or gregorian
    bare: str  # unique, default or ""
    reference: str


@lru_cache(maxsize=1)
def table() -> tuple[Entry, ...]:
    text = resources.files("letopis.data").joinpath("time/rulers.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    columns = lines[0].split("\t")
    entries = []
    for line in lines[1:]:
        f = dict(zip(columns, line.split("\t")))
        entries.append(Entry(f["kind"], f["name"], int(f["ordinal"]) if f["ordinal"] else None,
                             tuple(tuple(k.split()) for k in f["keys"].split("|")),
                             frozenset(f["realm"].split(",")), frozenset(filter(None, f["title"].split(","))),
                             f["start"], f["end"], f["calendar"], f["bare"], f["reference"]))
    return tuple(entries)


@lru_cache(maxsize=1)
def _by_first() -> dict[str, list[tuple[tuple[str, ...], int, Entry]]]:
    """Each form under its first lemma: (lemmas, form index, entry); longest forms first."""
    index: dict[str, list[tuple[tuple[str, ...], int, Entry]]] = {}
    for entry in table():
        for i, key in enumerate(entry.keys):
            index.setdefault(key[0], []).append((key, i, entry))
    for forms in index.values():
        forms.sort(key=lambda f: -len(f[0]))
    return index


def fold(word: str) -> str:
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=50_000)
def word_keys(word: str) -> frozenset[str]:
    """What a word of the text may be in the table: its lemmas, and itself (indeclinable «Черненко»)."""
    return frozenset({fold(word), *(fold(lemma) for lemma in lemmas(word))})


# The leads that make a name a time. «в» alone only before an era written with «время».
_LEAD = re.compile(
    r"(?<![\w-])(?P<lead>при|(?:в|во)\s+(?:(?:первые|последние|самом\s+начале|начале|конце)\s+)?"
    r"(?:годы|время|времена|эпоху|период|пору|царствование|правление|княжение|царствования|правления|княжения)"
    r"(?:\s+(?:царствования|правления|княжения))?|(?:в|во)(?=\s+\w+\s+врем))\s+",
    re.IGNORECASE)
_PART_LEAD = re.compile(r"(?:начале|конце|первые|последние)", re.IGNORECASE)

# Titles between the lead and the name, by lemma: the kind of title they restrict the name to.
TITLES: dict[str, str] = {
    "князь": "prince", "княгиня": "prince", "царь": "tsar", "царица": "tsar", "император": "emperor",
    "императрица": "emperor", "кайзер": "emperor", "король": "king", "королева": "king", "папа": "pope",
    "понтифик": "pope", "генсек": "leader", "регент": "regent", "регентша": "regent", "правительница": "regent",
    "государь": "", "государыня": "", "великий": "", "римский": "",
}
_WORD = re.compile(r"[\w-]+")
_ROMAN = re.compile(r"(?-i:[IVXLХІ]{1,5})(?![\w-])")
_MIN_EVIDENCE = 2  # words of a realm needed before the realm decides between rulers

# Words that say which realm a text speaks of (lowercase stems, whole words from their start).
_REALM_WORDS: dict[str, re.Pattern[str]] = {realm: re.compile(r"(?<!\w)(?:" + stems + ")", re.IGNORECASE) for realm, stems in {
    "rus": r"цар[ьяюеёи]\b|царств|бояр|русск|рус[ьи]\b|росси|москв|московск|петербург|киевск|новгород|губерни|дворян|самодерж|патриарх",
    "su": r"советск|ссср|кпсс|цк\b|большевик|коммунист|колхоз|пятилетк|политбюро|генсек|партийн",
    "fr": r"франц|француз|париж|версал|бурбон|валуа|гугенот|наварр",
    "en": r"англи|англичан|лондон|британ|тюдор|стюарт|шотланд|кентербери|вестминстер",
    "hre": r"священн\w+\s+римск|австри|габсбург|вена\b|вене\b|вены\b|курфюрст|имперск\w+\s+сейм|богеми",
    "de": r"германи|прусс|пруссии|берлин|кайзер|рейх",
    "papal": r"пап[аыеуой]\b|ватикан|курия|понтифик|святого\s+престола",
    "frank": r"франк",
}.items()}


@lru_cache(maxsize=64)
def realm_evidence(text: str) -> dict[str, int]:
    """How many words of each realm the text uses."""
    counts = {realm: len(pattern.findall(text)) for realm, pattern in _REALM_WORDS.items()}
    counts["rus"] += counts["su"]  # a Soviet text is a Russian one for the eras and tsars it names
    return counts


def _fits(entry: Entry, evidence: dict[str, int]) -> int:
    return max(evidence.get(realm, 0) for realm in entry.realms)


@dataclass(slots=True)
class _Name:
    end: int
    entry_forms: list[tuple[Entry, int]]  # the entries whose form matched, with the form index
    ordinal: int | None
    title: str | None


def _words(text: str, pos: int, count: int) -> list[re.Match[str]]:
    out = []
    for m in _WORD.finditer(text, pos):
        if text[pos:m.start()].strip() or len(out) == count:
            break
        out.append(m)
        pos = m.end()
    return out


def _ordinal(text: str, pos: int) -> tuple[int, int] | None:
    """A regnal number right after `pos`: «IV», «Четвёртом»; (value, end)."""
    m = re.compile(r"\s+").match(text, pos)
    if m is None:
        return None
    at = m.end()
    roman = _ROMAN.match(text, at)
    if roman:
        value = roman_canonical(roman.group(0).replace("Х", "X").replace("І", "I"))
        return (value, roman.end()) if value else None
    word = _WORD.match(text, at)
    if word and word.group(0)[0].isupper() and (value := ordinal_value(word.group(0))) and value <= 20:
        return value, word.end()
    return None


def _name(text: str, pos: int) -> _Name | None:
    """The title, name and regnal number that start at `pos`, if the table knows the name."""
    title = None
    words = _words(text, pos, 6)
    skip = 0
    while skip < len(words) - 1 and not words[skip].group(0)[0].isupper():
        kinds = [TITLES[k] for k in word_keys(words[skip].group(0)) if k in TITLES]
        if not kinds:
            break
        title = next((k for k in kinds if k), title)
        skip += 1
    words = words[skip:]
    if not words:
        return None
    keys = [word_keys(w.group(0)) for w in words]
    matched: list[tuple[Entry, int]] = []
    best = 0
    for first_key in keys[0]:
        for key, index, entry in _by_first().get(first_key, ()):
            n = len(key)
            if n < best or n > len(keys) or not all(key[i] in keys[i] for i in range(n)):
                continue
            if entry.kind == "ruler" and not words[0].group(0)[0].isupper():
                continue  # a ruler's name is written with a capital
            if n > best:
                matched, best = [], n
            matched.append((entry, index))
    if not matched:
        return None
    end = words[best - 1].end()
    ordinal = _ordinal(text, end)
    if ordinal:
        end = ordinal[1]
        # «Иван IV Грозный»: an epithet after the number, when it makes a form of the same name
        after = _words(text, end + 1, 1) if end < len(text) and text[end].isspace() else []
        if after:
            tail = word_keys(after[0].group(0))
            if any(len(entry.keys[i]) == 1 and any(len(k) == 2 and k[0] == entry.keys[0][0] and k[1] in tail
                                                   for k in entry.keys) for entry, i in matched):
                end = after[0].end()
    return _Name(end, matched, ordinal[0] if ordinal else None, title)


def _named_elsewhere(text: str, entries: Iterable[Entry]) -> set[Entry]:
    """The entries the text names by a full form or with a regnal number anywhere."""
    wanted = {e.keys[0][0] for e in entries}
    named: set[Entry] = set()
    for m in re.finditer(r"(?<![\w-])[А-ЯЁ][\w-]+", text):
        if not wanted & word_keys(m.group(0)):
            continue
        found = _name(text, m.start())
        if found is None:
            continue
        if found.ordinal is None and not any(i > 0 and len(e.keys[i]) > 1 for e, i in found.entry_forms):
            continue
        entry, _ = resolve(text, found)
        if entry is not None:
            named.add(entry)
    return named


def resolve(text: str, found: _Name) -> tuple[Entry | None, str]:
    """The one entry a name found after a lead stands for, or None; with the reason (for the trace)."""
    evidence = realm_evidence(text)
    forms = found.entry_forms
    if found.title:
        forms = [(e, i) for e, i in forms if e.kind == "ruler" and found.title in e.titles]
    else:
        forms = [(e, i) for e, i in forms if "pope" not in e.titles]  # a pope is dated as «при папе …»
    if found.ordinal is not None:
        forms = [(e, i) for e, i in forms if e.ordinal == found.ordinal]
        how = "ordinal"
    else:
        full = [(e, i) for e, i in forms if i > 0 or e.bare == "unique"]
        how = "full form"
        if not full and forms:  # a bare given name: the one the text names, else the default
            entries = {e for e, _ in forms}
            named = _named_elsewhere(text, entries)
            if len(named) == 1:
                return next(iter(named)), "named elsewhere"
            default = [e for e in entries if e.bare == "default"]
            if named or len(default) != 1:
                return None, "ambiguous given name"
            entry = default[0]
            rival = max((_fits(e, evidence) for e in entries if e.realms != entry.realms), default=0)
            if _fits(entry, evidence) >= _MIN_EVIDENCE and _fits(entry, evidence) > rival:
                return entry, "default for the name"
            return None, "realm does not fit"
        forms = full
    entries = list(dict.fromkeys(e for e, _ in forms))
    if len(entries) > 1:  # «Генрих IV» in France, England and the Empire: the realm decides
        scored = sorted(entries, key=lambda e: -_fits(e, evidence))
        top = _fits(scored[0], evidence)
        if top < _MIN_EVIDENCE or _fits(scored[1], evidence) == top:
            return None, "several realms"
        return scored[0], "realm"
    if not entries:
        return None, "no such ruler"
    entry = entries[0]
    one_word = all(len(entry.keys[i]) == 1 for e, i in forms)
    if entry.kind == "era" and entry.name[0].islower() and one_word and _fits(entry, evidence) < _MIN_EVIDENCE:
        return None, "era outside its realm"  # «во время оттепели» in a text about the weather
    return entry, how


def _period(bound: str) -> Period:
    parts = [int(p) for p in bound.split("-")]
    if len(parts) == 3:
        return Period("day", *parts)
    return Period("year", parts[0])


def reading(entry: Entry, how: str) -> Reading:
    """The reign's bounds as a range, as precise as the table gives them, on its calendar."""
    return Reading("range", period=_period(entry.start), end=_period(entry.end),
                   old_style=entry.calendar == "julian" and "-" in entry.start,
                   notes=["ruler_table", f"{entry.kind}:{entry.name}" + (f" {entry.ordinal}" if entry.ordinal else ""),
                          f"by:{how}", f"reference:{entry.reference}"])


def find(text: str) -> list[tuple[int, int, str, Reading]]:
    """(start, end, rule, reading) for every lead with a name that resolves."""
    out = []
    for m in _LEAD.finditer(text):
        found = _name(text, m.end())
        if found is None:
            continue
        lead = m.group("lead").lower()
        if lead in ("в", "во") and not any(e.kind == "era" and e.keys[i][-1] == "время" for e, i in found.entry_forms):
            continue
        if _PART_LEAD.search(lead):
            continue  # «в начале правления Петра I» is a part of the reign: not read yet
        entry, how = resolve(text, found)
        if entry is None:
            continue
        out.append((m.start(), found.end, f"reign.{entry.kind}", reading(entry, how)))
    return out
