"""Cross-document merging: quality against hand-labelled gold, and cost as the corpus grows.

    .venv/bin/python bench/merge.py                       # quality + cost at 1k, 10k, 100k events
    .venv/bin/python bench/merge.py --sizes 1000,10000    # smaller cost run
    .venv/bin/python bench/merge.py --write               # also the `merge` section of BENCHMARKS.md

**Quality.** The real pipeline reads the fixture texts of `tests/corpus/fixtures/` (accounts
of the same days that agree, that disagree on a date, on a number, and an unrelated text);
`letopis.corpus.merge` merges their chronologies; every pair of event mentions that the
merge puts in one corpus event is a predicted same-event link. The gold
(`tests/corpus/fixtures/gold.json`, written by reading the texts) lists the real-world
events that several mentions tell. Pairwise precision, recall and F1 are over links between
different documents (what the merge decides) and over all links (a document that tells one
event with two words, «вышли на демонстрацию», counts too).

**Cost.** Synthetic corpora replicate the real extracted chronologies (the fixtures and
examples/paris-1944.txt): each replica renames every id, gets its own document hash and
shifts every date by 400 days, keeping names and gazetteer ids, so the blocks on trigger
wording and on entities grow with the corpus as in a real collection about the same places.
Seconds and pairwise comparisons are for the whole `merge` (entities, blocking, scoring,
clustering, conflicts).
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import itertools
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

FIXTURES = ROOT / "tests" / "corpus" / "fixtures"
GOLD = FIXTURES / "gold.json"
EXAMPLE = ROOT / "examples" / "paris-1944.txt"
SHIFT_DAYS = 400
MEMORY_LIMIT_MB = 6144


# --- quality ----------------------------------------------------------------------------


def fixture_files() -> list[Path]:
    return sorted(FIXTURES.glob("*.txt"))


def analyse(paths: list[Path]) -> tuple[list[dict], dict[str, str], dict[str, str]]:
    """Chronologies, texts by sha256, and file name by sha256, from the real pipeline."""
    from letopis.parallel import analyse_files

    chronologies, texts, names = [], {}, {}
    for outcome in analyse_files([str(p) for p in paths]):
        if not outcome.ok:
            raise SystemExit(f"bench/merge.py: {outcome.name}: {outcome.error}")
        sha = outcome.chronology["documents"][0]["sha256"]
        chronologies.append(outcome.chronology)
        texts[sha], names[sha] = outcome.text, Path(outcome.name).name
    return chronologies, texts, names


def gold_mentions(gold: dict, texts_by_file: dict[str, str]) -> dict[tuple[str, int, int], int]:
    """(file, start, end) of each gold mention -> its cluster number."""
    found = {}
    for number, cluster in enumerate(gold["clusters"]):
        for file, word, occurrence in cluster["mentions"]:
            text, start = texts_by_file[file], -1
            for _ in range(occurrence):
                start = text.find(word, start + 1)
                if start < 0:
                    raise SystemExit(f"bench/merge.py: gold word «{word}» #{occurrence} is not in {file}")
            found[(file, start, start + len(word))] = number
    return found


def pairwise(result, gold: dict, texts_by_file: dict[str, str], names: dict[str, str]) -> dict[str, dict[str, float]]:
    """Pairwise P/R/F1 of same-event links, across documents and over all links."""
    spans = gold_mentions(gold, texts_by_file)

    def cluster_of(file: str, start: int, end: int) -> int | None:
        return next((c for (f, s, e), c in spans.items() if f == file and s < end and start < e), None)

    predicted_cross, predicted_all = set(), set()
    system_event: dict[tuple[str, int, int], str] = {}
    for event in result.events:
        mentions = [(names[m["sha256"]], m["trigger"]["start"], m["trigger"]["end"]) for m in event.mentions]
        for m in mentions:
            system_event[m] = event.id
        for a, b in itertools.combinations(sorted(mentions), 2):
            predicted_all.add((a, b))
            if a[0] != b[0]:
                predicted_cross.add((a, b))
    gold_all = {tuple(sorted(p)) for c in range(len(gold["clusters"]))
                for p in itertools.combinations([s for s, n in spans.items() if n == c], 2)}
    scores = {}
    for scope, predicted in (("across documents", predicted_cross), ("all links", predicted_all)):
        golds = {p for p in gold_all if scope == "all links" or p[0][0] != p[1][0]}
        correct_predicted = sum(1 for a, b in predicted if (ca := cluster_of(*a)) is not None and ca == cluster_of(*b))
        found_gold = sum(1 for a, b in golds if _same_system_event(a, b, system_event))
        precision = correct_predicted / len(predicted) if predicted else 1.0
        recall = found_gold / len(golds) if golds else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[scope] = {"predicted": len(predicted), "gold": len(golds), "precision": precision, "recall": recall, "f1": f1}
    return scores


def conflict_precision(result, gold: dict, texts_by_file: dict[str, str], names: dict[str, str]) -> dict[str, float]:
    """Conflicts the merge reports that are the gold's planted disagreements (kind and two of its mentions)."""
    real = []
    for conflict in gold.get("conflicts", []):
        spans = gold_mentions({"clusters": [{"mentions": conflict["mentions"]}]}, texts_by_file)
        real.append((conflict["kind"], set(spans)))
    right = 0
    for conflict in result.conflicts:
        claims = {(names[c["sha256"]], c["trigger"]["start"], c["trigger"]["end"])
                  for c in result.event(conflict.event).mentions if c.get("sha256") in names}
        right += any(kind == conflict.kind and sum(1 for (f, s, e) in spans for (g, a, b) in claims
                                                    if f == g and a < e and s < b) >= 2 for kind, spans in real)
    found = len(result.conflicts)
    return {"predicted": found, "right": right, "precision": right / found if found else 1.0}


