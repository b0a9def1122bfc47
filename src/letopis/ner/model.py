"""The NER tagger's forward pass in numpy: character CNN, BiLSTM, one BIO layer per kind.

Weights come from `train/ner/train.py` (exported from torch); word vectors come from
navec through the natasha adapter, so they are not copied into the package.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..adapters import natasha
from .blas import one_thread
from .features import MAX_CHARS, char_ids, shape
from .labels import LAYERS

WEIGHTS = Path(__file__).resolve().parents[1] / "data" / "ner" / "tagger.npz"
BATCH = 64  # sentences per forward pass
# Padded tokens (sentences x the longest one's length) per forward pass: the character CNN
# and the LSTM gates hold some 30 KB per token, so a batch of long sentences is made
# smaller rather than let a pass take hundreds of megabytes.
BATCH_TOKENS = 2048
Span = tuple[int, int, str, float]  # first token, one past the last, NEREL type, confidence


@lru_cache(maxsize=None)
def _allowed(tags: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """Additive transition and start scores that forbid I-X unless after B-X or I-X."""
    size = len(tags)
    trans = np.zeros((size, size), dtype=np.float32)
    start = np.zeros(size, dtype=np.float32)
    for j, tag in enumerate(tags):
        if tag.startswith("I-"):
            start[j] = -1e4
            for i, prev in enumerate(tags):
                if prev[2:] != tag[2:] or prev == "O":
                    trans[i, j] = -1e4
    return trans, start


def viterbi(scores: np.ndarray, lengths: np.ndarray, tags: tuple[str, ...]) -> np.ndarray:
    """Best BIO-valid tag ids for a batch of (batch, time, tags) log-probabilities."""
    trans, start = _allowed(tags)
    batch, steps, size = scores.shape
    best = scores[:, 0] + start
    back = np.zeros((batch, steps, size), dtype=np.int64)
    keep = np.arange(size)
    for t in range(1, steps):
        cand = best[:, :, None] + trans[None]
        arg = cand.argmax(axis=1)
        new = cand.max(axis=1) + scores[:, t]
        live = (t < lengths)[:, None]
        best = np.where(live, new, best)
        back[:, t] = np.where(live, arg, keep[None])
    path = np.zeros((batch, steps), dtype=np.int64)
    path[:, -1] = best.argmax(axis=1)
    for t in range(steps - 1, 0, -1):
        path[:, t - 1] = back[np.arange(batch), t, path[:, t]]
    return path


def decode_layer(logp: np.ndarray, tags: tuple[str, ...]) -> list[int]:
    """Best BIO-valid tag ids for one sentence's (time, tags) log-probabilities."""
    return viterbi(logp[None], np.array([len(logp)]), tags)[0].tolist()


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


def _log_softmax(x: np.ndarray) -> np.ndarray:
    x = x - x.max(axis=-1, keepdims=True)
    return x - np.log(np.exp(x).sum(axis=-1, keepdims=True))


