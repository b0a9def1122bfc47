"""Annotating the history gold: excerpts shown with numbered sentences, drafts turned into
gold (offsets and ids only) and gold shown back for review.

    python -m bench.history.annotate show SOURCE START CHARS     # numbered sentences of an excerpt
    python -m bench.history.annotate check DRAFT                 # resolve a draft, print it back
    python -m bench.history.annotate build DRAFT [DRAFT ...]     # write gold/<id>.json
    python -m bench.history.annotate render ID                   # a gold file as text, for review
    python -m bench.history.annotate draft ID > DRAFT            # a gold file back as a draft
    python -m bench.history.annotate stats                       # counts per text, kind and split
    python -m bench.history.annotate entities DRAFT [DRAFT ...]  # add an entity draft to gold/<id>.json

A draft names what the gold stores as offsets by its words and the number of its sentence
(as `show` prints them): "trigger": "основал" in sentence 12; "основал#2" is the second
occurrence in that sentence. A word in another sentence is {"s": N, "text": "..."}.
The guide is docs/history-gold.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from bench.history import gold
from bench.history.gold import GoldAgent, GoldEntity, GoldEvent, GoldText, GoldTimex, Span
from letopis.adapters import natasha


class DraftError(ValueError):
    pass


def sentences(text: str, start: int, end: int) -> list[Span]:
    """Sentence spans (absolute offsets) of text[start:end]: every non-empty line, cut by razdel."""
    found: list[Span] = []
    offset = start
    for line in text[start:end].split("\n"):
        for a, b in natasha.sentences(line):
            if line[a:b].strip():
                found.append((offset + a, offset + b))
        offset += len(line) + 1
    return found


def snap(text: str, start: int, chars: int) -> tuple[int, int]:
    """An excerpt of about `chars` characters from the line that holds `start`, ending at a line end."""
    start = text.rfind("\n", 0, start) + 1
    end = min(len(text), start + chars)
    if end < len(text) and text[end] != "\n":  # an excerpt that ends at a line's end keeps it
        cut = text.rfind("\n", start, end)
        if cut > start:
            end = cut
        else:  # one long line (a scraped article): end at the last whole sentence
            line_end = text.find("\n", start)
            line_end = len(text) if line_end < 0 else line_end
            ends = [start + b for _, b in natasha.sentences(text[start:line_end]) if start + b <= end]
            end = ends[-1] if ends else line_end
    return start, end


def find(text: str, sent: Span, words: str) -> Span:
    """The span of `words` ("слово" or "слово#2" for its second occurrence) in the sentence."""
    occurrence = 1
    if "#" in words and words.rsplit("#", 1)[1].isdigit():
        words, number = words.rsplit("#", 1)
        occurrence = int(number)
    at = sent[0] - 1
    for _ in range(occurrence):
        at = text.find(words, at + 1, sent[1])
        if at < 0:
            raise DraftError(f"«{words}» (occurrence {occurrence}) is not in sentence «{text[sent[0]:sent[1]][:80]}»")
    return at, at + len(words)


class Resolver:
    def __init__(self, text: str, sents: list[Span]) -> None:
        self.text, self.sents = text, sents

    def sentence(self, number: int) -> Span:
        if not 1 <= number <= len(self.sents):
            raise DraftError(f"sentence {number} is not in the excerpt (1-{len(self.sents)})")
        return self.sents[number - 1]

    def spans(self, value: object, number: int) -> list[Span]:
        """Spans of a draft value: "words", {"s": N, "text": "words"}, or a list of them."""
        if value is None:
            return []
        if isinstance(value, list):
            return [s for item in value for s in self.spans(item, number)]
        if isinstance(value, dict):
            return [find(self.text, self.sentence(int(value["s"])), value["text"])]
        if isinstance(value, str):
            return [find(self.text, self.sentence(number), value)]
        raise DraftError(f"cannot read {value!r} as words of the text")


def _date(value: str | None, last: bool) -> str | None:
    if value is None:
        return None
    return gold.calendar.iso(gold.expand(str(value), last))


def _check_window(where: str, earliest: str | None, latest: str | None) -> None:
    if earliest and latest and gold.day_number(earliest) > gold.day_number(latest):
        raise DraftError(f"{where}: earliest {earliest} is after latest {latest}")


def resolve(draft: dict) -> GoldText:
    """A draft as gold: words become offsets, partial dates whole days."""
    path = gold.HISTORY / draft["source"]
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    start, end = int(draft["start"]), int(draft["end"])
    sents = sentences(text, start, end)
    r = Resolver(text, sents)
    if draft.get("kind") not in gold.KINDS:
        raise DraftError(f"kind must be one of {gold.KINDS}")
    doc = GoldText(draft["id"], draft["source"], hashlib.sha256(raw).hexdigest(), start, end, draft["kind"],
                   gold.split_of(draft["id"]))
    default_calendar = draft.get("calendar", "gregorian")
    seen: set[str] = set()
    for t in draft.get("timexes", []):
        where = f"timex {t.get('id')}"
        try:
            if t["id"] in seen:
                raise DraftError("duplicate id")
            seen.add(t["id"])
            span = r.spans(t["text"], int(t["s"]))[0]
            cal = t.get("calendar", default_calendar)
            if cal not in gold.CALENDARS:
                raise DraftError(f"calendar must be one of {gold.CALENDARS}")
            earliest, latest = _date(t.get("earliest"), False), _date(t.get("latest"), True)
            if earliest is None and latest is None:
                raise DraftError("a dated time expression needs earliest or latest")
            _check_window(where, earliest, latest)
            doc.timexes.append(GoldTimex(t["id"], span, str(t.get("value", "")), earliest, latest, cal))
        except (KeyError, ValueError, TypeError) as exc:
            raise DraftError(f"{where}: {exc}") from exc
    timex_ids = {t.id for t in doc.timexes}
    for e in draft.get("events", []):
        where = f"event {e.get('id')}"
        try:
            if e["id"] in seen:
                raise DraftError("duplicate id")
            seen.add(e["id"])
            number = int(e["s"])
            triggers = r.spans(e["trigger"], number) + r.spans(e.get("alt"), number)
            cal = e.get("calendar", default_calendar)
            tier = e.get("tier", "unknown")
            if tier not in gold.TIERS:
                raise DraftError(f"tier must be one of {gold.TIERS}")
            if e.get("factuality", "actual") not in gold.FACTUALITY:
                raise DraftError(f"factuality must be one of {gold.FACTUALITY}")
            earliest, latest = _date(e.get("earliest"), False), _date(e.get("latest"), True)
            _check_window(where, earliest, latest)
            if tier == "unknown" and (earliest or latest):
                raise DraftError("tier unknown with a date window")
            if tier != "unknown" and not (earliest or latest):
                raise DraftError(f"tier {tier} without a date window")
            if e.get("timex") and e["timex"] not in timex_ids:
                raise DraftError(f"no timex {e['timex']}")
            agent = None
            if e.get("agent"):
                if not e.get("agent_name"):
                    raise DraftError("an agent needs agent_name, its normal form")
                agent = GoldAgent(e["agent_name"], r.spans(e["agent"], number))
            doc.events.append(GoldEvent(
                e["id"], triggers, r.sentence(number), e["class"], earliest, latest, cal, tier,
                int(e.get("slack", 0)), e.get("timex"), agent, e.get("factuality", "actual"),
                bool(e.get("optional", False))))
        except (KeyError, ValueError, TypeError) as exc:
            raise DraftError(f"{where}: {exc}") from exc
    return doc


def resolve_entities(doc: GoldText, draft: dict) -> list[GoldEntity]:
    """An entity draft ({"id", "entities": [{"id", "type", "names", "mentions", ...}]}) against
    a gold text: mentions become offsets; a mention may belong to one entity only."""
    if draft.get("id") != doc.id:
        raise DraftError(f"the entity draft is for {draft.get('id')!r}, not {doc.id!r}")
    text = doc.full_text
    r = Resolver(text, sentences(text, doc.start, doc.end))
    found: list[GoldEntity] = []
    owner: dict[Span, str] = {}
    for x in draft.get("entities", []):
        where = f"entity {x.get('id')}"
        try:
            if x["type"] not in gold.ENTITY_TYPES:
                raise DraftError(f"type must be one of {gold.ENTITY_TYPES}")
            if not x.get("names") or not all(isinstance(n, str) and n.strip() for n in x["names"]):
                raise DraftError("names: one normal form at least")
            mentions = r.spans(x["mentions"], 0)
            if not mentions:
                raise DraftError("no mentions")
            for m in mentions:
                if m in owner:
                    raise DraftError(f"mention «{text[m[0]:m[1]]}» is also in entity {owner[m]}")
                owner[m] = x["id"]
            point = x.get("point")
            if point is not None and not (len(point) == 2 and -90 <= point[0] <= 90 and -180 <= point[1] <= 180):
                raise DraftError("point is [latitude, longitude]")
            if point is not None and x["type"] not in ("LOCATION", "FACILITY"):
                raise DraftError("only places have a point")
            found.append(GoldEntity(x["id"], x["type"], list(x["names"]), sorted(mentions), x.get("subtype"),
                                    tuple(point) if point else None, float(x.get("radius_km", 50.0))))
        except (KeyError, ValueError, TypeError) as exc:
            raise DraftError(f"{where}: {exc}") from exc
    if len({x.id for x in found}) != len(found):
        raise DraftError("duplicate entity id")
    return found


def to_draft(doc: GoldText) -> dict:
    """A gold text back as a draft (words and sentence numbers)."""
    text = doc.full_text
    sents = sentences(text, doc.start, doc.end)

    def number(span: Span) -> int:
        return next(i for i, s in enumerate(sents, 1) if s[0] <= span[0] < s[1])

    def words(span: Span, home: int) -> object:
        at = number(span)
        piece = text[span[0]:span[1]]
        before = text.count(piece, sents[at - 1][0], span[0])
        piece = f"{piece}#{before + 1}" if before else piece
        return piece if at == home else {"s": at, "text": piece}

    draft: dict = {"id": doc.id, "source": doc.source, "start": doc.start, "end": doc.end,
                   "kind": doc.kind, "timexes": [], "events": []}
    for t in doc.timexes:
        s = number(t.span)
        draft["timexes"].append({"id": t.id, "s": s, "text": words(t.span, s), "value": t.value,
                                 "earliest": t.earliest, "latest": t.latest, "calendar": t.calendar})
    for e in doc.events:
        s = number(e.sentence)
        item: dict = {"id": e.id, "s": s, "trigger": words(e.triggers[0], s)}
        if len(e.triggers) > 1:
            item["alt"] = [words(t, s) for t in e.triggers[1:]]
        item.update({"class": e.cls, "earliest": e.earliest, "latest": e.latest, "calendar": e.calendar,
                     "tier": e.tier, "factuality": e.factuality})
        if e.slack:
            item["slack"] = e.slack
        if e.timex:
            item["timex"] = e.timex
        if e.agent:
            item["agent"] = [words(a, s) for a in e.agent.spans]
            item["agent_name"] = e.agent.name
        if e.optional:
            item["optional"] = True
        draft["events"].append(item)
    return draft


def render(doc: GoldText) -> str:
    """Each sentence of the excerpt with its events and time expressions, for review."""
    text = doc.full_text
    sents = sentences(text, doc.start, doc.end)
    lines = [f"# {doc.id} ({doc.kind}, {doc.split}): {doc.source} [{doc.start}:{doc.end}], "
             f"{len(doc.events)} events, {len(doc.timexes)} timexes"]
    for i, (a, b) in enumerate(sents, 1):
        inside = lambda span: a <= span[0] < b  # noqa: E731
        timexes = [t for t in doc.timexes if inside(t.span)]
        events = [e for e in doc.events if e.sentence == (a, b)]
        if not (timexes or events):
            continue
        lines.append(f"[{i}] {text[a:b]}")
        for t in timexes:
            lines.append(f"    T {t.id} «{text[t.span[0]:t.span[1]]}» {t.value} {t.earliest}..{t.latest} {t.calendar}")
        for e in events:
            words = " | ".join(text[s:t] for s, t in e.triggers)
            agent = f" agent={e.agent.name} ({', '.join(text[s:t] for s, t in e.agent.spans)})" if e.agent else ""
            flags = " OPTIONAL" if e.optional else ""
            lines.append(f"    E {e.id} «{words}» {e.cls} {e.earliest}..{e.latest} {e.calendar} {e.tier}"
                         f"{' ±' + str(e.slack) if e.slack else ''} {e.factuality}{agent}{flags}")
    for x in doc.entities or []:
        where = f" @{x.point[0]:.3f},{x.point[1]:.3f}" if x.point else ""
        mentions = ", ".join(text[a:b] for a, b in x.mentions)
        lines.append(f"N {x.id} {x.type}{'/' + x.subtype if x.subtype else ''} {' | '.join(x.names)}{where}: {mentions}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.history.annotate", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    show = sub.add_parser("show", help="numbered sentences of an excerpt")
    show.add_argument("source", help="path under ../shared/data/history")
    show.add_argument("start", type=int)
    show.add_argument("chars", type=int)
    check = sub.add_parser("check", help="resolve a draft and print it back")
    check.add_argument("draft", type=Path)
    build = sub.add_parser("build", help="write gold/<id>.json from drafts")
    build.add_argument("drafts", type=Path, nargs="+")
    for name in ("render", "draft"):
        sub.add_parser(name).add_argument("id")
    sub.add_parser("stats")
    add = sub.add_parser("entities", help="add entity drafts to their gold files")
    add.add_argument("drafts", type=Path, nargs="+")
    args = parser.parse_args(argv)

    if args.command == "show":
        text = (gold.HISTORY / args.source).read_text(encoding="utf-8")
        start, end = snap(text, args.start, args.chars)
        print(f"# {args.source}: start {start}, end {end} ({end - start} characters)")
        for i, (a, b) in enumerate(sentences(text, start, end), 1):
            print(f"[{i}] {text[a:b]}")
        return 0
    if args.command in ("check", "build"):
        failed = 0
        for path in ([args.draft] if args.command == "check" else args.drafts):
            try:
                doc = resolve(json.loads(path.read_text(encoding="utf-8")))
            except (DraftError, json.JSONDecodeError, KeyError, OSError) as exc:
                print(f"{path}: {exc}", file=sys.stderr)
                failed += 1
                continue
            if args.command == "check":
                print(render(doc))
            else:
                before = next((d for d in gold.load() if d.id == doc.id), None)
                if before is not None and (before.start, before.end) == (doc.start, doc.end):
                    doc.entities = before.entities  # the entities annotated on the same excerpt stay
                print(f"{gold.write(doc)}: {len(doc.events)} events, {len(doc.timexes)} timexes")
        return 1 if failed else 0
    if args.command == "entities":
        failed = 0
        texts = {d.id: d for d in gold.load()}
        for path in args.drafts:
            try:
                draft = json.loads(path.read_text(encoding="utf-8"))
                doc = texts.get(draft.get("id"))
                if doc is None:
                    raise DraftError(f"no gold text {draft.get('id')!r}: build its events first")
                doc.entities = resolve_entities(doc, draft)
            except (DraftError, json.JSONDecodeError, OSError) as exc:
                print(f"{path}: {exc}", file=sys.stderr)
                failed += 1
                continue
            print(f"{gold.write(doc)}: {len(doc.entities)} entities, "
                  f"{sum(len(x.mentions) for x in doc.entities)} mentions")
        return 1 if failed else 0
    if args.command in ("render", "draft"):
        doc = next((d for d in gold.load() if d.id == args.id), None)
        if doc is None:
            print(f"no gold text {args.id}", file=sys.stderr)
            return 1
        print(render(doc) if args.command == "render"
              else json.dumps(to_draft(doc), ensure_ascii=False, indent=1))
        return 0
    totals: dict[tuple[str, str], list[int]] = {}
    for doc in gold.load():
        required = sum(not e.optional for e in doc.events)
        print(f"{doc.id:16} {doc.kind:10} {doc.split:8} {required:4} events ({len(doc.events) - required} optional) "
              f"{len(doc.timexes):4} timexes {doc.end - doc.start:6} chars")
        row = totals.setdefault((doc.kind, doc.split), [0, 0, 0])
        row[0] += 1
        row[1] += required
        row[2] += len(doc.timexes)
    for (kind, split), (texts, events, timexes) in sorted(totals.items()):
        print(f"{kind:10} {split:8} {texts:3} texts {events:5} events {timexes:5} timexes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
