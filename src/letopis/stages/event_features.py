"""The event trigger classifier: features of a candidate word and a logistic model over them.

A lexicon says which lemmas name events; it cannot say that «выборы» in «выборы прошли» is an
event while «выбор» in «сделал выбор» is not, that a participle heading a clause reports
something that happened, or that an unknown deverbal noun in «-ние» governing a person and a
date probably names an event. The model weighs the lemma's event rate in NEREL train (smoothed
towards its part of speech) together with the word's form, its place in the parse and what it
governs (names, dates, negation).

The weights (`src/letopis/data/events/trigger_model.json`) and the lemma counts
(`src/letopis/data/events/lemma_rates.tsv`) are made by `train/events/classifier.py` from
NEREL train only; the threshold was chosen on a held-out part of train.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..doc import Doc
from ..lang.ru import events as lex
from ..models.linear import Linear, path, read

# Parts of speech a trigger may have: verbs with their participles and gerunds, nouns, and
# the names and adjectives that head multiword event names («Олимпийских игр»).
CANDIDATE_POS = {"VERB", "NOUN", "PROPN", "ADJ"}
# Pseudo-count of the smoothing: a lemma seen twice is pulled halfway towards its POS rate.
SMOOTHING = 2.0
RATE_BINS = (0.02, 0.05, 0.1, 0.2, 0.3, 0.45, 0.6, 0.75, 0.9)
SUFFIXES = ("ние", "ение", "тие", "ция", "ство", "ка", "ба", "ие", "ок", "ор", "ст", "ия", "ад", "ыв")
LEXICON_TYPE = lex.HAND_TYPE


@dataclass
class Counts:
    """How often a lemma with a part of speech occurs in NEREL train, and how often in an event."""

    events: int = 0
    seen: int = 0


def rate(counts: Counts | None, prior: float) -> float:
    """The smoothed event rate: a lemma never seen gets the rate of its part of speech."""
    events, seen = (counts.events, counts.seen) if counts else (0, 0)
    return (events + SMOOTHING * prior) / (seen + SMOOTHING)


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


class Context:
    """What the features read about one analysed document: names and dates by token."""

    def __init__(self, doc: Doc):
        self.doc = doc
        starts = [token.start for token in doc.tokens]
        self.mention_type: dict[int, str] = {}
        for mention in sorted(doc.mentions, key=lambda m: m.start - m.end):  # the longest wins
            for t in _token_range(doc, starts, mention.start, mention.end):
                self.mention_type.setdefault(t, mention.type)
        self.in_timex: set[int] = set()
        for timex in doc.timexes:
            self.in_timex.update(_token_range(doc, starts, timex.start, timex.end))
        # How often each lemma came before: the first mention of an event is the one annotated
        # and dated, later ones tend to refer back («теракт ... после теракта»).
        self.earlier: list[int] = []
        seen: dict[str, int] = {}
        for token in doc.tokens:
            self.earlier.append(seen.get(token.lemma, 0))
            seen[token.lemma] = seen.get(token.lemma, 0) + 1


def _token_range(doc: Doc, starts: list[int], start: int, end: int) -> range:
    first = max(bisect_right(starts, start) - 1, 0)
    if first < len(doc.tokens) and doc.tokens[first].end <= start:
        first += 1
    last = first
    while last < len(doc.tokens) and doc.tokens[last].start < end:
        last += 1
    return range(first, last)


Rates = dict[tuple[str, str], Counts]


def features(ctx: Context, kids: dict[int, list[int]], index: int, rates: Rates, priors: dict[str, float]) -> dict[str, float]:
    """Sparse features of token `index` as a candidate trigger (names -> values)."""
    doc = ctx.doc
    token = doc.tokens[index]
    pos = token.pos
    form = token.feats.get("VerbForm", "")
    tag = f"{pos}{'.' + form if form else ''}"
    r = rate(rates.get((token.lemma, pos)), priors.get(pos, 0.01))
    counts = rates.get((token.lemma, pos))
    seen = counts.seen if counts else 0
    f: dict[str, float] = {"bias": 1.0, f"tag={tag}": 1.0, "logit_rate": _logit(r), f"logit_rate|{pos}": _logit(r)}
    f["log_seen"] = math.log1p(seen)
    f[f"rate_bin={bisect_right(RATE_BINS, r)}"] = 1.0
    f[f"rate_bin={bisect_right(RATE_BINS, r)}|{pos}"] = 1.0
    if seen < 3:
        f[f"rare|{tag}"] = 1.0
    for key in ("Voice", "Aspect", "Tense", "Case", "Number", "Animacy", "Person", "Mood"):
        value = token.feats.get(key)
        if value:
            f[f"{key}={value}|{pos}"] = 1.0
    rel = token.rel.split(":")[0]
    f[f"rel={token.rel}"] = 1.0
    f[f"rel={rel}|{tag}"] = 1.0
    if token.head >= 0:
        head = doc.tokens[token.head]
        f[f"head={head.pos}"] = 1.0
        f[f"head={head.pos}|rel={rel}"] = 1.0
        head_rate = rate(rates.get((head.lemma, head.pos)), priors.get(head.pos, 0.01))
        f["head_logit_rate"] = _logit(head_rate)
        f[f"head_lemma={head.lemma}|{rel}"] = 1.0
        if head.lemma in lex.PHASAL or head.lemma in lex.MODAL:
            f["head_phasal"] = 1.0
        if head.lemma in lex.INTENT:
            f["head_intent"] = 1.0
        if head.lemma in lex.DETAIL_HEADS:
            f["head_detail"] = 1.0
    else:
        f["root"] = 1.0
    kind = LEXICON_TYPE.get(token.lemma)
    if kind:
        f["lexicon"] = 1.0
        f[f"lexicon={kind}"] = 1.0
    if token.lemma in lex.PHASAL or token.lemma in lex.MODAL:
        f["phasal_or_modal"] = 1.0
    if pos in {"NOUN", "ADJ"}:
        for suffix in SUFFIXES:
            if token.lemma.endswith(suffix):
                f[f"suffix={suffix}|{pos}"] = 1.0
    if token.text[:1].isupper():
        f["capital" if index > doc.sentences[token.sent].first else "capital_first"] = 1.0
    if index in ctx.mention_type:
        f[f"in_name={ctx.mention_type[index]}"] = 1.0
    if index in ctx.in_timex:
        f["in_date"] = 1.0
    f[f"earlier={min(ctx.earlier[index], 2)}|{pos}"] = 1.0
    if token.sent == 0:
        f["first_sentence"] = 1.0
    for child in kids.get(index, ()):
        c = doc.tokens[child]
        crel = c.rel.split(":")[0] if c.rel != "nsubj:pass" else c.rel
        f[f"child={crel}"] = 1.0
        if c.lemma in lex.NEGATORS:
            f["negated"] = 1.0
        if child in ctx.in_timex:
            f["governs_date"] = 1.0
        if crel in {"obj", "obl", "nsubj:pass", "xcomp", "nmod"} and c.pos in {"NOUN", "VERB"}:
            f[f"child_lemma={c.lemma}|{crel}"] = 1.0
        mention = ctx.mention_type.get(child)
        if mention:
            f[f"governs={mention}"] = 1.0
            f[f"governs={mention}|{crel}"] = 1.0
        if c.lemma in lex.NOT_CAPTURED:
            f["governs_post"] = 1.0
    for offset in (-1, 1):
        other = index + offset
        sent = doc.sentences[token.sent]
        if sent.first <= other < sent.last:
            f[f"pos{offset:+d}={doc.tokens[other].pos}"] = 1.0
    return f


# Verbs that make their instrumental complement a new status: «стал столицей», «был избран
# президентом», «состоял членом» (the copular event of a biography).
STATUS_VERBS = {"стать", "становиться", "быть", "состоять", "избрать", "избираться", "назначить", "назначать",
                "сделать", "провозгласить", "объявить", "утвердить", "оставаться", "остаться", "являться"}


def history_features(ctx: Context, kids: dict[int, list[int]], index: int, base: dict[str, float],
                     nerel_score: float) -> dict[str, float]:
    """The features of the history adaptation: the NEREL model's score and what it reads, the
    lemma itself, the history lexicon's class, and the copular status («стал академиком»)."""
    doc = ctx.doc
    token = doc.tokens[index]
    f = dict(base)
    f["nerel_score"] = max(min(nerel_score, 10.0), -10.0)
    f[f"lemma={token.lemma}|{token.pos}"] = 1.0
    kind = lex.HISTORY_TYPE.get(token.lemma)
    if kind:
        f["history_lexicon"] = 1.0
        f[f"history_lexicon={kind}"] = 1.0
    if token.head >= 0:
        head = doc.tokens[token.head]
        if head.lemma in STATUS_VERBS and token.feats.get("Case") == "Ins" and token.pos == "NOUN":
            f["status_complement"] = 1.0
    if any(doc.tokens[c].lemma in STATUS_VERBS and doc.tokens[c].rel == "cop" for c in kids.get(index, ())):
        f["copula_status"] = 1.0
    sent = doc.sentences[token.sent]
    first = next((i for i in range(sent.first, sent.last) if i not in ctx.in_timex
                  and any(ch.isalnum() for ch in doc.tokens[i].text)), sent.first)
    if index == first:
        f[f"line_head|{token.pos}"] = 1.0  # «1521 — Набег крымских татар»: the note line's first word
    if any(i in ctx.in_timex for i in range(sent.first, min(sent.first + 4, sent.last))):
        f["line_dated"] = 1.0
    return f


