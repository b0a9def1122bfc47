"""Russian letters by frequency, for telling Cyrillic code pages apart (lowercase)."""

from __future__ import annotations

COMMON_LETTERS: frozenset[str] = frozenset("оеаинтсрвлкмдпу")  # the most frequent Russian letters
RARE_LETTERS: frozenset[str] = frozenset("ъёщэфцю")