def _same_system_event(a, b, system_event) -> bool:
    def event_of(mention):
        return next((ev for (f, s, e), ev in system_event.items() if f == mention[0] and s < mention[2] and mention[1] < e), None)

    first, second = event_of(a), event_of(b)
    return first is not None and first == second


# --- cost -------------------------------------------------------------------------------


def replicate(chronologies: list[dict], texts: dict[str, str], events: int) -> tuple[list[dict], dict[str, str]]:
    """Enough renamed, date-shifted replicas of `chronologies` to hold `events` events."""
    per_round = sum(len(c["events"]) for c in chronologies)
    corpus, corpus_texts, total = [], {}, 0
    for replica in itertools.count():
        for chron in chronologies:
            copy_, sha = _replica(chron, replica)
            corpus.append(copy_)
            corpus_texts[sha] = texts[chron["documents"][0]["sha256"]]
            total += len(copy_["events"])
            if total >= events:
                return corpus, corpus_texts
        if per_round == 0:
            raise SystemExit("bench/merge.py: the source chronologies have no events")


def _replica(chron: dict, replica: int) -> tuple[dict, str]:
    shift = replica * SHIFT_DAYS
    tag = f"r{replica}."
    out = copy.deepcopy(chron)
    for doc in out["documents"]:
        doc["sha256"] = hashlib.sha256(f"{doc['sha256']}:{replica}".encode()).hexdigest()
        doc["id"] = tag + doc["id"]
    for entity in out["entities"]:
        entity["id"] = tag + entity["id"]
        for mention in entity["mentions"]:
            mention["doc"] = tag + mention["doc"]
    for timex in out["timexes"]:
        timex["id"], timex["doc"] = tag + timex["id"], tag + timex["doc"]
        for bound in ("earliest", "latest"):
            timex[bound] = _shift(timex.get(bound), shift)
    for event in out["events"]:
        event["id"], event["doc"] = tag + event["id"], tag + event["doc"]
        for participant in event["participants"]:
            participant["entity"] = tag + participant["entity"]
        event["places"] = [tag + p for p in event["places"]]
        for bound in ("earliest", "latest"):
            event["time"][bound] = _shift(event["time"].get(bound), shift)
    for relation in out["relations"]:
        relation["source"], relation["target"] = tag + relation["source"], tag + relation["target"]
    return out, out["documents"][0]["sha256"]


def _shift(value: str | None, days: int) -> str | None:
    if not value:
        return value
    from letopis.time.calendar import day_number, day_text

    return day_text(day_number(value) + days)