@dataclass
class Model:
    linear: Linear
    threshold: float
    rates: Rates
    priors: dict[str, float]
    # The lower threshold of a hand-made trigger of the historian's core types.
    core_floor: float = 0.0
    # The history adaptation (`data/events/history_model.json`): a word it scores at or above
    # its threshold is a trigger too.
    history: Linear | None = None
    history_threshold: float = 1.0

    def probability(self, ctx: Context, kids: dict[int, list[int]], index: int) -> float:
        return self.linear.probability(features(ctx, kids, index, self.rates, self.priors))

    def history_probability(self, ctx: Context, kids: dict[int, list[int]], index: int) -> float:
        """The history adaptation's probability (0 when none is shipped)."""
        if self.history is None:
            return 0.0
        base = features(ctx, kids, index, self.rates, self.priors)
        return self.history.probability(history_features(ctx, kids, index, base, self.linear.score(base)))


def read_rates(text: str) -> tuple[Rates, dict[str, float]]:
    """Lemma counts and per-POS priors from `lemma_rates.tsv`."""
    rates: Rates = {}
    priors: dict[str, float] = {}
    for line in text.splitlines():
        if not line or line.startswith("lemma\t"):
            continue
        if line.startswith("#prior\t"):
            _, pos, value = line.split("\t")
            priors[pos] = float(value)
            continue
        if line.startswith("#"):
            continue
        lemma, pos, events, seen = line.split("\t")
        rates[(lemma, pos)] = Counts(int(events), int(seen))
    return rates, priors


@lru_cache(maxsize=1)
def load() -> Model | None:
    """The shipped model, or None when it has not been trained (the lexicon decides then)."""
    model = read("events/trigger_model.json")
    if model is None:
        return None
    rates, priors = read_rates(path("events/lemma_rates.tsv").read_text(encoding="utf-8"))
    history = read("events/history_model.json")
    return Model(Linear(model["weights"]), model["threshold"], rates, priors, model.get("core_floor", 0.0),
                 Linear(history["weights"]) if history else None, history["threshold"] if history else 1.0)
