"""Named-entity recognition: a small BiLSTM tagger trained on NEREL, run with numpy.

`recognize` is the whole public API; `stages.ner.NERStage` wraps it for the pipeline.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from itertools import accumulate

from .combine import Policy, combine
from .features import natasha_tags
from .labels import CONTRACT
from .model import WEIGHTS, shipped
from .rules import function_words_only, nationality_nouns, singular_noun

# Chosen on the held-out tenth of NEREL train by train/ner/policy.py: an organisation
# or place that natasha does not see is kept when the tagger gives each of its tags at
# least 0.4; a place natasha alone finds is added (held-out F1: ORG 0.858 → 0.861,
# LOC 0.922 → 0.927; PER is best as it is).
POLICY = Policy(alone={"ORG": 0.4, "LOC": 0.4}, natasha_alone=frozenset({"LOC"}))


class _SpanIndex:
    """natasha's spans (sorted by start) found by offset: those overlapping a range in time
    logarithmic in the text's spans, not linear (a long text has tens of thousands)."""

    def __init__(self, spans: Sequence[tuple[int, int, str]]):
        self.spans = spans
        self.starts = [s[0] for s in spans]
        self.reach = list(accumulate((s[1] for s in spans), max))  # the farthest end so far

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The spans that share a character with [start, end), in order."""
        stop = bisect_left(self.starts, end)  # the spans from here on start at `end` or later
        first = bisect_left(self.reach, start + 1, 0, stop)  # no span before it reaches past `start`
        return [s for s in self.spans[first:stop] if start < s[1]]


def _kept(
    spans: Sequence[tuple[int, int, str, float]],
    offsets: Sequence[tuple[int, int]],
    natasha_spans: "Sequence[tuple[int, int, str]] | _SpanIndex",
    policy: Policy,
) -> list[tuple[int, int, str, str]]:
    """One sentence's spans (token indices, NEREL type, found by) that `policy` keeps."""
    if not offsets:
        return []
    firsts = {start: i for i, (start, _) in enumerate(offsets)}
    lasts = {end: i + 1 for i, (_, end) in enumerate(offsets)}
    if not isinstance(natasha_spans, _SpanIndex):
        natasha_spans = _SpanIndex(sorted(natasha_spans))
    nearby = natasha_spans.overlapping(offsets[0][0], offsets[-1][1])
    chars = [(offsets[a][0], offsets[b - 1][1], kind, conf) for a, b, kind, conf in spans]
    ours = {(a, b, kind) for a, b, kind, _ in chars}
    kept = combine(chars, nearby, policy)
    # natasha's spans are over the same razdel tokens; one that is not (cut mid-word) is left out.
    return [
        (firsts[a], lasts[b], kind, "tagger" if (a, b, kind) in ours else "natasha")
        for a, b, kind, _ in kept
        if a in firsts and b in lasts
    ]


def recognize(
    words: Sequence[Sequence[str]],
    offsets: Sequence[Sequence[tuple[int, int]]],
    natasha_spans: Sequence[tuple[int, int, str]],
    policy: Policy | None = None,
) -> list[tuple[int, int, str, str | None, str]]:
    """Typed spans (start, end, type, subtype, found by) in the text the offsets point into.

    Per sentence: its words and their (start, end) offsets; `natasha_spans` are
    natasha's NER spans (start, end, PERSON|ORGANIZATION|LOCATION) over the whole
    text, in the same frame (natasha tags whole texts better than lone sentences).
    "found by" is "tagger", "natasha" (a span natasha alone found, kept by the
    policy), or the name of the rule that added the span. `policy`
    (default: the shipped `POLICY`) says which of the tagger's spans to keep.
    """
    if not WEIGHTS.is_file():  # a checkout without trained weights: natasha's spans as they are
        return sorted({(a, b, kind, None, "natasha") for a, b, kind in natasha_spans}, key=lambda s: (s[0], -s[1], s[2]))
    natasha_spans = sorted(natasha_spans)
    tags = [natasha_tags(offs, natasha_spans) for offs in offsets]
    by_offset = _SpanIndex(natasha_spans)
    out: set[tuple[int, int, str, str | None, str]] = set()
    for sent, offs, spans in zip(words, offsets, shipped()(words, tags)):
        spans = _kept(spans, offs, by_offset, policy or POLICY)
        found = list(spans)
        known = [(first, last) for first, last, nerel_type, _ in spans if nerel_type == "NATIONALITY"]
        found += [
            (first, last, kind, "nationality_nouns")
            for first, last, kind in nationality_nouns(sent)
            if not any(a <= first and last <= b for a, b in known)
        ]
        for first, last, nerel_type, how in found:
            if nerel_type == "NATIONALITY" and last - first == 1 and singular_noun(sent[first]):
                continue  # «американец»: one person's nationality, not a people
            if function_words_only(sent[first:last]):
                continue  # «The» of «The Right Move»: a cut, not a name
            kind, subtype = CONTRACT[nerel_type]
            out.add((offs[first][0], offs[last - 1][1], kind, subtype, how))
    return sorted(out, key=lambda s: (s[0], -s[1], s[2]))
