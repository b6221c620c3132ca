"""Watch RSS/Atom feeds: poll politely, code new entries into the store, never stop on a failure.

    feeds = read_feed_list("feeds.txt")              # one http(s) URL per line, # comments
    for poll in watch(feeds, "wirecoder.db", every=900, once=True):
        print(poll.coded, [f.error for f in poll.feeds if f.error])

Politeness and safety: one `httpx` client with a timeout on every phase, a byte cap on every
response (checked against Content-Length and again while streaming, after decompression),
conditional GET (ETag / Last-Modified, so an unchanged feed costs one 304), a User-Agent that
names wirecoder, a minimum interval between requests to the same host, and exponential back-off
for a feed that keeps failing. Feed XML is parsed by `ingest.feeds` (entity declarations are
refused). A feed that fails — DNS, timeout, HTTP error, oversized or malformed body — is recorded
in the store's `feeds` table with its error, and the next feed is polled.

New entries are those whose key (link, else a hash of the text) this feed has not given before
(`feed_entries`). With `fetch_pages`, an entry whose feed text is short is replaced by the
article extracted from its linked page, when that page yields one. After each round the story
clusters are updated, so near duplicates across feeds are grouped as they arrive.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from .errors import ConfigError, InputError, WirecoderError
from .ingest.dedupe import text_key
from .ingest.language import detect_language
from .ingest.records import ArticleRecord, Rejected
from .version import __version__

if TYPE_CHECKING:
    import httpx

    from .pipeline import Pipeline
    from .store import Store

log = logging.getLogger(__name__)

USER_AGENT = f"wirecoder/{__version__} (feed watcher; +https://github.com/wirecoder/wirecoder)"
SHORT_ENTRY = 600  # characters: below this, a feed entry is a teaser worth fetching the page for
MAX_BACKOFF = timedelta(hours=24)
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|hr|d)?\s*$", re.IGNORECASE)
_UNITS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hr": 3600, "d": 86400}


class FetchError(InputError):
    """A feed or page could not be fetched: refused, timed out, HTTP error, too large (E213)."""

    code = "E213"


@dataclass(frozen=True)
class FetchPolicy:
    """How politely and safely to fetch. Times in seconds, sizes in bytes."""

    timeout: float = 20.0
    max_bytes: int = 5_000_000
    page_bytes: int = 2_000_000
    max_redirects: int = 5
    host_interval: float = 1.0  # least time between two requests to one host
    user_agent: str = USER_AGENT


@dataclass
class Fetched:
    status: int
    body: bytes | None  # None for 304 Not Modified
    etag: str | None
    last_modified: str | None


@dataclass
class FeedPoll:
    """One feed in one round."""

    url: str
    status: int | None = None  # HTTP status; None when no response came
    entries: int = 0
    new: int = 0
    coded: int = 0
    quarantined: int = 0
    skipped: bool = False  # backing off after failures
    error: str | None = None


@dataclass
class RoundSummary:
    """One round over every feed."""

    started: str
    feeds: list[FeedPoll] = field(default_factory=list)
    clusters: dict[str, Any] = field(default_factory=dict)

    @property
    def coded(self) -> int:
        return sum(f.coded for f in self.feeds)

    @property
    def failed(self) -> int:
        return sum(1 for f in self.feeds if f.error)


def parse_interval(text: str) -> float:
    """'15m' -> 900.0; units s, m, h, d (seconds when none)."""
    match = _INTERVAL.match(text or "")
    if not match or float(match.group(1)) <= 0:
        raise ConfigError(f"interval {text!r} is not a positive duration such as 30s, 15m, "
                          "2h or 1d", code="E401")
    return float(match.group(1)) * _UNITS[(match.group(2) or "s").lower()]


def read_feed_list(path: str | Path) -> list[str]:
    """Feed URLs from a text file: one per line; blank lines and # comments ignored."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the feed list: {exc.strerror or exc}",
                          code="E401") from exc
    urls: list[str] = []
    for n, line in enumerate(lines, start=1):
        url = line.strip()
        if not url or url.startswith("#"):
            continue
        if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
            raise ConfigError(f"{path} line {n}: {url[:80]!r} is not an http(s) URL",
                              code="E401")
        if url not in urls:
            urls.append(url)
    if not urls:
        raise ConfigError(f"{path}: no feed URLs (one http(s) URL per line)", code="E401")
    return urls


# --- fetching ---------------------------------------------------------------------------------


