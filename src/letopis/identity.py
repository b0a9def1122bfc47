"""Entity identity across documents: are two entities, from two documents, one referent?

The one rule, used by `entities.unify` (a chronology of several documents), the store's
ingest (`store.entities.find`) and the corpus layer (`corpus.entities.merge_entities`):

  type        never across types: «Вашингтон» the person is not «Вашингтон» the city;
  one doc     never two entities of one document: its own merge has told them apart;
  same_ref    both given one identifier by their sources' markup (a TEI `@ref`,
              `attributes.ref`); two different identifiers are two referents, whatever the names;
  same_place  both resolved by the gazetteer to one id (`attributes.geo.id`), whatever they
              are called; two different ids are two places, even of one name («Александрия»);
  same_name   a name or alias in common (case, ё, quotes, dashes and spaces aside: `fold_wording`),
              so «Наполеон» = «Наполеон Бонапарт» when the fuller entity was also called
              «Наполеон» in its document (an alias);
  then, only when the entity's name fits exactly one referent among the candidates:
  name_suffix a person named by a tail of a fuller name with the same surname, the other
              words (initials allowed) in order: «Бонапарт», «Н. Бонапарт» = «Наполеон Бонапарт»;
  name_prefix a first name with a patronymic or a regnal number opening a fuller name:
              «Борис Николаевич» = «Борис Николаевич Ельцин», «Кир II» = «Кир II Великий»;
              a bare first name never joins by its words (two Жоржи are two people);
  head_word   a one-word group or organisation name that opens or ends a longer one:
              «повстанцы» = «чешские повстанцы», «Конгресс» = «Конгресс США»;
  acronym     an all-capitals organisation name spelling the initials of a longer one.

Two people whose full names differ («Виктор Бут», «Алла Бут»; «Птолемей I», «Птолемей II»)
are never joined, not even through a surname alias both documents used. Every join records
its rule and the name or id it rests on (the evidence). Candidates are looked up by keys
(`Named.keys`, `Named.probes`): type with a folded name, its first or last word, or its
initials, so the cost grows with the entities sharing a name or name word, not with all pairs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .clusters import Clusters
from .fold import fold_wording
from .lang.ru.function_words import ACRONYM_SKIPPED_WORDS
from .lang.ru.names import SURNAME_PARTICLES

NAME_WORD = re.compile(r"[^\s.]+\.?")  # a word of a name, or an initial with its dot
_HEAD_WORD_TYPES = frozenset({"GROUP", "ORGANIZATION"})


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A name as identity compares it: «"Сопротивление"» = «сопротивление»."""
    return fold_wording(name.replace("\u00a0", " "))


@lru_cache(maxsize=65536)
def words(name: str) -> tuple[str, ...]:
    """Name words, initials apart: «А.А. Ахматова» → ('а.', 'а.', 'ахматова')."""
    return tuple(NAME_WORD.findall(name_key(name)))


def initial_fits(short: str, full: str) -> bool:
    """A word of a shorter name fits a word of a fuller one: the same word, or its initial («А.»)."""
    if short.endswith(".") and len(short) <= 4:
        return full.startswith(short.rstrip("."))
    return short == full


def name_suffix(short: str, full: str) -> bool:
    """`short` names a person by the surname of `full`, its other words in `full` in order."""
    a, b = words(short), words(full)
    if not a or a == b or len(a) > len(b) or a[-1] != b[-1] or a[-1].endswith("."):
        return False
    rest = iter(b[:-1])
    return all(any(initial_fits(x, y) for y in rest) for x in a[:-1])


def name_prefix(short: str, full: str) -> bool:
    """Two or more words (first name and patronymic, or a regnal number) opening a fuller name."""
    a, b = words(short), words(full)
    return 1 < len(a) < len(b) and a == b[: len(a)] and not a[-1].endswith(".") and a[-1] not in SURNAME_PARTICLES


def head_word(short: str, full: str) -> bool:
    """A one-word name that opens or ends a longer one: «Конгресс» of «Конгресс США»."""
    a, b = words(short), words(full)
    return len(a) == 1 and len(b) > 1 and a[0] in (b[0], b[-1])


def initials(name: str) -> str:
    return "".join(w[0] for w in words(name) if w not in ACRONYM_SKIPPED_WORDS)


def acronym(short: str, full: str) -> bool:
    """«НСС» spells the initials of «Национальный Совет Сопротивления»."""
    if not (2 <= len(short) <= 8 and short.isupper() and short.isalpha()):
        return False
    return len(words(full)) > 1 and initials(full) == name_key(short)


def full_person_name(name: str) -> bool:
    """A person's name with a word before the surname that is not a particle: «Алла Бут», «Ш. де Голль»."""
    w = words(name)
    return len(w) > 1 and any(x not in SURNAME_PARTICLES for x in w[:-1])


