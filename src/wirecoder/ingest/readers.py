"""Files and directories -> ArticleRecord | Rejected, in input order, never stopping the stream.

Every reader yields records and Rejected items; a bad file or line becomes one Rejected with a
coded one-line reason and the rest go on. Nothing here touches the network: trafilatura and
feedparser are only ever handed bytes or strings already read from disk.

Limits: `max_bytes` caps each document — a .txt/.md/.html/.json or feed file as a whole, and each
line of a JSONL file or row of a CSV file (those two are streamed, so the file may be any size).
"""

from __future__ import annotations

import logging
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import InputError
from .clean import clean_text, normalise_newlines, parse_date
from .decode import decode_document, sniff_binary
from .feeds import read_feed_file
from .files import Item, guarded, read_bytes, read_head, read_str, rejected
from .language import detect_language
from .records import DEFAULT_MAX_BYTES, ArticleRecord, Rejected, one_line
from .tables import read_csv_file, read_json_file, read_jsonl_file

__all__ = [
    "READERS", "html_record", "parse_front_matter", "read_csv_file", "read_feed_file",
    "read_file", "read_html_file", "read_json_file", "read_jsonl_file", "read_paths",
    "read_text_file",
]

logger = logging.getLogger(__name__)

Reader = Callable[..., Iterator[Item]]

UNSUPPORTED = {
    ".pdf": "PDF document", ".doc": "Word document", ".docx": "Word document",
    ".odt": "OpenDocument text", ".rtf": "RTF document", ".epub": "EPUB book",
    ".xls": "Excel workbook", ".xlsx": "Excel workbook", ".ods": "OpenDocument spreadsheet",
    ".ppt": "PowerPoint file", ".pptx": "PowerPoint file", ".pages": "Pages document",
    ".parquet": "Parquet file",
}
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


# --- the entry point ---------------------------------------------------------------------------

def read_paths(paths: Iterable[str | Path] | str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
               recursive: bool = True) -> Iterator[Item]:
    """Read files and directories (walked in sorted order) into records, filling `language`.

    Non-English records are yielded like any other, with `language` and `language_score` set:
    whether to code them is the pipeline's decision. Hidden files and folders (".name") are
    skipped when walking a directory, and symlinked folders are not followed (no loops).
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    for given in paths:
        if _URL.match(str(given)):
            yield rejected(str(given), "E208", "a URL: wirecoder reads local files only and never "
                           "fetches anything; save the page and pass the file")
            continue
        path = Path(given)
        if path.is_dir():
            for found in _walk(path, recursive=recursive):
                if isinstance(found, Rejected):
                    yield found
                else:
                    yield from _read_one(found, max_bytes)
        else:
            yield from _read_one(path, max_bytes)


def _read_one(path: Path, max_bytes: int) -> Iterator[Item]:
    try:
        for item in read_file(path, max_bytes=max_bytes):
            if isinstance(item, ArticleRecord):
                item.language, item.language_score = detect_language(item.text)
            yield item
    except Exception as exc:  # a bug in one document must not lose the documents after it
        logger.exception("%s: processing failed", path)
        yield rejected(str(path), "E212", f"processing failed: {type(exc).__name__}: {exc}")


def _walk(directory: Path, *, recursive: bool) -> Iterator[Path | Rejected]:
    try:
        with os.scandir(directory) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield rejected(str(directory), "E201", f"cannot list directory: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = directory / entry.name
        if entry.is_dir(follow_symlinks=False):
            if recursive:
                yield from _walk(path, recursive=recursive)
        elif entry.is_symlink() and path.is_dir():
            logger.info("%s: symlinked directory not followed", path)
        else:
            yield path


def read_file(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Read one file with the reader its extension (or, failing that, its content) calls for."""
    path = Path(path)
    if not path.exists() and not path.is_symlink():
        yield rejected(str(path), "E201", "no such file or directory")
        return
    ext = path.suffix.lower()
    if ext in UNSUPPORTED:
        yield rejected(str(path), "E208", f"unsupported file type {ext} ({UNSUPPORTED[ext]}); "
                       "convert it to plain text, HTML or JSON Lines first")
        return
    reader = READERS.get(ext)
    if reader is None:
        try:
            reader = _sniff_reader(path)
        except InputError as exc:
            yield rejected(str(path), exc.code, exc.detail)
            return
    yield from reader(path, max_bytes=max_bytes)


def _sniff_reader(path: Path) -> Reader:
    head = read_head(path, 4096)
    why = sniff_binary(head)
    if why:
        raise InputError(why, code="E202")
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"<?xml"):
        is_html = b"<html" in start and not any(t in start for t in (b"<rss", b"<feed", b"<rdf"))
        return read_html_file if is_html else read_feed_file
    if start.startswith((b"<rss", b"<feed", b"<rdf")):
        return read_feed_file
    if start.startswith((b"<html", b"<!doctype")):
        return read_html_file
    return read_text_file


# --- plain text --------------------------------------------------------------------------------

