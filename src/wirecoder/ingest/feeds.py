"""RSS and Atom feeds via feedparser, fed bytes from disk only, after a defusedxml check."""

from __future__ import annotations

import io
import logging
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ..errors import InputError
from .clean import clean_text, html_to_text, parse_date
from .decode import sniff_binary
from .files import Item, guarded, read_bytes
from .records import DEFAULT_MAX_BYTES, ArticleRecord, Rejected, one_line

logger = logging.getLogger(__name__)


def read_feed_file(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """An RSS/Atom file: one record per entry ("path#ENTRY", from 1), HTML content made plain."""
    return guarded(_feed_records, path, max_bytes)


def _feed_records(path: Path, max_bytes: int) -> Iterator[Item]:
    import feedparser

    data = read_bytes(path, max_bytes)
    why = sniff_binary(data)
    if why:
        raise InputError(why, code="E202")
    _refuse_entities(data)
    # A BytesIO, not bytes: feedparser treats a bytes/str argument as a possible path or URL.
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    entries = parsed.get("entries") or []
    if not parsed.get("version"):
        problem = parsed.get("bozo_exception")
        detail = f" ({one_line(problem)})" if problem else ""
        raise InputError(f"not a parsable RSS or Atom feed{detail}", code="E209")
    if not entries:
        raise InputError("feed has no entries", code="E204")
    if parsed.get("bozo"):
        logger.warning("%s: malformed feed read leniently: %s", path,
                       one_line(parsed.get("bozo_exception")))
    source = one_line(parsed.get("feed", {}).get("title"))
    for n, entry in enumerate(entries, start=1):
        yield _entry_record(entry, origin=f"{path}#{n}", source=source)


def _refuse_entities(data: bytes) -> None:
    """Refuse entity declarations (billion laughs, external entities) before feedparser runs."""
    from xml.etree.ElementTree import ParseError

    import defusedxml.ElementTree
    from defusedxml import DefusedXmlException

    try:
        defusedxml.ElementTree.fromstring(data, forbid_dtd=False, forbid_entities=True,
                                          forbid_external=True)
    except DefusedXmlException as exc:
        raise InputError(f"feed declares XML entities or external references "
                         f"({type(exc).__name__}); refused for safety", code="E209") from exc
    except ParseError:
        pass  # not well-formed XML: feedparser's lenient parser decides


def _entry_record(entry: Mapping[str, Any], *, origin: str, source: str | None) -> Item:
    text = _entry_text(entry)
    if not text:
        return Rejected(origin, "E207", "feed entry has no text (no content or summary)")
    published = None
    raw = entry.get("published") or entry.get("updated")
    if raw:
        published = parse_date(raw, origin=origin)
    if published is None and (parsed := entry.get("published_parsed")
                              or entry.get("updated_parsed")):
        published = time.strftime("%Y-%m-%d", parsed)
    return ArticleRecord(text=text, title=one_line(entry.get("title")), published=published,
                         url=one_line(entry.get("link")), source=source, origin=origin)


def _entry_text(entry: Mapping[str, Any]) -> str:
    parts = [c for c in entry.get("content") or [] if c.get("value")]
    if parts:
        part = max(parts, key=lambda c: len(c["value"]))
        value, kind = part["value"], part.get("type", "text/html")
    else:
        detail = entry.get("summary_detail") or {}
        value, kind = entry.get("summary") or "", detail.get("type", "text/html")
    if not value.strip():
        return ""
    return clean_text(value) if kind == "text/plain" else html_to_text(value)
