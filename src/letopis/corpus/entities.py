"""Corpus entities: the entities of many chronologies merged by name, alias, gazetteer id and type.

Rules, in order, each recorded on the merge it makes (`CorpusEntity.merges`):
  forced      a user joined the two (`letopis merge --force`);
  same_place  locations the gazetteer resolves to one place (`attributes.geo.id`);
  same_name   the same type and a name or alias in common (case, ё and quotes ignored);
  head_word   a one-word name that is the last word of exactly one longer name of the same
              type in the corpus: «повстанцы» = «чешские повстанцы», «Голль» = «де Голль».
A user's split (`letopis merge --undo`) forbids a merge by any rule. Every rule looks items
up in a dict keyed by what must be equal, so the cost is linear in the number of entities.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..clusters import Clusters
from ..fold import fold_wording
from .model import Correction, CorpusEntity, Record

_HEAD_WORD_TYPES = frozenset({"PERSON", "GROUP", "ORGANIZATION"})


@dataclass(slots=True)
class _Item:
    source: int  # index of the chronology
    entity: Record

    @property
    def names(self) -> list[str]:
        return [fold_wording(n) for n in [self.entity["name"], *self.entity.get("aliases", [])] if n]

    @property
    def geo(self) -> str | None:
        return ((self.entity.get("attributes") or {}).get("geo") or {}).get("id")


def entity_key(entity: Record) -> str:
    """The stable key of an entity: type and folded name («LOCATION:прага»)."""
    return f"{entity['type']}:{fold_wording(entity['name'])}"


def merge_entities(
    chronologies: Sequence[Record], corrections: Iterable[Correction] = ()
) -> tuple[list[CorpusEntity], dict[tuple[int, str], str]]:
    """Corpus entities and the map (chronology index, entity id) -> corpus entity id."""
    items = [_Item(i, e) for i, chron in enumerate(chronologies) for e in chron.get("entities", [])]
    keys = [entity_key(item.entity) for item in items]
    clusters = Clusters(len(items))
    merges: list[tuple[int, int, Record]] = []

    def join(a: int, b: int, rule: str, value: str, force: bool = False) -> None:
        if clusters.union(a, b, force=force):
            merges.append((a, b, {"rule": rule, "a": keys[a], "b": keys[b], "value": value}))

    by_key = defaultdict(list)
    for index, key in enumerate(keys):
        by_key[key].append(index)
    joins = [c for c in corrections if c.kind == "entity"]
    for c in joins:
        if c.action == "split":
            for a in by_key.get(c.a, []):
                for b in by_key.get(c.b, []):
                    clusters.forbid(a, b)
    for c in joins:
        if c.action == "join" and by_key.get(c.a) and by_key.get(c.b):
            join(by_key[c.a][0], by_key[c.b][0], "forced", f"correction {c.id}" if c.id else "correction", force=True)
    for rule, index in (("same_place", _place_index(items)), ("same_name", _name_index(items))):
        for value, members in index.items():
            for other in members[1:]:
                join(members[0], other, rule, value[-1])
    _head_words(items, clusters, join)
    hashes = {(i, d["id"]): d.get("sha256", "") for i, chron in enumerate(chronologies) for d in chron.get("documents", [])}
    return _corpus_entities(items, keys, clusters, merges, hashes)


def _place_index(items: list[_Item]) -> dict[tuple[str, ...], list[int]]:
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        if item.geo and item.entity["type"] == "LOCATION":
            index[(item.geo,)].append(i)
    return index


def _name_index(items: list[_Item]) -> dict[tuple[str, ...], list[int]]:
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        for name in dict.fromkeys(item.names):
            index[(item.entity["type"], name)].append(i)
    return index


def _head_words(items: list[_Item], clusters: Clusters, join) -> None:
    """Join a one-word name to the one cluster of longer names ending in that word, if only one."""
    longer: dict[tuple[str, str], set[int]] = defaultdict(set)
    for i, item in enumerate(items):
        if item.entity["type"] in _HEAD_WORD_TYPES:
            for name in item.names:
                if " " in name:
                    longer[(item.entity["type"], name.rsplit(" ", 1)[1])].add(i)
    for i, item in enumerate(items):
        if item.entity["type"] not in _HEAD_WORD_TYPES:
            continue
        for name in item.names:
            if " " in name:
                continue
            candidates = longer.get((item.entity["type"], name), set())
            roots = {clusters.find(c) for c in candidates}
            if len(roots) == 1:
                join(next(iter(candidates)), i, "head_word", name)


def _corpus_entities(
    items: list[_Item], keys: list[str], clusters: Clusters, merges: list[tuple[int, int, Record]],
    hashes: dict[tuple[int, str], str],
) -> tuple[list[CorpusEntity], dict[tuple[int, str], str]]:
    groups = clusters.clusters()
    root_id = {clusters.find(members[0]): f"CE{n}" for n, members in enumerate(groups, 1)}
    by_root: dict[int, list[Record]] = defaultdict(list)
    for a, _, merge in merges:
        by_root[clusters.find(a)].append(merge)
    entities, mapping = [], {}
    for members in groups:
        root = clusters.find(members[0])
        chosen = max(members, key=lambda m: (len(items[m].entity.get("mentions", [])), len(items[m].entity["name"]), -m))
        head = items[chosen].entity
        names = dict.fromkeys(n for m in members for n in [items[m].entity["name"], *items[m].entity.get("aliases", [])])
        names.pop(head["name"], None)
        entity = CorpusEntity(
            id=root_id[root],
            type=head["type"],
            subtype=head.get("subtype") or next((items[m].entity.get("subtype") for m in members if items[m].entity.get("subtype")), None),
            name=head["name"],
            aliases=[n for n in names if fold_wording(n) != fold_wording(head["name"])],
            members=[
                {"entity": items[m].entity["id"], "key": keys[m],
                 "docs": sorted({x["doc"] for x in items[m].entity.get("mentions", [])}),
                 "sha256": sorted({hashes.get((items[m].source, x["doc"]), "") for x in items[m].entity.get("mentions", [])})}
                for m in members
            ],
            geo=next((items[m].geo for m in members if items[m].geo), None),
            merges=by_root.get(root, []),
        )
        entities.append(entity)
        for m in members:
            mapping[(items[m].source, items[m].entity["id"])] = entity.id
    return entities, mapping
