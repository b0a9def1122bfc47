"""Load test of the web viewer on a 1,000-document corpus, in one command.

    .venv/bin/python bench/load.py            # build the corpus once, then measure
    .venv/bin/python bench/load.py --write    # also store the table in BENCHMARKS.md (section "load")
    .venv/bin/python bench/load.py --idle 16 --slow 50   # the same requests again while 16 sockets
                                                         # sit idle and 50 send headers slowly

The corpus is NEREL (train + dev: 840 Russian Wikinews texts) ingested with the real
`letopis ingest`; to reach 1,000 documents, the first texts are ingested a second time
with one line appended (so they are new documents, analysed again), and the run says
how many. It is cached in bench/.cache/ (git-ignored); ingesting takes a few minutes.

The server is the real `letopis serve`, read-only, in its own process on a loopback
port. A fixed, seeded list of requests over the main API routes and pages is fired by
`--clients` concurrent clients (loopback only); the run prints p50/p99 latency per
route, errors and requests per second. A static file is measured beside the API as
the server's floor: what any request costs before the corpus is touched.

With `--idle N` (and `--slow M`) the same plan is fired a second time while N connections
stay open without sending anything and M send a header byte every half second (each is
opened again as soon as the server drops it); the run prints the p95 of both passes and
fails when the second is worse than 1.5 times the first plus 20 ms.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import shlex
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / ".cache"
DATA = Path(os.environ.get("LETOPIS_DATA", ROOT.parent / "shared" / "data"))
LETOPIS = [sys.executable, "-m", "letopis"]
WORDS = ["президент", "выборы", "война", "Москва", "суд", "компания", "министр", "умер", "назначен",
         "премия", "кризис", "переговоры", "армия", "теракт", "визит"]


# --- the corpus ------------------------------------------------------------------------

def nerel_files() -> list[Path]:
    files = sorted((DATA / "nerel" / "train").glob("*.txt")) + sorted((DATA / "nerel" / "dev").glob("*.txt"))
    if not files:
        sys.exit(f"load: no NEREL texts under {DATA / 'nerel'}; set LETOPIS_DATA")
    return files


def build_corpus(db: Path, size: int, jobs: int) -> tuple[int, int]:
    """Ingest NEREL into `db` until it holds `size` documents; (distinct texts, repeated texts)."""
    files = nerel_files()
    distinct = min(size, len(files))
    repeats = size - distinct
    copies = CACHE / "repeats"
    copies.mkdir(parents=True, exist_ok=True)
    extra = []
    for i in range(repeats):
        source = files[i % len(files)]
        target = copies / f"repeat-{i:04d}-{source.name}"
        if not target.exists():
            target.write_text(source.read_text(encoding="utf-8") + f"\n(повтор {i + 1})\n", encoding="utf-8")
        extra.append(target)
    paths = [str(p) for p in files[:distinct] + extra]
    began = time.perf_counter()
    command = [*LETOPIS, "ingest", "--db", str(db), "--jobs", str(jobs), *paths]
    print(f"load: ingesting {len(paths)} documents into {db} ({jobs} jobs)…", file=sys.stderr)
    done = subprocess.run(command, cwd=ROOT)
    if done.returncode not in (0, 3):
        sys.exit(f"load: ingest failed with exit code {done.returncode}")
    print(f"load: ingest took {time.perf_counter() - began:.0f} s", file=sys.stderr)
    return distinct, repeats


def corpus_size(db: Path) -> int:
    if not db.exists():
        return 0
    sys.path.insert(0, str(ROOT / "src"))
    from letopis.store import open_store

    with open_store(db, readonly=True) as store:
        return len(store.documents())


# --- the server ------------------------------------------------------------------------

class Server:
    """`letopis serve` in its own process; its URL is read from its startup message."""

    def __init__(self, db: Path):
        self.process = subprocess.Popen([*LETOPIS, "serve", "--db", str(db), "--port", "0", "--quiet"],
                                        cwd=ROOT, stderr=subprocess.PIPE, text=True)
        line = self.process.stderr.readline()
        found = re.search(r"at (http://\S+)/", line)
        if not found:
            self.stop()
            sys.exit(f"load: the server did not start: {line.strip()}")
        self.url = found.group(1)
        threading.Thread(target=self.process.stderr.read, daemon=True).start()  # keep its pipe drained

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def get(url: str, path: str) -> tuple[int, bytes]:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


# --- the requests ----------------------------------------------------------------------

def plan(url: str, total: int, seed: int) -> list[tuple[str, str]]:
    """(route name, path) pairs: a seeded mix over the corpus's real ids and names."""
    rng = random.Random(seed)
    documents = json.loads(get(url, "/api/documents?limit=1000")[1])["items"]
    events = (json.loads(get(url, "/api/events?limit=1000&offset=2000")[1])["items"]
              or json.loads(get(url, "/api/events?limit=1000")[1])["items"])  # a small corpus
    people = json.loads(get(url, "/api/entities?type=PERSON&limit=300")[1])["items"]
    entities = json.loads(get(url, "/api/entities?limit=1000")[1])["items"]
    dated = [e for e in events if e["time"]["earliest"]]
    routes = [
        ("GET /api/documents", lambda: f"/api/documents?limit=50&offset={rng.randrange(0, len(documents), 50)}"),
        ("GET /api/documents/{id}", lambda: f"/api/documents/{rng.choice(documents)['id']}"),
        ("GET /api/events", lambda: f"/api/events?limit=100&offset={rng.randrange(0, 5000, 100)}"),
        ("GET /api/events?person=", lambda: f"/api/events?person={quote(rng.choice(people)['name'])}&limit=100"),
        ("GET /api/events?from=&to=", lambda: _date_range(rng, dated)),
        ("GET /api/events/{id}", lambda: f"/api/events/{rng.choice(events)['id']}"),
        ("GET /api/entities", lambda: f"/api/entities?type={rng.choice(['PERSON', 'ORGANIZATION', 'LOCATION'])}&limit=100"),
        ("GET /api/entities/{id}", lambda: f"/api/entities/{rng.choice(entities)['id']}"),
        ("GET /api/search", lambda: f"/api/search?q={quote(rng.choice(WORDS))}"),
        ("GET /api/places", lambda: "/api/places"),
        ("GET /api/graph", lambda: f"/api/graph?doc={rng.choice(documents)['id']}"),
        # the exploration page: its histogram, a table page with its count, names as one types, search pages
        ("GET /api/histogram", lambda: f"/api/histogram?bins=100&doc={rng.choice(documents)['id']}"),
        ("GET /api/histogram (corpus)", lambda: "/api/histogram?bins=100"),
        ("GET /api/events?count=yes", lambda: _date_range(rng, dated).replace("limit=100", "limit=25&count=yes")),
        ("GET /api/suggest", lambda: f"/api/suggest?q={quote(rng.choice(people)['name'][:4])}&type=PERSON"),
        ("GET /api/search&offset=", lambda: f"/api/search?q={quote(rng.choice(WORDS))}&offset=20&limit=20"),
        ("GET /explore (page)", lambda: "/explore"),
        ("GET /timeline (page)", lambda: "/timeline"),
        ("GET /static/timeline.js (floor)", lambda: "/static/timeline.js"),
    ]
    return [(name, path()) for name, path in (rng.choice(routes) for _ in range(total))]