def different_people(a: str, b: str) -> bool:
    """Two full person names of which neither is a form of the other: «Виктор Бут», «Алла Бут»."""
    if name_key(a) == name_key(b) or not (full_person_name(a) and full_person_name(b)):
        return False
    return not (name_suffix(a, b) or name_suffix(b, a) or name_prefix(a, b) or name_prefix(b, a))


# The partial rules: (name, types, test(short, full)); each needs exactly one referent to fit.
PARTIAL_RULES: tuple[tuple[str, frozenset[str] | None, Callable[[str, str], bool]], ...] = (
    ("name_suffix", frozenset({"PERSON"}), name_suffix),
    ("name_prefix", frozenset({"PERSON"}), name_prefix),
    ("head_word", _HEAD_WORD_TYPES, head_word),
    ("acronym", frozenset({"ORGANIZATION"}), acronym),
)


@dataclass(frozen=True, slots=True)
class Named:
    """An entity as identity sees it: its type, name, aliases, gazetteer id and document."""

    type: str
    name: str
    aliases: tuple[str, ...] = ()
    place: str | None = None
    source: Hashable = None
    ref: str | None = None  # the identifier the source's markup gives it (a TEI @ref)

    @property
    def names(self) -> list[str]:
        """Name and aliases, folded, without repeats."""
        return list(dict.fromkeys(name_key(n) for n in (self.name, *self.aliases) if n and n.strip()))

    def keys(self) -> set[str]:
        """Where the entity is filed: each folded name, and the first and last word and the
        initials of its name, so a shorter name can find it."""
        out = {f"{self.type}|n|{n}" for n in self.names}
        w = words(self.name)
        if w:
            out |= {f"{self.type}|first|{w[0]}", f"{self.type}|last|{w[-1]}"}
            if self.type == "ORGANIZATION" and len(w) > 1:
                out.add(f"{self.type}|initials|{initials(self.name)}")
        if self.place:
            out.add(f"{self.type}|geo|{self.place}")
        if self.ref:
            out.add(f"{self.type}|ref|{self.ref}")
        return out

    def exact_probes(self) -> set[str]:
        """The keys of the entities this one may share a name or a gazetteer id with."""
        out = {f"{self.type}|n|{n}" for n in self.names}
        if self.place:
            out.add(f"{self.type}|geo|{self.place}")
        if self.ref:
            out.add(f"{self.type}|ref|{self.ref}")
        return out

    def partial_probes(self) -> set[str]:
        """The keys of the fuller names this one may be a part of (see `PARTIAL_RULES`)."""
        w = words(self.name)
        if not w:
            return set()
        if self.type == "PERSON":
            return {f"{self.type}|last|{w[-1]}"} | ({f"{self.type}|first|{w[0]}"} if len(w) > 1 else set())
        if self.type in _HEAD_WORD_TYPES and len(w) == 1:
            return {f"{self.type}|first|{w[0]}", f"{self.type}|last|{w[0]}", f"{self.type}|initials|{w[0]}"}
        return set()


    def whole_probes(self) -> set[str]:
        """The keys of the shorter names that may be a part of this one (for one-by-one ingest)."""
        w = words(self.name)
        if len(w) < 2 or not any(types is None or self.type in types for _, types, _ in PARTIAL_RULES):
            return set()
        return {f"{self.type}|first|{w[0]}", f"{self.type}|last|{w[-1]}"}


def exact(a: Named, b: Named) -> str | None:
    """The evidence that a and b are one referent by gazetteer id or a shared name, or None."""
    if a.type != b.type or (a.source is not None and a.source == b.source):
        return None
    if a.ref and b.ref:
        return f"same_ref {a.ref}" if a.ref == b.ref else None
    if a.place and b.place:
        return f"same_place {a.place}" if a.place == b.place else None
    if a.type == "PERSON" and different_people(a.name, b.name):
        return None
    shared = next((n for n in a.names if n in set(b.names)), None)
    return f"same_name {shared}" if shared else None


def partial(short: Named, full: Named) -> str | None:
    """The evidence that `short` names `full` by part of its name, or None (uniqueness aside)."""
    if short.type != full.type or (short.source is not None and short.source == full.source):
        return None
    if short.place and full.place and short.place != full.place:
        return None
    if short.ref and full.ref and short.ref != full.ref:
        return None
    for rule, types, test in PARTIAL_RULES:
        if (types is None or short.type in types) and test(short.name, full.name):
            return f"{rule} of {full.name}"
    return None


