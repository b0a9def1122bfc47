"""Helpers shared by the export tests: what the chronology says, and TimelineJS's rules."""

from __future__ import annotations

import calendar
import re
from pathlib import Path
from typing import Any

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "paris-1944.txt"

# TimelineJS 3.9 src/js/date/DateUtil.js, validDateConfig: every date field is an integer
# or empty (VALID_INTEGER_PATTERN = /(^-?\d+$|^$)/).
TIMELINEJS_INTEGER = re.compile(r"^-?\d+$|^$")
TIMELINEJS_DATE_FIELDS = ("year", "month", "day", "hour", "minute", "second", "millisecond")


def dated(chronology: dict) -> list[dict]:
    return [e for e in chronology["events"] if e["time"]["earliest"] or e["time"]["latest"]]


def timelinejs_date_problems(date: dict[str, Any]) -> list[str]:
    """What TimelineJS would reject or silently move in a date object.

    - "every date must have at least a year to be valid" (ConfigFactory.js, V3 date handling;
      the JSON format documentation: `year` is required);
    - every field matches VALID_INTEGER_PATTERN (DateUtil.validDateConfig), numbers allowed;
    - TLDate builds a JavaScript Date, which rolls month 13 or 31 June over into the next
      month without a word, so month and day must name a real day.
    """
    problems = []
    if date.get("year") in (None, ""):
        problems.append("no year")
    for key in TIMELINEJS_DATE_FIELDS:
        value = date.get(key)
        if value is not None and not (isinstance(value, int) and not isinstance(value, bool)) \
                and not (isinstance(value, str) and TIMELINEJS_INTEGER.match(value)):
            problems.append(f"{key}={value!r} is not an integer")
    if problems:
        return problems
    month, day = date.get("month"), date.get("day")
    if day not in (None, "") and month in (None, ""):
        problems.append("a day without a month")
    if month not in (None, "") and not 1 <= int(month) <= 12:
        problems.append(f"month {month}")
    if day not in (None, "") and month not in (None, "") and 1 <= int(month) <= 12:
        year = int(date["year"])
        # calendar.monthrange wants years 1..9999; leap years repeat every 400 years
        if not 1 <= int(day) <= calendar.monthrange(year % 400 + 2000, int(month))[1]:
            problems.append(f"day {day} of month {month}")
    return problems


def timelinejs_problems(data: dict[str, Any]) -> list[str]:
    """TimelineJS's own checks on a JSON config (TimelineConfig.js, 3.9):
    `events` is a non-empty list ("Timeline configuration has no events"), each slide has
    a `start_date` (addEvent skips one without), `unique_id`s are unique across slides and
    the title (ensureUniqueKey would rename a clash), `text` holds `headline` and `text`."""
    problems = []
    events = data.get("events")
    if not isinstance(events, list) or not events:
        return ["no events"]
    ids = [data.get("title", {}).get("unique_id")] + [e.get("unique_id") for e in events]
    if len(set(ids)) != len(ids):
        problems.append("unique_id values repeat")
    for slide in events:
        if "start_date" not in slide:
            problems.append(f"{slide.get('unique_id')}: no start_date")
            continue
        for key in ("start_date", "end_date"):
            if key in slide:
                problems += [f"{slide.get('unique_id')}: {key}: {p}" for p in timelinejs_date_problems(slide[key])]
        if not {"headline", "text"} <= set(slide.get("text", {})):
            problems.append(f"{slide.get('unique_id')}: text lacks headline or text")
    return problems
