"""Named-entity recognition: a small BiLSTM tagger trained on NEREL, run with numpy.

`recognize` is the whole public API; `stages.ner.NERStage` wraps it for the pipeline.
"""

from __future__ import annotations

from collections.abc import Sequence

from .features import natasha_tags
from .labels import CONTRACT
from .model import WEIGHTS, shipped
from .rules import nationality_nouns, singular_noun


def recognize(
    words: Sequence[Sequence[str]],
    offsets: Sequence[Sequence[tuple[int, int]]],
    natasha_spans: Sequence[tuple[int, int, str]],
) -> list[tuple[int, int, str, str | None, str]]:
    """Typed spans (start, end, type, subtype, found by) in the text the offsets point into.

    Per sentence: its words and their (start, end) offsets; `natasha_spans` are
    natasha's NER spans (start, end, PERSON|ORGANIZATION|LOCATION) over the whole
    text, in the same frame (natasha tags whole texts better than lone sentences).
    "found by" is "tagger", or the name of the rule that added the span.
    """
    if not WEIGHTS.is_file():  # a checkout without trained weights: natasha's spans as they are
        return sorted({(a, b, kind, None, "natasha") for a, b, kind in natasha_spans}, key=lambda s: (s[0], -s[1], s[2]))
    tags = [natasha_tags(offs, natasha_spans) for offs in offsets]
    out: set[tuple[int, int, str, str | None, str]] = set()
    for sent, offs, spans in zip(words, offsets, shipped()(words, tags)):
        found = [(first, last, nerel_type, "tagger") for first, last, nerel_type in spans]
        known = [(first, last) for first, last, nerel_type in spans if nerel_type == "NATIONALITY"]
        found += [
            (first, last, kind, "nationality_nouns")
            for first, last, kind in nationality_nouns(sent)
            if not any(a <= first and last <= b for a, b in known)
        ]
        for first, last, nerel_type, how in found:
            if nerel_type == "NATIONALITY" and last - first == 1 and singular_noun(sent[first]):
                continue  # «американец»: one person's nationality, not a people
            kind, subtype = CONTRACT[nerel_type]
            out.add((offs[first][0], offs[last - 1][1], kind, subtype, how))
    return sorted(out, key=lambda s: (s[0], -s[1], s[2]))
