"""Russian letters by frequency, for telling Cyrillic code pages apart (lowercase)."""

from __future__ import annotations

COMMON_LETTERS: frozenset[str] = frozenset("оеаинтсрвлкмдпу")  # the most frequent Russian letters
RARE_LETTERS: frozenset[str] = frozenset("ъёщэфцю")

# The most frequent letter pairs of Russian prose (lowercase): a text read in the wrong
# Cyrillic code page keeps its letters' share but loses these.
COMMON_BIGRAMS: frozenset[str] = frozenset(
    "ст но то на ен ов ни ра во ко ал пр ро ре ан ос ер по ли ет не ол ор ва ел ла ка от ом ть ле "
    "ль ри де та ве ит за ск ат ин ак ес ад ме ны од ви ам ил ок ки ий ог ем ми ед ая ти ой ых го "
    "ее ие ся ло ма ит ро чи че да ди мо тв ую ал ны ик ег".split())
