"""Flat tables: one CSV per kind of record, for spreadsheets, R and pandas.

`tables(chronology)` gives the rows; `write_folder`/`write_zip` write them as UTF-8 CSV
files with a byte-order mark (so Excel shows Cyrillic), and `dataframes` gives the same
tables as pandas DataFrames. Dates stay ISO strings: pandas timestamps cannot hold years
before 1677, and a bound that is unknown stays empty rather than becoming a guess.

Tables join on ids: `events.id` = `participants.event` = `relations.source/target`;
`entities.id` = `participants.entity` = `mentions.entity`; `documents.id` = `*.doc`.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Any, Iterable

from ..output import check_target, creation_mode, settle
from .source import ExportError, Record, Source, display_date, geo_of, source, time_of

COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("id", "source", "sha256", "length"),
    "events": ("id", "doc", "type", "factuality", "trigger", "trigger_start", "trigger_end",
               "sentence_start", "sentence_end", "earliest", "latest", "edtf", "basis", "timex",
               "display_date", "sentence"),
    "entities": ("id", "type", "subtype", "name", "aliases", "mentions", "lat", "lon", "gazetteer_id", "titles"),
    "mentions": ("entity", "entity_name", "doc", "start", "end", "text"),
    "participants": ("event", "role", "entity", "entity_name"),
    "relations": ("type", "source", "target", "source_trigger", "target_trigger",
                  "evidence_doc", "evidence_start", "evidence_end", "evidence"),
    # the cross-document layer (letopis.corpus), when given
    "corpus_events": ("id", "type", "earliest", "latest", "status", "documents", "sources_earliest", "sources_latest",
                      "mentions", "events", "conflicts"),
    "corpus_mentions": ("corpus_event", "event", "doc", "source", "type", "trigger", "earliest", "latest",
                        "basis", "factuality"),
    "conflicts": ("id", "kind", "corpus_event", "summary", "claims"),
    "conflict_claims": ("conflict", "event", "doc", "source", "trigger", "claim"),
}
INTEGER_COLUMNS = {"length", "trigger_start", "trigger_end", "sentence_start", "sentence_end",
                   "mentions", "documents", "start", "end", "evidence_start", "evidence_end", "claims"}
FLOAT_COLUMNS = {"lat", "lon"}
LIST_SEPARATOR = "; "
ENCODING = "utf-8-sig"


def tables(chronology: Any, **extras: Any) -> dict[str, list[dict[str, Any]]]:
    """Each table's rows as dicts keyed by its `COLUMNS`; missing values are None.

    When corpus events or conflicts are given (`letopis.corpus`), they come as more
    tables: `corpus_events` and `corpus_mentions`, `conflicts` and `conflict_claims`."""
    src = source(chronology, **extras)
    out = {
        "documents": [{c: d.get(c) for c in COLUMNS["documents"]} for d in src.documents.values()],
        "events": [_event(src, ev) for ev in src.event_list],
        "entities": [_entity(e) for e in src.entities.values()],
        "mentions": [_mention(e, m) for e in src.entities.values() for m in e.get("mentions") or []],
        "participants": list(_participants(src)),
        "relations": [_relation(src, r) for r in src.relations],
    }
    if src.corpus_events:
        out["corpus_events"] = [_corpus_event(c) for c in src.corpus_events]
        out["corpus_mentions"] = [_corpus_mention(c, m) for c in src.corpus_events for m in c.get("mentions") or []]
    if src.conflicts:
        out["conflicts"] = [_conflict(k) for k in src.conflicts]
        out["conflict_claims"] = [_claim(k, c) for k in src.conflicts for c in k.get("claims") or []]
    return out


def _event(src: Source, ev: Record) -> Record:
    time, trigger, sentence = time_of(ev), ev.get("trigger") or {}, ev.get("sentence") or {}
    return {
        "id": ev["id"], "doc": ev.get("doc"), "type": ev.get("type"), "factuality": ev.get("factuality"),
        "trigger": trigger.get("text"), "trigger_start": trigger.get("start"), "trigger_end": trigger.get("end"),
        "sentence_start": sentence.get("start"), "sentence_end": sentence.get("end"),
        "earliest": time.get("earliest"), "latest": time.get("latest"), "edtf": time.get("edtf"),
        "basis": time.get("basis"), "timex": time.get("timex"), "display_date": display_date(ev),
        "sentence": src.sentence(ev),
    }


def _entity(e: Record) -> Record:
    geo = geo_of(e) or {}
    titles = (e.get("attributes") or {}).get("titles") or []
    return {
        "id": e["id"], "type": e.get("type"), "subtype": e.get("subtype"), "name": e.get("name"),
        "aliases": LIST_SEPARATOR.join(e.get("aliases") or []) or None,
        "mentions": len(e.get("mentions") or []),
        "lat": geo.get("lat"), "lon": geo.get("lon"), "gazetteer_id": geo.get("id"),
        "titles": LIST_SEPARATOR.join(str(t) for t in titles) or None,
    }


def _mention(e: Record, m: Record) -> Record:
    return {"entity": e["id"], "entity_name": e.get("name"), "doc": m.get("doc"),
            "start": m.get("start"), "end": m.get("end"), "text": m.get("text")}


def _participants(src: Source) -> Iterable[Record]:
    """Participants with their contract roles, then the event's places with role `place`."""
    for ev in src.event_list:
        for p in ev.get("participants") or []:
            yield {"event": ev["id"], "role": p.get("role"), "entity": p.get("entity"), "entity_name": src.name(p.get("entity"))}
        for place in ev.get("places") or []:
            yield {"event": ev["id"], "role": "place", "entity": place, "entity_name": src.name(place)}


