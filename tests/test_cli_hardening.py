"""The command line against careless and hostile values (issue 22, CLI defects): every
numeric option checked (exit 2, one line), --jobs capped at the cores unless forced, broken
chronology files refused in one line, and no traceback anywhere."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from letopis.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from letopis.commands._options import cores

GOOD = "19 августа 1944 года в Париже началось восстание."
TWENTY_DIGITS = "9" * 20


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    db = folder / "c.db"
    assert main(["ingest", str(folder / "a.txt"), "--db", str(db), "-j", "1", "-q"]) == EXIT_OK
    return db


@pytest.mark.parametrize("command", ["extract", "ingest"])
@pytest.mark.parametrize("size", ["nan", "inf", "-inf", "1e300", "0", "-5"])
def test_max_size_must_be_a_finite_positive_size(capsys, good, tmp_path, command, size):
    extra = ["--db", tmp_path / "c.db"] if command == "ingest" else []
    code, out, err = run(capsys, command, good, f"--max-size={size}", *extra)
    assert code == EXIT_USAGE and "--max-size" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("args, words", [
    (["events", "--offset", TWENTY_DIGITS], "--offset"),
    (["events", "--limit", TWENTY_DIGITS], "--limit"),
    (["entities", "--limit", TWENTY_DIGITS], "--limit"),
    (["events", "--offset=-1"], "--offset"),
    (["merge", "--forget", TWENTY_DIGITS], "--forget"),
    (["merge", "--forget", "0"], "--forget"),
])
def test_counts_beyond_sqlite_are_usage_errors(capsys, corpus, args, words):
    code, _, err = run(capsys, *args, "--db", corpus)
    assert code == EXIT_USAGE and words in err and len(err.strip().splitlines()) == 1


def test_largest_offset_sqlite_takes_is_fine(capsys, corpus):
    code, out, _ = run(capsys, "events", "--db", corpus, "--offset", str(2**63 - 1), "-f", "json")
    assert code == EXIT_OK


def test_jobs_above_the_cores_is_capped_with_a_note(capsys, good):
    code, out, err = run(capsys, "extract", good, "--jobs", "1000")
    assert code == EXIT_OK and json.loads(out)["documents"]
    assert f"using {cores()}" in err and "--force-jobs" in err


def test_force_jobs_is_documented_and_accepted(capsys, good):
    code, out, err = run(capsys, "extract", good, "--jobs", str(cores() + 1), "--force-jobs", "-q")
    assert code == EXIT_OK and "using" not in err


def test_twenty_digit_jobs_is_a_usage_error(capsys, good):
    code, _, err = run(capsys, "extract", good, "--jobs", TWENTY_DIGITS, "--force-jobs")
    assert code == EXIT_USAGE and "--jobs" in err


def test_jobs_are_capped_by_the_cores(monkeypatch):
    import argparse

    from letopis.commands import _options

    monkeypatch.setattr(_options, "cores", lambda: 4)
    assert _options.jobs(argparse.Namespace(jobs=None, force_jobs=False), quiet=True) == 4
    assert _options.jobs(argparse.Namespace(jobs=64, force_jobs=False), quiet=True) == 4
    assert _options.jobs(argparse.Namespace(jobs=64, force_jobs=True), quiet=True) == 64
    assert _options.jobs(argparse.Namespace(jobs=2, force_jobs=False), quiet=True) == 2


@pytest.fixture(scope="module")
def chronology(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("chron")
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    out = folder / "a.json"
    assert main(["extract", str(folder / "a.txt"), "-o", str(out), "-q"]) == EXIT_OK
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("day", ["1944-13-01", "1944-02-30", "99999999-01-01", "-99999999999-01-01"])
@pytest.mark.parametrize("fmt", ["timelinejs", "timelinejs-csv", "geojson", "jsonld"])
def test_export_refuses_a_chronology_with_an_impossible_day(capsys, tmp_path, chronology, day, fmt):
    data = json.loads(json.dumps(chronology))
    data["events"][0]["time"].update(earliest=day, latest=day)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run(capsys, "export", "--from-json", path, "-f", fmt, "-o", tmp_path / "out")
    assert code == EXIT_FAILED and "no such day" in err and len(err.strip().splitlines()) == 1


def test_export_refuses_deeply_nested_json(capsys, tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    code, _, err = run(capsys, "export", "--from-json", path, "-f", "geojson", "-o", tmp_path / "out.geojson")
    assert code == EXIT_FAILED and "nested too deeply" in err


def test_export_into_an_unwritable_folder_is_one_line(capsys, tmp_path, chronology):
    path = tmp_path / "a.json"
    path.write_text(json.dumps(chronology), encoding="utf-8")
    folder = Path("/proc") if os.geteuid() == 0 else tmp_path / "ro"
    if folder != Path("/proc"):
        folder.mkdir()
        folder.chmod(0o555)
    code, _, err = run(capsys, "export", "--from-json", path, "-f", "geojson", "-o", folder / "x.geojson")
    assert code == EXIT_FAILED and "cannot write" in err


@pytest.mark.parametrize("args", [
    ["extract", "--no-such-option", "x"],
    ["extract"],
    ["events", "--limit", "many"],
    ["export", "-f", "geojson"],
])
def test_usage_errors_exit_2_from_the_console(args):
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    result = subprocess.run([sys.executable, "-m", "letopis", *args], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == EXIT_USAGE and "Traceback" not in result.stderr


def test_parquet_into_an_unwritable_folder_is_refused_before_the_analysis(capsys, tmp_path):
    pytest.importorskip("pyarrow")
    folder = Path("/proc") if os.geteuid() == 0 else tmp_path / "ro"
    if folder != Path("/proc"):
        folder.mkdir()
        folder.chmod(0o555)
    code, _, err = run(capsys, "extract", tmp_path / "missing.txt", "-f", "parquet", "-o", folder / "out")
    assert code == EXIT_FAILED and "cannot write in folder" in err and "missing.txt" not in err


def test_corpus_layer_of_a_chronology_file_is_a_usage_error(capsys, tmp_path, chronology):
    path = tmp_path / "a.json"
    path.write_text(json.dumps(chronology), encoding="utf-8")
    code, _, err = run(capsys, "export", "--from-json", path, "--corpus", "-f", "geojson", "-o", tmp_path / "x.geojson")
    assert code == EXIT_USAGE and "--corpus" in err
