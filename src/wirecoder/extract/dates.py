"""Dates: resolve a date expression against the publication date.

Conventions (docs/annotation-guidelines.md): a weekday means the most recent such day for past
events (the publication day itself if it matches) and the next such day for future ones; week-
and month-level expressions ("last week", "in June") give no day, so they resolve to None and
only the raw text is kept.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
SAME_DAY = {"today", "tonight", "this morning", "this afternoon", "this evening", "earlier today",
            "later today"}
DAY_BEFORE = {"yesterday", "last night", "overnight", "on the previous day", "the previous day"}
DAY_AFTER = {"tomorrow"}
# Periods longer than a day: they never give a day.
_PERIOD = re.compile(
    r"\b(week|weeks|weekend|month|months|year|years|decade|century|season|spring|summer|autumn|"
    r"fall|winter|quarter|recently|lately|soon|earlier|later)\b|^(in |during |since |by )?"
    r"(january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?( \d{4})?$|^(in )?\d{4}$",
    re.IGNORECASE,
)
_HAS_DAY = re.compile(r"\b\d{1,2}(st|nd|rd|th)?\b|\b\d{4}-\d{2}-\d{2}\b")


def parse_published(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _weekday(text: str) -> int | None:
    words = re.findall(r"[a-z]+", text.lower())
    days = [WEEKDAYS.index(w) for w in words if w in WEEKDAYS]
    return days[0] if len(days) == 1 else None


@lru_cache(maxsize=4096)
def resolve_date(text: str, published: str | None, *, future: bool = False) -> str | None:
    """The ISO day a date expression names, or None when it names no single day."""
    base = parse_published(published)
    raw = " ".join(text.lower().split()).strip(" ,.")
    raw = re.sub(r"^(on|by|from|until|as of|since)\s+", "", raw)
    if base is None:
        base_free = _explicit(raw, None, future)
        return base_free.isoformat() if base_free else None
    if raw in SAME_DAY:
        return base.isoformat()
    if raw in DAY_BEFORE:
        return (base - timedelta(days=1)).isoformat()
    if raw in DAY_AFTER:
        return (base + timedelta(days=1)).isoformat()
    wd = _weekday(raw)
    if wd is not None and not _HAS_DAY.search(raw):
        if "last" in raw.split() or not future:
            back = (base.weekday() - wd) % 7
            if "last" in raw.split() and back == 0:
                back = 7
            return (base - timedelta(days=back)).isoformat()
        ahead = (wd - base.weekday()) % 7
        if "next" in raw.split() and ahead == 0:
            ahead = 7
        return (base + timedelta(days=ahead)).isoformat()
    if _PERIOD.search(raw) and not _HAS_DAY.search(raw):
        return None
    found = _explicit(raw, base, future)
    return found.isoformat() if found else None


def _explicit(raw: str, base: date | None, future: bool) -> date | None:
    """A calendar date written out ("Sept. 5", "5 March 2025", "two days ago")."""
    if not (_HAS_DAY.search(raw) or " ago" in raw):
        return None
    settings: dict[str, object] = {
        "PREFER_DATES_FROM": "future" if future else "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "STRICT_PARSING": False,
        "REQUIRE_PARTS": ["day", "month"],
    }
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    parsed = dateparser.parse(raw, languages=["en"], settings=settings)
    return parsed.date() if parsed else None