class FeedClient:
    """A polite HTTP client: timeouts, byte caps, conditional GET, per-host spacing."""

    def __init__(self, policy: FetchPolicy | None = None, *,
                 transport: httpx.BaseTransport | None = None) -> None:
        import httpx

        self.policy = policy or FetchPolicy()
        self._last: dict[str, float] = {}
        self._client = httpx.Client(
            timeout=httpx.Timeout(self.policy.timeout), follow_redirects=True,
            max_redirects=self.policy.max_redirects, transport=transport,
            headers={"User-Agent": self.policy.user_agent,
                     "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9,"
                               " text/xml;q=0.9, text/html;q=0.8, */*;q=0.5"})

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> FeedClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _space(self, url: str) -> None:
        host = urlsplit(url).hostname or ""
        wait = self._last.get(host, -1e9) + self.policy.host_interval - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last[host] = time.monotonic()

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
              max_bytes: int | None = None) -> Fetched:
        """GET with conditional headers; raises FetchError on any failure."""
        import httpx

        cap = max_bytes or self.policy.max_bytes
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        self._space(url)
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                if response.status_code == 304:
                    return Fetched(304, None, etag, last_modified)
                if response.status_code >= 400:
                    raise FetchError(f"{url}: HTTP {response.status_code}")
                declared = response.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > cap:
                    raise FetchError(f"{url}: {int(declared):,} bytes declared, above the "
                                     f"{cap:,}-byte cap")
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > cap:
                        raise FetchError(f"{url}: body passed the {cap:,}-byte cap")
                    chunks.append(chunk)
                return Fetched(response.status_code, b"".join(chunks),
                               response.headers.get("ETag"),
                               response.headers.get("Last-Modified"))
        except httpx.HTTPError as exc:
            raise FetchError(f"{url}: {type(exc).__name__}: {exc}") from exc


# --- one feed ---------------------------------------------------------------------------------


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _feed_row(store: Store, url: str) -> dict[str, Any]:
    rows = store.read("SELECT * FROM feeds WHERE url = ?", (url,))
    return dict(rows[0]) if rows else {"url": url, "failures": 0}


def _backing_off(row: dict[str, Any], every: float) -> bool:
    """After n failures in a row, wait every * 2**(n-1) (at most a day) before the next try:
    one failure costs nothing, a dead feed is asked less and less often."""
    failures = int(row.get("failures") or 0)
    if not failures or not row.get("last_checked"):
        return False
    wait = min(timedelta(seconds=every * 2 ** (failures - 1)), MAX_BACKOFF)
    # Half a round of slack: rounds start a little early or late.
    due = datetime.fromisoformat(row["last_checked"]) + wait - timedelta(seconds=every / 2)
    return datetime.now(UTC) < due


def parse_feed(body: bytes, url: str, *, max_bytes: int) -> list[ArticleRecord | Rejected]:
    """Entries of a fetched feed, through the same reader as feed files on disk."""
    from .ingest.feeds import read_feed_file

    fd, name = tempfile.mkstemp(suffix=".xml", prefix="wirecoder-feed-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(body)
        items = list(read_feed_file(name, max_bytes=max_bytes))
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)
    for item in items:  # origins name the feed, not our temporary file
        item.origin = item.origin.replace(name, url, 1)
    return items


def _with_page(client: FeedClient, record: ArticleRecord) -> ArticleRecord:
    """The linked page's article instead of a short feed teaser, when the page yields one."""
    from .ingest.readers import html_record

    link = record.url or ""
    if len(record.text) >= SHORT_ENTRY or urlsplit(link).scheme not in ("http", "https"):
        return record
    try:
        page = client.fetch(link, max_bytes=client.policy.page_bytes)
        from .ingest.decode import decode_document

        found = html_record(decode_document(page.body or b"").text, origin=link)
    except WirecoderError as exc:
        log.info("page for %s not used: %s", link, exc)
        return record
    if not isinstance(found, ArticleRecord) or len(found.text) <= len(record.text):
        return record
    return ArticleRecord(text=found.text, title=record.title or found.title,
                         published=record.published or found.published, url=link,
                         source=record.source or found.source, origin=record.origin)


