"""Corpus entities: the entities of many chronologies merged by `letopis.identity`'s rule.

A user's join (`letopis merge --force`) comes first and is recorded as rule `forced`; a
user's split (`letopis merge --undo`) forbids a merge by any rule. Every other merge is
`letopis.identity`'s (`same_place`, `same_name`, `name_suffix`, `name_prefix`, `head_word`,
`acronym`), recorded on the corpus entity with the two stable keys and the id or name it
rests on (`CorpusEntity.merges`). Entities of one chronology are never merged here: the
chronology has already told them apart.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..clusters import Clusters
from ..fold import fold_wording
from ..identity import Identities, Named
from .model import Correction, CorpusEntity, Record


def _document(source: int, entity: Record) -> tuple:
    """The document an entity belongs to, for "never two entities of one document": the
    chronology index with its one document id. The store gives one chronology of every
    document, so the chronology index alone would keep all of its entities apart; an entity
    the store already joined across documents stands alone (its own key)."""
    docs = sorted({m["doc"] for m in entity.get("mentions", []) if m.get("doc")})
    return (source, docs[0]) if len(docs) == 1 else (source, "entity", entity["id"])


def _named(source: int, entity: Record) -> Named:
    geo = ((entity.get("attributes") or {}).get("geo") or {}).get("id")
    ref = (entity.get("attributes") or {}).get("ref")
    return Named(entity["type"], entity["name"], tuple(a for a in entity.get("aliases", []) if a), geo or None,
                 _document(source, entity), ref if isinstance(ref, str) and ref else None)


def entity_key(entity: Record) -> str:
    """The stable key of an entity: type and folded name («LOCATION:прага»)."""
    return f"{entity['type']}:{fold_wording(entity['name'])}"


def merge_entities(
    chronologies: Sequence[Record], corrections: Iterable[Correction] = ()
) -> tuple[list[CorpusEntity], dict[tuple[int, str], str]]:
    """Corpus entities and the map (chronology index, entity id) -> corpus entity id."""
    entities = [(i, e) for i, chron in enumerate(chronologies) for e in chron.get("entities", [])]
    items = [_named(i, e) for i, e in entities]
    keys = [entity_key(e) for _, e in entities]
    clusters = Clusters(len(items), groups=[item.source for item in items])
    merges: list[tuple[int, int, Record]] = []
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
            a, b = by_key[c.a][0], by_key[c.b][0]
            if clusters.union(a, b, force=True):
                merges.append((a, b, {"rule": "forced", "a": keys[a], "b": keys[b],
                                      "value": f"correction {c.id}" if c.id else "correction"}))
    identities = Identities(items, clusters)
    identities.run()
    merges += [(j.a, j.b, {"rule": j.rule, "a": keys[j.a], "b": keys[j.b], "value": j.value}) for j in identities.joins]
    hashes = {(i, d["id"]): d.get("sha256", "") for i, chron in enumerate(chronologies) for d in chron.get("documents", [])}
    return _corpus_entities([_Item(i, e) for i, e in entities], keys, clusters, merges, hashes)


class _Item:
    __slots__ = ("source", "entity", "geo")

    def __init__(self, source: int, entity: Record):
        self.source, self.entity = source, entity
        self.geo = ((entity.get("attributes") or {}).get("geo") or {}).get("id")


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
