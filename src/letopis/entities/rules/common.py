"""What the rules share: a rule mention, folded lemmas, plural noun readings, the
recognised names, the places a name is spelt again, and the spans already taken."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from ...adapters import natasha
from ...doc import Doc, Mention, Token
from ..tree import mention_tokens

NAMED = ("PERSON", "ORGANIZATION", "LOCATION", "FACILITY", "GROUP")


def make_mention(doc: Doc, first: int, last: int, type_: str, subtype: str | None = None) -> Mention:
    start, end = doc.tokens[first].start, doc.tokens[last].end
    return Mention(start, end, doc.text[start:end], type_, subtype, source="rule")


def folded_lemma(token: Token) -> str:
    return token.lemma.lower().replace("ё", "е") if token.lemma else token.text.lower()


def noun_reading(token: Token) -> str | None:
    """The lemma of the word as a plural noun, trusting the tagger unless pymorphy knows better."""
    if token.pos in ("NOUN", "ADJ") and token.feats.get("Number") == "Plur":
        return folded_lemma(token)
    if token.pos in ("PUNCT", "NUM", "ADP", "CCONJ", "SCONJ", "PRON", "PROPN") or not token.text.isalpha():
        return None
    readings = natasha.analyses(token.text)
    best = max(readings, key=lambda a: a.score, default=None)
    if best is not None and best.pos == "NOUN" and "plur" in best.grammemes and "anim" in best.grammemes:
        return best.lemma.replace("ё", "е")  # «парижане» tagged as a verb
    return None


def plural_noun(token: Token) -> bool:
    return noun_reading(token) is not None


def named_tokens(doc: Doc) -> dict[int, tuple[int, int]]:
    """token index -> (first, last) token of the recognised name it starts."""
    spans: dict[int, tuple[int, int]] = {}
    for m in doc.mentions:
        if m.type in NAMED:
            idx = mention_tokens(doc, m)
            if idx:
                spans.setdefault(idx[0], (idx[0], idx[-1]))
    return spans


def shape(doc: Doc, indices) -> tuple[tuple[str, bool], ...]:
    return tuple((folded_lemma(doc.tokens[i]), doc.tokens[i].text[:1].isupper()) for i in indices)


def occurrences(doc: Doc, names, accept) -> Iterator[tuple[int, int]]:
    """(first token, length) of each place the tokens spell one of `names` (token shapes,
    `shape`) within a sentence: at each token the longest name that `accept(i, n)` takes,
    then on past it."""
    lengths = sorted({len(key) for key in names}, reverse=True)
    firsts = {key[0] for key in names}
    keys = [(folded_lemma(t), t.text[:1].isupper()) for t in doc.tokens]
    for s in doc.sentences:
        i = s.first
        while i < s.last:
            n = 0
            if keys[i] in firsts:
                n = next((n for n in lengths if i + n <= s.last and tuple(keys[i : i + n]) in names and accept(i, n)), 0)
            if n:
                yield i, n
            i += max(n, 1)


class Taken:
    """Mention spans, for asking what a new span would overlap without a scan of them all."""

    def __init__(self, spans) -> None:
        self.spans = sorted(set(spans))
        self.starts = [a for a, _ in self.spans]
        self.longest = max((b - a for a, b in self.spans), default=0)

    def add(self, start: int, end: int) -> None:
        at = bisect_left(self.spans, (start, end))
        if at == len(self.spans) or self.spans[at] != (start, end):
            self.spans.insert(at, (start, end))
            self.starts.insert(at, start)
            self.longest = max(self.longest, end - start)

    def crossed(self, start: int, end: int, holders: bool) -> bool:
        """Whether a span overlaps [start, end) other than by lying strictly inside it
        (or, with `holders`, by holding it strictly)."""
        first = bisect_left(self.starts, start - self.longest)
        for a, b in self.spans[first : bisect_left(self.starts, end)]:
            if b <= start:
                continue
            inside = start <= a and b <= end and (a, b) != (start, end)
            holds = holders and a <= start and end <= b and (a, b) != (start, end)
            if not inside and not holds:
                return True
        return False
