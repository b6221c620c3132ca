"""Shared file plumbing for the readers: bounded reads, coded refusals, Rejected on InputError."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import InputError
from .decode import decode_document
from .records import ArticleRecord, Rejected, size_reason

logger = logging.getLogger(__name__)

Item = ArticleRecord | Rejected


def rejected(origin: str, code: str, reason: str) -> Rejected:
    item = Rejected(origin, code, reason)
    logger.warning("%s: [%s] %s", item.origin, item.code, item.reason)
    return item


def guarded(produce: Callable[[Path, int], Iterator[Item]], path: str | Path,
             max_bytes: int) -> Iterator[Item]:
    """Run a reader body, turning an InputError into one Rejected for the whole file."""
    path = Path(path)
    try:
        for item in produce(path, max_bytes):
            if isinstance(item, Rejected):
                logger.warning("%s: [%s] %s", item.origin, item.code, item.reason)
            yield item
    except InputError as exc:
        yield rejected(str(path), exc.code, exc.detail)


def open_regular(path: Path) -> os.stat_result:
    try:
        st = path.stat()
    except FileNotFoundError as exc:
        raise InputError("no such file or directory", code="E201") from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", code="E201") from exc
    if stat.S_ISDIR(st.st_mode):
        raise InputError("is a directory; pass it to read_paths", code="E201")
    if not stat.S_ISREG(st.st_mode):
        raise InputError("not a regular file (a device, FIFO or socket)", code="E201")
    return st


def read_head(path: Path, n: int) -> bytes:
    open_regular(path)
    try:
        with path.open("rb") as f:
            return f.read(n)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", code="E201") from exc


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The whole file, refusing unreadable (E201), oversized (E205) and empty (E204) files."""
    st = open_regular(path)
    if st.st_size > max_bytes:
        raise InputError(size_reason(st.st_size, max_bytes), code="E205")
    try:
        with path.open("rb") as f:
            data = f.read(max_bytes + 1)  # bounded even if the file grew since stat()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", code="E201") from exc
    if len(data) > max_bytes:
        raise InputError(size_reason(len(data), max_bytes), code="E205")
    if not data:
        raise InputError("empty file (0 bytes)", code="E204")
    return data


def read_str(path: Path, max_bytes: int) -> str:
    text = decode_document(read_bytes(path, max_bytes)).text
    if not text.strip():
        raise InputError("file holds only whitespace", code="E204")
    return text
