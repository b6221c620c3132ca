"""Query parameters of the REST API and the explorer pages, validated before any SQL runs.

The same models serve `/api/...` and the HTML pages (and so appear in the OpenAPI schema). Empty
values (an untouched form field) count as absent; unknown parameters are refused, so a typo is a
400 rather than a silently unfiltered result.
"""

# No `from __future__ import annotations`: pydantic and FastAPI read these annotations live.
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from ..ontology import MODALITIES, PLOVER_EVENTS, SECTORS

MAX_VALUES = 20  # values per multi-valued filter

Date = Annotated[
    str | None,
    Field(default=None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$",
          description="YYYY, YYYY-MM or YYYY-MM-DD (inclusive)."),
]
Code = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
Name = Annotated[str, StringConstraints(min_length=1, max_length=300)]
Key = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16}$")]
EventType = Literal[PLOVER_EVENTS]  # type: ignore[valid-type]
Modality = Literal[MODALITIES]  # type: ignore[valid-type]
Sector = Literal[SECTORS]  # type: ignore[valid-type]


def many(item: Any, description: str) -> Any:
    return Annotated[list[item], Field(default=[], max_length=MAX_VALUES,
                                       description=description + " Repeat for several.")]


Query = Annotated[str | None, Field(
    default=None, max_length=500,
    description='Full-text search: words (all must match), "quoted phrases", prefix*.')]
Cursor = Annotated[str | None, Field(default=None, max_length=2000,
                                     description="The `next` value of the previous page.")]
Limit = Annotated[int, Field(default=50, ge=1, le=200, description="Rows per page (max 200).")]


