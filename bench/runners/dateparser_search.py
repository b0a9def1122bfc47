"""dateparser `search_dates` (Russian): date spans.

`search_dates` returns (substring, datetime) pairs without offsets, so each substring is
located in the text in order, from the end of the previous one. Its datetime is a day
whatever the text says («в 1812 году» becomes a day of 1812), and that day is its bounds.
"""

from __future__ import annotations

import re
import sys

from runner_io import Prediction, Process, Unavailable, bounds, serve, span


def locate(text: str, found: str, cursor: int) -> tuple[int, int] | None:
    """Offsets of `found` at or after `cursor`, else anywhere; whitespace may differ."""
    for start_at in (cursor, 0):
        at = text.find(found, start_at)
        if at >= 0:
            return at, at + len(found)
    pattern = re.compile(r"\s+".join(re.escape(part) for part in found.split()))
    for start_at in (cursor, 0):
        hit = pattern.search(text, start_at)
        if hit:
            return hit.start(), hit.end()
    return None


def load() -> Process:
    try:
        from dateparser.search import search_dates
    except ImportError as exc:
        raise Unavailable(f"dateparser not importable: {exc}") from exc
    search_dates("В мае 2007 года.", languages=["ru"])  # warm the language data up

    def process(text: str) -> Prediction:
        spans, cursor = [], 0
        for found, when in search_dates(text, languages=["ru"]) or []:
            where = locate(text, found, cursor)
            if where is None:
                print(f"dateparser: could not locate {found!r}", file=sys.stderr)
                continue
            spans.append(span("timex", "DATE", *where, **bounds(when.year, when.month, when.day)))
            cursor = where[1]
        return {"spans": spans}

    return process


if __name__ == "__main__":
    serve(load, ("dateparser",))
