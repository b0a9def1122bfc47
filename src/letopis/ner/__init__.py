"""Named-entity recognition: a small BiLSTM tagger trained on NEREL, run with numpy.

`recognize` is the whole public API; `stages.ner.NERStage` wraps it for the pipeline.
"""

from __future__ import annotations

from collections.abc import Sequence

from .features import natasha_tags
from .labels import CONTRACT
from .model import WEIGHTS, shipped


def recognize(
    words: Sequence[Sequence[str]],
    offsets: Sequence[Sequence[tuple[int, int]]],
    natasha_spans: Sequence[tuple[int, int, str]],
) -> list[tuple[int, int, str, str | None]]:
    """Typed spans (start, end, type, subtype) in the text the offsets point into.

    Per sentence: its words and their (start, end) offsets; `natasha_spans` are
    natasha's NER spans (start, end, PERSON|ORGANIZATION|LOCATION) over the whole
    text, in the same frame (natasha tags whole texts better than lone sentences).
    """
    if not WEIGHTS.is_file():  # a checkout without trained weights: natasha's spans as they are
        return sorted({(a, b, kind, None) for a, b, kind in natasha_spans}, key=lambda s: (s[0], -s[1], s[2]))
    tags = [natasha_tags(offs, natasha_spans) for offs in offsets]
    out: set[tuple[int, int, str, str | None]] = set()
    for offs, spans in zip(offsets, shipped()(words, tags)):
        for first, last, nerel_type in spans:
            kind, subtype = CONTRACT[nerel_type]
            out.add((offs[first][0], offs[last - 1][1], kind, subtype))
    return sorted(out, key=lambda s: (s[0], -s[1], s[2]))
