"""CSV tables read back with Python's csv module and with pandas; `dataframes`."""

from __future__ import annotations

import csv
import io
import sys
import zipfile

import pandas as pd
import pytest

from letopis import export
from letopis.export import tables

NAMES = ("documents", "events", "entities", "mentions", "participants", "relations")


def _read(path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _counts(chronology) -> dict[str, int]:
    return {
        "documents": len(chronology["documents"]),
        "events": len(chronology["events"]),
        "entities": len(chronology["entities"]),
        "mentions": sum(len(e["mentions"]) for e in chronology["entities"]),
        "participants": sum(len(e["participants"]) + len(e["places"]) for e in chronology["events"]),
        "relations": len(chronology["relations"]),
    }


def test_folder_of_csv_files_reads_back(chronology, texts, tmp_path):
    written = export.write(chronology, "csv", tmp_path / "tables", texts=texts)
    assert sorted(p.name for p in written) == sorted(f"{n}.csv" for n in NAMES)
    rows = {n: _read(tmp_path / "tables" / f"{n}.csv") for n in NAMES}
    assert {n: len(r) for n, r in rows.items()} == _counts(chronology)
    for row, event in zip(rows["events"], chronology["events"]):
        assert row["id"] == event["id"] and row["trigger"] == event["trigger"]["text"]
        assert row["earliest"] == (event["time"]["earliest"] or "")
        assert row["latest"] == (event["time"]["latest"] or "")
        text = texts[event["doc"]]
        assert text[int(row["trigger_start"]):int(row["trigger_end"])] == row["trigger"]
        assert row["sentence"] == text[int(row["sentence_start"]):int(row["sentence_end"])]
    entity_ids, event_ids = {r["id"] for r in rows["entities"]}, {r["id"] for r in rows["events"]}
    assert all(r["entity"] in entity_ids and r["event"] in event_ids for r in rows["participants"])
    assert all(r["source"] in event_ids and r["target"] in event_ids for r in rows["relations"])
    assert {r["role"] for r in rows["participants"]} >= {"agent", "place"}


def test_zip_holds_the_same_tables(chronology, tmp_path):
    export.write(chronology, "csv", tmp_path / "tables.zip")
    export.write(chronology, "csv", tmp_path / "folder")
    with zipfile.ZipFile(tmp_path / "tables.zip") as archive:
        assert sorted(archive.namelist()) == sorted(f"{n}.csv" for n in NAMES)
        for name in NAMES:
            inside = archive.read(f"{name}.csv").decode("utf-8-sig")
            assert list(csv.DictReader(io.StringIO(inside))) == _read(tmp_path / "folder" / f"{name}.csv")


def test_pandas_reads_the_csv_files(chronology, tmp_path):
    export.write(chronology, "csv", tmp_path / "t")
    events = pd.read_csv(tmp_path / "t" / "events.csv", encoding="utf-8-sig", dtype={"earliest": "string"})
    assert list(events.columns) == list(tables.COLUMNS["events"])
    assert len(events) == len(chronology["events"])
    assert events["earliest"].isna().sum() == sum(1 for e in chronology["events"] if not e["time"]["earliest"])
    entities = pd.read_csv(tmp_path / "t" / "entities.csv", encoding="utf-8-sig")
    assert entities["lat"].notna().sum() == sum(1 for e in chronology["entities"] if (e.get("attributes") or {}).get("geo"))


def test_dataframes_are_typed(chronology):
    frames = export.dataframes(chronology)
    assert set(frames) == set(NAMES)
    events = frames["events"]
    assert str(events["trigger_start"].dtype) == "Int64"
    assert events["earliest"].isna().sum() == sum(1 for e in chronology["events"] if not e["time"]["earliest"])
    joined = frames["participants"].merge(events, left_on="event", right_on="id")
    assert len(joined) == len(frames["participants"])
    mentions = frames["mentions"]
    assert (mentions["end"] > mentions["start"]).all()


def test_dataframes_without_pandas_says_how_to_get_it(chronology, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(export.ExportError, match=r"letopis\[pandas\]"):
        export.dataframes(chronology)

