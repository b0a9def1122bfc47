"""Where each event stands in a chronology, from its bounds."""

from __future__ import annotations

from .doc import Event
from .time.calendar import day_number


def placement(events: list[Event]) -> list[int]:
    """Sort keys that order events by their bounds; an undated event takes the place of
    the dated event before it in the narrative (for ordering only, not as a date)."""
    keys = []
    position = -10**12  # before every day
    for event in events:
        bound = event.time.earliest or event.time.latest
        if bound:
            position = day_number(bound)
        keys.append(position)
    return keys
