"""The feed watcher against a local HTTP server on 127.0.0.1: conditional GET, caps, failures."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from wirecoder.errors import ConfigError
from wirecoder.store import Store
from wirecoder.watch import (
    FeedClient,
    FetchError,
    FetchPolicy,
    parse_interval,
    read_feed_list,
    watch,
)

ENTRY = """<item><title>{title}</title><link>{base}/page/{n}</link>
<guid>{base}/page/{n}</guid><pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate>
<description>{text}</description></item>"""
TEXTS = [
    "Chile and Peru agreed on Monday to reopen their border crossings after a week of talks.",
    "Kenya accused Uganda on Sunday of detaining eleven fishermen, and the Kenyan foreign "
    "ministry summoned the Ugandan ambassador.",
    "Police in Warsaw arrested twelve protesters on Monday after a march turned violent.",
]
PAGE = """<!doctype html><html><head><title>Border reopens</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Border reopens</h1>
<p>Chile and Peru agreed on Monday to reopen their border crossings after a week of talks in
Lima, the Chilean foreign ministry said in a statement.</p>
<p>"Trade will resume on Wednesday morning," the Peruvian trade minister told reporters in Lima,
adding that lorries stuck at the frontier would be cleared first.</p>
<p>Both governments said a joint commission would meet again next month to review the rules for
crossing.</p></article><footer>Copyright Example News</footer></body></html>"""


def rss(base: str, count: int) -> bytes:
    items = "".join(ENTRY.format(base=base, n=i + 1, title=f"Story {i + 1}", text=TEXTS[i])
                    for i in range(count))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Example News</title><link>{base}/</link><description>x</description>"
            f"{items}</channel></rss>").encode()


class Site:
    """What the local server serves; tests change `version` between rounds."""

    def __init__(self) -> None:
        self.version = 1
        self.base = ""
        self.requests: list[tuple[str, str | None]] = []


@pytest.fixture
def site() -> Iterator[Site]:
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # keep test output clean
            pass

        def _send(self, status: int, body: bytes = b"", headers: dict | None = None,
                  length: bool = True) -> None:
            self.send_response(status)
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            if length:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            state.requests.append((self.path, self.headers.get("If-None-Match")))
            etag = f'"v{state.version}"'
            if self.path == "/feed.xml":
                if self.headers.get("If-None-Match") == etag:
                    self._send(304)
                else:
                    self._send(200, rss(state.base, state.version + 1),
                               {"ETag": etag, "Content-Type": "application/rss+xml"})
            elif self.path == "/teaser.xml":
                body = rss(state.base, 1).replace(TEXTS[0].encode(), b"Border to reopen.")
                self._send(200, body)
            elif self.path == "/page/1":
                self._send(200, PAGE.encode(), {"Content-Type": "text/html; charset=utf-8"})
            elif self.path == "/broken.xml":
                self._send(500, b"oops")
            elif self.path == "/huge.xml":
                self._send(200, b"<rss>" + b" " * 20_000 + b"</rss>")
            elif self.path == "/endless.xml":
                self.close_connection = True
                self._send(200, b"<rss>" + b" " * 20_000, length=False)
            elif self.path == "/slow.xml":
                time.sleep(1.5)
                self._send(200, b"<rss/>")
            else:
                self._send(404, b"no")

    class Server(ThreadingHTTPServer):
        daemon_threads = True

        def handle_error(self, request: object, client_address: object) -> None:
            pass  # the client hanging up on /slow.xml and /endless.xml is the point

    server = Server(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


POLICY = FetchPolicy(timeout=0.5, max_bytes=10_000, host_interval=0.0)


def test_watch_codes_new_entries_once_and_survives_failing_feeds(pipeline, site: Site,
                                                                  tmp_path: Path) -> None:
    feeds = [f"{site.base}/{name}" for name in
             ("broken.xml", "feed.xml", "huge.xml", "endless.xml", "slow.xml", "missing.xml")]

    def between_rounds(seconds: float) -> None:
        assert seconds > 0
        site.version = 2  # one more entry, new ETag

    rounds = list(watch(feeds, tmp_path / "w.db", every=900, rounds=3, pipeline=pipeline,
                        policy=POLICY, sleep=between_rounds))
    first, second, third = rounds
    by_url = {f.url.rsplit("/", 1)[1]: f for f in first.feeds}
    assert (by_url["feed.xml"].coded, by_url["feed.xml"].status) == (2, 200)
    assert first.failed == 5
    for name in ("broken.xml", "huge.xml", "endless.xml", "slow.xml", "missing.xml"):
        assert by_url[name].error.startswith("[E213]"), (name, by_url[name].error)
    assert "HTTP 500" in by_url["broken.xml"].error
    assert "cap" in by_url["huge.xml"].error and "cap" in by_url["endless.xml"].error
    assert "Timeout" in by_url["slow.xml"].error

    feed2 = next(f for f in second.feeds if f.url.endswith("/feed.xml"))
    assert (feed2.entries, feed2.new, feed2.coded) == (3, 1, 1)  # old entries are not recoded
    assert all(f.skipped for f in second.feeds if not f.url.endswith("/feed.xml"))  # back-off
    feed3 = next(f for f in third.feeds if f.url.endswith("/feed.xml"))
    assert (feed3.status, feed3.new) == (304, 0)
    assert ("/feed.xml", '"v2"') in site.requests  # the conditional GET was sent

    with Store(tmp_path / "w.db", readonly=True) as store:
        assert store.stats()["articles"] == 3
        rows = {r["url"].rsplit("/", 1)[1]: dict(r) for r in store.read("SELECT * FROM feeds")}
        assert rows["feed.xml"]["failures"] == 0 and rows["feed.xml"]["etag"] == '"v2"'
        assert rows["feed.xml"]["entries"] == 3
        assert rows["broken.xml"]["failures"] == 1 and "HTTP 500" in rows["broken.xml"][
            "last_error"]
        titles = {r["title"] for r in store.read("SELECT title FROM articles")}
        assert titles == {"Story 1", "Story 2", "Story 3"}
        assert store.read("SELECT COUNT(*) AS n FROM story_articles")[0]["n"] == 3


def test_watch_replaces_a_teaser_with_the_linked_page(pipeline, site: Site,
                                                       tmp_path: Path) -> None:
    [only] = list(watch([f"{site.base}/teaser.xml"], tmp_path / "t.db", once=True,
                        fetch_pages=True, pipeline=pipeline, policy=POLICY))
    assert only.coded == 1
    with Store(tmp_path / "t.db", readonly=True) as store:
        [row] = store.read("SELECT text, title, url FROM articles")
    assert "Trade will resume on Wednesday morning" in row["text"]
    assert "Copyright" not in row["text"] and "Home" not in row["text"]
    assert (row["title"], row["url"]) == ("Story 1", f"{site.base}/page/1")


def test_watch_client_sends_a_user_agent_and_caps_bodies(site: Site) -> None:
    with FeedClient(POLICY) as client:
        got = client.fetch(f"{site.base}/feed.xml")
        assert got.status == 200 and got.etag == '"v1"' and b"<rss" in got.body
        assert client.fetch(f"{site.base}/feed.xml", etag='"v1"').body is None
        with pytest.raises(FetchError, match=r"\[E213\].*cap"):
            client.fetch(f"{site.base}/feed.xml", max_bytes=100)


@pytest.mark.parametrize(("text", "seconds"), [("15m", 900), ("30s", 30), ("2h", 7200),
                                               ("1d", 86400), ("45", 45), ("1.5m", 90)])
def test_watch_intervals(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "0m", "-5m", "fast", "15 weeks"])
def test_watch_bad_intervals(text: str) -> None:
    with pytest.raises(ConfigError, match=r"\[E401\]"):
        parse_interval(text)


def test_watch_feed_list(tmp_path: Path) -> None:
    path = tmp_path / "feeds.txt"
    path.write_text("# news\nhttps://a.example/rss\n\nhttp://b.example/feed#x\n"
                    "https://a.example/rss\n", encoding="utf-8")
    assert read_feed_list(path) == ["https://a.example/rss", "http://b.example/feed#x"]
    path.write_text("file:///etc/passwd\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"line 1.*not an http"):
        read_feed_list(path)
    path.write_text("# nothing\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="no feed URLs"):
        read_feed_list(path)
