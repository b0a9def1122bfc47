"""Candidate arguments of an event and the features the argument linker scores them by.

Shared by the roles stage (`stages/roles.py`) and its training recipe (`train/links/`), so
that what the model learnt from is exactly what it is applied to. An event is given by the
token of its trigger's head; its candidates are the time expressions and the entity mentions
(nested ones and pronouns resolved to an entity included) of its sentence.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from ..doc import Doc
from ..index import of as index_of, tokens_overlapping, tree
from ..syntax_tree import ancestors, case_of, highest_head, preposition

TIME, PLACE, PARTICIPANT = "time", "place", "participant"
KINDS = (TIME, PLACE, PARTICIPANT)


@dataclass(slots=True)
class Candidate:
    """A span that may be an argument of an event: a timex (`ref` its id) or a mention
    (`ref` its entity id, `mention` its index in `Doc.mentions`)."""

    start: int
    end: int
    head: int  # token index of the span's syntactic head
    ref: str
    type: str
    subtype: str | None = None
    mention: int | None = None
    source: str = "timex"


def span_tokens(doc: Doc, start: int, end: int, starts: list[int] | None = None) -> list[int]:
    """`index.tokens_overlapping`, under the name `train/links/train.py` still imports."""
    return tokens_overlapping(doc, start, end)


span_head = highest_head  # the name `train/links/train.py` still imports


class SentenceIndex:
    """Per-document lookups the candidates and features need, built once."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.starts = index_of(doc).starts
        self.tree = tree(doc)
        self.candidates: dict[int, list[Candidate]] = {}
        for candidate in self._all_candidates():
            sentence = doc.tokens[candidate.head].sent
            self.candidates.setdefault(sentence, []).append(candidate)
        self.nested = _nested({(m.start, m.end) for m in doc.mentions})
        self._punct: list[int] | None = None
        self._verbs: list[int] | None = None
        # What the features of one sentence's pairs share, kept for the sentence at hand only:
        # tree distances, and the sorted distances that `closer`, `rank` and `rank_lin` count in.
        self._sentence = -1
        self._distance: dict[tuple[int, int], int] = {}
        self._sorted: dict[tuple[str, int, int], tuple[object, list[int] | Counter[int]]] = {}

    def _for_sentence(self, sentence: int) -> None:
        if sentence != self._sentence:
            self._sentence = sentence
            self._distance.clear()
            self._sorted.clear()

    def distance(self, a: int, b: int) -> int:
        """The tree distance from token `a` to token `b` (99 without a common head)."""
        key = (a, b)
        found = self._distance.get(key)
        if found is None:
            found = self._distance[key] = _tree_distance(self.doc, a, b)
        return found

    def _kept(self, name: str, owner: list, at: int, make) -> list[int] | Counter[int]:
        # `owner` (a list of the sentence's events or rivals) is kept with what is made from
        # it, so its id stays its own while the entry lives
        key = (name, id(owner), at)
        found = self._sorted.get(key)
        if found is None or found[0] is not owner:
            found = self._sorted[key] = (owner, make())
        return found[1]

    def closer(self, sentence: int, others: list[int], head: int, tree: int) -> int:
        """How many of `others` are fewer than `tree` tree steps from `head`."""
        self._for_sentence(sentence)
        dists = self._kept("closer", others, head, lambda: sorted(self.distance(o, head) for o in others))
        return bisect_left(dists, tree)

    def on_path(self, sentence: int, others: list[int], path: set[int], event: int) -> int:
        """How many of `others` (with their repeats) other than `event` lie on `path`."""
        self._for_sentence(sentence)
        counts = self._kept("count", others, 0, lambda: Counter(others))
        return sum(counts[o] for o in path if o != event)

    def rank(self, sentence: int, rivals: list[Candidate], event: int, tree: int) -> int:
        """How many `rivals` are fewer than `tree` tree steps from `event`."""
        self._for_sentence(sentence)
        dists = self._kept("rank", rivals, event, lambda: sorted(self.distance(event, r.head) for r in rivals))
        return bisect_left(dists, tree)

    def rank_linear(self, sentence: int, rivals: list[Candidate], event: int, linear: int) -> int:
        """How many `rivals` are fewer than `linear` tokens from `event`."""
        self._for_sentence(sentence)
        dists = self._kept("rank_lin", rivals, event, lambda: sorted(abs(r.head - event) for r in rivals))
        return bisect_left(dists, linear)

    def between(self, a: int, b: int) -> tuple[int, int]:
        """Punctuation marks and verbs among the tokens strictly between tokens `a` < `b`."""
        if self._punct is None:
            punct, verbs = [0], [0]
            for token in self.doc.tokens:
                punct.append(punct[-1] + (token.pos == "PUNCT"))
                verbs.append(verbs[-1] + (token.pos == "VERB"))
            self._punct, self._verbs = punct, verbs
        if b <= a + 1:
            return 0, 0
        return self._punct[b] - self._punct[a + 1], self._verbs[b] - self._verbs[a + 1]

    def kids_of(self, sentence: int) -> dict[int, list[int]]:
        return self.tree.of_sentence(sentence)

    def _all_candidates(self) -> list[Candidate]:
        doc, found = self.doc, []
        for timex in doc.timexes:
            head = highest_head(doc, tokens_overlapping(doc, timex.start, timex.end))
            if head is not None:
                found.append(Candidate(timex.start, timex.end, head, timex.id, timex.type, timex.anchor))
        for index, mention in enumerate(doc.mentions):
            if mention.entity is None:
                continue
            head = highest_head(doc, tokens_overlapping(doc, mention.start, mention.end))
            if head is not None:
                found.append(
                    Candidate(mention.start, mention.end, head, mention.entity, mention.type, mention.subtype, index, mention.source)
                )
        return found

    def of_kind(self, sentence: int, kind: str) -> list[Candidate]:
        """Timexes for the time link, entity mentions for places and participants."""
        wanted_timex = kind == TIME
        return [c for c in self.candidates.get(sentence, []) if (c.mention is None) == wanted_timex]


