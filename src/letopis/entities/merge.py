"""One entity per referent: within a document (`build_entities`) and across documents (`unify`).

Merge rules, in order, each recorded as evidence on the mentions it joins:
  nested_head   an organisation name that opens a longer one in place («Правительство» inside
                «Правительство Китая», «МИД» inside «МИД России») is that organisation, and
                takes part in no other rule: the next «Правительство Японии» is another one;
  same_name     same type and the same normal form (case and ё ignored);
  same_place    locations the gazetteer resolves to the same place («США», «Соединённые Штаты»);
  same_ref      names the source's markup gives the same identifier (a TEI `@ref`); no rule
                joins two names it gives different identifiers;
  name_suffix   a person named by a tail of a fuller name: «Шабан-Дельмас» = «Жак Шабан-Дельмас»,
                «де Голль» = «Шарль де Голль», «Ш. де Голль» (initials agree); a bare surname
                several people share goes to the one named in its or the previous sentence,
                else to the text's main person, else to none (`shared_surname`);
  first_name    a first name (and patronymic) opening exactly one fuller person name given before:
                «Михаэль» = «Михаэль Шумахер», «Борис Николаевич» = «Борис Николаевич Ельцин»;
  head_word     a one-word organisation name heading exactly one fuller one: «Конгресс» = «Конгресс США»;
  honorific     an organisation name opening with an honorific (`kinds.HONORIFIC_STEMS`) is the
                same name without it: «Императорский Новороссийский университет»;
  acronym       an all-capitals organisation name spelling the initials of a fuller one;
  alias         persons whose names one group of `lang/ru/aliases.py` lists («Бонапарт» =
                «Наполеон»), when every person in view that the group names is one of them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..clusters import UnionFind
from ..doc import Doc, Entity
from ..fold import fold_name
from ..identity import NAME_WORD, Identities, Named, initial_fits
from ..lang.ru.function_words import ACRONYM_SKIPPED_WORDS
from ..lang.ru.aliases import ALIAS_GROUPS
from ..lang.ru.kinds import HONORIFIC_STEMS
from ..lang.ru.names import SURNAME_PARTICLES

# Folded name -> the alias group it belongs to (a name listed in two groups belongs to none).
_ALIAS: dict[str, int] = {}
for _n, _group in enumerate(ALIAS_GROUPS):
    for _name in _group:
        _key = fold_name(_name)
        _ALIAS[_key] = -1 if _ALIAS.get(_key, _n) != _n else _n


@dataclass(slots=True)
class Item:
    """A mention (or a document entity, for `unify`) waiting to be clustered."""

    key: int  # index of the mention in doc.mentions, or of the entity in the corpus list
    type: str
    normal: str
    position: tuple[int, int]  # for ordering: (document number, start offset)
    place: str | None = None  # gazetteer id, for locations
    ref: str | None = None  # the source markup's identifier (TEI @ref), for given mentions
    cluster: int = -1
    evidence: str | None = None
    sentence: int = -1  # index of its sentence in the document, for the nearness of a bare surname


@lru_cache(maxsize=65536)
def _words(normal: str) -> list[str]:
    """Name words, initials apart: «А.А. Ахматова» → ['а.', 'а.', 'ахматова'].

    Cached: callers must not change the list."""
    return NAME_WORD.findall(fold_name(normal).replace("\u00a0", " "))


def _initials(full: str) -> str:
    return "".join(w[0] for w in _words(full) if w not in ACRONYM_SKIPPED_WORDS)


def name_suffix(short: str, full: str) -> bool:
    """Whether person name `short` names the same person as the fuller `full`.

    The surnames agree and the other words of `short` (initials allowed) appear in `full`
    in order: «де Голль», «Ш. де Голль» ~ «Шарль де Голль»; «Анна Ахматова» ~ «Анна
    Андреевна Ахматова».
    """
    a, b = _words(short), _words(full)
    if not a or a == b or len(a) > len(b) or a[-1] != b[-1] or a[-1].endswith("."):
        return False
    rest = iter(b[:-1])
    return all(any(initial_fits(x, y) for y in rest) for x in a[:-1])


def name_prefix(short: str, full: str) -> bool:
    """A first name, or first name and patronymic, that opens a fuller name: «Борис Николаевич»."""
    a, b = _words(short), _words(full)
    return 0 < len(a) < len(b) and a == b[: len(a)] and not a[-1].endswith(".") and a[-1] not in SURNAME_PARTICLES


def head_word_of(short: str, full: str) -> bool:
    """A one-word organisation name that is the head of a fuller one: «Конгресс» of «Конгресс США»."""
    a, b = _words(short), _words(full)
    return len(a) == 1 and len(b) > 1 and short[:1].isupper() and a[0] == b[0]


def without_honorific(name: str) -> str | None:
    """An institution's name without the honorific that opens it, if two words or more remain:
    «Императорская академия наук» → «академия наук»."""
    words = fold_name(name).split()
    if len(words) > 2 and words[0].startswith(HONORIFIC_STEMS):
        return " ".join(words[1:])
    return None


def acronym_of(short: str, full: str) -> bool:
    """«НСС» spells the initials of «Национальный Совет Сопротивления»."""
    if not (2 <= len(short) <= 8 and short.isupper() and short.isalpha()):
        return False
    return len(_words(full)) > 1 and _initials(full) == fold_name(short)


class _Clusters(UnionFind):
    """Mentions joined by the merge rules; the joined item keeps the rule that joined it."""

    def __init__(self, items: list[Item]):
        super().__init__(len(items))
        self.items = items
        self.refs = {i: item.ref for i, item in enumerate(items) if item.ref}  # root -> its cluster's markup identifier

    def join(self, a: int, b: int, evidence: str) -> None:
        ref_a, ref_b = self.refs.get(self.find(a)), self.refs.get(self.find(b))
        if ref_a and ref_b and ref_a != ref_b:
            return  # two identifiers the source's markup gives are two referents, whatever the names
        if self.union(a, b):
            self.items[b].evidence = self.items[b].evidence or evidence
            if ref_a or ref_b:
                self.refs[self.find(a)] = ref_a or ref_b

    def groups(self) -> list[list[int]]:
        return sorted(super().groups(), key=lambda g: min(self.items[i].position for i in g))


def shared_surname(items: list[Item], i: int, fuller: list[int], ambiguous: set[int], main: int | None,
                   find) -> tuple[int | None, str]:
    """Which of several people sharing a surname the bare surname `items[i]` names, and how.

    The one named last before it in the same or the previous sentence («Виктор Бут ... Бут
    отрицал»); else the text's main person (its first person mention: a biography opens with
    its subject) if the surname is theirs; else none of them: «друга семьи Бернулли» far from
    any Бернулли named in full is no one of them."""
    before = [j for j in fuller if items[j].position < items[i].position and j not in ambiguous]
    near = [j for j in before if items[i].sentence >= 0 and 0 <= items[i].sentence - items[j].sentence <= 1]
    if near:
        return max(near, key=lambda j: items[j].position), "nearest"
    if items[i].sentence < 0 and before:  # no sentences known: the nearest before
        return max(before, key=lambda j: items[j].position), "nearest"
    own = [j for j in fuller if main is not None and find(j) == main]
    return (min(own), "the main person") if own else (None, "")


def _buckets(indices: list[int], key) -> dict[str, list[int]]:
    """Indices grouped by a key of their name, in index order (only these can match)."""
    out: dict[str, list[int]] = {}
    for i in indices:
        k = key(i)
        if k:
            out.setdefault(k, []).append(i)
    return out


def cluster(items: list[Item], nested: dict[int, int] | None = None) -> list[list[Item]]:
    """Group items by referent with the merge rules; groups in order of first appearance.

    `nested` maps an item to the item whose longer name it opens in place (see
    `nested_heads`); such an item joins that one only.

    Each rule compares a name only with the names that can match it (same last word for
    surnames, same first word for first names and head words, same initials for
    acronyms), so the cost grows with the mentions of one name, not with all pairs."""
    c = _Clusters(items)
    nested = nested or {}
    for i, outer in nested.items():
        c.join(outer, i, f"nested head of {items[outer].normal}")
    words = [_words(item.normal) for item in items]
    persons = [i for i, item in enumerate(items) if item.type == "PERSON" and i not in nested]
    by_last = _buckets(persons, lambda i: words[i][-1] if words[i] else "")
    by_first = _buckets(persons, lambda i: words[i][0] if words[i] else "")

    def fuller_names(i: int) -> list[int]:
        return [j for j in by_last.get(words[i][-1] if words[i] else "", ()) if name_suffix(items[i].normal, items[j].normal)]

    # A surname that ends two different full names («Бут»: «Виктор Бут», «Алла Бут») is
    # linked mention by mention to the nearest, never all together by the same-name rule.
    ambiguous = {i for i in persons if len({fold_name(items[j].normal) for j in fuller_names(i)}) > 1}
    protagonist = min(persons, key=lambda i: items[i].position) if persons else None
    first_by_name: dict[tuple[str, str], int] = {}
    first_by_place: dict[str, int] = {}
    first_by_ref: dict[str, int] = {}
    for i, item in enumerate(items):
        key = (item.type, fold_name(item.normal))
        if i in nested:
            continue
        if i in ambiguous:
            pass
        elif key in first_by_name:
            c.join(first_by_name[key], i, "same_name")
        else:
            first_by_name[key] = i
        if item.place:
            if item.place in first_by_place:
                c.join(first_by_place[item.place], i, f"same_place {item.place}")
            else:
                first_by_place[item.place] = i
        if item.ref:
            if item.ref in first_by_ref:
                c.join(first_by_ref[item.ref], i, f"same_ref {item.ref}")
            else:
                first_by_ref[item.ref] = i
    for i in persons:
        fuller = fuller_names(i)
        roots = {c.find(j) for j in fuller}
        if len(roots) == 1:
            c.join(min(fuller), i, f"name_suffix of {items[min(fuller)].normal}")
        elif roots:  # several people share the surname
            j, how = shared_surname(items, i, fuller, ambiguous, None if protagonist is None else c.find(protagonist), c.find)
            if j is not None:
                c.join(j, i, f"name_suffix of {items[j].normal} ({how} of {len(roots)})")
    for i in persons:  # «Михаэль» after «Михаэль Шумахер», when only one person has that first name
        same_first = by_first.get(words[i][0] if words[i] else "", ())
        # a first name alone is read back to a full name already given, never forward to a
        # later one: «Уильям» of the father is not «Уильям Хопкинс» named pages later
        opening = [j for j in same_first if items[j].position < items[i].position
                   and name_prefix(items[i].normal, items[j].normal)]
        if len({c.find(j) for j in opening}) == 1:
            c.join(min(opening), i, f"first name of {items[min(opening)].normal}")
    orgs = [i for i, item in enumerate(items) if item.type == "ORGANIZATION" and i not in nested]
    orgs_by_first = _buckets(orgs, lambda i: words[i][0] if words[i] else "")
    orgs_by_initials = _buckets(orgs, lambda i: _initials(items[i].normal) if len(words[i]) > 1 else "")
    for i in orgs:
        same_first = orgs_by_first.get(words[i][0] if words[i] else "", ())
        fuller = [j for j in same_first if head_word_of(items[i].normal, items[j].normal)]
        if len({c.find(j) for j in fuller}) == 1:
            c.join(min(fuller), i, f"head word of {items[min(fuller)].normal}")
    org_names = _buckets(orgs, lambda i: fold_name(items[i].normal))
    for i in orgs:  # «Императорский Новороссийский университет» = «Новороссийский университет»
        plain = org_names.get(without_honorific(items[i].normal) or "", ())
        if plain:
            c.join(plain[0], i, f"honorific of {items[plain[0]].normal}")
    for i in orgs:
        full = [j for j in orgs_by_initials.get(fold_name(items[i].normal), ()) if acronym_of(items[i].normal, items[j].normal)]
        if len({c.find(j) for j in full}) == 1:
            c.join(full[0], i, f"acronym of {items[full[0]].normal}")
    by_alias = _buckets(persons, lambda i: str(_ALIAS.get(fold_name(items[i].normal), -1)))
    for group, members in by_alias.items():
        if group != "-1" and len({c.find(j) for j in members}) > 1:
            name = ALIAS_GROUPS[int(group)][0]
            for j in members[1:]:
                c.join(members[0], j, f"alias of {name} (lang/ru/aliases.py)")
    return [[items[i] for i in group] for group in c.groups()]


def best_name(names: Sequence[str]) -> str:
    """The fullest name: most words, then most frequent, then first seen."""
    counts = Counter(names)
    order = {n: k for k, n in reversed(list(enumerate(names)))}
    return max(counts, key=lambda n: (len(_words(n)), counts[n], -order[n]))


def _subtype(subtypes: Sequence[str | None]) -> str | None:
    known = [s for s in subtypes if s]
    return Counter(known).most_common(1)[0][0] if known else None


def merge_attributes(target: dict[str, Any], extra: dict[str, Any]) -> None:
    for key, value in extra.items():
        if isinstance(value, list):
            have = target.setdefault(key, [])
            have.extend(v for v in value if v not in have)
        elif key not in target:
            target[key] = value


@dataclass(slots=True)
class MentionInfo:
    normal: str
    place: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)


def nested_heads(doc: Doc, keys: Sequence[int]) -> dict[int, int]:
    """Position in `keys` of each organisation mention that starts where a longer one starts
    -> position of the longest such one (the recogniser tags both «МИД России» and «МИД»)."""
    orgs = [(doc.mentions[k].start, doc.mentions[k].end, n) for n, k in enumerate(keys) if doc.mentions[k].type == "ORGANIZATION"]
    longest: dict[int, tuple[int, int]] = {}
    for start, end, n in orgs:
        if start not in longest or end > longest[start][0]:
            longest[start] = (end, n)
    return {n: longest[start][1] for start, end, n in orgs if end < longest[start][0]}


def build_entities(doc: Doc, infos: dict[int, MentionInfo]) -> None:
    """Cluster the mentions in `infos` into `doc.entities` (ids e1, e2, ...), linking both ways."""
    items = [Item(k, doc.mentions[k].type, info.normal, (0, doc.mentions[k].start), info.place, doc.mentions[k].ref,
                  sentence=doc.sentence_at(doc.mentions[k].start))
             for k, info in infos.items()]
    for number, group in enumerate(cluster(items, nested_heads(doc, list(infos))), 1):
        mentions = sorted(item.key for item in group)
        names = [infos[k].normal for k in mentions]
        entity = Entity(
            id=f"e{number}",
            type=group[0].type,
            name=best_name(names),
            subtype=_subtype([doc.mentions[k].subtype for k in mentions]),
            mentions=mentions,
        )
        entity.aliases = sorted({n for n in names if fold_name(n) != fold_name(entity.name)})
        for k in mentions:
            merge_attributes(entity.attributes, infos[k].attributes)
        for item in group:
            mention = doc.mentions[item.key]
            mention.entity, mention.normal = entity.id, infos[item.key].normal
            if item.evidence:
                mention.evidence = item.evidence
                doc.note("entities", "merge", mention.start, mention.end, entity=entity.id, evidence=item.evidence)
        doc.entities.append(entity)


def absorb(doc: Doc, keep: Entity, gone: Entity, evidence: str) -> None:
    """Make `gone` part of `keep` (a merge a later stage finds: two names of one state in its
    period); the joined mentions record `evidence`, and ids are renumbered in order of first mention."""
    for k in gone.mentions:
        mention = doc.mentions[k]
        mention.entity = keep.id
        mention.evidence = mention.evidence or evidence
        doc.note("entities", "merge", mention.start, mention.end, entity=keep.id, evidence=evidence)
    keep.mentions = sorted(set(keep.mentions) | set(gone.mentions))
    names = [keep.name, gone.name, *keep.aliases, *gone.aliases]
    keep.name = best_name([keep.name, gone.name])
    keep.aliases = sorted({n for n in names if fold_name(n) != fold_name(keep.name)})
    merge_attributes(keep.attributes, gone.attributes)
    doc.entities.remove(gone)
    doc.entities.sort(key=lambda e: min((doc.mentions[k].start for k in e.mentions), default=0))
    renamed = {e.id: f"e{n}" for n, e in enumerate(doc.entities, 1)}
    for m in doc.mentions:
        if m.entity in renamed:
            m.entity = renamed[m.entity]
    for e in doc.entities:
        e.id = renamed[e.id]


def _ref(attributes: dict[str, Any]) -> str | None:
    ref = attributes.get("ref")
    return ref if isinstance(ref, str) and ref else None


def unify(docs: Sequence[Doc]) -> tuple[list[Entity], dict[tuple[str, str], str]]:
    """Corpus entities (ids E1, E2, ...) from the documents' entities, and (doc id, local id) -> corpus id.

    Which entities are one referent is `letopis.identity`'s rule (never two of one document).
    Corpus entities carry merged names, aliases, subtypes and attributes; `mentions` stays
    empty (the chronology lists mentions per document).
    """
    pairs: list[tuple[Doc, Entity]] = [(doc, e) for doc in docs for e in doc.entities]
    items = [Named(e.type, e.name, tuple(e.aliases), (e.attributes.get("geo") or {}).get("id"), n, _ref(e.attributes))
             for n, doc in enumerate(docs) for e in doc.entities]
    corpus: list[Entity] = []
    mapping: dict[tuple[str, str], str] = {}
    for number, group in enumerate(Identities(items).run().clusters(), 1):
        members = [pairs[k][1] for k in group]
        names = [e.name for e in members]
        merged = Entity(id=f"E{number}", type=members[0].type, name=best_name(names),
                        subtype=_subtype([e.subtype for e in members]))
        aliases = {a for e in members for a in [e.name, *e.aliases]}
        merged.aliases = sorted(a for a in aliases if fold_name(a) != fold_name(merged.name))
        for e in members:
            merge_attributes(merged.attributes, e.attributes)
        for k in group:
            doc, entity = pairs[k]
            mapping[(doc.id, entity.id)] = merged.id
        corpus.append(merged)
    return corpus, mapping