class Tagger:
    """Tags sentences of words with NEREL-typed spans (see letopis.ner.labels)."""

    def __init__(self, path: Path = WEIGHTS):
        with np.load(path) as data:
            self.w = {k: data[k].astype(np.float32) for k in data.files if k != "alphabet"}
            alphabet = str(data["alphabet"])
        self.alphabet = {ch: i for i, ch in enumerate(alphabet)}
        conv = self.w["conv_w"]  # (filters, dim, width) as torch stores it
        self.w["conv_t"] = np.ascontiguousarray(conv.transpose(0, 2, 1).reshape(conv.shape[0], -1).T)
        for key in ("fw_wi", "fw_wh", "bw_wi", "bw_wh", *(f"head_{layer.name}_w" for layer in LAYERS)):
            self.w[key + "_t"] = np.ascontiguousarray(self.w[key].T)  # matmul is faster on C order
        self.hidden = self.w["fw_wh"].shape[1]
        self.w["wi_t"] = np.concatenate([self.w["fw_wi_t"], self.w["bw_wi_t"]], axis=1)
        self.w["b"] = np.concatenate([self.w["fw_b"], self.w["bw_b"]])

    def _chars(self, words: Sequence[str]) -> np.ndarray:
        ids = np.zeros((len(words), MAX_CHARS), dtype=np.int64)
        for i, word in enumerate(words):
            cs = char_ids(word, self.alphabet)
            ids[i, : len(cs)] = cs
        emb = self.w["chars"][ids]  # (n, chars, dim)
        pad = np.pad(emb, ((0, 0), (1, 1), (0, 0)))
        windows = np.concatenate([pad[:, k : k + MAX_CHARS] for k in range(3)], axis=-1)
        out = np.maximum(windows @ self.w["conv_t"] + self.w["conv_b"], 0.0)
        out[ids == 0] = 0.0
        return out.max(axis=1)

    def _lstm(self, gates_in: np.ndarray, lengths: np.ndarray, direction: str) -> np.ndarray:
        """One LSTM direction over input gates (batch, time, 4H); lengths sorted descending.

        At step t only the sentences longer than t are computed (they are a prefix).
        """
        wh = self.w[f"{direction}_wh_t"]
        batch, steps, _ = gates_in.shape
        size = self.hidden
        h = np.zeros((batch, size), dtype=np.float32)
        c = np.zeros((batch, size), dtype=np.float32)
        out = np.zeros((batch, steps, size), dtype=np.float32)
        active = (lengths[None, :] > np.arange(steps)[:, None]).sum(axis=1)
        for t in range(steps):
            k = int(active[t])
            g = gates_in[:k, t] + h[:k] @ wh
            g[:, : 2 * size] = _sigmoid(g[:, : 2 * size])
            g[:, 3 * size :] = _sigmoid(g[:, 3 * size :])
            c[:k] = g[:, size : 2 * size] * c[:k] + g[:, :size] * np.tanh(g[:, 2 * size : 3 * size])
            h[:k] = g[:, 3 * size :] * np.tanh(c[:k])
            out[:k, t] = h[:k]
        return out

    def _batch(self, words: Sequence[Sequence[str]], tags: Sequence[Sequence[int]]) -> list[list[Span]]:
        """Spans for a batch of sentences sorted by length, longest first."""
        lengths = np.array([len(s) for s in words])
        steps = int(lengths.max())
        flat = [w for s in words for w in s]
        feats = np.concatenate(
            [
                natasha.word_vectors(flat),
                self._chars(flat),
                self.w["shapes"][[shape(w) for w in flat]],
                self.w["natasha"][[t for s in tags for t in s]],
            ],
            axis=1,
        )
        # Input gates of both directions in one product over the real tokens only.
        gates = feats @ self.w["wi_t"] + self.w["b"]
        mask = np.arange(steps)[None] < lengths[:, None]
        x = np.zeros((len(words), steps, gates.shape[1]), dtype=np.float32)
        x[mask] = gates
        four = 4 * self.hidden
        # The backward direction reads each sentence reversed within its own length.
        rev = np.where(mask, lengths[:, None] - 1 - np.arange(steps)[None], np.arange(steps)[None])
        rows = np.arange(len(words))[:, None]
        fw = self._lstm(x[:, :, :four], lengths, "fw")
        bw = self._lstm(x[rows, rev, four:], lengths, "bw")[rows, rev]
        hidden = np.concatenate([fw, bw], axis=-1)
        found: list[dict[tuple[int, int, str], float]] = [{} for _ in words]
        for layer in LAYERS:
            logp = _log_softmax(hidden @ self.w[f"head_{layer.name}_w_t"] + self.w[f"head_{layer.name}_b"])
            tags_ = layer.tags
            paths = viterbi(logp, lengths, tags_)
            chosen = np.take_along_axis(logp, paths[:, :, None], axis=2)[:, :, 0]
            for i, n in enumerate(lengths):
                for first, last, kind in _spans([tags_[j] for j in paths[i, :n]]):
                    confidence = float(np.exp(chosen[i, first:last].min()))
                    key = (first, last, kind)
                    found[i][key] = max(confidence, found[i].get(key, 0.0))
        return [sorted((*key, conf) for key, conf in s.items()) for s in found]

    def __call__(self, words: Sequence[Sequence[str]], tags: Sequence[Sequence[int]]) -> list[list[Span]]:
        """Spans (first token, one past the last, NEREL type, confidence) per sentence.

        `tags` are natasha's NER tags per word (ids into labels.NATASHA_TAGS). The
        confidence is the lowest probability the layer gave any of the span's tags.
        """
        result: list[list[Span]] = [[] for _ in words]
        with one_thread():
            self._all(words, tags, result)
        return result

    def _all(self, words: Sequence[Sequence[str]], tags: Sequence[Sequence[int]], result: list) -> None:
        order = sorted((i for i in range(len(words)) if words[i]), key=lambda i: -len(words[i]))
        k = 0
        while k < len(order):
            size = max(1, min(BATCH, BATCH_TOKENS // len(words[order[k]])))  # the longest comes first
            chunk = order[k : k + size]
            k += size
            for i, spans in zip(chunk, self._batch([words[i] for i in chunk], [tags[i] for i in chunk])):
                result[i] = spans


def _spans(tags: list[str]) -> set[tuple[int, int, str]]:
    out, start, kind = set(), -1, ""
    for i, tag in enumerate(tags + ["O"]):
        if start >= 0 and not tag.startswith("I-"):
            out.add((start, i, kind))
            start = -1
        if tag.startswith("B-"):
            start, kind = i, tag[2:]
    return out


@lru_cache(maxsize=1)
def shipped() -> Tagger:
    """The tagger whose weights ship in the package, loaded once per process."""
    return Tagger()
