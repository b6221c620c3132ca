"""The exception tree and coded messages.

    WirecoderError
     ├── InputError        a document or corpus record cannot be read (E2xx)
     ├── DataFileError     a knowledge table is malformed (E1xx)
     ├── ModelError        no spaCy pipeline can be loaded (E0xx)
     ├── StoreError        the SQLite store refused an operation (E3xx)
     │    └── QueryError   a search or query is malformed (E31x)
     └── ConfigError       an option has an impossible value (E4xx)

Every message starts with its code, says where and what, and what to do about it.
"""

from __future__ import annotations


class WirecoderError(Exception):
    """Base of every error wirecoder raises on purpose."""

    code = "E000"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        if code is not None:
            self.code = code
        super().__init__(f"[{self.code}] {message}")
        self.detail = message


class ModelError(WirecoderError):
    code = "E001"


class DataFileError(WirecoderError):
    code = "E101"


class InputError(WirecoderError):
    code = "E201"


class StoreError(WirecoderError):
    code = "E301"


class QueryError(StoreError):
    code = "E311"


class ConfigError(WirecoderError):
    code = "E401"


# Reasons a record is quarantined rather than coded. The code travels with the record into the
# store's `rejected` table and into the CLI summary; docs/errors.md lists them.
REJECT_CODES: dict[str, str] = {
    "E201": "unreadable file",
    "E202": "binary content",
    "E203": "encoding could not be repaired",
    "E204": "empty document",
    "E205": "document too large",
    "E206": "malformed record (JSON/CSV)",
    "E207": "no article text found (HTML or feed)",
    "E208": "unsupported file type",
    "E209": "malformed feed",
    "E210": "duplicate of an earlier article",
    "E211": "not English",
    "E212": "processing failed",
}


def short(value: object, limit: int = 60) -> str:
    """A repr for messages, truncated so a hostile value cannot flood a log line."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