def compatible(item: Named, members: Iterable[Named]) -> bool:
    """Whether `item` may join a referent already named by `members`: no other place, no other person."""
    for other in members:
        if item.place and other.place and item.place != other.place:
            return False
        if item.ref and other.ref and item.ref != other.ref:
            return False
        if item.type == "PERSON" and different_people(item.name, other.name):
            return False
    return True


def decide(item: Named, candidates: Sequence[tuple[Hashable, Named]],
           referent: Callable[[Hashable], Hashable] = lambda key: key,
           members: Callable[[Hashable], Iterable[Named]] | None = None,
           parts: bool = True, both_ways: bool = False) -> tuple[Hashable, str] | None:
    """The candidate `item` is the same referent as, and the evidence; None for a new referent.

    `candidates` are (key, entity) pairs, any superset of the real matches (looked up by
    `Named.exact_probes` and `Named.partial_probes`); `referent(key)` says which candidates
    are already one referent, and `members(key)` lists what that referent is known as (the
    candidate alone by default). A gazetteer id or a shared name wins, in candidate order;
    otherwise (unless `parts` is False) a part of a name joins only when all the referents
    it fits are one. `both_ways`: `item` may also be the fuller name of a candidate (entities
    taken one by one, as the store takes them, where the shorter name may come first)."""
    if members is None:
        named = dict(candidates)
        members = lambda key: [named[key]]  # noqa: E731
    for key, other in candidates:
        evidence = exact(item, other)
        if evidence and compatible(item, members(key)):
            return key, evidence
    if not parts:
        return None
    fits: dict[Hashable, tuple[Hashable, str]] = {}
    for key, other in candidates:
        evidence = partial(item, other) or (partial(other, item) if both_ways else None)
        if evidence:
            fits.setdefault(referent(key), (key, evidence))
    if len(fits) == 1:
        key, evidence = next(iter(fits.values()))
        if compatible(item, members(key)):
            return key, evidence
    return None


@dataclass(slots=True)
class Join:
    """One merge and its evidence: item `b` joined the referent of item `a`."""

    a: int
    b: int
    rule: str
    value: str


@dataclass(slots=True)
class Identities:
    """Entities of many documents grouped by referent with `decide`, in two passes: gazetteer
    ids and shared names first, then parts of names against every referent of the corpus
    (fuller names first).

    `clusters` may come with a user's forced joins and splits already in it; it must keep
    items of one source apart (`Clusters(groups=sources)`)."""

    items: Sequence[Named]
    clusters: Clusters | None = None
    joins: list[Join] = field(default_factory=list)
    _index: dict[str, dict[tuple[str, int], int]] = field(default_factory=dict)
    _names: dict[int, dict[str, Named]] = field(default_factory=dict)  # referent -> its distinct names

    def __post_init__(self) -> None:
        if self.clusters is None:
            self.clusters = Clusters(len(self.items), groups=[item.source for item in self.items])
        for i, item in enumerate(self.items):
            self._names.setdefault(self.clusters.find(i), {}).setdefault(item.name, item)

    def run(self) -> Clusters:
        for i, item in enumerate(self.items):
            self._join(i, self._found(i, item.exact_probes()), parts=False)
            self._file(i)
        # fuller names first, so «Шарль де Голль» and «Ш. де Голль» are one before «де Голль» looks
        for i in sorted(range(len(self.items)), key=lambda i: -len(words(self.items[i].name))):
            self._join(i, self._found(i, self.items[i].partial_probes()), parts=True)
        return self.clusters

    def _file(self, i: int) -> None:
        """Index item i under its keys, once per name and referent (a thousand «Париж» are one entry)."""
        entry = (self.items[i].name, self.clusters.find(i))
        for key in self.items[i].keys():
            self._index.setdefault(key, {}).setdefault(entry, i)

    def _found(self, i: int, probes: set[str]) -> list[tuple[int, Named]]:
        root = self.clusters.find(i)
        seen = {j for key in probes for j in self._index.get(key, {}).values()}
        return [(j, self.items[j]) for j in sorted(seen) if self.clusters.find(j) != root]

    def _known_as(self, j: int) -> list[Named]:
        return list(self._names[self.clusters.find(j)].values())

    def _join(self, i: int, candidates: list[tuple[int, Named]], parts: bool) -> None:
        found = decide(self.items[i], candidates, self.clusters.find, self._known_as, parts) if candidates else None
        if not found:
            return
        j, evidence = found
        ra, rb = self.clusters.find(j), self.clusters.find(i)
        if self.clusters.union(j, i):
            root = self.clusters.find(i)
            kept, gone = self._names.pop(root), self._names.pop(rb if root == ra else ra)
            for name, named in gone.items():
                kept.setdefault(name, named)
            self._names[root] = kept
            rule, _, value = evidence.partition(" ")
            self.joins.append(Join(j, i, rule, value.removeprefix("of ")))
