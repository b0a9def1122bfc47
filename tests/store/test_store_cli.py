"""`letopis ingest`, `letopis events` and `letopis entities` as a user runs them."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from letopis.cli import main
from letopis.store import open_store

from store_texts import EXAMPLE, TEXTS


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path, texts_dir):
    """Three good texts, two bad ones in a subfolder, and files ingest must pass over."""
    root = tmp_path / "texts"
    (root / "bad").mkdir(parents=True)
    for name in TEXTS:
        shutil.copy(texts_dir / name, root / name)
    (root / "bad" / "empty.txt").write_bytes(b"")
    (root / "bad" / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (root / "notes.pdf").write_bytes(b"%PDF-1.4 not a text")
    (root / ".hidden.txt").write_text("Скрытый файл.", encoding="utf-8")
    return root


@pytest.fixture
def ingested(capsys, folder, tmp_path, analyse_once):
    db = tmp_path / "corpus.db"
    code, _, err = run(capsys, "ingest", folder, "--db", db)
    return db, code, err


def test_a_folder_with_bad_files_keeps_the_good_ones(ingested):
    db, code, err = ingested
    assert code == 3
    assert "empty.txt: file is empty" in err and "scan.txt: looks like a PNG image" in err
    assert "notes.pdf" not in err and "hidden" not in err
    assert "3 added, 0 skipped as already stored, 2 failed" in err
    with open_store(db, readonly=True) as store:
        assert sorted(Path(d["source"]).name for d in store.documents()) == sorted(TEXTS)


def test_ingesting_again_adds_nothing(capsys, ingested, folder):
    db, _, _ = ingested
    with open_store(db, readonly=True) as store:
        before = store.stats()
    code, _, err = run(capsys, "ingest", folder / "*.txt", folder / "degaulle.txt", "--db", db, "--jobs", "1")
    assert code == 0
    assert "0 added, 3 skipped as already stored, 0 failed" in err
    with open_store(db, readonly=True) as store:
        assert store.stats() == before


def test_interrupted_ingest_resumes(capsys, folder, tmp_path, monkeypatch, analyse_once):
    """Ctrl-C during the second document: the first stays, the second is rolled back, a re-run completes."""
    from letopis.store import write

    db = tmp_path / "corpus.db"
    real = write.DocumentWriter._events
    calls = []

    def interrupted_on_second(self):
        calls.append(self.source)
        if len(calls) == 2:
            real(self)  # half the document is written when the interrupt comes
            raise KeyboardInterrupt
        real(self)

    with monkeypatch.context() as patch:
        patch.setattr(write.DocumentWriter, "_events", interrupted_on_second)
        code, _, err = run(capsys, "ingest", folder, "--db", db, "-q")
    assert code == 130
    assert "interrupted; 1 documents stored in this run (1 in" in err and "again to resume" in err
    with open_store(db, readonly=True) as store:
        assert len(store.documents()) == 1
        assert {e["doc"] for e in store.events()} <= {"d1"}
    code, _, err = run(capsys, "ingest", folder, "--db", db)
    assert code == 3  # the two bad files
    assert "2 added, 1 skipped as already stored, 2 failed" in err
    with open_store(db, readonly=True) as store:
        shas = [d["sha256"] for d in store.documents()]
        assert len(shas) == len(set(shas)) == 3


def test_nothing_to_ingest(capsys, tmp_path):
    code, _, err = run(capsys, "ingest", tmp_path / "nowhere" / "*.txt", "--db", tmp_path / "c.db")
    assert code == 1 and "matches no files" in err and "no documents to ingest" in err
    (tmp_path / "empty.txt").write_bytes(b"")
    code, _, err = run(capsys, "ingest", tmp_path / "empty.txt", "--db", tmp_path / "c.db")
    assert code == 1 and "file is empty" in err


def test_standard_input_is_refused_in_one_line(capsys, tmp_path):
    code, _, err = run(capsys, "ingest", "-", "--db", tmp_path / "c.db")
    assert code == 2 and "not standard input" in err and len(err.strip().splitlines()) == 1


def test_events_by_person_and_dates_in_three_formats(capsys, ingested):
    db = ingested[0]
    query = ["events", "--db", db, "--person", "де Голля", "--from", "1944-08-01", "--to", "1944-08-31"]
    code, table, _ = run(capsys, *query)
    assert code == 0
    assert "25 августа 1944" in table and "прибыл" in table and "Шарль де Голль (agent)" in table
    code, out, _ = run(capsys, *query, "--format", "json")
    events = json.loads(out)
    code, out, _ = run(capsys, *query, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert events and [e["id"] for e in events] == [r["id"] for r in rows]
    for event, row in zip(events, rows):
        assert row["trigger"] == event["trigger"]["text"] and row["earliest"] == (event["time"]["earliest"] or "")
        assert "Шарль де Голль" in [p["name"] for p in event["participants"]]
        assert "Шарль де Голль (agent)" in row["participants"]


def test_events_search_and_entities(capsys, ingested):
    db = ingested[0]
    code, out, _ = run(capsys, "events", "--db", db, "--search", "забастовку", "--format", "json")
    assert code == 0 and {e["type"] for e in json.loads(out)} == {"strike"}
    code, out, _ = run(capsys, "entities", "--db", db, "--type", "LOCATION", "--format", "csv")
    names = [row["name"] for row in csv.DictReader(io.StringIO(out))]
    assert "Иваново-Вознесенск" in names and "Москва" in names
    code, out, _ = run(capsys, "entities", "--db", db, "--name", "Афанасьева", "--format", "json")
    assert [e["name"] for e in json.loads(out)] == ["Фёдор Афанасьев"]
    code, out, _ = run(capsys, "entities", "--db", db)
    assert code == 0 and out.splitlines()[0].split()[:4] == ["id", "type", "subtype", "name"]


@pytest.mark.parametrize("args, message", [
    (["events", "--from", "1944-02-30"], "--from takes a date as YYYY-MM-DD"),
    (["events", "--to", "August"], "--to takes a date as YYYY-MM-DD"),
    (["events", "--from", "1944-09-01", "--to", "1944-08-01"], "is after --to"),
    (["events", "--limit", "-3"], "--limit takes 0 (all) or more"),
])
def test_bad_options_are_usage_errors_in_one_line(capsys, ingested, args, message):
    code, _, err = run(capsys, *args, "--db", ingested[0])
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1


def test_queries_need_a_corpus(capsys, tmp_path):
    code, _, err = run(capsys, "events", "--db", tmp_path / "letopis.db")
    assert code == 1 and "no corpus at" in err and "letopis ingest FILES" in err
    assert not (tmp_path / "letopis.db").exists()


@pytest.mark.slow
def test_ingest_killed_mid_run_then_resumed_stores_each_document_once(tmp_path):
    """kill -9 while documents are being stored; the re-run gives every document exactly once."""
    folder = tmp_path / "many"
    folder.mkdir()
    text = EXAMPLE.read_text(encoding="utf-8")
    for i in range(12):  # distinct texts (different hashes), each a real document
        (folder / f"doc{i:02d}.txt").write_text(f"{text}\nЗапись {i + 1}.\n", encoding="utf-8")
    db = tmp_path / "corpus.db"
    command = [sys.executable, "-m", "letopis", "ingest", str(folder), "--db", str(db), "-q"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, env=os.environ | {"PYTHONUNBUFFERED": "1"})
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.2)
        if db.exists():
            with open_store(db, readonly=True) as store:
                stored = store.stats()["documents"]
            if stored >= 2:
                break
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert 2 <= stored < 12, "the kill came mid-run"
    with open_store(db) as store:
        assert store.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        counts = dict(store.connection.execute("SELECT doc, COUNT(*) FROM events GROUP BY doc").fetchall())
        assert len(set(counts.values())) == 1, "every stored document is whole"
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    with open_store(db, readonly=True) as store:
        documents = store.documents()
        assert sorted(Path(d["source"]).name for d in documents) == sorted(p.name for p in folder.iterdir())
        assert len({d["sha256"] for d in documents}) == 12
        assert len({d["events"] for d in documents}) == 1


def test_progress_without_a_terminal_prints_plain_lines(capsys):
    from letopis.commands.ingest import IngestProgress

    progress = IngestProgress(3, quiet=False, every=0.0)
    for _ in range(3):
        progress.step()
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(" documents")[0] for line in lines] == [f"letopis: ingest {i}/3" for i in (1, 2, 3)]
    assert "docs/s" in lines[-1] and "\r" not in "".join(lines)
    quiet = IngestProgress(3, quiet=True, every=0.0)
    quiet.step()
    quiet.say("letopis: error: x.txt: file is empty")
    assert capsys.readouterr().err == "letopis: error: x.txt: file is empty\n"
