"""Bytes -> str: refuse binary content, decode UTF-8, repair what is repairable.

The order of the checks matters. Magic numbers come first so a PNG is called a PNG rather than
"invalid UTF-8"; byte-order marks come before the NUL test because UTF-16 text is full of NULs;
a strict UTF-8 decode comes before any guessing because nearly all news text is UTF-8 and guessing
can only make a valid file worse.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from dataclasses import dataclass

import charset_normalizer

from ..errors import InputError

logger = logging.getLogger(__name__)

SNIFF_BYTES = 65_536

# (prefix, offset, name). Only signatures that cannot open a plain-text document are listed; the
# ASCII-looking ones ("MZ", "BM") are left to the NUL and control-byte tests instead.
MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "PNG image"),
    (b"\xff\xd8\xff", 0, "JPEG image"),
    (b"GIF87a", 0, "GIF image"),
    (b"GIF89a", 0, "GIF image"),
    (b"II*\x00", 0, "TIFF image"),
    (b"MM\x00*", 0, "TIFF image"),
    (b"%PDF-", 0, "PDF document"),
    (b"PK\x03\x04", 0, "ZIP archive or Office document"),
    (b"PK\x05\x06", 0, "ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "legacy Office document"),
    (b"\x1f\x8b", 0, "gzip archive"),
    (b"\xfd7zXZ\x00", 0, "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", 0, "Zstandard archive"),
    (b"Rar!\x1a\x07", 0, "RAR archive"),
    (b"\x7fELF", 0, "ELF executable"),
    (b"\xcf\xfa\xed\xfe", 0, "Mach-O executable"),
    (b"\xca\xfe\xba\xbe", 0, "Mach-O or Java class file"),
    (b"\x00asm", 0, "WebAssembly module"),
    (b"SQLite format 3\x00", 0, "SQLite database"),
    (b"OggS", 0, "Ogg media"),
    (b"fLaC", 0, "FLAC audio"),
    (b"ID3", 0, "MP3 audio"),
    (b"ftyp", 4, "MP4/QuickTime media"),
    (b"WEBP", 8, "WebP image"),
    (b"WAVE", 8, "WAV audio"),
)

# Control bytes that do not occur in text (\t \n \v \f \r do).
_CONTROL = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x20)) | {0x7F}
MAX_CONTROL_SHARE = 0.10
# Beyond this share of invalid bytes (among non-ASCII bytes) the file is not "UTF-8 with a few bad
# bytes" but some other encoding, and charset-normalizer decides which.
MAX_STRAY_SHARE = 0.25
# Encodings charset-normalizer may propose that never hold a news article in practice: EBCDIC
# code pages turn almost any byte soup into "plausible" letters.
# Matches this close to the least chaotic one are all candidates (Shift-JIS text scores 0.03
# while cp949 reads the same bytes as Korean gibberish at 0.0).
CHAOS_SLACK = 0.05
_EXCLUDED = ["cp037", "cp273", "cp424", "cp500", "cp875", "cp1026", "cp1140"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Decoded:
    """Decoded text and how it was obtained; `repaired` is False only for clean UTF-8/UTF-16/32."""

    text: str
    encoding: str
    repaired: bool = False


_ESCAPED = re.compile("[\udc80-\udcff]+")


def _escaped_as_cp1252(match: re.Match[str]) -> str:
    # A stray byte in otherwise valid UTF-8 is nearly always Windows-1252 pasted into the file.
    raw = bytes(ord(ch) - 0xDC00 for ch in match.group())
    return raw.decode("cp1252", errors="replace")


def sniff_binary(data: bytes) -> str | None:
    """Say why `data` (the head of a file is enough) is binary, or None if it may be text."""
    for prefix, offset, name in MAGIC:
        if data[offset : offset + len(prefix)] == prefix:
            return f"binary content ({name}), not a text document"
    head = data[:SNIFF_BYTES]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    if b"\x00" in head:
        if _looks_utf16(head):
            return None
        return "binary content (contains NUL bytes), not a text document"
    if head:
        share = sum(1 for b in head if b in _CONTROL) / len(head)
        if share > MAX_CONTROL_SHARE:
            return f"binary content ({share:.0%} control bytes), not a text document"
    return None


def _looks_utf16(head: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit on alternate bytes (BOM-less UTF-16 text)."""
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def decode_document(data: bytes) -> Decoded:
    """Decode a document's bytes, repairing what can be repaired.

    Raises InputError E202 for binary content and E203 when no sensible decoding exists.
    """
    why = sniff_binary(data)
    if why:
        raise InputError(why, code="E202")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"invalid {encoding} after a byte-order mark ({exc.reason} at "
                                 f"byte {exc.start}); re-save the file as UTF-8", code="E203"
                                 ) from exc
    utf16 = _looks_utf16(data[:SNIFF_BYTES]) if b"\x00" in data[:SNIFF_BYTES] else None
    if utf16:
        try:
            return Decoded(data.decode(utf16), utf16)
        except UnicodeDecodeError as exc:
            raise InputError("binary content (contains NUL bytes), not a text document",
                             code="E202") from exc
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    return _repair(data)


