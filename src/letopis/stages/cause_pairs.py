"""Causes inside one sentence, scored by a small logistic model.

The effect is one of our events; the cause is another event of the sentence, or a noun
that names no event of ours (a disease, a crime: «умер от сердечного приступа»,
«арестован за мошенничество»). Each (effect, cause word) pair is described by sparse
features: the dependency path between the two words, the preposition or connective that
introduces the cause («от ранений», «в результате взрыва», «в результате чего», «после
того как»), the lemmas, event types and the cause word's class (`cause_words.tsv`), and
the function words between them. Weights and thresholds are learnt on NEREL train
(`train/causes/`) and ship in `data/relations/causes.json`; inference is a dot product.
Every cause keeps as evidence the words that mark it, or the stretch between the two
words when nothing marks it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..doc import Doc, Event
from ..lang.ru import relations as lex
from ..models.linear import Linear, path, read
from ..syntax_tree import ancestors

WEIGHTS = "relations/causes.json"
CAUSE_WORDS = path("relations/cause_words.tsv")  # lemma -> DISEASE, CRIME or LAW, learnt on NEREL train
MAX_PATH = 4  # dependency edges; longer paths are one feature
# Tokens between an effect and a cause word: in NEREL train all but one of the causes found
# in the same sentence are nearer; the bound keeps a run-on sentence linear.
MAX_DISTANCE = 30
FUNCTION_POS = {"ADP", "SCONJ", "CCONJ", "ADV", "PRON", "PART", "DET"}


def _rel(doc: Doc, index: int) -> str:
    return doc.tokens[index].rel.split(":")[0]


def dependency_path(doc: Doc, cause: int, effect: int) -> str:
    """Relations from the cause up to the common head, then down to the effect:
    «obl<» is the cause as an oblique of the effect, «>acl» the effect as a clause
    attached to the cause («взрыв, в результате которого погибли»)."""
    # Each word and its heads up to the root; 63 heads at most, so a parser's cycle is cut.
    up_c, up_e = [cause, *ancestors(doc, cause, limit=63)], [effect, *ancestors(doc, effect, limit=63)]
    position = {node: depth for depth, node in enumerate(up_c)}
    for depth_e, node in enumerate(up_e):
        if node in position:
            rising = [_rel(doc, i) for i in up_c[: position[node]]]
            falling = [_rel(doc, i) for i in reversed(up_e[:depth_e])]
            if len(rising) + len(falling) > MAX_PATH:
                return "long"
            return "".join(r + "<" for r in rising) + "".join(">" + r for r in falling)
    return "none"


def _marker(doc: Doc, kids: dict[int, list[int]], index: int, rel: str) -> tuple[str, int, int]:
    """The child of `index` in relation `rel` with its fixed parts, as (text, start, end);
    ('', -1, -1) without one."""
    for child in kids.get(index, ()):
        if doc.tokens[child].rel == rel:
            parts = [child, *(k for k in kids.get(child, ()) if doc.tokens[k].rel == "fixed")]
            words = " ".join(doc.tokens[k].text.lower() for k in sorted(parts))
            return words, doc.tokens[min(parts)].start, doc.tokens[max(parts)].end
    return "", -1, -1


def case_marker(doc: Doc, kids: dict[int, list[int]], index: int) -> tuple[str, int, int]:
    """The preposition of a noun with its fixed parts («в результате», «по обвинению в»
    is «по» on the head noun), as (text, start, end); ('', -1, -1) without one."""
    return _marker(doc, kids, index, "case")


def clause_marker(doc: Doc, kids: dict[int, list[int]], index: int) -> tuple[str, int, int]:
    """The subordinating word of the clause a verb heads («после того как», «так как»,
    «поскольку»), as (text, start, end); ('', -1, -1) without one."""
    return _marker(doc, kids, index, "mark")


def frame_marker(doc: Doc, kids: dict[int, list[int]], index: int) -> tuple[str, int, int]:
    """A cause word without a preposition of its own that depends on a noun with one:
    «в результате взрыва», «по факту убийства», «в ходе нападения». Gives the
    preposition with that noun's lemma, and the span from the preposition to the word."""
    token = doc.tokens[index]
    if token.head < 0 or token.rel.split(":")[0] != "nmod" or doc.tokens[token.head].pos != "NOUN":
        return "", -1, -1
    words, start, _ = case_marker(doc, kids, token.head)
    if not words:
        return "", -1, -1
    return f"{words} {doc.tokens[token.head].lemma}", start, token.end


