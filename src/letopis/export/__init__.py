"""Exports of a chronology to the tools historians use.

Each format is one module; all take a contract chronology dict (from
`letopis.extract(...).to_dict()`, a JSON file made by `letopis extract`, or
`Store.chronology()`), optionally with the documents' texts (`texts={doc_id: text}`,
to quote source sentences) and the cross-document layer (`corpus_events=`,
`conflicts=`). The field mappings are documented in docs/exports.md.

    from letopis import export
    text = export.render(chron, "timelinejs")          # a text format, as a string
    export.write(chron, "csv", "tables.zip")           # any format, to a file or folder
    frames = export.dataframes(chron)                  # pandas, if installed
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..output import write_atomically
from . import geojson, gexf, graphml, jsonld, tables, tei, timelinejs, timelinejs_csv
from .source import ExportError, Source, check, read_json, source
from .tables import dataframes

# format name -> the function that writes it as text
TEXT_FORMATS: dict[str, Callable[..., str]] = {
    "timelinejs": timelinejs.to_json,
    "timelinejs-csv": timelinejs_csv.to_csv,
    "geojson": geojson.to_json,
    "jsonld": jsonld.to_json,
    "gexf": gexf.to_xml,
    "graphml": graphml.to_xml,
    "tei": tei.to_xml,
}
FORMATS = (*TEXT_FORMATS, "csv")

__all__ = ["FORMATS", "ExportError", "Source", "check", "dataframes", "read_json", "render", "source", "write"]


def render(chronology: Any, fmt: str, **options: Any) -> str:
    """The export in a text format; `csv` is several files, so it has `write` only."""
    if fmt == "csv":
        raise ExportError("the csv export is several files; use letopis.export.write")
    if fmt not in TEXT_FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    return TEXT_FORMATS[fmt](chronology, **options)


def write(chronology: Any, fmt: str, output: str | Path, **options: Any) -> list[Path]:
    """Write the export to `output` atomically; returns the files written.

    `csv` writes one file per table into the folder `output`, or into a .zip when
    `output` ends in `.zip`."""
    if fmt == "csv":
        if str(output).lower().endswith(".zip"):
            return [tables.write_zip(chronology, output, **options)]
        return tables.write_folder(chronology, output, **options)
    text = render(chronology, fmt, **options)
    write_atomically(text, output)
    return [Path(output)]