def cost(chronologies: list[dict], texts: dict[str, str], sizes: list[int]) -> list[dict]:
    from letopis.corpus import merge

    rows = []
    for size in sizes:
        corpus, corpus_texts = replicate(chronologies, texts, size)
        began = time.perf_counter()
        result = merge(corpus, texts=corpus_texts)
        seconds = time.perf_counter() - began
        stats = result.stats
        rows.append({"events": stats["events"], "documents": stats["documents"], "seconds": seconds,
                     "comparisons": stats["comparisons"], "per_event": stats["comparisons"] / stats["events"],
                     "corpus_events": stats["corpus_events"], "conflicts": len(result.conflicts),
                     "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})
        print(f"  {rows[-1]['events']:>7} events: {seconds:7.2f} s, {stats['comparisons']:>9} comparisons "
              f"({rows[-1]['per_event']:.1f} per event)", file=sys.stderr)
        del corpus, corpus_texts, result
    return rows


# --- report -----------------------------------------------------------------------------


def markdown(scores: dict, rows: list[dict], command: str, sources: int, commit: str, conflicts: dict | None = None) -> str:
    lines = [
        "## Merging events across documents",
        "",
        f"`{command}` at {commit}. Quality: the real pipeline on the {sources} fixture texts of "
        "`tests/corpus/fixtures/`, pairwise same-event links against the hand-written `gold.json`. "
        "Cost: synthetic corpora of renamed, date-shifted replicas of real extracted chronologies "
        "(the fixtures and examples/paris-1944.txt); the whole `letopis.corpus.merge`.",
        "",
        "| links | predicted | gold | precision | recall | F1 |",
        "|---|---|---|---|---|---|",
    ]
    for scope, s in scores.items():
        lines.append(f"| {scope} | {s['predicted']} | {s['gold']} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} |")
    if conflicts is not None:
        lines += ["", f"Conflicts: {conflicts['right']} of {conflicts['predicted']} are the fixtures' planted "
                  f"disagreements (precision {conflicts['precision']:.3f}). Labelled pairs of real history texts: "
                  "the `history-merge` task of `bench/run.py`."]
    lines += ["", "| events | documents | seconds | comparisons | comparisons per event | µs per event | corpus events | conflicts |",
              "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['events']:,} | {r['documents']:,} | {r['seconds']:.2f} | {r['comparisons']:,} | "
                     f"{r['per_event']:.1f} | {r['seconds'] / r['events'] * 1e6:.0f} | {r['corpus_events']:,} | {r['conflicts']:,} |")
    steps = [f"{b['events'] / a['events']:.0f}× the events: comparisons ×{b['comparisons'] / a['comparisons']:.1f}, "
             f"seconds ×{b['seconds'] / a['seconds']:.1f} (all pairs: ×{(b['events'] / a['events']) ** 2:,.0f})"
             for a, b in zip(rows, rows[1:])]
    if steps:
        lines += ["", "Growth from each size to the next: " + "; ".join(steps) + ". Blocks of up to 32 events are "
                  "compared all pairs and larger ones by a window of 16, so comparisons per event rise while "
                  "blocks pass that size and then stay flat."]
    if rows:
        lines += ["", f"Peak resident memory of the run {max(r['peak_mb'] for r in rows):,.0f} MB (address space capped "
                  f"at {MEMORY_LIMIT_MB:,} MB). The machine is shared (2 cores); seconds are noisy."]
    return "\n".join(lines)


def _commit() -> str:
    import subprocess

    try:
        head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True)
        return head.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown commit"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench/merge.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="synthetic corpus sizes in events (default %(default)s)")
    parser.add_argument("--write", action="store_true", help="write the `merge` section of BENCHMARKS.md")
    parser.add_argument("--memory-limit-mb", type=int, default=MEMORY_LIMIT_MB, help="address-space cap (default %(default)s)")
    args = parser.parse_args(argv)
    limit = args.memory_limit_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]

    from letopis.corpus import merge

    files = fixture_files()
    chronologies, texts, names = analyse(files)
    result = merge(chronologies, texts=texts)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    scores = pairwise(result, gold, {names[sha]: text for sha, text in texts.items()}, names)
    for scope, s in scores.items():
        print(f"{scope:>17}: P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  "
              f"({s['predicted']} predicted, {s['gold']} gold)", file=sys.stderr)
    conflicts = conflict_precision(result, gold, {names[sha]: text for sha, text in texts.items()}, names)
    print(f"        conflicts: P {conflicts['precision']:.3f} ({conflicts['right']} of {conflicts['predicted']})", file=sys.stderr)
    example, example_texts, _ = analyse([EXAMPLE])
    rows = cost(chronologies + example, texts | example_texts, sizes)
    command = "bench/merge.py" + (f" --sizes {args.sizes}" if args.sizes != parser.get_default("sizes") else "") + " --write"
    text = markdown(scores, rows, command, len(files), _commit(), conflicts)
    print(text)
    if args.write:
        from bench.sections import write_section

        write_section("merge", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
