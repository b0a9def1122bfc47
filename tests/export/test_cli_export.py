"""`letopis export`: every format from a real `letopis extract` JSON and from a corpus
store; clear one-line errors for bad input."""

from __future__ import annotations

import csv
import json

import pytest

from export_support import EXAMPLE, dated
from letopis.cli import main

TEXT_FORMATS = {"timelinejs": "json", "timelinejs-csv": "csv", "geojson": "geojson",
                "jsonld": "jsonld", "gexf": "gexf", "graphml": "graphml"}


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_every_text_format_from_json(fmt, example_json, tmp_path, capsys):
    out = tmp_path / f"out.{TEXT_FORMATS[fmt]}"
    assert main(["export", "--from-json", str(example_json), "-f", fmt, "-o", str(out)]) == 0
    assert out.stat().st_size > 0
    assert f"{fmt}: " in capsys.readouterr().err
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "no temporary file left behind"


def test_timelinejs_from_json_quotes_the_source_it_finds(example_json, chronology, tmp_path):
    out = tmp_path / "timeline.json"
    assert main(["export", "--from-json", str(example_json), "-f", "timelinejs", "-o", str(out), "--title", "Париж, 1944"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["title"]["text"]["headline"] == "Париж, 1944"
    assert len(data["events"]) == len(dated(chronology))
    assert all("<blockquote>" in s["text"]["text"] for s in data["events"])  # the example file is beside it


def test_csv_folder_and_zip(example_json, chronology, tmp_path):
    assert main(["export", "--from-json", str(example_json), "-f", "csv", "-o", str(tmp_path / "tables")]) == 0
    with open(tmp_path / "tables" / "events.csv", encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == len(chronology["events"])
    assert main(["export", "--from-json", str(example_json), "-f", "csv", "-o", str(tmp_path / "tables.zip")]) == 0
    assert (tmp_path / "tables.zip").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tables", "tables.zip"]


def _error(capsys) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    return lines[-1]


def test_unknown_format_is_a_usage_error(example_json, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["export", "--from-json", str(example_json), "-f", "kml", "-o", str(tmp_path / "x")])
    assert exit_.value.code == 2
    assert "invalid choice: 'kml'" in _error(capsys)


@pytest.mark.parametrize("content, message", [
    (None, "cannot be read"),
    ("{not json", "not valid JSON (line 1"),
    ('{"type": "FeatureCollection", "features": []}', "not a letopis chronology"),
    ("[1, 2]", "not a letopis chronology (expected a JSON object)"),
    ('{"schema": "letopis.chronology/1", "documents": [], "entities": [], "timexes": [], "relations": []}',
     '"events" is missing'),
    ('{"schema": "letopis.chronology/1", "documents": [], "entities": [], "timexes": [], "relations": [], '
     '"events": [{"id": "d1.ev1"}]}', '"doc" is missing at $.events[0]'),
])
def test_bad_json_gets_one_line(content, message, tmp_path, capsys):
    source = tmp_path / "in.json"
    if content is not None:
        source.write_text(content, encoding="utf-8")
    out = tmp_path / "out.geojson"
    assert main(["export", "--from-json", str(source), "-f", "geojson", "-o", str(out)]) == 1
    line = _error(capsys)
    assert line.startswith("letopis: error: ") and message in line
    assert not out.exists()


def test_missing_store_and_missing_output_folder(example_json, tmp_path, capsys):
    assert main(["export", "--db", str(tmp_path / "none.db"), "-f", "csv", "-o", str(tmp_path / "t")]) == 1
    assert "no such corpus store" in _error(capsys)
    assert main(["export", "--from-json", str(example_json), "-f", "gexf", "-o", str(tmp_path / "no" / "x.gexf")]) == 1
    assert "does not exist" in _error(capsys)
    assert main(["export", "--from-json", str(example_json), "-f", "csv", "-o", str(tmp_path / "no" / "t.zip")]) == 1
    assert "does not exist" in _error(capsys)


def test_a_failed_export_leaves_the_old_file(example_json, tmp_path, capsys):
    out = tmp_path / "timeline.json"
    out.write_text("old", encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    assert main(["export", "--from-json", str(bad), "-f", "timelinejs", "-o", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == "old"


@pytest.fixture(scope="module")
def store_path(chronology, tmp_path_factory):
    store_module = pytest.importorskip("letopis.store")
    path = tmp_path_factory.mktemp("store") / "corpus.db"
    store = store_module.open_store(path)
    try:
        store.add_document(str(EXAMPLE), EXAMPLE.read_text(encoding="utf-8"), chronology)
    finally:
        store.close()
    return path


def test_export_from_a_corpus_store(store_path, chronology, tmp_path):
    out = tmp_path / "timeline.json"
    assert main(["export", "--db", str(store_path), "-f", "timelinejs", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["events"]) == len(dated(chronology))
    assert all("<blockquote>" in s["text"]["text"] for s in data["events"])  # texts come from the store
    assert main(["export", "--db", str(store_path), "-f", "csv", "-o", str(tmp_path / "t")]) == 0
    with open(tmp_path / "t" / "events.csv", encoding="utf-8-sig", newline="") as handle:
        events = list(csv.DictReader(handle))
    assert sorted((e["trigger"], e["earliest"], e["latest"]) for e in events) == \
        sorted((e["trigger"]["text"], e["time"]["earliest"] or "", e["time"]["latest"] or "") for e in chronology["events"])


def test_library_names_an_unknown_format(chronology):
    from letopis import export

    with pytest.raises(export.ExportError, match="unknown export format 'kml'; choose one of: timelinejs"):
        export.render(chronology, "kml")
    with pytest.raises(export.ExportError, match="several files"):
        export.render(chronology, "csv")


# --- what each export says it wrote, and the files' modes ----------------------------------

def test_timelinejs_counts_the_slides_it_wrote_and_the_undated_left_out(example_json, chronology, tmp_path, capsys):
    out = tmp_path / "timeline.json"
    assert main(["export", "--from-json", str(example_json), "-f", "timelinejs", "-o", str(out)]) == 0
    slides = len(json.loads(out.read_text(encoding="utf-8"))["events"])
    total = len(chronology["events"])
    err = capsys.readouterr().err
    assert f"{slides} of {total} events on the timeline" in err
    assert slides == total or f"{total - slides} without a date left out" in err


def test_geojson_counts_places_and_the_events_they_hold(example_json, chronology, tmp_path, capsys):
    out = tmp_path / "places.geojson"
    assert main(["export", "--from-json", str(example_json), "-f", "geojson", "-o", str(out)]) == 0
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    assert f"{len(features)} places with coordinates" in capsys.readouterr().err


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_files_are_made_with_the_users_umask(example_json, tmp_path, umask, mode):
    import os

    old = os.umask(umask)
    try:
        for fmt, name in [("timelinejs", "t.json"), ("csv", "tables.zip"), ("csv", "tables")]:
            out = tmp_path / f"{umask:o}-{name}"
            assert main(["export", "--from-json", str(example_json), "-f", fmt, "-o", str(out)]) == 0
            if out.is_dir():
                assert out.stat().st_mode & 0o777 == mode | (mode & 0o444) >> 2
                out = out / "events.csv"
            assert out.stat().st_mode & 0o777 == mode, (name, oct(out.stat().st_mode))
    finally:
        os.umask(old)


@pytest.mark.parametrize("groups", ["type", "actor", "none"])
def test_timelinejs_rows_are_few_or_none(example_json, tmp_path, groups):
    out = tmp_path / "timeline.json"
    assert main(["export", "--from-json", str(example_json), "-f", "timelinejs", "-o", str(out), "--groups", groups]) == 0
    rows = {s.get("group") for s in json.loads(out.read_text(encoding="utf-8"))["events"]}
    assert rows == {None} if groups == "none" else 1 < len(rows) <= 6
