"""The command line: formats, batches and bad input (clear message, non-zero exit, no traceback)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from contract import check_contract

from letopis.cli import EXIT_FAILED, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, main

GOOD = "19 августа 1944 года в Париже началось восстание. Генерал Шарль де Голль вернулся в Париж."


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_json_to_stdout_keeps_the_contract(capsys, good):
    code, out, _ = run(capsys, "extract", good)
    assert code == EXIT_OK
    data = json.loads(out)
    check_contract(data, {"d1": GOOD})
    assert data["documents"][0]["source"] == str(good)


@pytest.mark.parametrize("fmt, marker", [("md", "**восстание**"), ("html", "<mark>восстание</mark>")])
def test_readable_reports(capsys, good, fmt, marker):
    code, out, _ = run(capsys, "extract", good, "--format", fmt)
    assert code == EXIT_OK
    assert "Париж" in out and "1944" in out and marker in out


def test_output_file_format_from_its_extension(capsys, good, tmp_path):
    target = tmp_path / "out.html"
    code, out, _ = run(capsys, "extract", good, "-o", target)
    assert code == EXIT_OK and out == ""
    assert target.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


def test_stdin(capsys, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD.encode("cp1251")), encoding="cp1251"))
    code, out, _ = run(capsys, "extract", "-")
    assert code == EXIT_OK
    assert json.loads(out)["documents"][0]["source"] == "<stdin>"


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "whitespace"),
        ("scan.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n" + bytes(range(256)) * 4, "PDF"),
        ("noise.bin", bytes(range(256)) * 8, "binary"),
    ],
)
def test_bad_file_alone_fails_with_a_clear_message(capsys, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    code, out, err = run(capsys, "extract", path)
    assert code == EXIT_FAILED and out == ""
    assert message.lower() in err.lower() and name in err


def test_missing_file(capsys, tmp_path):
    code, _, err = run(capsys, "extract", tmp_path / "nowhere.txt")
    assert code == EXIT_FAILED and "nowhere.txt" in err


def test_one_bad_file_does_not_stop_the_batch(capsys, tmp_path, good):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    other = tmp_path / "other.txt"
    other.write_text("25 августа 1944 года де Голль выступил перед парижанами.", encoding="utf-8")
    code, out, err = run(capsys, "extract", good, bad, other)
    assert code == EXIT_SOME_FAILED
    data = json.loads(out)
    assert [d["source"] for d in data["documents"]] == [str(good), str(other)]
    assert "bad.txt" in err and "1 of 3" in err


def test_html_input_gives_visible_text_only(capsys, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>T</title><script>alert('x')</script></head>"
        f"<body><p>{GOOD}</p></body></html>",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "extract", page)
    assert code == EXIT_OK
    data = json.loads(out)
    assert data["documents"][0]["length"] == len(GOOD)
    assert "alert" not in out


def test_too_large_file_names_the_limit(capsys, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(GOOD * 2000, encoding="utf-8")
    code, _, err = run(capsys, "extract", big, "--max-size", "0.01")
    assert code == EXIT_FAILED and "--max-size" in err


# (arguments after the file, words of the one-line message): usage errors exit 2, as the README says
USAGE_ERRORS = [
    (["--dct", "вчера"], "YYYY-MM-DD"),
    (["--dct", "1944-02-30"], "YYYY-MM-DD"),
    (["--jobs", "0"], "--jobs"),
    (["--max-size", "0"], "--max-size"),
    (["--max-size", "-1"], "--max-size"),
    (["--engine", "dask"], "--scheduler"),
    (["--scheduler", "tcp://localhost:8786"], "--engine dask"),
    (["-f", "parquet"], "-o DIR"),
    (["-", "-"], "only once"),
]


@pytest.mark.parametrize("args, words", USAGE_ERRORS)
def test_usage_errors_exit_2_in_one_line(capsys, good, args, words):
    code, out, err = run(capsys, "extract", good, *args)
    assert code == EXIT_USAGE and out == "" and words in err and len(err.strip().splitlines()) == 1


# (document date as given, as the chronology writes it)
DCTS = [("2016-03-01", "2016-03-01"), ("-0043-03-15", "-0043-03-15"), ("0001-01-01", "0001-01-01")]


@pytest.mark.parametrize("dct, iso", DCTS)
def test_dct_before_our_era_and_after_it(capsys, tmp_path, dct, iso):
    news = tmp_path / "news.txt"
    news.write_text("Вчера в городе началось восстание.", encoding="utf-8")
    code, out, _ = run(capsys, "extract", news, "--dct", dct)
    assert code == EXIT_OK
    [event] = [e for e in json.loads(out)["events"] if e["trigger"]["text"] == "восстание"]
    assert event["time"]["earliest"] is not None


@pytest.mark.parametrize("argv, joined", [
    (["events", "--from", "-0052-01-01", "--to", "-0043-12-31"], ["events", "--from=-0052-01-01", "--to=-0043-12-31"]),
    (["extract", "a.txt", "--dct", "-0043-03-15"], ["extract", "a.txt", "--dct=-0043-03-15"]),
    (["events", "--from", "1944-08-01", "-q"], ["events", "--from", "1944-08-01", "-q"]),
    (["extract", "-", "--from", "-q"], ["extract", "-", "--from", "-q"]),
])
def test_bc_dates_reach_the_date_options(argv, joined):
    from letopis.cli import bc_dates_joined

    assert bc_dates_joined(argv) == joined


def test_no_command_prints_help(capsys):
    code, _, err = run(capsys)
    assert code == EXIT_USAGE and "extract" in err


def test_output_into_missing_folder_is_refused_and_writes_nothing(capsys, good, tmp_path):
    code, _, err = run(capsys, "extract", good, "-o", tmp_path / "no" / "such" / "out.json")
    assert code == EXIT_FAILED and "does not exist" in err


def test_console_script_runs_as_a_module(good):
    done = subprocess.run([sys.executable, "-m", "letopis", "extract", str(good), "-q"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["schema"] == "letopis.chronology/1"


def test_document_date_anchors_news_words(capsys, tmp_path):
    news = tmp_path / "news.txt"
    news.write_text("Вчера армия вошла в город.", encoding="utf-8")
    code, out, _ = run(capsys, "extract", news, "--dct", "2016-03-01")
    assert code == EXIT_OK
    data = json.loads(out)
    assert [(t["value"], t["anchor"]) for t in data["timexes"]] == [("2016-02-29", "document")]
    assert data["events"][0]["time"]["earliest"] == "2016-02-29"


def test_without_a_document_date_news_words_stay_unanchored(capsys, tmp_path):
    news = tmp_path / "news.txt"
    news.write_text("Вчера армия вошла в город.", encoding="utf-8")
    code, out, _ = run(capsys, "extract", news)
    data = json.loads(out)
    assert data["events"][0]["time"]["earliest"] is None


def test_a_long_document_reports_each_stage_unless_quiet(capsys, good, monkeypatch):
    import letopis
    from letopis import parallel

    monkeypatch.setattr(parallel, "LONG_TEXT", len(GOOD))  # the example counts as long
    code, out, err = run(capsys, "extract", good, "-j", "1")
    assert code == EXIT_OK and json.loads(out)["events"]
    lines = [line for line in err.splitlines() if ": stage " in line]
    count = len(letopis.default_pipeline().names)
    assert [line.split(": stage ")[1].split(",")[0] for line in lines][:2] == [f"1/{count} segment", f"2/{count} morph"]
    assert len(lines) == count and all(str(good) in line for line in lines)
    code, _, err = run(capsys, "extract", good, "-j", "1", "-q")
    assert code == EXIT_OK and ": stage " not in err


def test_a_short_document_reports_no_stages(capsys, good):
    code, _, err = run(capsys, "extract", good, "-j", "1")
    assert code == EXIT_OK and ": stage " not in err
