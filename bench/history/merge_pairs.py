"""Cross-document merging on real history texts: labelled pairs of event mentions.

Texts about the same years, read from ../shared/data/history and checked by sha256 (as the
history gold is, docs/history-gold.md): the study notes on Alexander I (TRH065, TRH066) and
«Война и мир», volume 2, the chapters on Friedland, Tilsit and Erfurt (1807–1808); the two
notes pages on Nicholas II (TRH070, TRH071, which both tell 1904–1907). The labels live in
`bench/history/merge/pairs.json` by document id and trigger offsets only, no text: each pair
is two event mentions of different documents, `same` when they tell one happening.

    .venv/bin/python -m bench.history.merge_pairs candidates > /tmp/pairs.txt   # pairs to label
    .venv/bin/python -m bench.history.merge_pairs score                          # P/R of merging

Scoring (`score`): a pair is predicted same when `letopis.corpus.merge` puts both mentions
(the system's events whose triggers overlap the labelled spans) in one corpus event. Merge
precision is over the labelled pairs predicted same, recall over the pairs labelled same.
The pairs are a pool (the file's `about` says how it was drawn): recall is relative to it,
and a merged pair outside it is counted apart (`unlabelled`) so that it can be labelled. A
conflict is right when the labels' `conflicts` hold one of its kind over two of its claims.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.datasets import DATA

PAIRS = Path(__file__).resolve().parent / "merge" / "pairs.json"
HISTORY = DATA / "history"


@dataclass(slots=True)
class Excerpt:
    id: str
    source: str  # path under ../shared/data/history
    sha256: str  # of the whole file
    start: int  # character offsets of the excerpt in the file
    end: int
    text: str


def excerpts() -> list[Excerpt]:
    """The labelled set's documents, each text read and checked against its sha256."""
    data = json.loads(PAIRS.read_text(encoding="utf-8"))
    found = []
    for d in data["documents"]:
        path = HISTORY / d["source"]
        if not path.is_file():
            raise FileNotFoundError(f"{path} not found (set LETOPIS_DATA)")
        raw = path.read_text(encoding="utf-8")
        digest = hashlib.sha256(raw.encode("utf-8")).hexdigest()
        if digest != d["sha256"]:
            raise ValueError(f"{path}: sha256 {digest} is not the labelled text's {d['sha256']}")
        found.append(Excerpt(d["id"], d["source"], d["sha256"], d["start"], d["end"], raw[d["start"]:d["end"]]))
    return found


def pairs() -> list[dict[str, Any]]:
    return json.loads(PAIRS.read_text(encoding="utf-8"))["pairs"]


def real_conflicts() -> list[tuple[str, list[tuple[str, int, int]]]]:
    """Disagreements between the documents that the labels call real: (kind, mentions)."""
    data = json.loads(PAIRS.read_text(encoding="utf-8"))
    return [(c["kind"], [tuple(m) for m in c["mentions"]]) for c in data.get("conflicts", [])]


def _overlapping(claims: set, mentions: list) -> set:
    return {c for c in claims for m in mentions if c[0] == m[0] and c[1] < m[2] and m[1] < c[2]}


def groups() -> list[list[str]]:
    """Documents about the same years: pairs are drawn within a group."""
    return json.loads(PAIRS.read_text(encoding="utf-8"))["groups"]


def gold_documents() -> list:
    """The excerpts as the benchmark's documents (no spans: the labels are pairs, `scorer` reads them)."""
    from bench.datasets import GoldDoc

    return [GoldDoc(e.id, HISTORY / e.source, e.text, []) for e in excerpts()]


def scorer(task, system: str, docs) -> dict:
    """The `history-merge` task: merge the documents' chronologies, score on the labelled pairs."""
    from bench.scoring import Score

    chronologies, texts = {}, {}
    for doc, record in docs:
        if record.get("chronology"):
            chronologies[doc.id], texts[doc.id] = record["chronology"], doc.text
    if len(chronologies) < 2:
        return {label: Score() for label in task.labels}
    result, by_sha = merge_chronologies(chronologies, texts)
    counts = score(result, by_sha)
    m, c = counts["merge"], counts["conflict"]
    return {"merge": Score(m["tp_pred"], m["tp_gold"], m["pred"], m["gold"]),
            "conflict": Score(c["tp_pred"], 0, c["pred"], 0)}


# --- running the merge ---------------------------------------------------------------------


def merge_chronologies(chronologies: dict[str, dict], texts: dict[str, str]):
    """`letopis.corpus.merge` over the documents' chronologies (by excerpt id)."""
    from letopis.corpus import merge

    ids = list(chronologies)
    by_sha = {chronologies[i]["documents"][0]["sha256"]: i for i in ids}
    result = merge([chronologies[i] for i in ids], texts={chronologies[i]["documents"][0]["sha256"]: texts[i] for i in ids})
    return result, by_sha


def analyse(items: list[Excerpt]) -> dict[str, dict]:
    import letopis

    found = {}
    for excerpt in items:
        print(f"  analysing {excerpt.id} ({len(excerpt.text)} characters)", file=sys.stderr, flush=True)
        found[excerpt.id] = letopis.extract(excerpt.text).to_dict()
    return found