def _repair(data: bytes) -> Decoded:
    non_ascii = sum(1 for b in data if b >= 0x80)
    escaped = data.decode("utf-8", errors="surrogateescape")
    stray = sum(len(m) for m in _ESCAPED.findall(escaped))
    if stray <= MAX_STRAY_SHARE * non_ascii:
        logger.warning("repaired %d invalid UTF-8 byte(s), read as Windows-1252", stray)
        return Decoded(_ESCAPED.sub(_escaped_as_cp1252, escaped), "utf-8+cp1252", repaired=True)
    chosen = _guess_encoding(data)
    if chosen is None:
        raise InputError(
            f"not valid UTF-8 ({stray} invalid bytes) and no text encoding fits; "
            "re-save the file as UTF-8", code="E203")
    encoding, text = chosen
    logger.warning("not UTF-8; decoded as %s (detected)", encoding)
    return Decoded(text, encoding, repaired=True)


def _guess_encoding(data: bytes) -> tuple[str, str] | None:
    """The most plausible (encoding, text) among charset-normalizer's least chaotic matches.

    charset-normalizer ranks look-alike code pages equally (French cp1252 comes back as cp1250,
    turning "à" into "ŕ"; Polish cp1250 as cp1252, turning "ł" into "³"), so ties are broken by
    what a reader would notice: non-ASCII characters that are letters, then how sure language id
    is of the result, then Windows-1252 as the commonest legacy encoding of news text.
    """
    matches = [m for m in charset_normalizer.from_bytes(data, cp_exclusion=_EXCLUDED)
               if m.encoding]
    if not matches:
        return None
    least = min(m.chaos for m in matches)
    best: tuple[tuple[float, float, bool], str, str] | None = None
    for match in matches:
        if match.chaos > least + CHAOS_SLACK:
            continue
        try:
            text = data.decode(match.encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        key = (round(_letter_share(text), 2), round(_language_confidence(text), 3),
               match.encoding == "cp1252")
        if best is None or key > best[0]:
            best = (key, match.encoding, text)
    return None if best is None else (best[1], best[2])


def _letter_share(text: str) -> float:
    """Share of non-ASCII characters a reader would expect: letters, marks, typographic and CJK
    punctuation. Mojibake shows up as stray symbols ("³", "¤", "‰") inside words."""
    non_ascii = [ch for ch in text if ord(ch) >= 0x80]
    if not non_ascii:
        return 1.0
    return sum(1 for ch in non_ascii if _is_plausible(ch)) / len(non_ascii)


def _is_plausible(ch: str) -> bool:
    if unicodedata.category(ch)[0] in "LM":
        return True
    code = ord(ch)
    return (code in (0xA0, 0xAB, 0xBB, 0xA1, 0xBF) or 0x2010 <= code <= 0x2027
            or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF)


def _language_confidence(text: str) -> float:
    from .language import detect_language

    return detect_language(text)[1]


def decode_bytes(data: bytes) -> str:
    """Decode bytes to text; raises InputError E202 (binary) or E203 (undecodable)."""
    return decode_document(data).text
