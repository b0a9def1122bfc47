"""Inputs as they come from the disk (issue 22): names that are not UTF-8, FIFOs and
process substitution, every file read once."""

import json
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from letopis.cli import EXIT_OK, EXIT_SOME_FAILED, main
from letopis.ingest import read
from letopis.output import printable

GOOD = "19 августа 1944 года в Париже началось восстание."
CP1251_NAME = b"\xcf\xe0\xf0\xe8\xe6.txt"  # «Париж.txt» as a cp1251 archive leaves it


def run(capsys, *args):
    code = main([a if isinstance(a, str) else os.fsdecode(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


@pytest.fixture
def cp1251_named(tmp_path: Path) -> str:
    path = os.path.join(os.fsencode(tmp_path), CP1251_NAME)
    with open(path, "wb") as f:
        f.write(GOOD.encode("utf-8"))
    return os.fsdecode(path)


@pytest.mark.parametrize("name, shown", [
    ("Париж.txt", "Париж.txt"),
    (os.fsdecode(CP1251_NAME), r"\xcf\xe0\xf0\xe8\xe6.txt"),
    (os.fsdecode(b"a\xff b.md"), r"a\xff b.md"),
])
def test_names_are_printed_losslessly(name, shown):
    assert printable(name) == shown
    assert printable(os.fsencode(name)) == shown
    assert shown.encode("utf-8")  # printable: no lone surrogate is left


def test_extract_reads_a_name_that_is_not_utf8(capsys, cp1251_named):
    code, out, _ = run(capsys, "extract", cp1251_named, "-q")
    assert code == EXIT_OK
    assert json.loads(out)["documents"][0]["source"].endswith(r"\xcf\xe0\xf0\xe8\xe6.txt")


def test_extract_writes_to_a_name_that_is_not_utf8(capsys, cp1251_named, tmp_path):
    target = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"\xd1\xf2.json"))
    code, _, _ = run(capsys, "extract", cp1251_named, "-q", "-o", target)
    assert code == EXIT_OK
    with open(os.fsencode(target), "rb") as f:
        data = json.loads(f.read().decode("utf-8"))  # valid UTF-8 throughout
    assert data["documents"][0]["length"] == len(GOOD)


def test_ingest_stores_a_name_that_is_not_utf8_and_skips_it_next_time(capsys, cp1251_named, tmp_path):
    db = tmp_path / "c.db"
    code, _, err = run(capsys, "ingest", cp1251_named, "--db", db, "-j", "1")
    assert code == EXIT_OK, err
    code, _, err = run(capsys, "ingest", cp1251_named, "--db", db, "-j", "1")
    assert code == EXIT_OK and "1 skipped" in err
    with sqlite3.connect(db) as con:
        (source,) = con.execute("SELECT source FROM documents").fetchone()
    assert source.endswith(r"\xcf\xe0\xf0\xe8\xe6.txt")


def test_ingest_of_a_folder_with_such_a_name(capsys, cp1251_named, tmp_path):
    code, _, err = run(capsys, "ingest", tmp_path, "--db", tmp_path / "c.db", "-j", "1")
    assert code == EXIT_OK, err


def test_ingest_reads_process_substitution_once(tmp_path):
    """`letopis ingest <(cat file)`: a pipe gives its bytes once; reading twice saw it empty."""
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    script = f'"{sys.executable}" -m letopis ingest --db c.db -j 1 <(cat a.txt)'
    result = subprocess.run(["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == EXIT_OK, result.stderr
    assert "1 added" in result.stderr and "empty" not in result.stderr


def test_ingest_reads_each_file_once(capsys, tmp_path, monkeypatch):
    import letopis.ingest.files as files

    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    opened: list[str] = []
    real_open = open

    def counting_open(file, *args, **kwargs):
        if os.fspath(file) == str(path):
            opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(files, "open", counting_open, raising=False)
    code, _, _ = run(capsys, "ingest", path, "--db", tmp_path / "c.db", "-j", "1")
    assert code == EXIT_OK and len(opened) == 1


def test_named_fifo_is_read_once(capsys, tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_text(GOOD, encoding="utf-8"), daemon=True)
    writer.start()
    code, _, err = run(capsys, "ingest", fifo, "--db", tmp_path / "c.db", "-j", "1")
    writer.join(60)
    assert code == EXIT_OK, err


def test_fifo_found_in_a_folder_is_left_out_with_a_message(capsys, tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(folder / "b.txt")  # nobody writes it: reading it would wait for ever
    code, _, err = run(capsys, "ingest", folder, "--db", tmp_path / "c.db", "-j", "1")
    assert code == EXIT_SOME_FAILED
    assert "b.txt: not a regular file" in err and "1 added" in err


def test_read_reports_the_printable_name(cp1251_named):
    assert read(cp1251_named).name.endswith(r"\xcf\xe0\xf0\xe8\xe6.txt")