def _where(result, by_sha: dict[str, str]) -> dict[tuple[str, int, int], str]:
    """(excerpt id, trigger start, end) of every mention -> its corpus event."""
    return {(by_sha[m["sha256"]], m["trigger"]["start"], m["trigger"]["end"]): e.id
            for e in result.events for m in e.mentions}


def _event_of(where: dict, doc: str, start: int, end: int) -> str | None:
    return next((ev for (d, s, e), ev in where.items() if d == doc and s < end and start < e), None)


def score(result, by_sha: dict[str, str]) -> dict[str, dict[str, int]]:
    """Counts for merge precision and recall on the labelled pairs, and for conflict precision."""
    where = _where(result, by_sha)
    labelled = pairs()
    merge = {"tp_pred": 0, "pred": 0, "tp_gold": 0, "gold": 0}
    labelled_keys = set()
    for p in labelled:
        a, b = _event_of(where, *p["a"]), _event_of(where, *p["b"])
        joined = a is not None and a == b
        labelled_keys.add(frozenset({tuple(p["a"]), tuple(p["b"])}))
        merge["gold"] += p["same"]
        merge["tp_gold"] += p["same"] and joined
        merge["pred"] += joined
        merge["tp_pred"] += p["same"] and joined
    conflicts = {"tp_pred": 0, "pred": 0, "tp_gold": 0, "gold": 0}
    real = real_conflicts()
    for conflict in result.conflicts:
        claims = {(by_sha[c["sha256"]], c["trigger"]["start"], c["trigger"]["end"])
                  for c in conflict.claims if c.get("sha256") in by_sha}
        conflicts["pred"] += 1
        conflicts["tp_pred"] += any(kind == conflict.kind and len(_overlapping(claims, mentions)) >= 2
                                    for kind, mentions in real)
    merge["unlabelled"] = sum(
        1 for e in result.events for m, n in itertools.combinations(e.mentions, 2)
        if m["sha256"] != n["sha256"]
        and not any(frozenset({(by_sha[m["sha256"]], m["trigger"]["start"]), (by_sha[n["sha256"]], n["trigger"]["start"])}) ==
                    frozenset({(k[0], k[1]) for k in key}) for key in labelled_keys))
    return {"merge": merge, "conflict": conflicts}


# --- candidates to label -------------------------------------------------------------------


def candidates(chronologies: dict[str, dict], texts: dict[str, str]) -> Iterator[tuple]:
    """Every pair of dated mentions of different documents of one group, of one type family,
    whose intervals meet and are at most two years long."""
    from letopis.corpus.lexicon import family
    from letopis.time.calendar import day_number_or_none

    def dated(doc: str):
        for e in chronologies[doc]["events"]:
            lo, hi = day_number_or_none(e["time"].get("earliest")), day_number_or_none(e["time"].get("latest"))
            if lo is not None and hi is not None and hi - lo <= 731:
                yield e, lo, hi

    for group in groups():
        for x, y in itertools.combinations(group, 2):
            for (a, alo, ahi), (b, blo, bhi) in itertools.product(list(dated(x)), list(dated(y))):
                if family(a["type"]) == family(b["type"]) and max(alo, blo) <= min(ahi, bhi):
                    yield x, a, y, b


def _line(text: str, event: dict) -> str:
    s, t = event["sentence"], event["trigger"]
    sentence = text[s["start"]:t["start"]] + "[" + text[t["start"]:t["end"]] + "]" + text[t["end"]:s["end"]]
    return " ".join(sentence.split())[:300]


def main(argv: list[str] | None = None) -> int:
    args = (argv if argv is not None else sys.argv[1:]) or ["score"]
    items = excerpts()
    texts = {e.id: e.text for e in items}
    chronologies = analyse(items)
    if args[0] == "candidates":
        for n, (x, a, y, b) in enumerate(candidates(chronologies, texts)):
            print(json.dumps({"n": n, "a": [x, a["trigger"]["start"], a["trigger"]["end"]],
                              "b": [y, b["trigger"]["start"], b["trigger"]["end"]]}))
            print(f"   A {x} {a['type']} {a['time']['earliest']}..{a['time']['latest']}: {_line(texts[x], a)}")
            print(f"   B {y} {b['type']} {b['time']['earliest']}..{b['time']['latest']}: {_line(texts[y], b)}")
        return 0
    result, by_sha = merge_chronologies(chronologies, texts)
    counts = score(result, by_sha)
    m, c = counts["merge"], counts["conflict"]
    print(f"merge: P {m['tp_pred'] / m['pred'] if m['pred'] else 0:.3f} ({m['tp_pred']}/{m['pred']})  "
          f"R {m['tp_gold'] / m['gold'] if m['gold'] else 0:.3f} ({m['tp_gold']}/{m['gold']}); "
          f"merged pairs outside the labels: {m['unlabelled']}")
    print(f"conflicts: P {c['tp_pred'] / c['pred'] if c['pred'] else 1:.3f} ({c['tp_pred']}/{c['pred']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