def _nested(spans: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """The spans that lie inside another one («США» in «президент США»)."""
    nested, reach = set(), -1
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if end <= reach:
            nested.add((start, end))
        reach = max(reach, end)
    return nested


def _bucket(value: int, edges: tuple[int, ...] = (0, 1, 2, 3, 5, 8, 12, 20)) -> str:
    for edge in edges:
        if value <= edge:
            return str(edge)
    return f">{edges[-1]}"


def _path(doc: Doc, event: int, arg: int) -> tuple[list[str], list[str], int | None]:
    """Relations going up from the argument to the common head, and down to the event."""
    up_event = [event, *ancestors(doc, event)]
    depth = {node: d for d, node in enumerate(up_event)}
    rels_up: list[str] = []
    node: int | None = arg
    for _ in range(64):
        if node is None or node < 0:
            return rels_up, [], None
        if node in depth:
            down = [doc.tokens[n].rel.split(":")[0] for n in reversed(up_event[: depth[node]])]
            return rels_up, down, node
        rels_up.append(doc.tokens[node].rel.split(":")[0])
        node = doc.tokens[node].head
    return rels_up, [], None


def tree_path_nodes(doc: Doc, event: int, arg: int) -> list[int]:
    """Tokens strictly between the event and the argument on the tree path."""
    up_event = [event, *ancestors(doc, event)]
    depth = {node: d for d, node in enumerate(up_event)}
    nodes: list[int] = []
    node = doc.tokens[arg].head
    for _ in range(64):
        if node < 0:
            return []
        if node in depth:
            return nodes + ([node] if node != event else []) + up_event[1 : depth[node]]
        nodes.append(node)
        node = doc.tokens[node].head
    return []


def features(
    doc: Doc, index: SentenceIndex, event: int, candidate: Candidate, others: list[int], rivals: list[Candidate]
) -> list[str]:
    """Feature names of (event head token, candidate); `others` are the heads of the other
    events of the sentence, `rivals` the candidates of the same kind in it."""
    tokens = doc.tokens
    trigger, arg = tokens[event], tokens[candidate.head]
    sentence = trigger.sent
    kids = index.kids_of(sentence)
    up, down, common = _path(doc, event, candidate.head)
    inside = candidate.start <= trigger.start < candidate.end
    linear = candidate.head - event
    tree = len(up) + len(down) if common is not None else 99
    path = "↑".join(up) + "|" + "↓".join(down)
    prep = preposition(doc, kids, candidate.head)
    case = case_of(arg)
    kind = candidate.type if candidate.subtype is None or candidate.mention is None else f"{candidate.type}/{candidate.subtype}"
    t_pos = trigger.pos + ("/" + trigger.feats.get("VerbForm", "") if trigger.pos == "VERB" else "")
    low, high = min(event, candidate.head), max(event, candidate.head)
    punct_between, verbs_between = index.between(low, high)
    on_path = set(tree_path_nodes(doc, event, candidate.head)) if common is not None else set()
    # a count over every other event or rival, for every pair, made a lookup: the same
    # numbers in time linear in the pairs (the event itself and the candidate itself are
    # exactly `tree` and `|linear|` away, so "fewer than" leaves them out)
    closer = index.closer(sentence, others, candidate.head, tree)
    rank = index.rank(sentence, rivals, event, tree)
    rank_lin = index.rank_linear(sentence, rivals, event, abs(linear))
    f = [
        "bias",
        f"type={kind}",
        f"type0={candidate.type}",
        f"src={candidate.source}",
        f"tpos={t_pos}",
        f"trel={trigger.rel.split(':')[0]}",
        f"voice={trigger.feats.get('Voice', '')}",
        f"lin={'-' if linear < 0 else '+'}{_bucket(abs(linear))}",
        f"tree={_bucket(tree)}",
        f"path={path if len(up) + len(down) <= 4 else 'long'}",
        f"up={up[0] if up else ''}",
        f"prep={prep}",
        f"case={case}",
        f"prep_case={prep}_{case}",
        f"apos={arg.pos}",
        f"closer={min(closer, 3)}",
        f"on_path={min(index.on_path(sentence, others, on_path, event), 2)}",
        f"rank={min(rank, 3)}",
        f"rank_lin={min(rank_lin, 3)}",
        f"punct={min(punct_between, 3)}",
        f"verbs_between={min(verbs_between, 2)}",
        f"common={'event' if common == event else 'arg' if common == candidate.head else tokens[common].pos if common is not None else 'none'}",
        f"nested={(candidate.start, candidate.end) in index.nested}",
        f"inside={inside}",
        f"path_type={path if tree <= 3 else 'long'}_{candidate.type}",
        f"path_tpos={path if tree <= 3 else 'long'}_{t_pos}",
        f"prep_case_type={prep}_{case}_{candidate.type}",
        f"up_tpos={up[0] if up else ''}_{t_pos}",
        f"closer_tree={min(closer, 2)}_{_bucket(tree)}",
        f"rank_type={min(rank, 2)}_{candidate.type}",
        f"lin_type={'-' if linear < 0 else '+'}{_bucket(abs(linear))}_{candidate.type}",
        f"newline={min(doc.text.count(chr(10), min(trigger.start, candidate.start), max(trigger.end, candidate.end)), 2)}",
        f"first={candidate.head == doc.sentences[sentence].first or tokens[candidate.head - 1].pos == 'PUNCT' and candidate.start < trigger.start}",
        f"tlemma={trigger.lemma}",
        f"governor={tokens[arg.head].lemma if arg.head >= 0 and arg.head != event else ''}",
        f"tlemma_type={trigger.lemma}_{candidate.type}",
        f"rivals={min(len(rivals), 4)}",
        f"rivals_rank={min(len(rivals), 3)}_{min(rank, 2)}",
        f"events={min(len(others), 4)}_{min(closer, 2)}",
        f"tlemma_path={trigger.lemma}_{path if tree <= 2 else 'long'}",
    ]
    if arg.head in others and arg.head != event:  # the argument of another event
        f.append(f"gov_other={arg.rel}")
        f.append(f"gov_other_chain={arg.rel}_{trigger.rel.split(':')[0]}_{common == arg.head}")
    if candidate.mention is None:
        f.append(f"anchor={candidate.subtype}")
        f.append(f"ttext0={doc.text[candidate.start:candidate.end].split()[0].lower() if doc.text[candidate.start:candidate.end].split() else ''}")
    return f


def _tree_distance(doc: Doc, a: int, b: int) -> int:
    up, down, common = _path(doc, a, b)
    return len(up) + len(down) if common is not None else 99
