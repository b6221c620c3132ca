"""Quotation marks: find quoted spans in raw text, tolerant of bad typography.

Works on characters, not tokens, because quotation marks are what the tokenizer gets wrong most
often. Each mark is classified by what flanks it, as Markdown does for emphasis: a mark with
space (or an opening bracket, dash or the start of the paragraph) before it and a word after it
opens; a mark with a word before it and space or punctuation after it closes. Only a mark
flanked by both or neither falls back on its glyph (“ opens, ” closes, a straight " toggles).
So "mismatched" marks (“curly" and straight, “reversed“) still pair, and an apostrophe inside a
word (O'Neill, don't, shouldn‘t) is never a quote mark.

Double quotes are primary. Single quotes (British style, ‘…’) are paired outside double-quoted
spans only, so a quotation nested in another stays inside it; of two spans, the outer wins.
A quote left open at the end of a paragraph continues when the next paragraph opens with the same
kind of mark (one quote over several paragraphs); otherwise it ends with its paragraph, so one
stray mark never swallows the rest of the article. An unmatched closing mark is ignored. Cost is
linear in the number of marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = "“„«‟"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‚‹"
SINGLE_CLOSE = "’›"
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
DOUBLE = DOUBLE_OPEN + DOUBLE_CLOSE + STRAIGHT_DOUBLE
SINGLE = SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT_SINGLE
QUOTE_CHARS = DOUBLE + SINGLE
_MARK = re.compile(f"[{re.escape(QUOTE_CHARS)}]")
_PARAGRAPH = re.compile(r"\n\s*\n")
# What may stand before an opening mark: an opening bracket, a dash, a colon or slash.
_BEFORE_OPEN = set("([{—–-:/") | set(DOUBLE) | set(SINGLE)
# What may stand after a closing mark besides space: punctuation.
_AFTER_CLOSE = set(".,;:!?)]}—–-…") | set(DOUBLE) | set(SINGLE)
_TRIM_INNER_END = " ,\n\t"


@dataclass(frozen=True)
class Quote:
    """A quoted span: `start`/`end` are the marks' outer offsets, `inner_*` the text between."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool  # False when the text never closes it (ends at the paragraph end)
    single: bool = False  # set in single quotation marks


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in _PARAGRAPH.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if e > s]


def _flanks(text: str, i: int, start: int, end: int) -> tuple[bool, bool]:
    """(can open, can close) for the mark at `i` inside the paragraph [start, end)."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    can_open = (before.isspace() or before in _BEFORE_OPEN) and not after.isspace()
    can_close = not before.isspace() and (after.isspace() or after in _AFTER_CLOSE)
    return can_open, can_close


def _role(text: str, i: int, start: int, end: int) -> str | None:
    """'open', 'close', 'toggle' or None (not a quote mark: an apostrophe or a lone mark)."""
    ch = text[i]
    can_open, can_close = _flanks(text, i, start, end)
    if not can_open and not can_close and (i == start or text[i - 1].isspace()):
        return None  # a mark standing alone between spaces quotes nothing
    if ch in SINGLE:
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if before.isalnum() and after.isalnum():
            return None  # O'Neill, don't, shouldn‘t
        if can_open and not can_close:
            return "open"
        if can_close and not can_open:
            return "close"
        return None
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    if ch in DOUBLE_OPEN:
        return "open"
    if ch in DOUBLE_CLOSE:
        return "close"
    return "toggle"


def _strong_close(text: str, i: int) -> bool:
    """A single closing mark after punctuation ("…,’") ends a quotation more surely than one
    after a word, which may be a plural possessive ("the ministers' talks")."""
    return i > 0 and text[i - 1] in ".,!?;:…"


def _pair(text: str, marks: list[tuple[int, str]], carry: int | None, *,
          single: bool) -> tuple[list[tuple[int, int, bool]], int | None]:
    """Pair one paragraph's marks of one kind. Returns (open, end, closed) triples and the
    offset of a quote still open at the paragraph end."""
    out: list[tuple[int, int, bool]] = []
    open_at = carry
    for n, (i, role) in enumerate(marks):
        if open_at is None:
            if role in {"open", "toggle"}:
                open_at = i
            continue
        if role not in {"close", "toggle"}:
            # A second opening mark while a quote is open is a typo or a nested quote of the
            # same kind; either way the first quote keeps running.
            continue
        if single and not _strong_close(text, i):
            # Prefer a later closing mark after punctuation, before the next opening mark.
            ahead = []
            for _, r in marks[n + 1:]:
                if r == "open":
                    break
                ahead.append(r)
            if any(r == "close" for r in ahead) and any(
                    _strong_close(text, j) for j, r in marks[n + 1:n + 1 + len(ahead)]
                    if r == "close"):
                continue
        out.append((open_at, i + 1, True))
        open_at = None
    return out, open_at


def find_quotes(text: str) -> list[Quote]:
    """All top-level quoted spans, in order (nested quotes stay inside their outer quote)."""
    all_marks = [(m.start(), m.group()) for m in _MARK.finditer(text)]
    if not all_marks:
        return []
    spans: list[tuple[int, int, bool, bool]] = []  # start, end, closed, single
    carry: dict[bool, int | None] = {False: None, True: None}
    last_end = 0
    cursor = 0
    for p_start, p_end in _paragraphs(text):
        marks: dict[bool, list[tuple[int, str]]] = {False: [], True: []}
        while cursor < len(all_marks) and all_marks[cursor][0] < p_end:
            i, ch = all_marks[cursor]
            cursor += 1
            if i >= p_start and (role := _role(text, i, p_start, p_end)) is not None:
                marks[ch in SINGLE].append((i, role))
        for single in (False, True):
            open_at, carry[single] = carry[single], None
            own = marks[single]
            if open_at is not None:
                if own and own[0][0] == p_start and own[0][1] in {"open", "toggle"}:
                    own = own[1:]  # the paragraph reopens the quote: it runs on
                else:
                    spans.append((open_at, last_end, False, single))
                    open_at = None
            found, still_open = _pair(text, own, open_at, single=single)
            spans.extend((s, e, c, single) for s, e, c in found)
            carry[single] = still_open
        last_end = p_end
    for single in (False, True):
        if carry[single] is not None:
            spans.append((carry[single], last_end, False, single))
    # An unclosed single mark is more likely an elision ('90s) than a quotation.
    spans = [s for s in spans if s[2] or not s[3]]
    # Of nested spans the outer wins; single quotes inside double ones stay inside.
    spans.sort(key=lambda x: (x[0], -x[1]))
    quotes: list[Quote] = []
    outer_end = -1
    for s, e, closed, single in spans:
        if s < outer_end:
            continue
        q = _quote(text, s, e, closed=closed, single=single)
        if q.inner_end > q.inner_start:
            quotes.append(q)
            outer_end = e
    return quotes


def _quote(text: str, start: int, end: int, *, closed: bool, single: bool) -> Quote:
    inner_start = start + 1
    inner_end = end - 1 if closed else end
    # Drop surrounding whitespace and the comma that closes a quote before its cue.
    while inner_end > inner_start and text[inner_end - 1] in _TRIM_INNER_END:
        inner_end -= 1
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    return Quote(start, end, inner_start, inner_end, closed, single)


def quote_at(quotes: list[Quote], offset: int) -> Quote | None:
    """The quote whose marks enclose `offset` (quotes sorted by start), or None."""
    lo, hi = 0, len(quotes)
    while lo < hi:
        mid = (lo + hi) // 2
        if quotes[mid].start <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo and quotes[lo - 1].start <= offset < quotes[lo - 1].end:
        return quotes[lo - 1]
    return None
