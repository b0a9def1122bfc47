"""The tagger's output layers and how their labels map to the contract's types.

The tagger has one BIO layer per kind of span, so spans of different kinds may nest
(«Комитет освобождения Парижа» is an ORGANIZATION holding the CITY «Парижа»).
Organizations and professions also nest within their own kind («пресс-служба
Министерства обороны»), so each has a second layer for the inner spans.
"""

from __future__ import annotations

from dataclasses import dataclass

# NEREL types behind each layer; a layer with several classes tags B-/I- per class.
LOCATION_CLASSES = ("CITY", "COUNTRY", "STATE_OR_PROVINCE", "DISTRICT", "LOCATION")


@dataclass(frozen=True, slots=True)
class Layer:
    name: str
    classes: tuple[str, ...]  # NEREL types this layer tags
    nested: bool = False  # True for the inner layer of a kind that nests in itself

    @property
    def tags(self) -> tuple[str, ...]:
        """O, then B-class and I-class for each class, in that order."""
        out = ["O"]
        for kind in self.classes:
            out += [f"B-{kind}", f"I-{kind}"]
        return tuple(out)


LAYERS: tuple[Layer, ...] = (
    Layer("person", ("PERSON",)),
    Layer("organization", ("ORGANIZATION",)),
    Layer("organization_inner", ("ORGANIZATION",), nested=True),
    Layer("location", LOCATION_CLASSES),
    Layer("facility", ("FACILITY",)),
    Layer("nationality", ("NATIONALITY",)),
    Layer("profession", ("PROFESSION",)),
    Layer("profession_inner", ("PROFESSION",), nested=True),
)

# NEREL type -> (contract type, subtype)
CONTRACT: dict[str, tuple[str, str | None]] = {
    "PERSON": ("PERSON", None),
    "ORGANIZATION": ("ORGANIZATION", None),
    "CITY": ("LOCATION", "CITY"),
    "COUNTRY": ("LOCATION", "COUNTRY"),
    "STATE_OR_PROVINCE": ("LOCATION", "REGION"),
    "DISTRICT": ("LOCATION", "DISTRICT"),
    "LOCATION": ("LOCATION", None),
    "FACILITY": ("FACILITY", None),
    "NATIONALITY": ("GROUP", "NATIONALITY"),
    "PROFESSION": ("PROFESSION", None),
}

# slovnet's news NER, fed to the tagger as a feature: its BIO tag per token.
NATASHA_TAGS = ("O", "B-PERSON", "I-PERSON", "B-ORGANIZATION", "I-ORGANIZATION", "B-LOCATION", "I-LOCATION")
