"""`letopis conflicts`: where the sources of one event disagree, with their words.

    letopis conflicts --db letopis.db
    letopis conflicts --kind number --format json

Each conflict shows the corpus event, then every competing claim with its source (the
document's name and id) and the sentence that makes it. See docs/corpus.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..cli import EXIT_OK, add_db_option, write_output

FORMATS = ("table", "json")
KINDS = ("date", "number", "actor", "outcome")


def register(commands) -> None:
    parser = commands.add_parser(
        "conflicts",
        help="list where sources disagree about one event (dates, numbers, actors, outcomes)",
        description="List the conflicts between documents that tell the same event: each with the event, "
                    "the competing claims and their sources (document and sentence).",
    )
    add_db_option(parser)
    parser.add_argument("--kind", choices=KINDS, help="only conflicts of this kind")
    parser.add_argument("-f", "--format", choices=FORMATS, default="table", help="output format (default: table)")
    parser.add_argument("-o", "--output", metavar="OUT", help="write here instead of standard output")
    parser.set_defaults(run=conflicts_command)


def open_corpus(path: str):
    """The store, writable when the file allows it, so a stale corpus layer is rebuilt first."""
    import os

    from ..store import open_store

    writable = os.access(path, os.W_OK) and os.access(os.path.dirname(os.path.abspath(path)), os.W_OK)
    return open_store(path, readonly=not writable, create=False)


def conflicts_command(args: argparse.Namespace) -> int:
    from .. import corpus
    from ..corpus import storage

    with open_corpus(args.db) as store:
        found = corpus.conflicts(store, kind=args.kind)
        events = {e["id"]: e for e in (storage.corpus_event(store, c["event"]) for c in found) if e}
    if args.format == "json":
        text = json.dumps([c | {"corpus_event": events.get(c["event"])} for c in found], ensure_ascii=False, indent=2) + "\n"
    else:
        text = "".join(_block(c, events.get(c["event"])) for c in found)
        print(f"letopis: {len(found)} conflict{'s' if len(found) != 1 else ''}", file=sys.stderr)
    write_output(text, args.output)
    return EXIT_OK


def _block(conflict: dict[str, Any], event: dict[str, Any] | None) -> str:
    lines = [f"{conflict['id']}  {conflict['kind']}  {_event_line(conflict['event'], event)}"]
    for claim in conflict["claims"]:
        lines.append(f"    {claim['source']} ({claim['event']}): {describe_claim(conflict['kind'], claim['claim'])}")
        sentence = (claim.get("sentence") or {}).get("text")
        if sentence:
            lines.append(f"        «{_marked(sentence, claim)}»")
    return "\n".join(lines) + "\n\n"


def _event_line(event_id: str, event: dict[str, Any] | None) -> str:
    if event is None:
        return event_id
    triggers = " / ".join(dict.fromkeys(f"«{m['trigger']['text']}»" for m in event["mentions"]))
    return f"{event_id} {event['type']} {triggers}, told by {len({m['doc'] for m in event['mentions']})} sources"


def _marked(sentence: str, claim: dict[str, Any]) -> str:
    """The sentence with the trigger in [brackets]."""
    start = claim["trigger"]["start"] - claim["sentence"]["start"]
    end = claim["trigger"]["end"] - claim["sentence"]["start"]
    if 0 <= start < end <= len(sentence):
        sentence = f"{sentence[:start]}[{sentence[start:end]}]{sentence[end:]}"
    return " ".join(sentence.split())


def describe_claim(kind: str, claim: Any) -> str:
    if kind == "date":
        earliest, latest = claim.get("earliest"), claim.get("latest")
        when = earliest if earliest == latest else f"{earliest or '…'} – {latest or '…'}"
        return f"{when} ({claim.get('basis')})"
    if kind == "number":
        return "; ".join(f"{q['text']} ({_figure(q['low'])}–{_figure(q['high'])} {q['counts']})" for q in claim)
    if kind == "actor":
        return "; ".join(a["name"] for a in claim)
    return str(claim)


def _figure(value: float) -> str:
    return f"{value:,.0f}".replace(",", " ")
