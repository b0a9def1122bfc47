"""`letopis events` and `letopis entities`: ask the corpus database.

    letopis events --person "де Голль" --from 1944-08-01 --to 1944-08-31
    letopis events --search забастовка --format csv > strikes.csv
    letopis entities --type PERSON --limit 20

Names match in any word form («де Голля» finds «де Голль»); dates are YYYY-MM-DD and keep
the events whose date interval meets the range. Output is a table for reading, or JSON
or CSV for other programs.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import shutil
import sys
from typing import Any

from ..cli import EXIT_OK, add_db_option, write_output
from ..errors import LetopisError, UsageError
from ._options import check_count

FORMATS = ("table", "json", "csv")
FACTUALITY = ("actual", "negated", "intended", "unrealized", "hypothetical", "uncertain")
DEFAULT_LIMIT = 100


def register(commands) -> None:
    events = commands.add_parser(
        "events",
        help="list stored events: by person, place, type, factuality, document, dates or text",
        description="List events from the corpus database in chronological order.",
    )
    _common(events)
    events.add_argument("--person", metavar="NAME", help="a participant's name, any word form («де Голля»)")
    events.add_argument("--place", metavar="NAME", help="a place's name, any word form («в Париже»)")
    events.add_argument("--entity", metavar="ID", help="an entity id (see `letopis entities`)")
    events.add_argument("--type", metavar="T", help="event type (capture, strike, travel, ...)")
    events.add_argument("--factuality", choices=FACTUALITY, help="keep only this factuality")
    events.add_argument("--doc", metavar="ID", help="a document id (d1, d2, ...)")
    events.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="events that may fall on or after this day")
    events.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="events that may fall on or before this day")
    events.add_argument("--search", metavar="TEXT", help="words in the event's sentence, any word form")
    events.add_argument("--offset", type=int, default=0, metavar="N", help="skip the first N events (paging)")
    events.set_defaults(run=events_command)

    entities = commands.add_parser(
        "entities",
        help="list stored people, organisations, places ...: most mentioned first",
        description="List entities from the corpus database, most mentioned first.",
    )
    _common(entities)
    entities.add_argument("--type", metavar="T", help="PERSON, ORGANIZATION, LOCATION, FACILITY, GROUP, ...")
    entities.add_argument("--name", metavar="NAME", help="a name or part of one, any word form")
    entities.set_defaults(run=entities_command)


def _common(parser: argparse.ArgumentParser) -> None:
    add_db_option(parser)
    parser.add_argument("--limit", type=int, default=DEFAULT_LIMIT, metavar="N",
                        help=f"show at most N (default {DEFAULT_LIMIT}; 0 for all)")
    parser.add_argument("-f", "--format", choices=FORMATS, default="table", help="output format (default: table)")
    parser.add_argument("-o", "--output", metavar="OUT", help="write here instead of standard output")


def _open(args: argparse.Namespace):
    from ..store import open_store

    check_count("--limit", args.limit, 0, " (all)")
    return open_store(args.db, readonly=True)


# --- events -----------------------------------------------------------------------------


def events_command(args: argparse.Namespace) -> int:
    from ..store.dates import checked_day_number

    low = checked_day_number(args.date_from, "--from") if args.date_from else None
    high = checked_day_number(args.date_to, "--to") if args.date_to else None
    if low is not None and high is not None and low > high:
        raise UsageError(f"--from {args.date_from} is after --to {args.date_to}")
    check_count("--offset", args.offset)
    filters = {"person": args.person, "place": args.place, "entity": args.entity, "type": args.type,
               "factuality": args.factuality, "doc": args.doc, "date_from": args.date_from,
               "date_to": args.date_to, "search": args.search}
    with _open(args) as store:
        events = store.events(**filters, limit=args.limit or None, offset=args.offset)
        total = store.count_events(**filters) if args.format == "table" else len(events)
        names = store.entity_names([p["entity"] for e in events for p in e["participants"]]
                                   + [place for e in events for place in e["places"]])
        sources = {d["id"]: d["source"] for d in store.documents()} if events else {}
    rows = [_event_row(event, names, sources) for event in events]
    if args.format == "json":
        text = json.dumps([_event_json(e, names, sources) for e in events], ensure_ascii=False, indent=2) + "\n"
    elif args.format == "csv":
        text = _csv(rows, EVENT_COLUMNS)
    else:
        text = _table(rows, TABLE_EVENT_COLUMNS)
        _footer(len(events), total, args.offset, "events")
    write_output(text, args.output)
    return EXIT_OK


EVENT_COLUMNS = ("id", "date", "earliest", "latest", "basis", "type", "trigger", "factuality",
                 "participants", "places", "doc", "source", "start", "end")
TABLE_EVENT_COLUMNS = (("date", 38), ("type", 18), ("trigger", 16), ("participants", 40), ("places", 20),
                       ("factuality", 11), ("doc", 5), ("id", 10))


def _event_row(event: dict[str, Any], names: dict[str, str], sources: dict[str, str]) -> dict[str, Any]:
    from ..render.dates import describe

    time = event["time"]
    return {
        "id": event["id"],
        "date": describe(time["earliest"], time["latest"], time["basis"]),
        "earliest": time["earliest"] or "",
        "latest": time["latest"] or "",
        "basis": time["basis"],
        "type": event["type"],
        "trigger": event["trigger"]["text"],
        "factuality": event["factuality"],
        "participants": "; ".join(f"{names.get(p['entity'], p['entity'])} ({p['role']})" for p in event["participants"]),
        "places": "; ".join(names.get(place, place) for place in event["places"]),
        "doc": event["doc"],
        "source": sources.get(event["doc"], ""),
        "start": event["trigger"]["start"],
        "end": event["trigger"]["end"],
    }


def _event_json(event: dict[str, Any], names: dict[str, str], sources: dict[str, str]) -> dict[str, Any]:
    """The contract's event dict, with names beside the ids (`participants[].name`, `place_names`)."""
    return event | {
        "participants": [p | {"name": names.get(p["entity"])} for p in event["participants"]],
        "place_names": [names.get(place) for place in event["places"]],
        "source": sources.get(event["doc"]),
    }


