"""Train the letopis NER tagger on prepared NEREL train examples and export it to numpy.

    PYTHONPATH=src .train-venv/bin/python train/ner/train.py /tmp/letopis-ner/nerel-train.pkl \
        src/letopis/data/ner/tagger.npz

A BiLSTM over [navec vector; character CNN; word shape; natasha's NER tag] with one
softmax BIO layer per kind of span (see letopis.ner.labels). The epoch with the best
span F1 on the held-out tenth of train is kept. torch is needed here only; the
exported .npz is read by letopis.ner.model with numpy.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import time
from collections import Counter
from pathlib import Path

import numpy as np
import torch
from torch import nn

from letopis.adapters.natasha import word_vectors
from letopis.ner.features import MAX_CHARS, SHAPES, char_ids, shape
from letopis.ner.labels import LAYERS, NATASHA_TAGS
from letopis.ner.model import decode_layer


class Tagger(nn.Module):
    def __init__(self, vectors: np.ndarray, chars: int, hidden: int, char_dim: int = 32, filters: int = 64):
        super().__init__()
        self.words = nn.Embedding.from_pretrained(torch.from_numpy(vectors), freeze=True)
        self.chars = nn.Embedding(chars, char_dim, padding_idx=0)
        self.conv = nn.Conv1d(char_dim, filters, 3, padding=1)
        self.shapes = nn.Embedding(len(SHAPES), 16)
        self.natasha = nn.Embedding(len(NATASHA_TAGS), 16)
        self.drop = nn.Dropout(0.3)
        self.lstm = nn.LSTM(vectors.shape[1] + filters + 32, hidden, batch_first=True, bidirectional=True)
        self.heads = nn.ModuleList(nn.Linear(2 * hidden, len(layer.tags)) for layer in LAYERS)

    def forward(self, words, chars, shapes, tags):
        b, t, c = chars.shape
        x = self.chars(chars.view(b * t, c)).transpose(1, 2)  # (bt, dim, c)
        x = torch.relu(self.conv(x))
        x = x.masked_fill((chars.view(b * t, 1, c) == 0), 0.0).max(dim=2).values.view(b, t, -1)
        feats = torch.cat([self.words(words), x, self.shapes(shapes), self.natasha(tags)], dim=-1)
        out, _ = self.lstm(self.drop(feats))
        out = self.drop(out)
        return [head(out) for head in self.heads]


def encode(ex: dict, word_index: dict[str, int], alphabet: dict[str, int]) -> dict[str, np.ndarray]:
    """One example's inputs and labels as arrays, computed once before training."""
    n = len(ex["words"])
    chars = np.zeros((n, MAX_CHARS), dtype=np.int64)
    for j, w in enumerate(ex["words"]):
        cs = char_ids(w, alphabet)
        chars[j, : len(cs)] = cs
    return {
        "n": n,
        "words": np.array([word_index[w.lower()] for w in ex["words"]], dtype=np.int64),
        "chars": chars,
        "shapes": np.array([shape(w) for w in ex["words"]], dtype=np.int64),
        "tags": np.array(ex["natasha"], dtype=np.int64),
        "labels": [np.array(ex["labels"][layer.name], dtype=np.int64) for layer in LAYERS],
    }


def batches(items, size, shuffle):
    """Batches of similar length (less padding); shuffled by bucket when training."""
    order = sorted(range(len(items)), key=lambda i: (items[i]["n"], random.random() if shuffle else 0))
    chunks = [order[i : i + size] for i in range(0, len(order), size)]
    if shuffle:
        random.shuffle(chunks)
    for chunk in chunks:
        yield [items[j] for j in chunk]


def tensorize(batch, unk_word, word_drop=0.0):
    t = max(ex["n"] for ex in batch)
    b = len(batch)
    words = np.zeros((b, t), dtype=np.int64)
    chars = np.zeros((b, t, MAX_CHARS), dtype=np.int64)
    shapes = np.zeros((b, t), dtype=np.int64)
    tags = np.zeros((b, t), dtype=np.int64)
    labels = [np.full((b, t), -100, dtype=np.int64) for _ in LAYERS]
    for i, ex in enumerate(batch):
        n = ex["n"]
        words[i, :n] = ex["words"]
        chars[i, :n] = ex["chars"]
        shapes[i, :n] = ex["shapes"]
        tags[i, :n] = ex["tags"]
        for k in range(len(LAYERS)):
            labels[k][i, :n] = ex["labels"][k]
    if word_drop:
        drop = (np.random.random(words.shape) < word_drop) & (np.arange(t)[None] < np.array([ex["n"] for ex in batch])[:, None])
        words[drop] = unk_word
    as_t = torch.from_numpy
    return as_t(words), as_t(chars), as_t(shapes), as_t(tags), [as_t(l) for l in labels]


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    out, start, kind = set(), None, None
    for i, tag in enumerate(tags + ["O"]):
        if start is not None and not tag.startswith("I-"):
            out.add((start, i, kind))
            start = None
        if tag.startswith("B-"):
            start, kind = i, tag[2:]
    return out