def _relative_word(doc: Doc, index: int) -> bool:
    token = doc.tokens[index]
    return token.lemma in lex.RELATIVE_PRONOUNS and token.pos in {"PRON", "DET"}


def _relative_phrase(doc: Doc, kids: dict[int, list[int]], index: int) -> tuple[str, int, int]:
    """«после чего», «из-за которого», «в результате чего»: a relative word with its
    preposition (or the noun with a preposition it depends on) among the dependents of
    a clause's verb."""
    for child in kids.get(index, ()):
        if _relative_word(doc, child):
            words, start, _ = case_marker(doc, kids, child)
            if words:
                return f"{words} {doc.tokens[child].lemma}", start, doc.tokens[child].end
        elif doc.tokens[child].pos == "NOUN":
            pronouns = [k for k in kids.get(child, ()) if _relative_word(doc, k) and k > child]
            words, start, _ = case_marker(doc, kids, child)
            if pronouns and words:
                pronoun = doc.tokens[pronouns[0]]
                return f"{words} {doc.tokens[child].lemma} {pronoun.lemma}", start, pronoun.end
    return "", -1, -1


def _bucket(distance: int) -> str:
    for limit in (1, 2, 3, 5, 8, 12):
        if distance <= limit:
            return str(limit)
    return "far"


def _before(doc: Doc, index: int, first: int, count: int) -> str:
    return " ".join(doc.tokens[i].text.lower() for i in range(max(first, index - count), index))


@lru_cache(maxsize=1)
def cause_words() -> dict[str, str]:
    """Lemmas that name diseases, crimes and laws (`train/causes/lexicon.py`)."""
    if not CAUSE_WORDS.exists():
        return {}
    rows = (line.split("\t") for line in CAUSE_WORDS.read_text(encoding="utf-8").splitlines())
    return {row[0]: row[1] for row in rows if len(row) > 1 and not row[0].startswith("#")}


def _lemma_class(doc: Doc, index: int, event: Event | None) -> str:
    if event is not None:
        return f"event:{event.type}"
    token = doc.tokens[index]
    return f"word:{cause_words().get(token.lemma, token.pos)}"


def mention_types(doc: Doc) -> dict[int, str]:
    """Character offset -> type of the entity mention starting there (a place, a person ...)."""
    covered: dict[int, str] = {}
    for mention in doc.mentions:
        covered.setdefault(mention.start, mention.type)
    return covered


