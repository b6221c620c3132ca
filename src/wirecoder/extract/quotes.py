"""Quotation marks: find quoted spans in raw text, tolerant of bad typography.

Works on characters, not tokens, because quotation marks are what the tokenizer gets wrong most
often. Handles curly and straight double quotes, a quote left open at the end of a paragraph and
reopened at the start of the next (one quote over several paragraphs), and stray marks (an
unmatched closing mark is ignored; an opening mark never closed runs to the end of its paragraph).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = {"“", "„", "«"}
CLOSERS = {"”", "»"}
STRAIGHT = '"'
_PARAGRAPH = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Quote:
    """A quoted span: `start`/`end` are the marks' outer offsets, `inner_*` the text between."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool  # False when the text never closes it (ends at the paragraph end)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in _PARAGRAPH.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if e > s]


def _is_opening_straight(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    return before.isspace() or before in "([{—–-:/"


def _marks(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """Quote marks in a paragraph, each labelled 'open' or 'close'."""
    out = []
    for i in range(start, end):
        ch = text[i]
        if ch in OPENERS:
            out.append((i, "open"))
        elif ch in CLOSERS:
            out.append((i, "close"))
        elif ch == STRAIGHT:
            out.append((i, "open" if _is_opening_straight(text, i) else "close"))
    return out


def find_quotes(text: str) -> list[Quote]:
    """All quoted spans, in order; quotes do not nest (inner quotes stay inside)."""
    quotes: list[Quote] = []
    carry: int | None = None  # opening offset of a quote continued from the previous paragraph
    last_end = 0
    for p_start, p_end in _paragraphs(text):
        marks = _marks(text, p_start, p_end)
        open_at: int | None = None
        if carry is not None:
            if marks and marks[0][0] == p_start and marks[0][1] == "open":
                # The paragraph reopens the quote: keep it running from the first opening mark.
                open_at = carry
                marks = marks[1:]
            else:
                quotes.append(_quote(text, carry, last_end, closed=False))
            carry = None
        for i, kind in marks:
            if open_at is None:
                if kind == "open":
                    open_at = i
                continue
            if kind == "close" or text[i] == STRAIGHT:
                quotes.append(_quote(text, open_at, i + 1, closed=True))
                open_at = None
        if open_at is not None:
            carry, last_end = open_at, p_end
    if carry is not None:
        quotes.append(_quote(text, carry, last_end, closed=False))
    return [q for q in quotes if q.inner_end > q.inner_start]


def _quote(text: str, start: int, end: int, *, closed: bool) -> Quote:
    inner_start = start + 1
    inner_end = end - 1 if closed else end
    # Drop surrounding whitespace and the comma that closes a quote before its cue.
    while inner_end > inner_start and text[inner_end - 1] in " ,\n":
        inner_end -= 1
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    return Quote(start, end, inner_start, inner_end, closed)
