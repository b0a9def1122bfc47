"""Roles: a trained argument linker adds the participants, places and times the syntax
rules of the events stage do not reach.

For every event and every candidate of its sentence (time expressions; entity mentions,
nested ones and resolved pronouns included) a logistic regression per kind (time, place,
participant) scores the pair from the features of `role_features`; pairs above the kind's
threshold become links. The model and thresholds are learnt on NEREL train
(`train/links/train.py`) and shipped in `data/links/linker.json`.

What the stage adds, always beside what the rules found, never replacing it:
- `event.participants`: the entity with the role the syntax gives when the mention depends
  on the trigger (agent, patient, recipient), otherwise the generic `participant`;
- `event.places`: the entity;
- `event.timexes`: ids of the linked timexes, best first (an event may have
  several: a start and an end); the `time_links` stage dates an event from the first of them when
  the tree gives it no timex of its own;
- the agent of each event by the history convention (`stages/agents.py`), last;
- `event.arguments`: one `Argument` per link (kind, ref, start, end, score, added), the mention or timex span the link rests on (`added`: whether the stage
  added the entity, so `reset` can take it back).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..doc import Argument, Doc, Event, Participant, across_lines
from ..models.linear import Linear, path, read
from ..syntax_tree import ancestors, preposition
from .agents import assign as assign_agents
from .role_features import KINDS, PARTICIPANT, PLACE, TIME, Candidate, SentenceIndex, features

PLACE_TYPES = {"LOCATION", "FACILITY"}
# Relations of a dependent of the trigger and the role they give.
ROLE_OF_REL = {"nsubj": "agent", "nsubj:pass": "patient", "obj": "patient", "iobj": "recipient"}
GENERIC = "participant"


def shipped_model() -> dict:
    """The shipped linker: `weights`, `thresholds` and `limits`, each by kind."""
    model = read("links/linker.json")
    if model is None:
        raise FileNotFoundError(f"{path('links/linker.json')}: train the linker first (train/links/train.py --write)")
    return model


@dataclass(slots=True)
class Scored:
    event: Event
    kind: str
    candidate: Candidate
    score: float


class Linker:
    """Scores (event, candidate) pairs with the weights of one kind each."""

    def __init__(self, weights: dict[str, dict[str, float]] | None = None):
        weights = weights if weights is not None else shipped_model()["weights"]
        self.models = {kind: Linear(w) for kind, w in weights.items()}

    def probability(self, kind: str, names: list[str]) -> float:
        return self.models[kind].probability(names)

    def score(self, doc: Doc) -> list[Scored]:
        index = SentenceIndex(doc)
        heads: dict[int, list[int]] = {}
        for event in doc.events:
            heads.setdefault(event.sentence, []).append(event.head)
        scored = []
        for event in doc.events:
            if event.head < 0:
                continue
            others = heads[event.sentence]
            for kind in KINDS:
                rivals = candidates(index, event.sentence, kind, (event.trigger.start, event.trigger.end))
                for candidate in rivals:
                    names = features(doc, index, event.head, candidate, others, rivals)
                    scored.append(Scored(event, kind, candidate, self.probability(kind, names)))
        return scored


def candidates(index: SentenceIndex, sentence: int, kind: str, near: tuple[int, int] | None = None) -> list[Candidate]:
    """What may fill a link of `kind`: places are places; anyone may take part. With `near`
    (a trigger's span), only what is on its line: a sentence over a line break is a title or
    caption run into the text."""
    found = index.of_kind(sentence, kind)
    if kind == PLACE:
        found = [c for c in found if c.type in PLACE_TYPES]
    if near is not None:
        text = index.doc.text
        found = [c for c in found if not across_lines(text, c.start, c.end, *near)]
    return found


def role_of(doc: Doc, event: Event, candidate: Candidate, index: SentenceIndex) -> str:
    """The role the syntax gives a mention that depends on the trigger, else `participant`."""
    token = doc.tokens[candidate.head]
    if token.head not in event.carrier_tokens():
        return GENERIC
    role = ROLE_OF_REL.get(token.rel)
    if role == "agent" and candidate.type in PLACE_TYPES:
        return GENERIC  # «Париж» as the doer needs more than a subject slot
    if role:
        return role
    head = doc.tokens[token.head]
    prep = preposition(doc, index.kids_of(token.sent), candidate.head)
    case = token.feats.get("Case", "")
    if token.rel.startswith("obl") and not prep and case == "Ins" and head.feats.get("Voice") == "Pass":
        return "agent"  # «изданный им»
    if token.rel.startswith(("obl", "nmod")) and not prep and case == "Dat":
        return "recipient"
    return GENERIC


def apply(doc: Doc, scored: list[Scored], thresholds: dict[str, float], limits: dict[str, int] | None = None) -> None:
    """Add the links whose score reaches their kind's threshold, best first; at most
    `limits[kind]` arguments of a kind per event, and one link per span (a span the
    recogniser gave two types is one argument)."""
    index = SentenceIndex(doc)
    limits = limits if limits is not None else {}
    taken: dict[tuple[str, str], set[tuple[int, int]]] = {}
    for item in sorted(scored, key=lambda s: -s.score):
        if item.score < thresholds.get(item.kind, 1.0):
            continue
        event, cand = item.event, item.candidate
        if item.kind != TIME and speaker(doc, event, cand):
            continue
        spans = taken.setdefault((event.id, item.kind), set())
        if (cand.start, cand.end) in spans or len(spans) >= limits.get(item.kind, 1_000):
            continue
        spans.add((cand.start, cand.end))
        added = _add(doc, event, item.kind, cand, index)
        event.arguments.append(Argument(item.kind, cand.ref, cand.start, cand.end, round(item.score, 3), added))
        doc.note("roles", f"linker_{item.kind}", cand.start, cand.end, event=event.id, score=round(item.score, 3))


SAYING_RELS = {"ccomp", "parataxis", "csubj"}


def speaker(doc: Doc, event: Event, cand: Candidate) -> bool:
    """The mention is the subject of a verb whose clausal complement holds the event: who
    thought or found out («Шабан-Дельмас считал, что восстание неизбежно») is no
    participant of what was thought."""
    token = doc.tokens[cand.head]
    for _ in range(8):  # up to the head of the phrase: «Генерал Жак Шабан-Дельмас»
        if token.rel.split(":")[0] not in {"appos", "flat", "conj"} or token.head < 0:
            break
        token = doc.tokens[token.head]
    if not token.rel.startswith("nsubj") or token.head < 0:
        return False
    node = event.head
    for parent in ancestors(doc, event.head):
        if parent == token.head:
            return doc.tokens[node].rel.split(":")[0] in SAYING_RELS
        node = parent
    return False


def _add(doc: Doc, event: Event, kind: str, cand: Candidate, index: SentenceIndex) -> bool:
    if kind == TIME:
        if cand.ref in event.timexes:
            return False
        event.timexes.append(cand.ref)
        return True
    if kind == PLACE:
        if cand.ref in event.places:
            return False
        event.places.append(cand.ref)
        return True
    if any(p.entity == cand.ref for p in event.participants) or cand.ref in event.places:
        return False
    event.participants.append(Participant(role_of(doc, event, cand, index), cand.ref))
    return True


def reset(doc: Doc) -> None:
    """Take back what `apply` added (for retraining on Docs analysed with an older model)."""
    for event in doc.events:
        for arg in event.arguments:
            if not arg.added:
                continue
            if arg.kind == PLACE and arg.ref in event.places:
                event.places.remove(arg.ref)
            elif arg.kind == PARTICIPANT:
                event.participants = [p for p in event.participants if p.entity != arg.ref]
        event.arguments = []
        event.timexes = []


class RolesStage:
    name = "roles"
    requires = ("tokens", "sentences", "morph", "syntax", "mentions", "entities", "timexes", "events")
    assigns = ("roles",)

    def __init__(self, linker: Linker | None = None, thresholds: dict[str, float] | None = None):
        self.linker = linker
        self.thresholds = thresholds

    def __call__(self, doc: Doc) -> Doc:
        if self.linker is None:
            self.linker = Linker()
        model = shipped_model()
        thresholds = self.thresholds if self.thresholds is not None else model["thresholds"]
        apply(doc, self.linker.score(doc), thresholds, model.get("limits"))
        assign_agents(doc)
        return doc
