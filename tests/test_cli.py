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


def test_bad_dct_is_a_usage_error_not_a_traceback(capsys, good):
    code, _, err = run(capsys, "extract", good, "--dct", "вчера")
    assert code == EXIT_FAILED and "YYYY-MM-DD" in err


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