def poll_feed(store: Store, client: FeedClient, pipeline: Pipeline, url: str, *,
              every: float = 900.0, fetch_pages: bool = False) -> FeedPoll:
    """Poll one feed and code its new entries. Never raises for a feed's own failure."""
    poll = FeedPoll(url)
    row = _feed_row(store, url)
    if _backing_off(row, every):
        poll.skipped = True
        return poll
    stamp = _now()
    try:
        fetched = client.fetch(url, etag=row.get("etag"), last_modified=row.get("last_modified"))
        poll.status = fetched.status
        if fetched.body is not None:
            _code_entries(store, client, pipeline, url, fetched.body, poll, fetch_pages)
    except Exception as exc:  # one feed's failure, whatever it is, must not stop the others
        poll.error = str(exc) if isinstance(exc, WirecoderError) else \
            f"[E213] {url}: {type(exc).__name__}: {exc}"
        log.warning("feed failed: %s", poll.error)
        with store.transaction() as tx:
            tx.execute(
                "INSERT INTO feeds (url, last_checked, last_status, last_error, failures) "
                "VALUES (?, ?, ?, ?, 1) ON CONFLICT (url) DO UPDATE SET "
                "last_checked = excluded.last_checked, last_status = excluded.last_status, "
                "last_error = excluded.last_error, failures = feeds.failures + 1",
                (url, stamp, poll.status, poll.error[:500]))
        return poll
    with store.transaction() as tx:
        tx.execute(
            "INSERT INTO feeds (url, etag, last_modified, last_checked, last_ok, last_status, "
            "last_error, failures, entries) VALUES (?, ?, ?, ?, ?, ?, NULL, 0, ?) "
            "ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, "
            "last_modified = excluded.last_modified, last_checked = excluded.last_checked, "
            "last_ok = excluded.last_ok, last_status = excluded.last_status, last_error = NULL, "
            "failures = 0, entries = feeds.entries + excluded.entries",
            (url, fetched.etag, fetched.last_modified, stamp, stamp, fetched.status, poll.coded))
    return poll


def _entry_key(record: ArticleRecord) -> str:
    return record.url or f"text:{text_key(record.text)}"


def _code_entries(store: Store, client: FeedClient, pipeline: Pipeline, url: str, body: bytes,
                  poll: FeedPoll, fetch_pages: bool) -> None:
    items = parse_feed(body, url, max_bytes=client.policy.max_bytes)
    poll.entries = len(items)
    fresh: list[tuple[str, ArticleRecord | Rejected]] = []
    for item in items:
        key = _entry_key(item) if isinstance(item, ArticleRecord) else f"origin:{item.origin}"
        if store.read("SELECT 1 FROM feed_entries WHERE feed_url = ? AND entry_key = ?",
                      (url, key)):
            continue
        fresh.append((key, item))
    poll.new = len(fresh)
    records = []
    for _, item in fresh:
        if isinstance(item, ArticleRecord):
            if fetch_pages:
                item = _with_page(client, item)
            item.language, item.language_score = detect_language(item.text)
            records.append(item)
    results = [r.to_dict() for r in pipeline.extract_many(records)]
    store.write_results(results)
    coded = iter(results)
    stamp = _now()
    with store.transaction() as tx:
        for key, item in fresh:
            article_id = None
            if isinstance(item, Rejected):
                poll.quarantined += 1
                tx.execute(
                    "INSERT INTO rejected (origin, code, reason, seen_at) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (origin) DO UPDATE SET code = excluded.code, "
                    "reason = excluded.reason, seen_at = excluded.seen_at",
                    (item.origin, item.code, item.reason, stamp))
            else:
                result = next(coded)
                article_id = result["article"]["id"]
                poll.coded += result["status"] == "coded"
            tx.execute(
                "INSERT INTO feed_entries (feed_url, entry_key, article_id, seen_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", (url, key, article_id, stamp))


# --- the loop ---------------------------------------------------------------------------------


def watch(feeds: Sequence[str], db: str | Path, *, every: float = 900.0, once: bool = False,
          rounds: int | None = None, fetch_pages: bool = False, model: str | None = None,
          pipeline: Pipeline | None = None, policy: FetchPolicy | None = None,
          transport: httpx.BaseTransport | None = None,
          sleep: Callable[[float], None] = time.sleep) -> Iterator[RoundSummary]:
    """Poll `feeds` every `every` seconds, yielding a summary per round.

    once: one round only. rounds: stop after this many (None: forever).
    pipeline: a ready Pipeline (else one is built for `model`).
    transport: an httpx transport (tests); sleep: how to wait between rounds.
    """
    from .store import Store
    from .store.clusters import update_clusters

    if every <= 0:
        raise ConfigError(f"every={every} must be positive", code="E401")
    if pipeline is None:
        from .pipeline import Pipeline

        pipeline = Pipeline(model=model)
    limit = 1 if once else rounds
    done = 0
    with Store(db) as store, FeedClient(policy, transport=transport) as client:
        while limit is None or done < limit:
            began = time.monotonic()
            summary = RoundSummary(started=_now())
            for url in feeds:
                summary.feeds.append(poll_feed(store, client, pipeline, url, every=every,
                                               fetch_pages=fetch_pages))
            try:
                summary.clusters = update_clusters(store).to_dict()
            except WirecoderError as exc:  # clustering is a bonus; coding already succeeded
                log.warning("clustering failed: %s", exc)
            done += 1
            yield summary
            if limit is not None and done >= limit:
                break
            sleep(max(0.0, every - (time.monotonic() - began)))