def _date_range(rng: random.Random, dated: list[dict]) -> str:
    day = rng.choice(dated)["time"]["earliest"]
    year = day[:4]
    return f"/api/events?from={year}-01-01&to={year}-12-31&limit=100"


def fire(url: str, requests: list[tuple[str, str]], clients: int) -> tuple[dict[str, list[float]], dict[str, int], float]:
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    lock = threading.Lock()
    queue = list(reversed(requests))

    def client() -> None:
        while True:
            with lock:
                if not queue:
                    return
                name, path = queue.pop()
            began = time.perf_counter()
            try:
                status, _ = get(url, path)
                ok = 200 <= status < 300
            except OSError:
                ok = False
            took = time.perf_counter() - began
            with lock:
                latencies[name].append(took)
                if not ok:
                    errors[name] += 1

    began = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors, time.perf_counter() - began


class Hostile:
    """Idle and slow-header connections held open (reopened when dropped) while it runs."""

    def __init__(self, url: str, idle: int, slow: int):
        import socket

        self.socket = socket
        self.address = (urlsplit(url).hostname, urlsplit(url).port)
        self.idle, self.slow = idle, slow
        self.stop = threading.Event()
        self.reopened = 0
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _open(self, slow: bool):
        sock = self.socket.create_connection(self.address, timeout=5)
        sock.setblocking(False)
        if slow:
            sock.send(b"GET /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        return sock

    def _run(self) -> None:
        held = [(self._open(False), False) for _ in range(self.idle)] + [(self._open(True), True) for _ in range(self.slow)]
        while not self.stop.wait(0.5):
            for i, (sock, slow) in enumerate(held):
                try:
                    if sock.recv(1) == b"":  # dropped by the server's timeout
                        raise ConnectionResetError
                except BlockingIOError:
                    if slow:
                        try:
                            sock.send(b"X")
                        except OSError:
                            pass
                    continue
                except OSError:
                    pass
                sock.close()
                held[i] = (self._open(slow), slow)
                self.reopened += 1
        for sock, _ in held:
            sock.close()

    def __enter__(self) -> "Hostile":
        self.thread.start()
        time.sleep(1.0)
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        self.thread.join()


def p95(latencies: dict[str, list[float]]) -> float:
    return percentile([v for values in latencies.values() for v in values], 0.95)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def table(latencies: dict[str, list[float]], errors: dict[str, int]) -> list[str]:
    rows = ["| route | requests | p50 ms | p99 ms | max ms | errors |", "|---|---:|---:|---:|---:|---:|"]
    for name in sorted(latencies):
        values = latencies[name]
        rows.append(f"| `{name}` | {len(values)} | {statistics.median(values) * 1000:.1f} | "
                    f"{percentile(values, 0.99) * 1000:.1f} | {max(values) * 1000:.1f} | {errors.get(name, 0)} |")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000, help="corpus size (default 1000)")
    parser.add_argument("--requests", type=int, default=3000, help="requests to fire (default 3000)")
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients (default 16)")
    parser.add_argument("--jobs", type=int, default=2, help="processes for building the corpus (default 2)")
    parser.add_argument("--seed", type=int, default=1944)
    parser.add_argument("--idle", type=int, default=0, help="fire the plan again while N sockets stay idle")
    parser.add_argument("--slow", type=int, default=0, help="... and M send their headers slowly")
    parser.add_argument("--write", action="store_true", help="store the result in BENCHMARKS.md (section load)")
    args = parser.parse_args(argv)
    db = CACHE / f"nerel-{args.docs}.db"
    CACHE.mkdir(parents=True, exist_ok=True)
    have = corpus_size(db)
    if have < args.docs:
        build_corpus(db, args.docs, args.jobs)
        have = corpus_size(db)
    distinct = min(args.docs, len(nerel_files()))
    load = os.getloadavg()[0]
    server = Server(db)
    try:
        get(server.url, "/api/places")  # the one corpus-wide aggregate, computed once and kept
        requests = plan(server.url, args.requests, args.seed)
        latencies, errors, seconds = fire(server.url, requests, args.clients)
        hostile = None
        if args.idle or args.slow:
            with Hostile(server.url, args.idle, args.slow) as held:
                hostile = fire(server.url, requests, args.clients)
            reopened = held.reopened
    finally:
        server.stop()
    total = sum(len(v) for v in latencies.values())
    failed = sum(errors.values())
    command = "python bench/load.py " + shlex.join(sys.argv[1:]) if sys.argv[1:] else "python bench/load.py"
    lines = [
        "## Web viewer under load",
        "",
        f"`{command.strip()}` at {_commit()} on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: "
        f"`letopis serve` (read-only) over a corpus of {have} documents "
        f"({distinct} NEREL train+dev texts, {max(0, have - distinct)} of them again with one line appended), "
        f"{total} requests from {args.clients} concurrent loopback clients, one TCP connection per request; "
        f"server and clients on one machine of {os.cpu_count()} cores, load average {load:.1f} when the run began.",
        "",
        *table(latencies, errors),
        "",
        f"**{total / seconds:.0f} requests/s** over {seconds:.1f} s, {failed} errors. "
        "The static file is the server's floor (no corpus access), measured in the same run.",
    ]
    verdict_failed = False
    if hostile is not None:
        base, under = p95(latencies), p95(hostile[0])
        verdict_failed = under > 1.5 * base + 0.020 or sum(hostile[1].values()) > 0
        lines += ["", f"**Idle and slow clients**: the same {total} requests again while {args.idle} sockets stayed open "
                      f"without sending anything and {args.slow} sent a header byte every 0.5 s (reopened {reopened} "
                      f"times after the server dropped them): p95 {base * 1000:.1f} ms without, {under * 1000:.1f} ms "
                      f"with them, {sum(hostile[1].values())} errors; "
                      + ("**worse than 1.5 × + 20 ms: FAILED**" if verdict_failed else "within 1.5 × + 20 ms: passed") + "."]
    print("\n".join(lines))
    if args.write:
        sys.path.insert(0, str(ROOT))
        from bench.sections import write_section

        write_section("load", "\n".join(lines))
        print("load: wrote section 'load' of BENCHMARKS.md", file=sys.stderr)
    return 1 if failed or verdict_failed else 0


def _commit() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
        return head + (" (uncommitted changes in the tree)" if dirty else "")
    except OSError:
        return "unknown commit"


if __name__ == "__main__":
    sys.exit(main())
