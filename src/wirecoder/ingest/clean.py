"""str -> clean str: mojibake repair, Unicode and whitespace normalisation, HTML fragments, dates.

`clean_text` is for text that came through a scraper, a feed or a spreadsheet. It is conservative:
curly quotes stay curly (quote direction helps attribution) and characters are only changed when
they are broken. Clean UTF-8 .txt files do not go through it at all (see readers.read_text_file):
gold annotations index into those files as they are.
"""

from __future__ import annotations

import html
import logging
import re
import unicodedata
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import cache
from typing import Any

import ftfy

logger = logging.getLogger(__name__)

# ftfy with the changes that alter correct text turned off: quotes keep their curl and full-width
# forms stay (they are right in CJK text).
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False, explain=False)

# Invisible characters that only get in the way of tokenising: zero-width space, word joiner,
# BOM, soft hyphen. ZWJ/ZWNJ stay: they are spelling in several scripts.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad"))
_HSPACE = re.compile(r"[^\S\n]+")  # any whitespace except a newline
_MANY_NEWLINES = re.compile(r"\n{3,}")
_ANY_SPACE = re.compile(r"\s+")


def normalise_newlines(text: str) -> str:
    """\\r\\n and lone \\r become \\n."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def clean_text(text: str) -> str:
    """Repair mojibake (ftfy), NFC, normalise newlines and spaces, keep paragraph breaks.

    Runs of spaces/tabs become one space, lines are stripped, three or more newlines become a
    paragraph break (\\n\\n), and the result is stripped. Clean text comes back unchanged apart
    from that whitespace normalisation, and cleaning twice changes nothing.
    """
    text = normalise_newlines(text)
    text = ftfy.fix_text(text, _FTFY)
    text = unicodedata.normalize("NFC", text.translate(_INVISIBLE))
    lines = [_HSPACE.sub(" ", line).strip() for line in text.split("\n")]
    return _MANY_NEWLINES.sub("\n\n", "\n".join(lines)).strip()


_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre",
    "section", "table", "tr", "ul",
})
_DROP_TAGS = ("script", "style", "noscript", "template")


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content), one paragraph per block element.

    For whole pages use trafilatura (readers.read_html_file); this is for short, already
    sanitised fragments, where trafilatura's boilerplate detection would throw text away.
    """
    import lxml.etree
    import lxml.html

    if "<" not in fragment:
        # Plain text, possibly with entities, which a feed may carry in a text/html field.
        return clean_text(html.unescape(fragment))
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return clean_text(fragment)
    for bad in list(root.iter(*_DROP_TAGS)):
        bad.drop_tree()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue  # comments, processing instructions
        # HTML whitespace, newlines included, is one space; only <br> and blocks break lines.
        if el.text and el.tag != "pre":
            el.text = _ANY_SPACE.sub(" ", el.text)
        if el.tail:
            el.tail = _ANY_SPACE.sub(" ", el.tail)
        if el.tag == "br":
            el.tail = "\n" + (el.tail or "")
        elif el.tag in _BLOCK_TAGS:
            el.text = "\n\n" + (el.text or "")
            el.tail = "\n\n" + (el.tail or "")
    return clean_text(root.text_content())


# --- dates -------------------------------------------------------------------------------------

_HAS_YEAR = re.compile(r"\d{4}")
_DATEPARSER_SETTINGS: dict[str, Any] = {
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    # No relative dates: "yesterday" in a date column would silently resolve against today.
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
}


@cache
def _dateparser() -> Any:
    # Imported on first use: dateparser is slow to import and most inputs are ISO or RFC 2822.
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings=_DATEPARSER_SETTINGS)


def parse_date(value: object, *, origin: str = "") -> str | None:
    """Normalise a publication date to "YYYY-MM-DD"; None (with a logged warning) if unparsable.

    A datetime with a UTC offset keeps its own calendar date (a paper dated 01:00 +03:00 on the 6th
    was published on the 6th where it was written). A value needs a four-digit year: "Friday" or
    "Sep 6" in a date field would otherwise be resolved against today. Month precision is accepted
    as the first of the month; a bare year is too vague and is dropped.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    raw = str(value).strip()
    if not raw:
        return None
    parsed = _parse_date_str(raw)
    if parsed is None:
        logger.warning("%s: unparsable publication date %r; kept as null", origin or "input",
                       raw[:60])
    return parsed


def _parse_date_str(raw: str) -> str | None:
    try:
        return datetime.fromisoformat(raw).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(raw).date().isoformat()  # RFC 2822, as in RSS
    except (TypeError, ValueError, IndexError):
        pass
    if not _HAS_YEAR.search(raw):
        return None
    data = _dateparser().get_date_data(raw)
    if data.date_obj is None or data.period not in ("day", "month", "time"):
        return None
    return data.date_obj.date().isoformat()