def _relation(src: Source, r: Record) -> Record:
    evidence = r.get("evidence") or {}
    trigger = lambda event_id: (src.events.get(event_id, {}).get("trigger") or {}).get("text")  # noqa: E731
    return {
        "type": r.get("type"), "source": r.get("source"), "target": r.get("target"),
        "source_trigger": trigger(r.get("source")), "target_trigger": trigger(r.get("target")),
        "evidence_doc": evidence.get("doc"), "evidence_start": evidence.get("start"),
        "evidence_end": evidence.get("end"), "evidence": src.evidence_text(r),
    }


def _corpus_event(c: Record) -> Record:
    time = c.get("time") or {}
    sources = time.get("sources") or [None, None]
    mentions = c.get("mentions") or []
    return {
        "id": c.get("id"), "type": c.get("type"), "earliest": time.get("earliest"), "latest": time.get("latest"),
        "status": time.get("status"), "sources_earliest": sources[0], "sources_latest": sources[-1],
        "documents": c.get("sources") if isinstance(c.get("sources"), int) else len({m.get("sha256") or m.get("doc") for m in mentions}),
        "mentions": len(mentions), "events": LIST_SEPARATOR.join(str(m.get("event")) for m in mentions),
        "conflicts": LIST_SEPARATOR.join(map(str, c.get("conflicts") or [])) or None,
    }


def _corpus_mention(c: Record, m: Record) -> Record:
    time = m.get("time") or {}
    return {
        "corpus_event": c.get("id"), "event": m.get("event"), "doc": m.get("doc"), "source": m.get("source"),
        "type": m.get("type"), "trigger": (m.get("trigger") or {}).get("text"), "earliest": time.get("earliest"),
        "latest": time.get("latest"), "basis": time.get("basis"), "factuality": m.get("factuality"),
    }


def _conflict(k: Record) -> Record:
    return {"id": k.get("id"), "kind": k.get("kind"), "corpus_event": k.get("event"), "summary": k.get("summary"),
            "claims": len(k.get("claims") or [])}


def _claim(k: Record, c: Record) -> Record:
    return {"conflict": k.get("id"), "event": c.get("event"), "doc": c.get("doc"), "source": c.get("source"),
            "trigger": (c.get("trigger") or {}).get("text"), "claim": json.dumps(c.get("claim"), ensure_ascii=False)}


def csv_text(name: str, rows: list[Record]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS[name], extrasaction="ignore")
    writer.writeheader()
    writer.writerows({k: ("" if v is None else v) for k, v in row.items()} for row in rows)
    return out.getvalue()


def _umask() -> int:
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


def write_folder(chronology: Any, folder: str | Path, **extras: Any) -> list[Path]:
    """Write `<name>.csv` for each table into `folder`; the files are written into a
    temporary folder beside it first, which becomes the folder when it is new."""
    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise ExportError(f"{folder}: exists and is not a folder")
    parent = target.resolve().parent
    if not parent.is_dir():
        raise ExportError(f"{folder}: folder {parent} does not exist")
    data = tables(chronology, **extras)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=parent))
    os.chmod(staging, creation_mode(folder=True))
    try:
        for name, rows in data.items():
            (staging / f"{name}.csv").write_text(csv_text(name, rows), encoding=ENCODING, newline="")
        if not target.exists():
            os.chmod(staging, 0o777 & ~_umask())  # mkdtemp makes 0700; an export folder is shared like any other
            os.rename(staging, target)  # a new folder appears whole or not at all
        else:
            for name in data:  # an existing folder gets each file replaced whole
                os.replace(staging / f"{name}.csv", target / f"{name}.csv")
        return [target / f"{name}.csv" for name in data]
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def write_zip(chronology: Any, path: str | Path, **extras: Any) -> Path:
    """Write all tables into one .zip; written beside the target and renamed into place."""
    target = Path(path)
    if target.is_dir():
        raise ExportError(f"{path}: is a folder; give a .zip file name")
    if not target.resolve().parent.is_dir():
        raise ExportError(f"{path}: folder {target.resolve().parent} does not exist")
    check_target(target)
    data = tables(chronology, **extras)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.resolve().parent)
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, rows in data.items():
                archive.writestr(f"{name}.csv", csv_text(name, rows).encode(ENCODING))
        settle(temporary, target)  # the mode the file had, or the umask's (mkstemp makes 0600)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def dataframes(chronology: Any, **extras: Any) -> dict[str, Any]:
    """The tables as pandas DataFrames (offsets as nullable integers, dates as ISO strings).

    pandas is optional (`pip install 'letopis[pandas]'`); without it this raises an
    `ExportError` saying so."""
    from ._pandas import frame

    return {name: frame(rows, COLUMNS[name], INTEGER_COLUMNS, FLOAT_COLUMNS)
            for name, rows in tables(chronology, **extras).items()}
