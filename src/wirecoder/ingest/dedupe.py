"""Exact deduplication of articles by their normalised text.

The normalisation is the one the article id is computed from (pipeline.article_id): NFC,
whitespace collapsed, casefolded. Two records whose text differs only in spacing or case are the
same article. Near duplicates (MinHash story clusters) are a separate, later layer.
"""

from __future__ import annotations

import hashlib
import unicodedata

from .records import ArticleRecord


def normalise_text(text: str) -> str:
    """NFC, whitespace collapsed to single spaces, casefolded."""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def text_key(text: str) -> str:
    """sha1 hex of the normalised text: equal to the article id the pipeline assigns."""
    return hashlib.sha1(normalise_text(text).encode("utf-8")).hexdigest()


class ExactDeduper:
    """Remembers the texts seen so far; `check` names the earlier copy of a duplicate.

    Memory is one 40-character key per distinct article.
    """

    def __init__(self) -> None:
        self._seen: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._seen)

    def check(self, record: ArticleRecord | str, *, origin: str = "") -> str | None:
        """The origin of the earlier record with the same normalised text, or None (and the
        record is remembered). A plain string can be checked too, with `origin` naming it."""
        if isinstance(record, ArticleRecord):
            text, origin = record.text, record.origin or origin
        else:
            text = record
        key = text_key(text)
        earlier = self._seen.get(key)
        if earlier is None:
            self._seen[key] = origin
        return earlier
