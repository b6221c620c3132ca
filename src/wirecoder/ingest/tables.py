"""Structured corpora: JSON Lines (streamed), JSON, and CSV/TSV (streamed)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ..errors import InputError
from .decode import SNIFF_BYTES, decode_document, sniff_binary
from .files import Item, guarded, read_head, read_str
from .records import (
    DEFAULT_MAX_BYTES,
    TEXT_FIELDS,
    Rejected,
    one_line,
    record_from_fields,
    size_reason,
)


def read_jsonl_file(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """One JSON object per line (id, title, text|body|content, published|date, url, source).

    Streamed: `max_bytes` caps each line. A malformed line is one Rejected ("path:LINE").
    """
    return guarded(_jsonl_records, path, max_bytes)


def _jsonl_records(path: Path, max_bytes: int) -> Iterator[Item]:
    why = sniff_binary(read_head(path, SNIFF_BYTES))
    if why:
        raise InputError(why, code="E202")
    seen = False
    try:
        f = path.open("rb")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", code="E201") from exc
    with f:
        lineno = 0
        while line := f.readline(max_bytes + 1):
            lineno += 1
            origin = f"{path}:{lineno}"
            if len(line) > max_bytes and not line.endswith(b"\n"):
                size = len(line) + _skip_rest_of_line(f)
                yield Rejected(origin, "E205", size_reason(size, max_bytes, f"line {lineno}"))
                seen = True
                continue
            if not line.strip():
                continue
            seen = True
            yield _json_line_record(line, origin=origin, lineno=lineno, max_bytes=max_bytes)
    if not seen:
        raise InputError("empty file (no JSON lines)", code="E204")


def _skip_rest_of_line(f: io.BufferedReader) -> int:
    skipped = 0
    while chunk := f.readline(1 << 20):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def _json_line_record(line: bytes, *, origin: str, lineno: int, max_bytes: int) -> Item:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = decode_document(line).text
        except InputError as exc:
            return Rejected(origin, exc.code, f"line {lineno}: {exc.detail}")
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        return Rejected(origin, "E206", f"line {lineno}: invalid JSON ({exc.msg} at column "
                                        f"{exc.colno})")
    if not isinstance(obj, dict):
        return Rejected(origin, "E206", f"line {lineno}: expected a JSON object, got "
                                        f"{type(obj).__name__}")
    return record_from_fields(obj, origin=origin, max_bytes=max_bytes)


def read_json_file(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """A .json file holding one article object or a list of them ("path#N", from 1)."""
    return guarded(_json_records, path, max_bytes)


def _json_records(path: Path, max_bytes: int) -> Iterator[Item]:
    try:
        obj = json.loads(read_str(path, max_bytes))
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})",
                         code="E206") from exc
    if isinstance(obj, dict):
        yield record_from_fields(obj, origin=str(path), max_bytes=max_bytes)
    elif isinstance(obj, list):
        for n, item in enumerate(obj, start=1):
            origin = f"{path}#{n}"
            if isinstance(item, dict):
                yield record_from_fields(item, origin=origin, max_bytes=max_bytes)
            else:
                yield Rejected(origin, "E206", f"item {n}: expected a JSON object, got "
                                               f"{type(item).__name__}")
    else:
        raise InputError(f"expected a JSON object or a list of objects, got "
                         f"{type(obj).__name__}", code="E206")


_DELIMITERS = (",", "\t", ";", "|")


def read_csv_file(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """A CSV/TSV file with a header row; quoted fields may span lines. Streamed, row by row.

    The delimiter is the one (of , TAB ; |) whose header has a text column. Origins are
    "path#ROW", ROW counting data rows from 1 (the header is row 0).
    """
    return guarded(_csv_records, path, max_bytes)


def _csv_records(path: Path, max_bytes: int) -> Iterator[Item]:
    head = read_head(path, SNIFF_BYTES)
    why = sniff_binary(head)
    if why:
        raise InputError(why, code="E202")
    if not head.strip():
        raise InputError("empty file" if not head else "file holds only whitespace", code="E204")
    encoding = _stream_encoding(head)
    # The csv module's field limit (128 KiB) is process-wide; a field must be allowed up to the
    # document cap so the size check below, not a csv.Error, decides.
    csv.field_size_limit(max(csv.field_size_limit(), max_bytes + 1))
    with path.open("r", encoding=encoding, errors="replace", newline="") as f:
        first = f.readline()
        f.seek(0)
        delimiter = _pick_delimiter(first, prefer_tab=path.suffix.lower() == ".tsv")
        rows = csv.reader(f, delimiter=delimiter)
        header = [h.strip().lstrip("\ufeff").lower() for h in next(rows)]
        rowno = 0
        while True:
            try:
                fields = next(rows)
            except StopIteration:
                break
            except csv.Error as exc:
                rowno += 1
                yield Rejected(f"{path}#{rowno}", "E206", f"row {rowno}: malformed CSV ({exc})")
                continue
            rowno += 1
            if not any(cell.strip() for cell in fields):
                continue
            row: Mapping[str, Any] = dict(zip(header, fields, strict=False))
            yield record_from_fields(row, origin=f"{path}#{rowno}", max_bytes=max_bytes)


def _stream_encoding(head: bytes) -> str:
    """The encoding to stream a table file with, judged from its first bytes."""
    try:
        head.decode("utf-8")
        return "utf-8-sig"
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3:
            return "utf-8-sig"  # a character cut by the sample boundary
    decoded = decode_document(head)
    return "utf-8-sig" if decoded.encoding.startswith("utf-8") else decoded.encoding


def _pick_delimiter(header_line: str, *, prefer_tab: bool) -> str:
    order = ("\t", ",", ";", "|") if prefer_tab else _DELIMITERS
    for delimiter in order:
        names = next(csv.reader([header_line], delimiter=delimiter), [])
        if any(n.strip().lstrip("\ufeff").lower() in TEXT_FIELDS for n in names):
            return delimiter
    raise InputError(f"no text column in the header {one_line(header_line)!r}; expected one "
                     "of 'text', 'body' or 'content'", code="E206")