# --- entities ---------------------------------------------------------------------------


def entities_command(args: argparse.Namespace) -> int:
    with _open(args) as store:
        entities = store.entities(type=args.type, name=args.name, limit=args.limit or None)
    if args.format == "json":
        text = json.dumps(entities, ensure_ascii=False, indent=2) + "\n"
    else:
        rows = [_entity_row(entity) for entity in entities]
        text = _csv(rows, ENTITY_COLUMNS) if args.format == "csv" else _table(rows, TABLE_ENTITY_COLUMNS)
        if args.format == "table" and not entities:
            print("letopis: no entities match", file=sys.stderr)
    write_output(text, args.output)
    return EXIT_OK


ENTITY_COLUMNS = ("id", "type", "subtype", "name", "aliases", "mentions", "documents", "titles", "geo")
TABLE_ENTITY_COLUMNS = (("id", 7), ("type", 12), ("subtype", 12), ("name", 30), ("aliases", 30),
                        ("mentions", 8), ("documents", 9), ("titles", 30))


def _entity_row(entity: dict[str, Any]) -> dict[str, Any]:
    attributes = entity.get("attributes") or {}
    geo = attributes.get("geo") or {}
    return {
        "id": entity["id"], "type": entity["type"], "subtype": entity["subtype"] or "", "name": entity["name"],
        "aliases": "; ".join(entity["aliases"]),
        "mentions": len(entity["mentions"]),
        "documents": len({m["doc"] for m in entity["mentions"]}),
        "titles": "; ".join(attributes.get("titles") or []),
        "geo": geo.get("id", "") if isinstance(geo, dict) else "",
    }


# --- output -----------------------------------------------------------------------------


def _csv(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _table(rows: list[dict[str, Any]], columns: tuple[tuple[str, int], ...]) -> str:
    """Columns as wide as their content up to a cap; long cells end in «…»."""
    if not rows:
        return ""
    width = shutil.get_terminal_size((160, 24)).columns
    widths = [min(cap, max(len(name), *(len(str(row[name])) for row in rows))) for name, cap in columns]
    while sum(widths) + 2 * (len(widths) - 1) > width and max(widths) > 12:
        widths[widths.index(max(widths))] -= 1  # narrow the widest column until the table fits
    lines = ["  ".join(name.ljust(w) for (name, _), w in zip(columns, widths)).rstrip(),
             "  ".join("─" * w for w in widths)]
    for row in rows:
        lines.append("  ".join(_cell(str(row[name]), w) for (name, _), w in zip(columns, widths)).rstrip())
    return "\n".join(lines) + "\n"


def _cell(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text.ljust(width) if len(text) <= width else text[:width - 1] + "…"


def _footer(shown: int, total: int, offset: int, what: str) -> None:
    if not total:
        print(f"letopis: no {what} match", file=sys.stderr)
    elif shown < total:
        print(f"letopis: showing {offset + 1}–{offset + shown} of {total} {what}; use --limit and --offset for more",
              file=sys.stderr)
