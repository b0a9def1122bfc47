"""`letopis serve`: a clear startup message with the URL, a clean Ctrl-C, one-line errors."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import urllib.request

import pytest

from letopis.cli import EXIT_FAILED, EXIT_USAGE, main


@pytest.mark.parametrize("args, words, exit_code", [
    (["--db", "no-such-corpus.db"], "no-such-corpus.db", EXIT_FAILED),
    (["--writable"], "--db", EXIT_USAGE),
    (["--port", "70000"], "--port", EXIT_USAGE),
    (["--max-upload", "0"], "positive", EXIT_USAGE),
    (["--timeout", "-1"], "positive", EXIT_USAGE),
    (["--host", "256.1.1.1", "--port", "0"], "cannot listen", EXIT_FAILED),
])
def test_bad_options_are_one_line(capsys, tmp_path, monkeypatch, args, words, exit_code):
    monkeypatch.chdir(tmp_path)
    code = main(["serve", *args])
    err = capsys.readouterr().err
    assert code == exit_code
    assert words in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "kill"])
def test_starts_with_its_url_and_stops_cleanly(corpus_db, stop):
    process = subprocess.Popen([sys.executable, "-m", "letopis", "serve", "--db", str(corpus_db["path"]), "--port", "0", "-q"],
                               stderr=subprocess.PIPE, text=True)
    try:
        line = process.stderr.readline()
        url = re.search(r"at (http://127\.0\.0\.1:\d+/)", line)
        assert url and "read-only" in line, line
        with urllib.request.urlopen(url.group(1) + "api/documents", timeout=30) as response:
            assert json.loads(response.read())["total"] == 2
        process.send_signal(stop)
        assert process.wait(timeout=30) == 0
        rest = process.stderr.read()
        assert "stopped" in rest and "Traceback" not in rest
    finally:
        if process.poll() is None:
            process.kill()


def test_serves_the_letopis_db_of_the_current_folder_without_db(corpus_db, tmp_path):
    import shutil

    shutil.copy(corpus_db["path"], tmp_path / "letopis.db")
    process = subprocess.Popen([sys.executable, "-m", "letopis", "serve", "--port", "0", "-q"],
                               stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    try:
        line = process.stderr.readline()
        url = re.search(r"at (http://127\.0\.0\.1:\d+/)", line)
        assert url and "letopis.db" in line, line
        with urllib.request.urlopen(url.group(1) + "api/documents", timeout=30) as response:
            assert json.loads(response.read())["total"] == 2
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
