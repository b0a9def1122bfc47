"""The document model: one `Doc` whose character offsets are the single truth.

Every record is a small dataclass with `start`/`end` offsets (Python `str` indices,
end exclusive) into `Doc.text`, the document exactly as decoded. Stages only add
records to a `Doc`; nothing downstream rewrites the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Entity types that act (a role named without a person, PROFESSION, acts too) and that are places.
ACTOR_TYPES = ("PERSON", "ORGANIZATION", "GROUP", "PROFESSION")
PLACE_TYPES = ("LOCATION", "FACILITY")


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    sent: int  # index into Doc.sentences
    lemma: str = ""
    pos: str = ""  # Universal POS tag
    feats: dict[str, str] = field(default_factory=dict)  # Universal features
    head: int = -1  # index into Doc.tokens of the syntactic head; -1 for the root
    rel: str = ""  # Universal dependency relation to the head


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    first: int  # index of the first token in Doc.tokens
    last: int  # index one past the last token


@dataclass(slots=True)
class Mention:
    """A span that names (or refers to) an entity."""

    start: int
    end: int
    text: str
    type: str  # PERSON, ORGANIZATION, LOCATION, FACILITY, GROUP, ...
    subtype: str | None = None
    normal: str = ""  # the span's own normal form (nominative)
    entity: str | None = None  # id of the Entity it belongs to
    source: str = "ner"  # what found it: ner, rule, pronoun, ...
    evidence: str | None = None  # why it was linked, for pronouns and merges
    form: str | None = None  # name, adjective, descriptor or pronoun (entities.forms)
    ref: str | None = None  # the source markup's identifier of the entity (TEI @ref), for given mentions


@dataclass(slots=True)
class Entity:
    id: str
    type: str
    name: str
    subtype: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[int] = field(default_factory=list)  # indices into Doc.mentions
    attributes: dict[str, Any] = field(default_factory=dict)  # titles, roles, geo, ...


@dataclass(slots=True)
class Timex:
    """A temporal expression with its TIMEX3 normalisation and day bounds.

    `earliest`/`latest` are ISO dates (proleptic Gregorian); None where the text
    gives no bound. `anchor_ref` holds a structured, not yet resolved anchor for
    expressions that name an event («на следующий день после забастовки»).
    """

    id: str
    start: int
    end: int
    text: str
    type: str = "DATE"  # TIMEX3 type: DATE, TIME, DURATION, SET
    value: str = ""
    mod: str | None = None
    edtf: str | None = None
    anchor: str = "absolute"  # absolute, context, relative, document
    earliest: str | None = None
    latest: str | None = None
    rule: str = ""  # the rule that produced it, for the debug trace
    anchor_ref: dict[str, Any] | None = None
    old_style: bool = False  # the text gave an Old Style (Julian) date; value and bounds are Gregorian
    calendar: "TimexCalendar | None" = None  # the calendar it was read on, when a mark, dual date or convention says


@dataclass(slots=True)
class TimexCalendar:
    """The calendar a time expression was written on (`letopis.time.styles`)."""

    calendar: str  # julian or gregorian
    written: str  # its TIMEX3 value as the text writes it, on that calendar
    basis: str  # old-style mark, new-style mark, dual, convention, option


@dataclass(slots=True)
class Span:
    start: int
    end: int
    text: str


def across_lines(text: str, a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Whether a line break separates two spans. A sentence that runs over a line break is a
    title or a caption run into the text; nothing in it dates or links
    what is on the other line."""
    return "\n" in text[min(a_end, b_end) : max(a_start, b_start)]


@dataclass(slots=True)
class EventTime:
    earliest: str | None = None
    latest: str | None = None
    edtf: str | None = None
    basis: str = "unknown"  # explicit, context, relative, inferred, unknown
    timex: str | None = None


@dataclass(slots=True)
class Participant:
    role: str  # agent, patient, recipient, instrument, ...
    entity: str  # entity id


@dataclass(slots=True)
class Argument:
    """A link the roles stage made, with the mention or timex span it rests on."""

    kind: str  # time, place or participant (`role_features.KINDS`)
    ref: str  # the timex or entity id
    start: int
    end: int
    score: float
    added: bool  # whether the roles stage added it (so that `roles.reset` can take it back)


