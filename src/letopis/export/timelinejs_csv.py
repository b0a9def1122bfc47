"""TimelineJS spreadsheet CSV: the same slides as the JSON, one row each, in the columns of
the TimelineJS Google Sheets template (a title row has Type `title`).

A historian can open it in a spreadsheet, correct it, and publish it to TimelineJS; or point
TimelineJS at the CSV file directly. No byte-order mark: TimelineJS reads the header row
literally, and «\\ufeffYear» would not be its Year column.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from .source import Record
from .timelinejs import timeline

COLUMNS = (
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
    "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
    "Media Thumbnail", "Type", "Group", "Background",
)


def to_csv(chronology: Any, *, title: str | None = None, **extras: Any) -> str:
    """The spreadsheet as CSV text (RFC 4180 quoting, CRLF line ends)."""
    data = timeline(chronology, title=title, **extras)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerow(_row(data["title"], kind="title"))
    for slide in data["events"]:
        writer.writerow(_row(slide))
    return out.getvalue()


def _row(slide: Record, kind: str = "") -> dict[str, str]:
    start, end = slide.get("start_date") or {}, slide.get("end_date") or {}
    text = slide.get("text") or {}
    return {
        "Year": _cell(start.get("year")),
        "Month": _cell(start.get("month")),
        "Day": _cell(start.get("day")),
        "End Year": _cell(end.get("year")),
        "End Month": _cell(end.get("month")),
        "End Day": _cell(end.get("day")),
        "Display Date": slide.get("display_date", ""),
        "Headline": text.get("headline", ""),
        "Text": text.get("text", ""),
        "Type": kind,
        "Group": slide.get("group", ""),
    }


def _cell(value: int | None) -> str:
    return "" if value is None else str(value)