class Params(BaseModel):
    """Base: forbid unknown parameters; drop empty strings (untouched form fields)."""

    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _drop_empty(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        out = {}
        for key, value in data.items():
            if isinstance(value, list):
                value = [v for v in value if v != ""]
                if not value:
                    continue
            elif value == "" or value is None:
                continue
            out[key] = value
        return out

    def filters(self) -> dict[str, Any]:
        """The non-empty filters, for SQL and for echoing back in responses."""
        skip = {"sort", "limit", "cursor", "format", "bin"}
        return {k: v for k, v in self.model_dump().items()
                if k not in skip and v not in (None, [], "")}


class EventFilters(Params):
    q: Query = None
    event: many(EventType, "PLOVER event type.")
    mode: many(Name, "PLOVER mode (e.g. aerial, troops).")
    modality: many(Modality, "Modality.")
    context: many(Name, "PLOVER context (e.g. military).")
    country: many(Code, "Country of any actor or recipient (ISO3 or PLOVER code).")
    actor_country: many(Code, "Country of an actor.")
    recipient_country: many(Code, "Country of a recipient.")
    place_country: many(Code, "Country where the event happened.")
    place: many(Name, "Name of the place where the event happened.")
    actor: many(Name, "Actor name (case-insensitive).")
    recipient: many(Name, "Recipient name (case-insensitive).")
    actor_id: Annotated[Key | None, Field(description="Actor id (as actor).")] = None
    recipient_id: Annotated[Key | None, Field(description="Actor id (as recipient).")] = None
    participant_id: Annotated[Key | None, Field(description="Actor id, either role.")] = None
    dyad: Annotated[str | None, Field(
        pattern=r"^[0-9a-f]{16}-[0-9a-f]{16}$",
        description="ACTORID-RECIPIENTID, as in /api/dyads.")] = None
    article_id: many(Name, "Article id.")
    publisher: many(Name, "Article source.")
    language: many(Name, "Article language.")
    date_from: Date = None
    date_to: Date = None
    min_confidence: Annotated[float | None, Field(ge=0, le=1)] = None


EventSort = Literal["date", "-date", "published", "-published", "event", "-event", "intensity",
                    "-intensity", "confidence", "-confidence", "article", "-article"]


class EventQuery(EventFilters):
    sort: EventSort = "-date"
    limit: Limit = 50
    cursor: Cursor = None


class TimelineQuery(EventFilters):
    bin: Literal["auto", "day", "month", "year"] = "auto"


class NetworkQuery(EventFilters):
    limit: Annotated[int, Field(ge=1, le=400, description="Most edges (max 400).")] = 150


class DyadQuery(EventFilters):
    limit: Annotated[int, Field(ge=1, le=400)] = 50
    cursor: Cursor = None


EventFormat = Literal["jsonl", "csv", "parquet", "geojson", "gexf"]


class EventExport(EventFilters):
    format: EventFormat = "csv"


class StatementFilters(Params):
    q: Query = None
    speaker: many(Name, "Speaker name (case-insensitive).")
    speaker_id: Annotated[Key | None, Field(description="Speaker's actor id.")] = None
    speaker_country: many(Code, "Speaker's country.")
    kind: many(Literal["direct", "indirect", "mixed"], "Statement kind.")
    article_id: many(Name, "Article id.")
    publisher: many(Name, "Article source.")
    language: many(Name, "Article language.")
    date_from: Date = None
    date_to: Date = None


class StatementQuery(StatementFilters):
    sort: Literal["date", "-date", "published", "-published", "speaker", "-speaker", "article",
                  "-article"] = "-date"
    limit: Limit = 50
    cursor: Cursor = None


class StatementExport(StatementFilters):
    format: Literal["jsonl", "csv", "parquet"] = "csv"


class ArticleFilters(Params):
    q: Query = None
    publisher: many(Name, "Source.")
    language: many(Name, "Language.")
    status: many(Literal["coded", "not_coded"], "Coding status.")
    country: many(Code, "Country of an actor in the article.")
    actor_id: Annotated[Key | None, Field(description="An actor in the article.")] = None
    date_from: Date = None
    date_to: Date = None


class ArticleQuery(ArticleFilters):
    sort: Literal["published", "-published", "title", "-title", "id", "-id"] = "-published"
    limit: Limit = 50
    cursor: Cursor = None


class ArticleExport(ArticleFilters):
    format: Literal["jsonl"] = "jsonl"


class ActorFilters(Params):
    q: Annotated[str | None, Field(max_length=300, description="Part of the name.")] = None
    country: many(Code, "Country.")
    sector: many(Sector, "PLOVER sector.")
    kind: many(Literal["person", "organization", "country", "group"], "Kind.")


class ActorExport(ActorFilters):
    format: Literal["csv", "jsonl"] = "csv"


class ActorQuery(ActorFilters):
    sort: Literal["events", "-events", "statements", "-statements", "articles", "-articles",
                  "name", "-name"] = "-events"
    limit: Limit = 50
    cursor: Cursor = None


class PlaceFilters(Params):
    q: Annotated[str | None, Field(max_length=300, description="Part of the name.")] = None
    country: many(Code, "Country.")
    article_id: many(Name, "Article id.")


class PlaceExport(PlaceFilters):
    format: Literal["csv", "jsonl", "geojson"] = "csv"


class PlaceQuery(PlaceFilters):
    sort: Literal["events", "-events", "mentions", "-mentions", "articles", "-articles", "name",
                  "-name"] = "-mentions"
    limit: Limit = 50
    cursor: Cursor = None


class NoParams(Params):
    """Pages without filters still refuse unknown parameters."""


class IngestArticle(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: Annotated[str, Field(min_length=1, max_length=1_000_000)]
    title: Annotated[str | None, Field(max_length=1000)] = None
    url: Annotated[str | None, Field(max_length=2000)] = None
    source: Annotated[str | None, Field(max_length=300)] = None
    published: Date = None
    language: Annotated[str | None, Field(max_length=20)] = None
    id: Annotated[str | None, Field(
        min_length=1, max_length=200,
        description="Your id for the article; default: the sha1 of its normalised text.")] = None


class IngestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: Annotated[list[IngestArticle], Field(min_length=1, max_length=50)]
