"""The `wirecoder/1` Result record: one coded article.

The field names and meanings are normative (docs/output-schema.md, and the JSON Schema in
`schema/wirecoder-1.schema.json`). Fields may be added; none may change meaning. Every offset is
a Python string index into `Result.article.text`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SCHEMA = "wirecoder/1"

ActorKind = Literal["person", "organization", "country", "group"]
StatementKind = Literal["direct", "indirect", "mixed"]
Modality = Literal["asserted", "future", "hypothetical", "negated", "historical"]
Status = Literal["coded", "not_coded"]


@dataclass
class Mention:
    """A span of the article text: `text == article.text[start:end]`."""

    start: int
    end: int
    text: str


@dataclass
class Article:
    id: str
    title: str | None
    text: str
    published: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = "en"


@dataclass
class Actor:
    id: str
    name: str
    kind: ActorKind
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    wikidata: str | None = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Statement:
    id: str
    speaker: str | None  # an actor id, or None for an unnamed source
    speaker_text: str | None
    kind: StatementKind
    cue: str | None
    content: str
    start: int  # offsets of `content`
    end: int
    addressee: str | None = None
    place: str | None = None
    date: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    # Why `speaker` is null: "unnamed_source" (described, not named: "a senior official"),
    # "unresolved" (the text names someone no actor stands for) or "no_speaker".
    speaker_reason: str | None = None
    # The actor a spokesperson speaks for ("His spokesperson, Dmitry Peskov," -> Putin).
    on_behalf_of: str | None = None
    # The country of an unnamed source, where the text gives it ("a senior Israeli official").
    speaker_country: str | None = None


STATEMENT_EXTRAS = ("speaker_reason", "on_behalf_of", "speaker_country")


@dataclass
class EventPlace:
    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    precision: str | None = None  # country | region | city | site


@dataclass
class Span:
    start: int
    end: int


@dataclass
class Event:
    id: str
    event: str  # one of the 16 PLOVER types
    mode: str | None
    modality: Modality
    contexts: list[str]
    actor: list[str]  # actor ids
    recipient: list[str]
    event_text: str
    sentence: Span
    place: EventPlace | None = None
    date: str | None = None
    date_raw: str | None = None
    cameo: str | None = None
    intensity: float | None = None
    statement: str | None = None  # id of the statement that carries this event
    confidence: float = 0.5
    trigger_start: int | None = None
    trigger_end: int | None = None


@dataclass
class Place:
    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    precision: str | None = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Result:
    """Everything wirecoder found in one article."""

    article: Article
    actors: list[Actor] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    status: Status = "coded"
    reason: str | None = None  # why an article was not coded
    pipeline: str | None = None  # pipeline version that made this record
    schema: str = SCHEMA

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for statement in data["statements"]:
            # Extension fields appear only when set, so records without them keep their shape.
            for key in STATEMENT_EXTRAS:
                if statement.get(key) is None:
                    statement.pop(key, None)
        # `schema` first, so a JSONL line says what it is before anything else.
        return {"schema": data.pop("schema"), **data}

    def to_json(self, *, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Result:
        def mentions(items: list[dict[str, Any]]) -> list[Mention]:
            return [Mention(**m) for m in items]

        events = []
        for e in data.get("events", []):
            e = dict(e)
            e["sentence"] = Span(**e["sentence"])
            if e.get("place") is not None:
                e["place"] = EventPlace(**e["place"])
            events.append(Event(**e))
        return cls(
            schema=data.get("schema", SCHEMA),
            article=Article(**data["article"]),
            actors=[
                Actor(**{**a, "mentions": mentions(a.get("mentions", []))})
                for a in data.get("actors", [])
            ],
            statements=[Statement(**s) for s in data.get("statements", [])],
            events=events,
            places=[
                Place(**{**p, "mentions": mentions(p.get("mentions", []))})
                for p in data.get("places", [])
            ],
            status=data.get("status", "coded"),
            reason=data.get("reason"),
            pipeline=data.get("pipeline"),
        )

    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)


def iter_spans(result: Result | dict[str, Any]) -> list[tuple[str, int, int, str]]:
    """Every (where, start, end, expected_text) triple in a record, for offset checks."""
    data = result.to_dict() if isinstance(result, Result) else result
    out: list[tuple[str, int, int, str]] = []
    for a in data["actors"]:
        for m in a["mentions"]:
            out.append((f"actor {a['id']}", m["start"], m["end"], m["text"]))
    for p in data["places"]:
        for m in p["mentions"]:
            out.append((f"place {p['name']}", m["start"], m["end"], m["text"]))
    for s in data["statements"]:
        out.append((f"statement {s['id']}", s["start"], s["end"], s["content"]))
        if s.get("speaker_start") is not None and s.get("speaker_text") is not None:
            out.append((f"speaker of {s['id']}", s["speaker_start"], s["speaker_end"],
                        s["speaker_text"]))
        if s.get("cue_start") is not None and s.get("cue") is not None:
            out.append((f"cue of {s['id']}", s["cue_start"], s["cue_end"], s["cue"]))
    for e in data["events"]:
        if e.get("trigger_start") is not None:
            out.append((f"event {e['id']}", e["trigger_start"], e["trigger_end"],
                        e["event_text"]))
    return out
