"""The one place that talks to pyarrow: one-document chronologies as Parquet tables.

`ParquetTables(folder)` writes `documents`, `entities`, `mentions`, `timexes`, `events`
and `relations` as `<folder>/<table>.parquet`. Rows wait in memory only until a table
has `ROW_GROUP` of them, then go out as one row group, so memory stays flat however
many documents pass through. A table's file is complete (readable) once `close` has
written its footer; a run that dies leaves the folder's files unreadable, which is why
JSON Lines is the output for runs that must survive a crash.

Every row carries its document id (`doc`). Entities are per document: an entity id
(`E1`, ...) means something only with its `doc`, and the same person in two documents
is two rows (the one-chronology outputs unify entities; these streamed tables cannot).
Dates stay ISO strings, as in the contract (they may lie outside what date types hold).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import LetopisError

ROW_GROUP = 10_000


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise LetopisError("Parquet output needs pyarrow: pip install 'letopis[dask]'") from None
    return pyarrow


def _schemas(pa: Any) -> dict[str, Any]:
    s, i = pa.string(), pa.int64()
    return {
        "documents": pa.schema([("doc", s), ("source", s), ("sha256", s), ("length", i)]),
        "entities": pa.schema([("doc", s), ("id", s), ("type", s), ("subtype", s), ("name", s), ("aliases", pa.list_(s))]),
        "mentions": pa.schema([("doc", s), ("entity", s), ("start", i), ("end", i), ("text", s)]),
        "timexes": pa.schema([
            ("doc", s), ("id", s), ("start", i), ("end", i), ("text", s), ("type", s), ("value", s), ("mod", s),
            ("edtf", s), ("anchor", s), ("earliest", s), ("latest", s),
        ]),
        "events": pa.schema([
            ("doc", s), ("id", s), ("trigger_start", i), ("trigger_end", i), ("trigger_text", s),
            ("sentence_start", i), ("sentence_end", i), ("type", s), ("factuality", s), ("phase", s),
            ("earliest", s), ("latest", s), ("edtf", s), ("basis", s), ("timex", s),
            ("participants", pa.list_(pa.struct([("role", s), ("entity", s)]))), ("places", pa.list_(s)),
        ]),
        "relations": pa.schema([
            ("doc", s), ("type", s), ("source", s), ("target", s), ("evidence_start", i), ("evidence_end", i),
        ]),
    }


def rows(chronology: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The rows one one-document chronology adds to each table."""
    doc = chronology["documents"][0]["id"]
    out: dict[str, list[dict[str, Any]]] = {
        "documents": [{"doc": d["id"], "source": d["source"], "sha256": d["sha256"], "length": d["length"]} for d in chronology["documents"]],
        "entities": [], "mentions": [], "timexes": [], "events": [], "relations": [],
    }
    for e in chronology["entities"]:
        out["entities"].append({"doc": doc, "id": e["id"], "type": e["type"], "subtype": e["subtype"], "name": e["name"], "aliases": e["aliases"]})
        out["mentions"] += [{"doc": m["doc"], "entity": e["id"], "start": m["start"], "end": m["end"], "text": m["text"]} for m in e["mentions"]]
    for t in chronology["timexes"]:
        out["timexes"].append({k: t.get(k) for k in ("doc", "id", "start", "end", "text", "type", "value", "mod", "edtf", "anchor", "earliest", "latest")})
    for e in chronology["events"]:
        time, trigger = e["time"], e["trigger"]
        out["events"].append({
            "doc": e["doc"], "id": e["id"], "trigger_start": trigger["start"], "trigger_end": trigger["end"],
            "trigger_text": trigger["text"], "sentence_start": e["sentence"]["start"], "sentence_end": e["sentence"]["end"],
            "type": e["type"], "factuality": e["factuality"], "phase": e.get("phase"),
            "earliest": time["earliest"], "latest": time["latest"], "edtf": time["edtf"], "basis": time["basis"],
            "timex": time["timex"], "participants": e["participants"], "places": e["places"],
        })
    for r in chronology["relations"]:
        evidence = r["evidence"] or {}
        out["relations"].append({
            "doc": doc, "type": r["type"], "source": r["source"], "target": r["target"],
            "evidence_start": evidence.get("start"), "evidence_end": evidence.get("end"),
        })
    return out


class ParquetTables:
    """Append one-document chronologies to the Parquet tables in `folder`."""

    def __init__(self, folder: str | Path):
        self.pa = _pyarrow()
        self.folder = Path(folder)
        if self.folder.exists() and not self.folder.is_dir():
            raise LetopisError(f"{folder}: is a file; Parquet output needs a folder (-o DIR)")
        if not self.folder.parent.is_dir():
            raise LetopisError(f"{folder}: folder {self.folder.parent} does not exist")
        self.folder.mkdir(exist_ok=True)
        self.schemas = _schemas(self.pa)
        self.buffers: dict[str, list[dict[str, Any]]] = {name: [] for name in self.schemas}
        self.writers = {
            name: self.pa.parquet.ParquetWriter(self.folder / f"{name}.parquet", schema)
            for name, schema in self.schemas.items()
        }

    def add(self, chronology: dict[str, Any]) -> None:
        for name, new in rows(chronology).items():
            self.buffers[name] += new
            if len(self.buffers[name]) >= ROW_GROUP:
                self._flush(name)

    def _flush(self, name: str) -> None:
        if self.buffers[name]:
            table = self.pa.Table.from_pylist(self.buffers[name], schema=self.schemas[name])
            self.writers[name].write_table(table)
            self.buffers[name] = []

    def close(self) -> None:
        for name, writer in self.writers.items():
            self._flush(name)
            writer.close()

    def __enter__(self) -> "ParquetTables":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
