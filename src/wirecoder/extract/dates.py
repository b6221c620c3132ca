"""Dates: resolve a date expression against the publication date, the way a news reader does.

Conventions (docs/annotation-guidelines.md, section 5): a weekday means the most recent such day
for past events (the publication day itself if it matches) and the next such day for future
ones; a date without a year takes the year nearest the publication in the right direction;
chains ("a day after", "ten days later") count from the date they follow; week- and
month-level expressions ("last week", "in June") give no day, so `resolve_date` returns None
for them while `resolve_period` gives the period with its granularity. With no (or a malformed)
publication date only calendar dates with a year resolve: nothing is ever dated by the day the
article was read.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime
from functools import lru_cache

import dateparser

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
MONTH_ABBR = {m[:3]: i for i, m in enumerate(MONTHS, 1)} | {"sept": 9}
# Relative to the publication day. "overnight" is the night that ends on it (guidelines).
SAME_DAY = {"today", "tonight", "this morning", "this afternoon", "this evening", "earlier today",
            "later today", "overnight", "early today", "late today"}
DAY_BEFORE = {"yesterday", "last night", "on the previous day", "the previous day"}
DAY_AFTER = {"tomorrow"}
# Relative to an earlier date of the story (a chain): they resolve only with an anchor.
CHAIN_SAME = {"hours later", "later that day", "the same day", "on the same day", "that day",
              "that evening", "that night", "that morning", "minutes later", "shortly after",
              "shortly afterwards"}
CHAIN_BEFORE = {"the day before", "a day earlier", "one day earlier", "the night before",
                "a day before"}
CHAIN_AFTER = {"the next day", "the following day", "a day later", "one day later",
               "the day after", "a day after", "the next morning", "the following morning"}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30}
# Periods longer than a day: they never give a day.
_PERIOD = re.compile(
    r"\b(week|weeks|weekend|month|months|year|years|decade|century|season|spring|summer|autumn|"
    r"fall|winter|quarter|recently|lately|soon|earlier|later)\b|^(in |during |since |by )?"
    r"(january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?( \d{4})?$|^(in )?\d{4}$",
    re.IGNORECASE,
)
# A yearless date this close to the publication is taken even against the tense's direction.
NEAR_DAYS = 21
_HAS_DAY = re.compile(r"\b\d{1,2}(st|nd|rd|th)?\b|\b\d{4}-\d{2}-\d{2}\b")
_SHIFT = re.compile(r"^(?:some |about |nearly |almost )?(a|an|one|two|three|four|five|six|seven|"
                    r"eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|\d+) "
                    r"(day|days|week|weeks|night|nights) (later|after|earlier|before|ago)$")
_LEAD = re.compile(r"^(on|by|from|until|as of|since|at|late on|early on|late|early|"
                   r"shortly after midnight on|before dawn on)\s+")


def parse_published(value: str | None) -> date | None:
    """The publication day from an ISO date or timestamp, or an RFC 2822 one from a feed
    ("Sat, 06 Sep 2025 10:00:00 GMT"); None when absent or malformed."""
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def _weekday(text: str) -> int | None:
    words = re.findall(r"[a-z]+", text.lower())
    days = [WEEKDAYS.index(w) for w in words if w in WEEKDAYS]
    return days[0] if len(days) == 1 else None


def _normalise(text: str) -> str:
    raw = " ".join(text.lower().replace("’", "'").split()).strip(" ,.;:")
    return _LEAD.sub("", raw)


@lru_cache(maxsize=4096)
def resolve_date(text: str, published: str | None, *, future: bool = False,
                 anchor: str | None = None) -> str | None:
    """The ISO day a date expression names, or None when it names no single day.

    future: the event lies ahead of the report, so weekdays and yearless dates look forward.
    anchor: the day a chained expression counts from ("a day after", "ten days later",
    "the same day"); without one they count from the publication day.
    """
    base = parse_published(published)
    raw = _normalise(text)
    start = parse_published(anchor)
    if raw in CHAIN_SAME | CHAIN_BEFORE | CHAIN_AFTER:
        if start is None:
            return None  # "a day after" what? Only a chain can say.
        step = 0 if raw in CHAIN_SAME else (-1 if raw in CHAIN_BEFORE else 1)
        return (start + timedelta(days=step)).isoformat()
    shift = _SHIFT.match(raw)
    if shift:
        count = NUMBERS.get(shift.group(1)) or int(shift.group(1))
        days = count * (7 if shift.group(2).startswith("week") else 1)
        if shift.group(3) == "ago":
            return (base - timedelta(days=days)).isoformat() if base else None
        if start is None:
            return None
        sign = 1 if shift.group(3) in {"later", "after"} else -1
        return (start + timedelta(days=sign * days)).isoformat()
    if base is not None and raw in SAME_DAY:
        return base.isoformat()
    if base is not None and raw in DAY_BEFORE:
        return (base - timedelta(days=1)).isoformat()
    if base is not None and raw in DAY_AFTER:
        return (base + timedelta(days=1)).isoformat()
    if base is None:
        found = _explicit(raw, None, future)
        return found.isoformat() if found else None
    wd = _weekday(raw)
    if wd is not None and not _HAS_DAY.search(raw):
        if "week" in raw.split() and "last" not in raw.split() and "next" not in raw.split():
            return None  # "the week of Monday"
        words = raw.split()
        if "last" in words or not future and "next" not in words:
            back = (base.weekday() - wd) % 7
            if "last" in words and back == 0:
                back = 7
            return (base - timedelta(days=back)).isoformat()
        ahead = (wd - base.weekday()) % 7
        if "next" in words and ahead == 0:
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
    if base is None and not re.search(r"\b(1[89]\d\d|20\d\d)\b", raw):
        return None  # "Sept. 5" with no publication date: no year to give it
    settings: dict[str, object] = {
        "PREFER_DATES_FROM": "future" if future else "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "STRICT_PARSING": False,
        "REQUIRE_PARTS": ["day", "month"],
    }
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    try:
        parsed = dateparser.parse(raw, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None
    if parsed is None:
        return None
    found = parsed.date()
    if base is not None and not re.search(r"\b(1[89]\d\d|20\d\d)\b", raw):
        # No year: the nearest occurrence wins when the preferred direction lands almost a
        # year away ("meet on Jan. 26" in a Jan. 16 story is ten days ahead, not last year).
        for year in (base.year - 1, base.year, base.year + 1):
            try:
                other = found.replace(year=year)
            except ValueError:
                continue
            if abs((other - base).days) <= NEAR_DAYS < abs((found - base).days):
                return other
    return found


@dataclass(frozen=True)
class Period:
    """A stretch of days a date expression names, with how precise it is."""

    start: str  # ISO, inclusive
    end: str  # ISO, inclusive
    granularity: str  # day | days | week | weekend | month | year

    def to_dict(self) -> dict[str, str]:
        return {"start": self.start, "end": self.end, "granularity": self.granularity}


def _period(start: date, end: date, granularity: str) -> Period:
    return Period(start.isoformat(), end.isoformat(), granularity)


def _month_of(name: str) -> int | None:
    name = name.strip(".").lower()
    if name in MONTHS:
        return MONTHS.index(name) + 1
    return MONTH_ABBR.get(name[:4] if name.startswith("sept") else name[:3]) \
        if len(name) >= 3 else None


def _month_period(year: int, month: int) -> Period:
    last = calendar.monthrange(year, month)[1]
    return _period(date(year, month, 1), date(year, month, last), "month")


@lru_cache(maxsize=4096)
def resolve_period(text: str, published: str | None, *, future: bool = False) -> Period | None:
    """The period a date expression names, for expressions coarser than a day ("last week",
    "earlier this month", "in June", "over the weekend", "on Monday and Tuesday", "2024").
    A single day gives a day-long period. None when it names none or cannot be anchored."""
    raw = _normalise(text)
    raw = re.sub(r"^(in|during|over|throughout|for)\s+", "", raw)
    base = parse_published(published)
    year = re.fullmatch(r"(?:the year )?(1[89]\d\d|20\d\d)", raw)
    if year:
        y = int(year.group(1))
        return _period(date(y, 1, 1), date(y, 12, 31), "year")
    month_year = re.fullmatch(r"([a-z]+)\.? (1[89]\d\d|20\d\d)", raw)
    if month_year and _month_of(month_year.group(1)):
        return _month_period(int(month_year.group(2)), _month_of(month_year.group(1)) or 1)
    day = resolve_date(text, published, future=future)
    if day is not None:
        d = date.fromisoformat(day)
        return _period(d, d, "day")
    if base is None:
        return None
    words = raw.split()
    if raw in {"the weekend", "the past weekend", "last weekend", "this weekend",
               "the coming weekend", "next weekend"}:
        # Past: the latest weekend over by the publication day (a Sunday paper: that one);
        # ahead: the next one to start (a Saturday paper: that one).
        if raw == "this weekend":
            saturday = base + timedelta(days=5 - base.weekday())
        elif future or words[0] in {"next", "coming"} or raw == "the coming weekend":
            saturday = base + timedelta(days=(5 - base.weekday()) % 7)
        else:
            saturday = base - timedelta(days=(base.weekday() - 6) % 7 + 1)
        return _period(saturday, saturday + timedelta(days=1), "weekend")
    days = [WEEKDAYS.index(w) for w in re.findall(r"[a-z]+", raw) if w in WEEKDAYS]
    if len(days) >= 2 and not _HAS_DAY.search(raw):
        resolved = sorted(date.fromisoformat(d) for w in days
                          if (d := resolve_date(WEEKDAYS[w], published, future=future)))
        if resolved:
            return _period(resolved[0], resolved[-1], "days")
    monday = base - timedelta(days=base.weekday())
    if raw in {"last week", "the previous week", "the past week", "past week"}:
        if "past" in words:
            return _period(base - timedelta(days=7), base, "days")
        return _period(monday - timedelta(days=7), monday - timedelta(days=1), "week")
    if raw in {"this week", "earlier this week", "later this week"}:
        if raw.startswith("earlier"):
            return _period(monday, base, "week")
        return _period(monday, monday + timedelta(days=6), "week")
    if raw in {"next week", "the coming week", "the following week"}:
        return _period(monday + timedelta(days=7), monday + timedelta(days=13), "week")
    if raw in {"recent days", "the past few days", "the last few days", "past few days"}:
        return _period(base - timedelta(days=7), base, "days")
    if raw in {"last month", "the previous month"}:
        first = base.replace(day=1) - timedelta(days=1)
        return _month_period(first.year, first.month)
    if raw in {"this month", "earlier this month", "later this month"}:
        period = _month_period(base.year, base.month)
        return _period(date.fromisoformat(period.start), base, "month") \
            if raw.startswith("earlier") else period
    if raw in {"next month", "the coming month"}:
        nxt = base.replace(day=28) + timedelta(days=4)
        return _month_period(nxt.year, nxt.month)
    if raw in {"last year", "the previous year"}:
        return _period(date(base.year - 1, 1, 1), date(base.year - 1, 12, 31), "year")
    if raw in {"this year", "earlier this year", "later this year"}:
        return _period(date(base.year, 1, 1), date(base.year, 12, 31), "year")
    if raw in {"next year"}:
        return _period(date(base.year + 1, 1, 1), date(base.year + 1, 12, 31), "year")
    month = _month_of(raw) if re.fullmatch(r"[a-z]+\.?", raw) else None
    if month:
        # "in June": the June nearest the report in the right direction.
        y = base.year
        if future and month < base.month:
            y += 1
        elif not future and month > base.month:
            y -= 1
        return _month_period(y, month)
    return None
