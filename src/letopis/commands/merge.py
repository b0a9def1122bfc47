"""`letopis merge`: see and correct which events and entities the corpus merged.

    letopis merge --db letopis.db --list                 # merged events and the corrections
    letopis merge --db letopis.db --undo C12             # split a corpus event into its sources
    letopis merge --db letopis.db --undo d3.ev7          # take one source's event out of its corpus event
    letopis merge --db letopis.db --force d1.ev4 d2.ev9  # these two are one event
    letopis merge --db letopis.db --undo CE5             # entities: CE<N> (corpus) or E<N> (stored)
    letopis merge --db letopis.db --forget 3             # drop correction 3

Corrections are kept by stable keys (a document's sha256 and the trigger's offsets; an
entity's type and normalised name), so they hold after later ingests renumber anything.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..cli import EXIT_OK, add_db_option, write_output
from ..output import check_target


def register(commands) -> None:
    parser = commands.add_parser(
        "merge",
        help="list, undo or force merges of events and entities across documents",
        description="Corrections to the corpus merge. Event ids: C<N> (corpus event) or d<N>.ev<M> (a document's "
                    "event); entity ids: CE<N> (corpus entity) or E<N> (stored entity). Corrections survive re-ingest.",
    )
    add_db_option(parser)
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--list", action="store_true", help="list merged events, merged entities and corrections")
    action.add_argument("--undo", metavar="ID", help="split a merge: C<N>, d<N>.ev<M>, CE<N> or E<N>")
    action.add_argument("--force", nargs=2, metavar="ID", help="merge two events (C<N>, d<N>.ev<M>) or two entities (CE<N>, E<N>)")
    action.add_argument("--forget", type=int, metavar="N", help="drop correction N (see --list)")
    parser.add_argument("-f", "--format", choices=("table", "json"), default="table", help="--list output format")
    parser.add_argument("-o", "--output", metavar="OUT", help="write --list here instead of standard output")
    parser.set_defaults(run=merge_command)


def merge_command(args: argparse.Namespace) -> int:
    from ..store import open_store
    from ._options import check_count

    if args.forget is not None:
        check_count("--forget", args.forget, 1)
    if args.output:
        check_target(args.output)
    with open_store(args.db, create=False) as store:
        from ..corpus import refresh

        refresh(store)
        if args.list:
            write_output(_listing(store, args.format), args.output)
            return EXIT_OK
        if args.forget is not None:
            message = _forget(store, args.forget)
        elif args.undo:
            message = _undo(store, args.undo)
        else:
            message = _force(store, *args.force)
        from ..corpus import rebuild

        result = rebuild(store)
    print(f"letopis: {message}; corpus rebuilt: {len(result.events)} corpus events, "
          f"{result.merged} told by several sources, {len(result.conflicts)} conflicts",
          file=sys.stderr)
    return EXIT_OK


# --- corrections (letopis.corpus.corrections, shared with the viewer) --------------------


def _undo(store, ident: str) -> str:
    from ..corpus.corrections import undo

    return undo(store, ident)


def _force(store, first: str, second: str) -> str:
    from ..corpus.corrections import force

    return force(store, first, second)


def _forget(store, number: int) -> str:
    from ..corpus.corrections import forget

    return forget(store, number)


# --- listing ----------------------------------------------------------------------------


def _listing(store, fmt: str) -> str:
    from ..corpus import storage

    events = storage.corpus_events(store, merged_only=True)
    entities = [e for e in storage.corpus_entities(store) if len({m["key"] for m in e["members"]}) > 1 or e["merges"]]
    corrections = storage.corrections(store)
    where = _where_keys(store)
    if fmt == "json":
        return json.dumps({
            "events": events, "entities": entities,
            "corrections": [{"id": c.id, "kind": c.kind, "action": c.action, "a": c.a, "b": c.b, "note": c.note,
                             "a_now": where.get(c.a), "b_now": where.get(c.b)} for c in corrections],
        }, ensure_ascii=False, indent=2) + "\n"
    lines = [f"Merged events ({len(events)}):"]
    for event in events:
        time = event["time"]
        when = time.get("earliest") if time.get("earliest") == time.get("latest") else f"{time.get('earliest') or '…'} – {time.get('latest') or '…'}"
        if time["status"] == "conflict":
            when = "dates disagree"
        elif time["status"] == "unknown":
            when = "undated"
        told = ", ".join(f"{m['event']} «{m['trigger']['text']}»" for m in event["mentions"])
        scores = [e["score"] for e in event["evidence"] if e.get("score") is not None]
        lines.append(f"  {event['id']:<6} {event['type']:<18} {when:<25} {told}" + (f"  (score {min(scores)})" if scores else ""))
    lines.append(f"Merged entities ({len(entities)}):")
    for entity in entities:
        rules = ", ".join(dict.fromkeys(m["rule"] for m in entity["merges"]))
        members = ", ".join(dict.fromkeys(m["entity"] for m in entity["members"]))
        lines.append(f"  {entity['id']:<6} {entity['type']:<12} {entity['name']:<30} {members}  ({rules})")
    lines.append(f"Corrections ({len(corrections)}):")
    for c in corrections:
        lines.append(f"  {c.id:<4} {c.action:<5} {c.kind:<6} {where.get(c.a, c.a)}  ~  {where.get(c.b, c.b)}  [{c.note}]")
    return "\n".join(lines) + "\n"


def _where_keys(store) -> dict[str, str]:
    """Stable key -> what it names now («d3.ev2 «забастовку»», or the entity key itself)."""
    from ..corpus import storage

    found: dict[str, Any] = {}
    for event in storage.corpus_events(store):
        for m in event["mentions"]:
            found[m["key"]] = f"{m['event']} «{m['trigger']['text']}» ({event['id']})"
    return found
