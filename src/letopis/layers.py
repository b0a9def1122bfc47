"""The layers of a `Doc`: the names stages use in `requires` and `assigns`, what each one
means on the `Doc`, and, where the `Doc` shows it, how to tell that a layer is there.

A layer with no test (`holds` is None) cannot be told from an empty result: a text may have
no time expressions or no events at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .doc import Doc


@dataclass(frozen=True, slots=True)
class Layer:
    name: str
    meaning: str
    holds: Callable[[Doc], bool] | None = None  # whether an analysed Doc shows the layer


def _tokens(doc: Doc) -> bool:
    return bool(doc.tokens) or not doc.text.strip()


def _sentences(doc: Doc) -> bool:
    return bool(doc.sentences) or not doc.tokens and not doc.text.strip()


def _morph(doc: Doc) -> bool:
    return _tokens(doc) and (not doc.tokens or any(t.pos for t in doc.tokens))


def _syntax(doc: Doc) -> bool:
    return _tokens(doc) and (not doc.tokens or any(t.rel for t in doc.tokens))


def _entities(doc: Doc) -> bool:
    return not doc.mentions or any(m.entity for m in doc.mentions)


LAYERS: dict[str, Layer] = {
    layer.name: layer
    for layer in (
        Layer("text", "Doc.text, the document as decoded", lambda doc: True),
        Layer("tokens", "Doc.tokens with their offsets", _tokens),
        Layer("sentences", "Doc.sentences, and Token.sent", _sentences),
        Layer("morph", "Token.lemma, pos and feats", _morph),
        Layer("syntax", "Token.head and rel", _syntax),
        Layer("mentions", "Doc.mentions"),
        Layer("entities", "Doc.entities, and Mention.entity", _entities),
        Layer("timexes", "Doc.timexes"),
        Layer("events", "Doc.events with Event.carriers, phase, place_roles and the participants and places of the syntax"),
        Layer("factuality", "Event.factuality, intended_by and unrealized_evidence"),
        Layer("roles", "Event.timexes and arguments, and the participants and places the linker adds"),
        Layer("time_links", "Event.time_links: the timexes an event is tied to"),
        Layer("coreference", "Event.same_as, and the `same` relations"),
        Layer("relations", "Doc.relations (before, after, overlap, cause)"),
        Layer("causes", "Event.causes and effects: cause and effect phrases that name no event"),
        Layer("dates", "Event.time: the bounds of every event"),
    )
}


def unknown(names: tuple[str, ...]) -> list[str]:
    """The names that are no layer."""
    return [name for name in names if name not in LAYERS]


def missing(doc: Doc, names: set[str]) -> list[str]:
    """The layers of `names` that `doc` visibly lacks, in pipeline order (layers with no test
    are taken on trust)."""
    return [name for name, layer in LAYERS.items() if name in names and layer.holds is not None and not layer.holds(doc)]