def evaluate(model, held, unk_word) -> dict[str, float]:
    model.eval()
    counts = {layer.name: Counter() for layer in LAYERS}
    with torch.no_grad():
        for batch in batches(held, 64, False):
            words, chars, shapes, tags, labels = tensorize(batch, unk_word)
            outs = model(words, chars, shapes, tags)
            for k, layer in enumerate(LAYERS):
                logp = torch.log_softmax(outs[k], -1).numpy()
                for i, ex in enumerate(batch):
                    n = ex["n"]
                    pred = spans([layer.tags[j] for j in decode_layer(logp[i, :n], layer.tags)])
                    gold = spans([layer.tags[j] for j in ex["labels"][k]])
                    c = counts[layer.name]
                    c["tp"] += len(pred & gold)
                    c["pred"] += len(pred)
                    c["gold"] += len(gold)
    model.train()
    scores = {}
    for name, c in counts.items():
        p = c["tp"] / c["pred"] if c["pred"] else 0.0
        r = c["tp"] / c["gold"] if c["gold"] else 0.0
        scores[name] = 2 * p * r / (p + r) if p + r else 0.0
    total = Counter()
    for c in counts.values():
        total.update(c)
    p, r = total["tp"] / max(total["pred"], 1), total["tp"] / max(total["gold"], 1)
    scores["all"] = 2 * p * r / (p + r) if p + r else 0.0
    return scores


def export(model: Tagger, alphabet: dict[str, int], out: Path, meta: dict) -> None:
    sd = {k: v.detach().numpy() for k, v in model.state_dict().items() if k != "words.weight"}
    arrays = {
        "chars": sd["chars.weight"],
        "conv_w": sd["conv.weight"],
        "conv_b": sd["conv.bias"],
        "shapes": sd["shapes.weight"],
        "natasha": sd["natasha.weight"],
    }
    for suffix, direction in (("", "fw"), ("_reverse", "bw")):
        arrays[f"{direction}_wi"] = sd[f"lstm.weight_ih_l0{suffix}"]
        arrays[f"{direction}_wh"] = sd[f"lstm.weight_hh_l0{suffix}"]
        arrays[f"{direction}_b"] = sd[f"lstm.bias_ih_l0{suffix}"] + sd[f"lstm.bias_hh_l0{suffix}"]
    for k, layer in enumerate(LAYERS):
        arrays[f"head_{layer.name}_w"] = sd[f"heads.{k}.weight"]
        arrays[f"head_{layer.name}_b"] = sd[f"heads.{k}.bias"]
    arrays = {k: v.astype(np.float16) for k, v in arrays.items()}
    alphabet_text = "".join(sorted(alphabet, key=alphabet.get))
    np.savez_compressed(out, alphabet=np.array(alphabet_text), **arrays)
    out.with_suffix(".json").write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data")
    parser.add_argument("out")
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--hidden", type=int, default=128)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=2e-3)
    parser.add_argument("--word-drop", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    torch.set_num_threads(args.threads)
    began = time.time()

    data = pickle.load(open(args.data, "rb"))
    train, held = data["train"], data["held"]
    vocab = sorted({w.lower() for ex in train + held for w in ex["words"]})
    word_index = {w: i for i, w in enumerate(vocab)}
    unk_word = len(vocab)
    vectors = np.concatenate([word_vectors(vocab), word_vectors(["\x00unk\x00"])])
    counts = Counter(ch for ex in train for w in ex["words"] for ch in w)
    alphabet = {ch: i + 2 for i, ch in enumerate(sorted(ch for ch, n in counts.items() if n >= 5))}
    alphabet = {"\x00": 0, "\x01": 1, **alphabet}

    train = [encode(ex, word_index, alphabet) for ex in train]
    held = [encode(ex, word_index, alphabet) for ex in held]
    model = Tagger(vectors, len(alphabet), args.hidden)
    optimizer = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=args.lr)
    steps = args.epochs * ((len(train) + args.batch - 1) // args.batch)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=args.lr, total_steps=steps, pct_start=0.1)
    loss_fn = nn.CrossEntropyLoss(ignore_index=-100)
    best, best_scores, best_epoch = None, None, -1
    for epoch in range(args.epochs):
        total = 0.0
        for batch in batches(train, args.batch, True):
            words, chars, shapes, tags, labels = tensorize(batch, unk_word, args.word_drop)
            outs = model(words, chars, shapes, tags)
            loss = sum(loss_fn(o.reshape(-1, o.shape[-1]), l.reshape(-1)) for o, l in zip(outs, labels))
            optimizer.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimizer.step()
            schedule.step()
            total += loss.item()
        scores = evaluate(model, held, unk_word)
        print(f"epoch {epoch + 1} loss {total:.1f} held-out F1 "
              + " ".join(f"{k} {v:.3f}" for k, v in scores.items()) + f"  {time.time() - began:.0f}s", flush=True)
        if best_scores is None or scores["all"] > best_scores["all"]:
            best = {k: v.clone() for k, v in model.state_dict().items()}
            best_scores, best_epoch = scores, epoch + 1
    model.load_state_dict(best)
    meta = {
        "model": "BiLSTM tagger over navec news vectors, character CNN, word shape and natasha NER tags",
        "data": "NEREL v1.1 train, 9 of every 10 documents by file name; the 10th held out for model selection",
        "recipe": vars(args),
        "best_epoch": best_epoch,
        "held_out_exact_span_f1": {k: round(v, 4) for k, v in best_scores.items()},
        "train_seconds": round(time.time() - began),
        "trained": time.strftime("%Y-%m-%d", time.gmtime()),
    }
    export(model, alphabet, Path(args.out), meta)
    print(json.dumps(meta, indent=2))


if __name__ == "__main__":
    main()