def features(
    doc: Doc, kids: dict[int, list[int]], effect: Event, cause: int, cause_event: Event | None,
    heads: frozenset[int], mentions: dict[int, str] | None = None,
) -> list[str]:
    """Sparse features of «the word at `cause` (the trigger of `cause_event`, or a word
    that names no event of ours: a disease, a crime) caused `effect`», both in one
    sentence; `heads` are the trigger heads of the sentence's events, `mentions` the
    types of the entity mentions by their first character."""
    e, c = effect.head, cause
    te, tc = doc.tokens[e], doc.tokens[c]
    first = doc.sentences[effect.sentence].first
    lo, hi = min(e, c), max(e, c)
    path = dependency_path(doc, c, e)
    prep = case_marker(doc, kids, c)[0] or frame_marker(doc, kids, c)[0]
    mark = clause_marker(doc, kids, c)[0]
    relative = _relative_phrase(doc, kids, e)[0] if c < e else ""
    side = "cb" if c < e else "ca"
    kind = _lemma_class(doc, c, cause_event)
    events_between = sum(1 for i in range(lo + 1, hi) if i in heads)
    feats = [
        "bias",
        f"kind:{kind}",
        f"side:{side}",
        f"dist:{_bucket(hi - lo)}",
        f"path:{path}",
        f"path_side:{path}|{side}",
        f"path_kind:{path}|{cause_event is not None}",
        f"crel:{_rel(doc, c)}",
        f"erel:{_rel(doc, e)}",
        f"pos:{te.pos}|{tc.pos}",
        f"elem:{te.lemma}",
        f"clem:{tc.lemma}",
        f"etype:{effect.type}",
        f"types:{effect.type}|{kind}",
        f"cprep:{prep}",
        f"cprep_kind:{prep}|{cause_event is not None}",
        f"cprep_path:{prep}|{path}",
        f"elem_cprep:{te.lemma}|{prep}",
        f"etype_cprep:{effect.type}|{prep}",
        f"cmark:{mark}",
        f"cmark_path:{mark}|{path}",
        f"rel_phrase:{relative}",
        f"between_events:{min(events_between, 2)}",
        f"cprev2:{_before(doc, c, first, 2)}",
        f"cprev1:{_before(doc, c, first, 1)}",
        f"efact:{effect.factuality}",
        f"kind_prep:{kind}|{prep}",
        f"etype_kind:{effect.type}|{kind}|{prep}",
        f"cshape:{'short' if len(tc.text) <= 3 else 'cap' if tc.text[:1].isupper() and c > first else 'word'}",
    ]
    mention = mentions.get(tc.start) if mentions is not None else None
    if mention:
        feats.append(f"cmention:{mention}")
    if cause_event is not None:
        feats.append(f"cfact:{cause_event.factuality}")
    if path in {"obl<", "nmod<"}:
        feats.append(f"elem_path_prep:{te.lemma}|{path}|{prep}")
        feats.append(f"clem_prep:{tc.lemma}|{prep}")
    lemmas = [doc.tokens[i].lemma for i in range(lo + 1, hi) if doc.tokens[i].pos in FUNCTION_POS]
    feats += [f"btw:{lemma}|{side}" for lemma in set(lemmas)]
    feats += [f"btw2:{a}_{b}" for a, b in set(zip(lemmas, lemmas[1:]))]
    return feats


CAUSE_WORD_POS = {"NOUN", "PROPN"}  # words that may name a cause which is not one of our events
# What did not happen causes nothing: an intended, failed, negated or hypothetical event
# («призывающие к битве», «просил о переброске») is no cause.
CAUSE_FACTUALITY = {"actual", "uncertain"}


def candidates(doc: Doc, sentence: int, events: list[Event]) -> Iterator[tuple[int, Event | None]]:
    """The words of a sentence that may name a cause: the trigger head of every event
    that happened (or may have), and every noun that is no event's trigger («умер от
    рака», «арестован за мошенничество»)."""
    owner = {e.head: e for e in events}
    sent = doc.sentences[sentence]
    for index in range(sent.first, sent.last):
        if index in owner:
            if owner[index].factuality in CAUSE_FACTUALITY:
                yield index, owner[index]
        elif doc.tokens[index].pos in CAUSE_WORD_POS:
            yield index, None


def excluded(doc: Doc, effect: Event, cause: int) -> bool:
    """The effect itself, words too far from it, and what the effect acts on, which is not
    its cause: its direct object («подавить сопротивление») and the noun a passive
    participle describes («листовки, распространяемые комитетом»)."""
    token, trigger = doc.tokens[cause], doc.tokens[effect.head]
    if cause == effect.head or abs(cause - effect.head) > MAX_DISTANCE:
        return True
    if token.head == effect.head and token.rel.split(":")[0] == "obj":
        return True
    return (
        trigger.head == cause
        and trigger.feats.get("VerbForm") == "Part"
        and trigger.feats.get("Voice") == "Pass"
    )


