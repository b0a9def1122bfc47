"""The one place that talks to natasha and the libraries it bundles.

razdel (tokens, sentences), slovnet (morphology, syntax, NER) with navec embeddings,
and pymorphy2 (lemmas, inflection). Everything returned is a plain tuple or string,
so the rest of letopis never sees these libraries' types. Models load once per
process, lazily, on first use; `load_seconds()` tells what that cost.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..errors import ModelError

_lock = threading.Lock()
_models: "_Models | None" = None
_load_seconds = 0.0


@dataclass(slots=True)
class _Models:
    morph: Any
    syntax: Any
    ner: Any
    vocab: Any  # natasha MorphVocab, a pymorphy2 MorphAnalyzer


def _load() -> _Models:
    global _models, _load_seconds, _navec
    with _lock:
        if _models is None:
            began = time.perf_counter()
            try:
                from natasha import (
                    MorphVocab,
                    NewsEmbedding,
                    NewsMorphTagger,
                    NewsNERTagger,
                    NewsSyntaxParser,
                )

                # one copy of navec (~100 MB) serves the taggers and `word_vectors`
                emb = _navec if _navec is not None else NewsEmbedding()
                _navec = emb
                _models = _Models(
                    morph=NewsMorphTagger(emb),
                    syntax=NewsSyntaxParser(emb),
                    ner=NewsNERTagger(emb),
                    vocab=_vocab or MorphVocab(),  # the dictionary alone may be loaded already
                )
            except Exception as error:  # a broken install must read as one clear message
                raise ModelError(f"could not load the natasha models: {error}") from error
            _load_seconds = time.perf_counter() - began
    return _models


def load_seconds() -> float:
    """Seconds spent loading the models in this process (0 before the first use)."""
    return _load_seconds


def warm_up() -> float:
    """Load every model now; return the seconds it took."""
    _load()
    return _load_seconds


# -- razdel ---------------------------------------------------------------------------


def sentences(text: str) -> list[tuple[int, int]]:
    from razdel import sentenize

    return [(s.start, s.stop) for s in sentenize(text)]


def tokens(text: str) -> list[tuple[int, int, str]]:
    from razdel import tokenize

    return [(t.start, t.stop, t.text) for t in tokenize(text)]


# -- slovnet --------------------------------------------------------------------------


def _by_length(model: Any, items: Sequence[Any], convert: Callable[[Any], Any]) -> list[Any]:
    """Run a slovnet model over items batched by length (a batch pads to its longest item),
    returning `convert(result)` in the items' order (each markup is dropped as soon as it
    is converted, so a long text never holds all of them)."""
    order = sorted(range(len(items)), key=lambda i: len(items[i]))
    results: list[Any] = [None] * len(items)
    for index, markup in zip(order, model.map([items[i] for i in order])):
        results[index] = convert(markup)
    return results


_FEATS: dict[tuple[tuple[str, str], ...], dict[str, str]] = {}  # a few hundred combinations in the tagset


def _shared_feats(feats: dict[str, str]) -> dict[str, str]:
    """One dict per combination of features, shared by every token that has it (a long
    text has millions of tokens and a few hundred combinations); never changed in place."""
    key = tuple(feats.items())
    found = _FEATS.get(key)
    if found is None:
        found = _FEATS[key] = dict(feats)
    return found


def _morph_tags(markup: Any) -> list[tuple[str, dict[str, str]]]:
    return [(token.pos, _shared_feats(token.feats)) for token in markup.tokens]


def _syntax_heads(markup: Any) -> list[tuple[int, str]]:
    # slovnet ids count from 1; 0 is the root
    return [(int(token.head_id) - 1, token.rel) for token in markup.tokens]


def tag_morph(sents: Sequence[Sequence[str]]) -> list[list[tuple[str, dict[str, str]]]]:
    """For each sentence (a list of words), its (UPOS, features) per word."""
    return _by_length(_load().morph, [list(words) for words in sents], _morph_tags)


def parse_syntax(sents: Sequence[Sequence[str]]) -> list[list[tuple[int, str]]]:
    """For each sentence, (head index within the sentence or -1, relation) per word."""
    return _by_length(_load().syntax, [list(words) for words in sents], _syntax_heads)


_NER_TYPES = {"PER": "PERSON", "ORG": "ORGANIZATION", "LOC": "LOCATION"}


_NER_CHUNK = 4096  # tokens whose emissions are computed at once
_NER_MARGIN = 8  # context tokens on each side of a chunk; the CNN sees 3 (three width-3 layers)


def _ner_emissions(model: Any, word_ids: Any, shape_ids: Any) -> Any:
    """slovnet's NER scores (tokens x tags) for one text, computed chunk by chunk.

    The encoder is a stack of convolutions, so a token's scores depend only on its
    neighbours: chunks with a margin of context give the same scores as one pass over
    the whole text, in memory bounded by the chunk instead of the text's length.
    """
    import numpy as np

    size = len(word_ids)
    parts = []
    for first in range(0, size, _NER_CHUNK):
        last = min(first + _NER_CHUNK, size)
        a, b = max(first - _NER_MARGIN, 0), min(last + _NER_MARGIN, size)
        words, shapes = np.array(word_ids[a:b])[None], np.array(shape_ids[a:b])[None]
        scores = model(words, shapes, np.zeros(words.shape, dtype=bool))[0]
        parts.append(scores[first - a : first - a + (last - first)])
    return np.concatenate(parts)


def _viterbi(emissions: Any, transitions: Any) -> list[int]:
    """slovnet's CRF decoding for one sequence (the same sums in the same order), with
    the back-pointers in one array instead of an array object per token."""
    import numpy as np

    size, tags = emissions.shape
    history = np.empty((max(size - 1, 0), tags), dtype=np.int8 if tags < 128 else np.intp)
    columns = np.arange(tags)
    score = emissions[0]
    for index in range(1, size):
        step = score.reshape(tags, 1) + transitions + emissions[index].reshape(1, tags)
        best = step.argmax(0)
        score = step[best, columns]
        history[index - 1] = best
    path = [int(score.argmax())]
    for best in history[::-1]:
        path.append(int(best[path[-1]]))
    path.reverse()
    return path


def _ner_spans(tagger: Any, text: str, tokens: Sequence[tuple[int, int, str]] | None = None) -> list[tuple[int, int, str]]:
    from slovnet.bio import bio_spans
    from slovnet.exec.infer import text_words
    from slovnet.token import Token

    infer = tagger.infer
    if tokens is None:
        words = text_words(text)
        found = list(find_tokens(text, words))
    else:
        words = [word for _, _, word in tokens]
        found = [Token(start, end, word) for start, end, word in tokens]
    if not words:
        return []
    word_ids, shape_ids = infer.encoder.item(words)
    emissions = _ner_emissions(infer.model, word_ids, shape_ids)
    path = _viterbi(emissions, infer.model.head.crf.transitions.array)
    tags = [infer.decoder.tags_vocab.decode(tag) for tag in path]
    return [(span.start, span.stop, _NER_TYPES.get(span.type, span.type)) for span in bio_spans(found, tags)]


def find_tokens(text: str, words: Sequence[str]) -> Iterable[Any]:
    from slovnet.token import find_tokens as find

    return find(text, words)


def tag_ner(texts: Sequence[str]) -> Iterable[list[tuple[int, int, str]]]:
    """For each text, its named-entity spans as (start, end, type): slovnet's news NER,
    run over the whole text at once (natasha tags whole texts better than lone
    sentences) in bounded memory however long the text is."""
    tagger = _load().ner
    for text in texts:
        yield _ner_spans(tagger, text)


def tag_ner_tokens(text: str, tokens: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """`tag_ner` of one text whose razdel tokens (`tokens()`) are known already: the same
    spans without tokenising the text again."""
    return _ner_spans(_load().ner, text, tokens)


# -- pymorphy2 ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Analysis:
    """One morphological reading of a word (pymorphy2's parse, as plain data)."""

    word: str
    lemma: str
    pos: str  # OpenCorpora part of speech: NOUN, ADJF, VERB, PRTF, ...
    grammemes: frozenset[str]
    score: float


@lru_cache(maxsize=30_000)
def _parses(word: str) -> tuple[Any, ...]:
    """pymorphy2's readings of `word`, kept for more words than natasha's own cache keeps
    (10,000): a word seen in one document is seldom parsed again in the next."""
    return tuple(_load_vocab().parse(word))


@lru_cache(maxsize=100_000)
def known(word: str) -> bool:
    """Whether pymorphy2's dictionary has `word` (rather than guessing its readings)."""
    return bool(_load_vocab().word_is_known(word.lower()))


@lru_cache(maxsize=200_000)
def analyses(word: str) -> tuple[Analysis, ...]:
    return tuple(
        Analysis(word, parse.normal_form, str(parse.tag.POS or ""), frozenset(parse.tag.grammemes), parse.score)
        for parse in _parses(word)
    )


@lru_cache(maxsize=200_000)
def _lemmatize(word: str, pos: str, feats: tuple[tuple[str, str], ...]) -> str:
    # natasha's MorphVocab.lemmatize, over the readings cached above
    from natasha.morph.lemma import best_form, normal_word

    folded = normal_word(word)
    form = best_form(_parses(folded), pos, dict(feats))
    return normal_word(form.normal) if form else folded


def lemma(word: str, pos: str, feats: dict[str, str]) -> str:
    """The lemma of `word` given its UPOS tag and Universal features."""
    if not word or not any(ch.isalpha() for ch in word):
        return word.lower()
    return _lemmatize(word, pos, tuple(sorted(feats.items())))


_vocab: Any = None


def _load_vocab() -> Any:
    """pymorphy2 alone (~0.3 s): readings, lemmas and inflection need no neural model, so a
    caller that only normalises or searches words does not load them (~5 s, ~500 MB)."""
    global _vocab
    if _models is not None:
        return _models.vocab
    with _lock:
        if _vocab is None:
            try:
                from natasha import MorphVocab

                _vocab = MorphVocab()
            except Exception as error:
                raise ModelError(f"could not load the pymorphy2 dictionary: {error}") from error
    return _vocab


@lru_cache(maxsize=200_000)
def lemmas(word: str) -> tuple[str, ...]:
    """Every normal form of `word` out of context, lowercase, the likeliest first.

    For search, where a word stands alone: «забастовки» gives ("забастовка",), «Голля»
    gives ("голль",). Loads only the pymorphy2 dictionary, not the neural models.
    """
    if not any(ch.isalpha() for ch in word):
        return (word.lower(),)
    seen: dict[str, None] = {}
    for parse in _load_vocab().parse(word):
        seen.setdefault(parse.normal_form.lower(), None)
    return tuple(seen) or (word.lower(),)


@lru_cache(maxsize=200_000)
def inflect(word: str, lemma_: str, pos: str, required: frozenset[str]) -> str | None:
    """`word` put into the grammemes `required`, using the reading with this lemma and POS.

    Returns None when no reading of the word matches or it cannot be inflected.
    """
    for parse in _load_vocab().parse(word):
        if parse.normal_form == lemma_ and (not pos or str(parse.tag.POS) == pos):
            form = parse.inflect(set(required))
            if form is not None:
                return form.word
    return None


# -- navec ----------------------------------------------------------------------------

_navec: Any = None


def _load_navec() -> Any:
    global _navec
    with _lock:
        if _navec is None:
            try:
                from natasha import NewsEmbedding

                _navec = NewsEmbedding()
            except Exception as error:
                raise ModelError(f"could not load the navec embeddings: {error}") from error
    return _navec


def word_vectors(words: Sequence[str]) -> "Any":
    """navec news vectors of `words` (lowercased), a float32 array of shape (len(words), 300).

    Unknown words get navec's own `<unk>` vector, as slovnet does.
    """
    import numpy as np

    navec = _load_navec()
    vocab, pq = navec.vocab, navec.pq
    ids = np.fromiter((vocab.get(word.lower(), vocab.unk_id) for word in words), dtype=np.int64, count=len(words))
    parts = pq.codes[pq.qdims, pq.indexes[ids]]  # words x qdim x chunk
    return parts.reshape(len(words), pq.dim).astype(np.float32, copy=False)
