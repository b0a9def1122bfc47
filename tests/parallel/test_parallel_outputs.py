"""JSON Lines and Parquet: one document at a time, read back whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ACCOUNTS
from contract import check_contract

from letopis.cli import EXIT_FAILED, EXIT_SOME_FAILED, EXIT_USAGE, main


def _run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


@pytest.fixture(scope="module")
def inputs(accounts, empty) -> list[Path]:
    return [accounts[0], empty, *accounts[1:]]


@pytest.fixture(scope="module")
def lines(inputs, tmp_path_factory) -> list[dict]:
    target = tmp_path_factory.mktemp("jsonl") / "out.jsonl"
    assert main([str(a) for a in ("extract", *inputs, "-o", target, "--jobs", "1", "-q")]) == EXIT_SOME_FAILED
    return [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]


def test_json_lines_hold_one_chronology_per_document_in_input_order(lines, accounts, capsys):
    assert len(lines) == len(accounts)
    for number, (line, path, text) in enumerate(zip(lines, accounts, ACCOUNTS), 1):
        check_contract(line, {f"d{number}": text})
        assert line["documents"][0]["source"] == str(path)
        assert line["events"]
    # Entities are per document: the one chronology unifies «Наполеон» across documents,
    # each line names him again with its own id.
    code, out, _ = _run(capsys, "extract", *accounts, "--jobs", "1", "-q")
    whole = json.loads(out)
    assert sum(len(line["events"]) for line in lines) == len(whole["events"])
    assert sum(any(e["name"] == "Наполеон" for e in line["entities"]) for line in lines) == 3
    assert len([e for e in whole["entities"] if e["name"] == "Наполеон"]) == 1


def test_json_lines_from_two_jobs_equal_those_from_one(capsys, inputs, lines):
    code, out, _ = _run(capsys, "extract", *inputs, "-f", "jsonl", "--jobs", "2", "-q")
    assert code == EXIT_SOME_FAILED
    assert [json.loads(line) for line in out.splitlines()] == lines


def test_parquet_tables_read_back_as_the_json_lines(capsys, inputs, lines, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    folder = tmp_path / "tables"
    code, _, _ = _run(capsys, "extract", *inputs, "-f", "parquet", "-o", folder, "--jobs", "1", "-q")
    assert code == EXIT_SOME_FAILED
    tables = {name: pq.read_table(folder / f"{name}.parquet").to_pylist()
              for name in ("documents", "entities", "mentions", "timexes", "events", "relations")}
    assert [(d["doc"], d["source"]) for d in tables["documents"]] == [(x["documents"][0]["id"], x["documents"][0]["source"]) for x in lines]
    events = [(e["doc"], e["id"], e["trigger_text"], e["earliest"], e["latest"], e["basis"]) for e in tables["events"]]
    assert events == [(e["doc"], e["id"], e["trigger"]["text"], e["time"]["earliest"], e["time"]["latest"], e["time"]["basis"])
                      for x in lines for e in x["events"]]
    entities = {(e["doc"], e["id"]): e["name"] for e in tables["entities"]}
    assert entities == {(x["documents"][0]["id"], e["id"]): e["name"] for x in lines for e in x["entities"]}
    assert all((m["doc"], m["entity"]) in entities for m in tables["mentions"])
    participants = [(e["doc"], p["entity"]) for e in tables["events"] for p in e["participants"]]
    assert participants and all(key in entities for key in participants)
    assert len(tables["timexes"]) == sum(len(x["timexes"]) for x in lines)
    assert len(tables["relations"]) == sum(len(x["relations"]) for x in lines)


def test_parquet_needs_a_folder(capsys, accounts):
    code, out, err = _run(capsys, "extract", accounts[0], "-f", "parquet")
    assert code == EXIT_USAGE and out == "" and "-o DIR" in err


def test_a_run_with_no_readable_document_writes_no_file(capsys, empty, tmp_path):
    target = tmp_path / "out.jsonl"
    code, _, err = _run(capsys, "extract", empty, "-o", target)
    assert code == EXIT_FAILED and not target.exists() and "nothing written" in err