_FRONT_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")


def parse_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split an optional `---` block of `key: value` lines from the article text.

    The block must open on the first line and close with a `---` line, and hold only `key: value`
    lines (blank lines and `#` comments allowed); otherwise the text has no front matter. Keys are
    lower-cased, values unquoted. The article text is the rest, stripped.
    """
    text = normalise_newlines(text)
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return {}, text.strip()
    meta: dict[str, str] = {}
    for i, line in enumerate(lines[1:], start=1):
        stripped = line.strip()
        if stripped == "---":
            return meta, "\n".join(lines[i + 1 :]).strip()
        if not stripped or stripped.startswith("#"):
            continue
        match = _FRONT_KEY.match(stripped)
        if match is None:
            return {}, text.strip()  # an article opening with a rule line, not front matter
        value = match.group(2)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        meta[match.group(1).lower()] = value
    return {}, text.strip()  # never closed


def read_text_file(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """A .txt/.md article with optional front matter (title, published/date, url, source, id).

    A clean UTF-8 file's body is kept exactly, apart from \\r\\n -> \\n, NFC and stripping the
    ends: gold annotations index into it. Only a file that needed encoding repair is cleaned.
    """
    return guarded(_text_records, path, max_bytes)


def _text_records(path: Path, max_bytes: int) -> Iterator[Item]:
    decoded = decode_document(read_bytes(path, max_bytes))
    text = unicodedata.normalize("NFC", normalise_newlines(decoded.text))
    meta, body = parse_front_matter(text)
    if decoded.repaired:
        body = clean_text(body)
    if not body:
        why = "no article text after the front matter" if meta else "file holds only whitespace"
        raise InputError(why, code="E204")
    origin = str(path)
    yield ArticleRecord(
        text=body,
        title=one_line(meta.get("title")),
        published=parse_date(meta.get("published") or meta.get("date"), origin=origin),
        url=one_line(meta.get("url")),
        source=one_line(meta.get("source")),
        id=one_line(meta.get("id")),
        origin=origin,
    )


# --- HTML --------------------------------------------------------------------------------------

# A page has article text when one paragraph reads as prose (>= 10 words ending a sentence) or
# the longer paragraphs add up to a few sentences; menus, link lists and captions do not.
_PROSE_WORDS = 10
_PROSE_TOTAL = 25
_SENTENCE_END = re.compile(r"[.!?…\"”’»)]$")


@cache
def _trafilatura_config() -> Any:
    from trafilatura.settings import use_config

    config = use_config()  # a fresh ConfigParser: the library default stays untouched
    # We never download, but if anything ever did, it must not retry without TLS verification.
    config.set("DEFAULT", "INSECURE_SSL_FALLBACK", "off")
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    return config


def read_html_file(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """A saved web page: the article body via trafilatura, with its title, date, URL and site."""
    return guarded(_html_records, path, max_bytes)


def _html_records(path: Path, max_bytes: int) -> Iterator[Item]:
    yield html_record(read_str(path, max_bytes), origin=str(path))


def html_record(html: str, *, origin: str) -> Item:
    """Extract the article from a whole HTML page given as a string (never a URL)."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_images=False,
        config=_trafilatura_config(),
        date_extraction_params={"extensive_search": False, "original_date": True})
    paragraphs = [p.strip() for p in (getattr(doc, "text", None) or "").split("\n") if p.strip()]
    title = one_line(getattr(doc, "title", None))
    if paragraphs and title and _same_line(paragraphs[0], title):
        paragraphs = paragraphs[1:]  # the headline is the title, not the first paragraph
    if not _has_prose(paragraphs):
        what = f"only {len(paragraphs)} short line(s)" if paragraphs else "nothing"
        return Rejected(origin, "E207", f"no article text found: the page holds {what} of "
                                        "navigation or boilerplate")
    return ArticleRecord(
        text=clean_text("\n\n".join(paragraphs)),
        title=title,
        published=parse_date(getattr(doc, "date", None), origin=origin),
        url=one_line(getattr(doc, "url", None)),
        source=one_line(getattr(doc, "sitename", None)),
        origin=origin,
    )


def _same_line(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _has_prose(paragraphs: list[str]) -> bool:
    long_words = 0
    for p in paragraphs:
        n = len(p.split())
        if n >= _PROSE_WORDS and _SENTENCE_END.search(p):
            return True
        if n >= _PROSE_WORDS // 2 + 3:
            long_words += n
    return long_words >= _PROSE_TOTAL


READERS: dict[str, Reader] = {
    ".txt": read_text_file, ".md": read_text_file, ".markdown": read_text_file,
    ".text": read_text_file,
    ".html": read_html_file, ".htm": read_html_file, ".xhtml": read_html_file,
    ".jsonl": read_jsonl_file, ".ndjson": read_jsonl_file, ".json": read_json_file,
    ".csv": read_csv_file, ".tsv": read_csv_file,
    ".xml": read_feed_file, ".rss": read_feed_file, ".atom": read_feed_file,
}
