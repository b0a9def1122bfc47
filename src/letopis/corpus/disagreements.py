"""Where the sources of one corpus event disagree: dates, numbers, actors, outcomes.

Every claim is kept as its source made it; a conflict only lists the competing claims side
by side, each with its document and sentence. Kinds:
  date     the sources' [earliest, latest] intervals have no day in common;
  number   figures for the same counted thing («почти 100 000 жителей», «около 10 000
           человек») whose allowed values do not meet (`quantities`);
  actor    two sources name agents and no agent is common to them;
  outcome  one source says it happened (`actual`) and another that it did not or failed
           (`negated`, `unrealized`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..same_event import is_landmark
from .features import EventFeatures, iso
from .model import Conflict, Record
from .quantities import Quantity, quantities

_NOT_HAPPENED = frozenset({"negated", "unrealized"})


def corpus_time(members: Sequence[EventFeatures]) -> Record:
    """What all documents allow together: the intersection of their intervals.

    Each document's interval is what its own mentions allow together (the span of them all
    when a forced join put mentions that do not meet in one). `agreed` needs two documents
    that date the event, `conflict` two documents whose intervals cannot both be true: a
    vague «в 1814 году» holds a precise «31 марта 1814 года» and agrees with it."""
    per_document = _document_intervals(members)
    if not per_document:
        return {"earliest": None, "latest": None, "status": "unknown"}
    earliest = [lo for lo, _ in per_document.values() if lo is not None]
    latest = [hi for _, hi in per_document.values() if hi is not None]
    lo, hi = (max(earliest) if earliest else None), (min(latest) if latest else None)
    if lo is not None and hi is not None and lo > hi:
        span = [iso(min(earliest)), iso(max(latest))]
        return {"earliest": None, "latest": None, "status": "conflict", "sources": span}
    status = "single" if len(per_document) == 1 else "agreed"
    return {"earliest": iso(lo), "latest": iso(hi), "status": status}


def _document_intervals(members: Sequence[EventFeatures]) -> dict[str, tuple[int | None, int | None]]:
    """Per document that dates the event: the interval its mentions allow together."""
    found: dict[str, list[EventFeatures]] = defaultdict(list)
    for m in members:
        if m.earliest is not None or m.latest is not None:
            found[m.doc].append(m)
    out = {}
    for doc, told in found.items():
        los = [m.earliest for m in told if m.earliest is not None]
        his = [m.latest for m in told if m.latest is not None]
        lo, hi = (max(los) if los else None), (min(his) if his else None)
        if lo is not None and hi is not None and lo > hi:
            lo, hi = min(los), max(his)
        out[doc] = (lo, hi)
    return out


def find_conflicts(event_id: str, members: Sequence[EventFeatures], mentions: Sequence[Record], names: dict[str, str]) -> list[Conflict]:
    """The conflicts among the mentions of one corpus event (`members[i]` made `mentions[i]`)."""
    if len({m.doc for m in members}) < 2:
        return []
    found: list[Conflict] = []
    found.extend(_dates(event_id, members, mentions))
    found.extend(_numbers(event_id, members, mentions))
    found.extend(_actors(event_id, members, mentions, names))
    found.extend(_outcomes(event_id, members, mentions))
    return found


def _claim(mention: Record, claim) -> Record:
    return {
        "doc": mention["doc"], "source": mention["source"], "event": mention["event"], "key": mention["key"],
        "trigger": mention["trigger"], "sentence": mention["sentence"], "claim": claim,
    }


def _dates(event_id: str, members, mentions) -> list[Conflict]:
    if corpus_time(members)["status"] != "conflict":
        return []
    claims = [
        _claim(mention, {"earliest": mention["time"].get("earliest"), "latest": mention["time"].get("latest"),
                         "basis": mention["time"].get("basis")})
        for member, mention in zip(members, mentions)
        if member.earliest is not None or member.latest is not None
    ]
    dates = "; ".join(f"{c['source']}: {_interval(c['claim'])}" for c in claims)
    return [Conflict("", "date", event_id, f"the sources' dates have no day in common ({dates})", claims)]


def _interval(claim: Record) -> str:
    earliest, latest = claim["earliest"], claim["latest"]
    if earliest == latest:
        return earliest
    return f"{earliest or '…'} – {latest or '…'}"


def _figures(member: EventFeatures) -> list[Quantity]:
    if member.sentence_text is None:
        return []
    return quantities(member.sentence_text, member.timex_spans)


def _numbers(event_id: str, members, mentions) -> list[Conflict]:
    by_kind: dict[str, dict[int, list[Quantity]]] = defaultdict(dict)
    for i, member in enumerate(members):
        for q in (_figures(member) if _tells(member) else []):
            by_kind[q.kind].setdefault(i, []).append(q)
    found = []
    for kind, per_source in by_kind.items():
        if not _clash(per_source, members):
            continue
        sources = sorted(per_source)
        claims = [_claim(mentions[i], [q.to_dict() for q in per_source[i]]) for i in sources]
        figures = "; ".join(f"{c['source']}: {', '.join(q['text'] for q in c['claim'])}" for c in claims)
        found.append(Conflict("", "number", event_id, f"figures for {kind} do not agree ({figures})", claims))
    return found


def _clash(per_source: dict[int, list[Quantity]], members) -> bool:
    """Whether two sources' figures for one thing leave no value both allow.

    Each source's figures span [lowest low, highest high]; two sources clash when their
    spans do not meet, and some two do exactly when the highest low lies above the lowest
    high: linear in the sources, so a corpus event told a thousand times stays cheap.
    """
    spans = {i: (min(q.low for q in qs), max(q.high for q in qs)) for i, qs in per_source.items()}
    top = max(spans, key=lambda i: spans[i][0])
    bottom = min(spans, key=lambda i: spans[i][1])
    return spans[top][0] > spans[bottom][1] and members[top].doc != members[bottom].doc


def _tells(member: EventFeatures) -> bool:
    """A mention that tells the event, not one that names it as a landmark in time
    («до Отечественной войны …»), whose sentence's agents and figures are not the event's."""
    return not is_landmark(member.before)


def _actors(event_id: str, members, mentions, names: dict[str, str]) -> list[Conflict]:
    with_agents = [i for i, m in enumerate(members) if m.agents and _tells(m)]
    if len(with_agents) < 2:
        return []
    common = frozenset.intersection(*(members[i].agents for i in with_agents))
    clash = not common and any(  # an agent every source names settles it at once
        members[i].doc != members[j].doc and members[i].agents.isdisjoint(members[j].agents)
        for n, i in enumerate(with_agents) for j in with_agents[n + 1:]
    )
    if not clash:
        return []
    claims = [_claim(mentions[i], [{"entity": a, "name": names.get(a, a)} for a in sorted(members[i].agents)]) for i in with_agents]
    agents = "; ".join(f"{c['source']}: {', '.join(a['name'] for a in c['claim'])}" for c in claims)
    return [Conflict("", "actor", event_id, f"the sources name different agents ({agents})", claims)]


def _outcomes(event_id: str, members, mentions) -> list[Conflict]:
    told = [(member, m) for member, m in zip(members, mentions) if _tells(member)]
    happened = {member.doc for member, m in told if m["factuality"] == "actual"}
    not_happened = {member.doc for member, m in told if m["factuality"] in _NOT_HAPPENED}
    if not happened or not not_happened or len(happened | not_happened) < 2:
        return []
    claims = [_claim(m, m["factuality"]) for _, m in told if m["factuality"] in _NOT_HAPPENED | {"actual"}]
    told = "; ".join(f"{c['source']}: {c['claim']}" for c in claims)
    return [Conflict("", "outcome", event_id, f"one source says it happened, another that it did not ({told})", claims)]