def phrase(doc: Doc, kids: dict[int, list[int]], index: int) -> tuple[int, int]:
    """The noun phrase a cause word heads, without its preposition and without clauses
    or commas («тяжёлой формой пневмонии», «сердечного приступа»)."""
    keep = {index}
    stack = [index]
    while stack:
        for child in kids.get(stack.pop(), ()):
            rel = doc.tokens[child].rel.split(":")[0]
            if rel in {"amod", "nmod", "det", "nummod", "flat", "compound", "fixed"} and child not in keep:
                keep.add(child)
                stack.append(child)
    run = [index]
    for step in (-1, 1):  # the contiguous stretch around the word
        i = index + step
        while i in keep:
            run.append(i)
            i += step
    return doc.tokens[min(run)].start, doc.tokens[max(run)].end


def evidence(doc: Doc, kids: dict[int, list[int]], effect: Event, cause: int) -> tuple[int, int]:
    """The words that mark the cause: its preposition with the cause word («от ранений»,
    «в результате взрыва»), the connective of its clause («после того как»), the relative phrase that opens the
    effect's clause («в результате чего»); else the stretch from one word to the other."""
    words, start, _ = case_marker(doc, kids, cause)
    if words:
        return start, doc.tokens[cause].end
    words, start, end = frame_marker(doc, kids, cause)
    if words:
        return start, end
    words, start, end = clause_marker(doc, kids, cause)
    if words:
        return start, end
    if cause < effect.head:
        words, start, end = _relative_phrase(doc, kids, effect.head)
        if words:
            return start, end
    lo, hi = sorted((doc.tokens[cause], doc.tokens[effect.head]), key=lambda t: t.start)
    return lo.start, max(lo.end, hi.end)


class CauseModel:
    """Logistic weights over pair features, with the thresholds chosen on held-out train:
    one for causes that are events, one for causes named by a word that is no event."""

    def __init__(self, linear: Linear, threshold: float, word_threshold: float):
        self.linear = linear
        self.threshold = threshold
        self.word_threshold = word_threshold

    def probability(self, feats: list[str]) -> float:
        return self.linear.probability(set(feats))  # a feature counts once


@lru_cache(maxsize=1)
def model() -> CauseModel | None:
    """The shipped model, or None when the weights are missing (relations then come
    from the rules alone)."""
    data = read(WEIGHTS)
    if data is None:
        return None
    return CauseModel(Linear(data["weights"]), data["threshold"], data["word_threshold"])


@dataclass(slots=True)
class Found:
    """A cause the model found for `effect`: another event, or a phrase naming no event."""

    effect: Event
    cause: Event | None
    word: int  # token index of the cause word
    span: tuple[int, int]  # the cause's trigger, or the phrase the word heads
    evidence: tuple[int, int]
    probability: float


def best_causes(
    doc: Doc, sentence: int, kids: dict[int, list[int]], events: list[Event], scorer: CauseModel,
    mentions: dict[int, str],
) -> list[Found]:
    """For each event of a sentence its most likely cause among the other events, and its
    most likely cause named by a word that is no event, each when the model is sure enough.
    `mentions` is `mention_types(doc)`, computed once per document."""
    heads = frozenset(e.head for e in events)
    words = list(candidates(doc, sentence, events))
    positions = [index for index, _ in words]
    found = []
    for effect in events:
        best: dict[bool, tuple[float, int, Event | None]] = {}
        near = slice(bisect_left(positions, effect.head - MAX_DISTANCE), bisect_right(positions, effect.head + MAX_DISTANCE))
        for index, cause_event in words[near]:
            if cause_event is effect or excluded(doc, effect, index):
                continue
            p = scorer.probability(features(doc, kids, effect, index, cause_event, heads, mentions))
            is_event = cause_event is not None
            if is_event not in best or p > best[is_event][0]:
                best[is_event] = (p, index, cause_event)
        for is_event, (p, index, cause_event) in best.items():
            if p < (scorer.threshold if is_event else scorer.word_threshold):
                continue
            span = (cause_event.trigger.start, cause_event.trigger.end) if cause_event else phrase(doc, kids, index)
            found.append(Found(effect, cause_event, index, span, evidence(doc, kids, effect, index), p))
    return found
