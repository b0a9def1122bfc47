"""`letopis export`: a stored corpus or a chronology JSON file in a historian's format."""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path
from typing import Any

from ..cli import DEFAULT_DB, EXIT_OK, add_db_option
from ..errors import LetopisError, UsageError

FORMATS = ("timelinejs", "timelinejs-csv", "geojson", "csv", "jsonld", "gexf", "graphml", "tei")


def register(commands) -> None:
    export = commands.add_parser(
        "export",
        help="export a chronology to TimelineJS, GeoJSON, CSV, JSON-LD, GEXF, GraphML or TEI",
        description="Export a chronology (a corpus store or a JSON file made by 'letopis extract') "
                    "to a format historians' tools read. Field mappings: docs/exports.md.",
    )
    source = export.add_mutually_exclusive_group()
    add_db_option(source, default=None, help=f"the corpus store to export (default: {DEFAULT_DB})")
    source.add_argument("--from-json", metavar="CHRONOLOGY.json", help="a chronology made by 'letopis extract'")
    export.add_argument("-f", "--format", required=True, choices=FORMATS, help="the export format")
    export.add_argument("-o", "--output", required=True, metavar="OUT",
                        help="file to write; for csv a folder, or a .zip file")
    export.add_argument("--corpus", action="store_true",
                        help="with --db: add the cross-document layer (merged events and conflicts); "
                             "TimelineJS then shows one slide per merged event, csv adds its tables")
    export.add_argument("--title", help="TimelineJS: the title slide's headline")
    export.add_argument("--groups", choices=("type", "actor", "none"), default="type",
                        help="TimelineJS: rows by a handful of kinds of event (default), by the main agents, or none; "
                             "rows are drawn only when they are few, so the time navigation stays visible")
    export.add_argument("--base-iri", default=None, metavar="IRI", help="JSON-LD: prefix of the node IRIs (default urn:letopis:)")
    export.add_argument("--cidoc", action="store_true", help="JSON-LD: add CIDOC-CRM types and properties")
    export.set_defaults(run=export_command)


def export_command(args: argparse.Namespace) -> int:
    from .. import export

    layer: dict[str, Any] = {}
    if args.from_json is None:
        args.db = args.db or DEFAULT_DB
        chronology, texts, layer = _from_store(args.db, corpus=args.corpus)
    else:
        if args.corpus:
            raise UsageError("--corpus needs a corpus store (--db); a chronology file has no merged events")
        chronology = export.read_json(args.from_json)
        texts = _texts_beside(chronology, Path(args.from_json).parent)
    options = _options(args)
    if args.format == "tei":
        options["markup"] = tei_markup(chronology, Path(args.from_json).parent if args.from_json else Path("."))
    written = export.write(chronology, args.format, args.output, texts=texts, **layer, **options)
    files = f" ({len(written)} files)" if len(written) > 1 else ""
    what = _what_was_written(args.format, chronology, layer, written, _options(args))
    print(f"letopis: {args.format}: {what}; written to {args.output}{files}", file=sys.stderr)
    return EXIT_OK


def _what_was_written(fmt: str, chronology: dict[str, Any], layer: dict[str, Any], written: list[Path],
                      options: dict[str, Any]) -> str:
    """What the file holds and what it left out, counted from what was written."""
    import json

    events = chronology.get("events") or []
    if fmt in ("timelinejs", "timelinejs-csv"):
        from ..export import timelinejs

        slides = len(timelinejs.timeline(chronology, **layer, **options)["events"])
        total, unit = (len(layer["corpus_events"]), "merged events") if layer.get("corpus_events") else (len(events), "events")
        left = total - slides
        return f"{slides} of {total} {unit} on the timeline" + (f", {left} without a date left out" if left else "")
    if fmt == "geojson":
        features = json.loads(written[0].read_text(encoding="utf-8")).get("features") or []
        shown = {e.get("id") for f in features for e in (f.get("properties") or {}).get("events") or []}
        left = len(events) - len(shown)
        return (f"{len(features)} places with coordinates, holding {len(shown)} of {len(events)} events"
                + (f"; {left} with no place on the map left out" if left else ""))
    entities = len(chronology.get("entities") or [])
    return f"{len(events)} events and {entities} entities"


def _options(args: argparse.Namespace) -> dict[str, Any]:
    if args.format in ("timelinejs", "timelinejs-csv"):
        return {"title": args.title, "groups": args.groups}
    if args.format == "jsonld":
        options: dict[str, Any] = {"cidoc": args.cidoc}
        if args.base_iri:
            options["base"] = args.base_iri
        return options
    return {}


def _from_store(path: str, corpus: bool) -> tuple[dict[str, Any], dict[str, str], dict[str, Any]]:
    """The store's chronology, its texts, and with `corpus` its merged events and conflicts
    (the store is then opened for writing, so a stale corpus layer is rebuilt first)."""
    from ..store import open_store

    if not Path(path).is_file():
        raise LetopisError(f"{path}: no such corpus store; make one with `letopis ingest FILES`")
    store = open_store(path, readonly=not corpus, create=False)
    layer: dict[str, Any] = {}
    try:
        if corpus:
            from .. import corpus as corpus_layer

            layer = {"corpus_events": corpus_layer.corpus_events(store), "conflicts": corpus_layer.conflicts(store)}
        chronology = store.chronology()
        texts = {}
        for doc in chronology.get("documents") or []:
            record = store.document(doc["id"])
            if record and isinstance(record.get("text"), str):
                texts[doc["id"]] = record["text"]
    finally:
        store.close()
    from ..export import check

    return check(chronology, path), texts, layer


def _texts_beside(chronology: dict[str, Any], folder: Path) -> dict[str, str]:
    """The documents' texts where their source files are still there unchanged (same
    sha256; looked for as given, then beside the JSON file), so exports can quote
    sentences; the others are exported without quotes."""
    from ..ingest import read

    texts = {}
    for doc in chronology.get("documents") or []:
        name, digest = doc.get("source"), doc.get("sha256")
        if not isinstance(name, str) or not isinstance(digest, str):
            continue
        found = next((p for p in (Path(name), folder / name) if p.is_file()), None)
        if found is None:
            continue
        try:
            text = read(found).text
        except LetopisError:
            continue
        if hashlib.sha256(text.encode("utf-8")).hexdigest() == digest and len(text) == doc.get("length"):
            texts[str(doc["id"])] = text
    return texts


def tei_markup(chronology: dict[str, Any], folder: Path) -> dict[str, str]:
    """The decoded markup of the documents read from TEI files that are still there unchanged
    (looked for as given, then in `folder`), so that the TEI export keeps their own markup."""
    from ..ingest import read_markup

    found = {}
    for doc in chronology.get("documents") or []:
        name = doc.get("source")
        if not isinstance(name, str):
            continue
        path = next((p for p in (Path(name), folder / name) if p.is_file()), None)
        read = read_markup(path) if path is not None else None
        if read is not None and read[0].sha256 == doc.get("sha256"):
            found[str(doc["id"])] = read[1]
    return found