@dataclass(slots=True)
class Phrase:
    """A cause or effect that names no event («умер от сердечного приступа»): its span, and
    the words that say it is a cause (the causal verb, or the pair model's evidence)."""

    start: int
    end: int
    text: str
    evidence: Span
    probability: float | None = None  # the pair model's, for what the model found


@dataclass(slots=True)
class TimeLinks:
    """The timexes an event is tied to before it is dated (ids into `Doc.timexes`)."""

    date: str | None = None  # the timex that dates it: its clause's, else the best one the roles stage linked
    scheduled_for: str | None = None  # the day it set for another event («на 18 августа была объявлена забастовка»)
    anchored_on: str | None = None  # a timex dated from a named event («на следующий день после забастовки»)
    found_before: str | None = None  # finding out happened by the day found out about
    when_of: str | None = None  # a «когда» clause puts it at the time this timex names («до 1922 года, когда переехал»)


@dataclass(slots=True)
class Event:
    """An event mention. The fields after `head` are what one stage hands the next; each says
    which stage assigns it."""

    id: str
    trigger: Span
    sentence: int  # index into Doc.sentences
    type: str
    factuality: str = "actual"
    time: EventTime = field(default_factory=EventTime)
    participants: list[Participant] = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # entity ids
    head: int = -1  # token index of the trigger's head word
    # events: the trigger and the verbs folded into it, whose dependents hold its roles
    carriers: list[int] = field(default_factory=list)
    phase: str | None = None  # events: begin, end, ... of a phasal verb («началось восстание»)
    place_roles: dict[str, str] = field(default_factory=dict)  # events: place entity id -> origin, destination
    intended_by: str | None = None  # factuality: the word of the governor that intends it («приказ»)
    unrealized_evidence: Span | None = None  # factuality: the verb that reports the failure
    timexes: list[str] = field(default_factory=list)  # roles: linked timex ids, best first
    arguments: list[Argument] = field(default_factory=list)  # roles: every link, with its span
    time_links: TimeLinks = field(default_factory=TimeLinks)  # dating
    same_as: str | None = None  # coreference: the id of the first mention of the same event
    causes: list[Phrase] = field(default_factory=list)  # causes: phrases that name no event
    effects: list[Phrase] = field(default_factory=list)  # causes: phrases that name no event

    def carrier_tokens(self) -> list[int]:
        """Its carriers; the head alone for an event made without them (tests, hand-made Docs)."""
        return self.carriers or [self.head]


@dataclass(slots=True)
class Relation:
    type: str  # cause, before, after, overlap, same, ...
    source: str
    target: str
    evidence: Span | None = None


@dataclass(slots=True)
class Given:
    """What the source's own markup already says (a TEI edition's dates and names): the timex
    and NER stages take these spans as found, in place of their own readings of them."""

    timexes: list[Timex] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    dct: str | None = None  # the document's date from its header, ISO


@dataclass(slots=True)
class Doc:
    """One document and everything the pipeline found in it."""

    id: str
    text: str
    source: str = "<string>"
    sha256: str = ""
    # For documents extracted from markup: text offset -> offset in the raw file.
    source_offsets: list[int] | None = None
    dct: str | None = None  # document creation time, ISO date, when the user gives one
    calendar: str = "auto"  # unmarked Russian dates before 1918: auto, julian-before-1918 or gregorian
    genre: str = "auto"  # auto, history or news: whose sense of event (`letopis.stages.narrative`)
    given: Given = field(default_factory=Given)
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    trace: list[dict[str, Any]] = field(default_factory=list)  # rule firings, for --debug

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def sentence_tokens(self, index: int) -> list[Token]:
        sent = self.sentences[index]
        return self.tokens[sent.first : sent.last]

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence containing `offset` (the last one before it if none does)."""
        lo, hi = 0, len(self.sentences)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.sentences[mid].start <= offset:
                lo = mid + 1
            else:
                hi = mid
        return max(lo - 1, 0)

    def note(self, stage: str, rule: str, start: int, end: int, **info: Any) -> None:
        """Record that `rule` of `stage` fired on a span (the debug trace)."""
        self.trace.append({"stage": stage, "rule": rule, "start": start, "end": end, **info})
