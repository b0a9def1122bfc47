"""Indexes over a `Doc` that several stages ask the same question of."""

from __future__ import annotations

from .doc import Doc, Event


def carrier_index(doc: Doc) -> dict[int, Event]:
    """Token index -> the event whose trigger, or a verb folded into it, is that token."""
    owner: dict[int, Event] = {}
    for event in doc.events:
        for carrier in event.carrier_tokens():
            owner.setdefault(carrier, event)
    return owner
