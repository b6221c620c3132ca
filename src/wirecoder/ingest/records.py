"""What the readers yield: an ArticleRecord to code, or a Rejected record with a coded reason."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from ..errors import REJECT_CODES
from .clean import clean_text, parse_date

DEFAULT_MAX_BYTES = 2_000_000

# Column/field names, lower-cased; the first present alias wins.
TEXT_FIELDS = ("text", "body", "content")
DATE_FIELDS = ("published", "date")
META_FIELDS = ("title", "url", "source", "id")


@dataclass
class ArticleRecord:
    """One article ready for the pipeline. Offsets in the Result index into `text`."""

    text: str
    title: str | None = None
    published: str | None = None  # "YYYY-MM-DD"
    url: str | None = None
    source: str | None = None
    id: str | None = None  # an id given by the input; None means "use the content hash"
    origin: str = ""  # "path", "path:LINE" (JSONL), "path#ROW" (CSV, JSON), "path#ENTRY" (feeds)
    language: str | None = None
    language_score: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Rejected:
    """A document or record that was quarantined instead of coded, and why."""

    origin: str
    code: str  # a key of wirecoder.errors.REJECT_CODES
    reason: str  # one line

    def __post_init__(self) -> None:
        if self.code not in REJECT_CODES:
            raise ValueError(f"unknown reject code {self.code!r}")
        # One line, always: a reason may quote hostile input.
        self.reason = " ".join(self.reason.split())

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def size_reason(size: int, max_bytes: int, what: str = "file") -> str:
    return (f"{what} is {size:,} bytes, above the {max_bytes:,}-byte cap; split it, or raise "
            f"the cap with max_bytes= (read_paths) or the CLI's --max-bytes option")


def one_line(value: Any) -> str | None:
    """A scalar metadata value as one clean line of text, or None."""
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = " ".join(clean_text(str(value)).split())
    return text or None


def record_from_fields(fields: Mapping[str, Any], *, origin: str,
                       max_bytes: int = DEFAULT_MAX_BYTES) -> ArticleRecord | Rejected:
    """Build a record from a JSON object or CSV row (keys matched case-insensitively)."""
    lowered = {str(k).strip().lower(): v for k, v in fields.items() if k is not None}
    key = next((k for k in TEXT_FIELDS if lowered.get(k) not in (None, "")), None)
    if key is None:
        return Rejected(origin, "E204", "record has no text (expected a non-empty 'text', "
                                        "'body' or 'content' field)")
    raw = lowered[key]
    if not isinstance(raw, str):
        return Rejected(origin, "E206", f"field {key!r} must be a string, got "
                                        f"{type(raw).__name__}")
    size = len(raw.encode("utf-8", errors="surrogatepass"))
    if size > max_bytes:
        return Rejected(origin, "E205", size_reason(size, max_bytes, f"field {key!r}"))
    text = clean_text(raw)
    if not text:
        return Rejected(origin, "E204", f"field {key!r} holds only whitespace")
    date_raw = next((lowered[k] for k in DATE_FIELDS if lowered.get(k) not in (None, "")), None)
    return ArticleRecord(
        text=text,
        title=one_line(lowered.get("title")),
        published=parse_date(date_raw, origin=origin),
        url=one_line(lowered.get("url")),
        source=one_line(lowered.get("source")),
        id=one_line(lowered.get("id")),
        origin=origin,
    )
