"""Untrusted text stays inert: escaped in every page, never a link unless http(s); headers,
limits, tokens; and the code rules that make it so (autoescape, textContent, vendored assets)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from urllib.parse import quote

import pytest

from wirecoder.web import create_app
from wirecoder.web.fixtures import BREAKOUT, JS_URL, RTL, SCRIPT, hostile_records
from wirecoder.web.security import CSP, RateLimit, clip, safe_url, token_ok

WEB = Path(__file__).resolve().parents[2] / "src" / "wirecoder" / "web"
ROOT = Path(__file__).resolve().parents[2]


def hostile_pages() -> list[str]:
    ids = [quote(r["article"]["id"], safe="") for r in hostile_records()]
    return ["/", "/events", "/statements", "/actors", "/articles", "/places", "/timeline",
            "/network", "/map", "/statements?q=burn", "/events?event=ASSAULT",
            *(f"/articles/{i}" for i in ids)]


def assert_inert(html: str) -> None:
    assert "<script>window.__pwned" not in html
    assert "<img src=x" not in html and "onerror=\"window" not in html
    assert not re.search(r"href\s*=\s*\"?\s*javascript:", html, re.I)
    assert not re.search(r"<script(?![^>]*\bsrc=\"/static/)", html)  # only our own scripts
    assert " style=" not in html  # the CSP forbids inline styles; we never need them


@pytest.mark.parametrize("path", hostile_pages())
def test_security_hostile_text_is_escaped_in_html(client, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200
    assert_inert(r.text)


def test_security_hostile_text_is_shown_not_dropped(client) -> None:
    article_id = quote(hostile_records()[0]["article"]["id"], safe="")
    html = client.get(f"/articles/{article_id}").text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert "&#34;&gt;&lt;img src=x onerror=&#34;window.__pwned=1&#34;&gt;" in html
    assert JS_URL in html  # shown as text, not linked
    assert f'href="{JS_URL}' not in html


def test_security_rtl_override_is_isolated(client) -> None:
    for path in ("/actors", "/statements", "/events"):
        html = client.get(path).text
        for match in re.finditer(RTL, html):
            before = html[:match.start()]
            assert before.rfind("<bdi") > before.rfind("</bdi>"), (path, html[match.start()-80:])
    article_id = quote(hostile_records()[0]["article"]["id"], safe="")
    title = re.search(r"<title>(.*?)</title>", client.get(f"/articles/{article_id}").text, re.S)
    assert title.group(1).startswith("\u2068") and "\u2069 · wirecoder" in title.group(1)


def test_security_json_twin_keeps_text_verbatim(client) -> None:
    data = client.get("/actors.json", params={"country": "XXX"}).json()
    assert data["rows"][0]["name"] == f"Evil{SCRIPT} Corp"


def test_security_headers_on_pages_api_static_and_errors(client) -> None:
    for path in ("/", "/api/events", "/static/app.css", "/nowhere", "/index.json"):
        r = client.get(path)
        assert r.headers["content-security-policy"] == CSP, path
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["referrer-policy"] == "no-referrer"
    assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP and "default-src 'none'" in CSP


def test_security_templates_autoescape_and_never_mark_safe() -> None:
    for path in (WEB / "templates").glob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "|safe" not in text.replace(" ", ""), path.name
        assert "autoescape false" not in text and "Markup" not in text, path.name
        assert "<script>" not in text and " on" + "click=" not in text, path.name
    source = (WEB / "app.py").read_text(encoding="utf-8")
    assert "autoescape=True" in source


def test_security_scripts_write_text_only_with_text_content() -> None:
    banned = ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
              "new Function", "setAttribute(\"style\"", "javascript:")
    for path in (WEB / "static").glob("*.js"):
        text = path.read_text(encoding="utf-8")
        for word in banned:
            assert word not in text, (path.name, word)
    for name in ("network.js", "map.js"):  # the two that write store text into the DOM
        assert "textContent" in (WEB / "static" / name).read_text(encoding="utf-8")


def test_security_vendored_assets_match_manifest() -> None:
    spec = importlib.util.spec_from_file_location("vendor_assets",
                                                  ROOT / "scripts" / "vendor_assets.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.check() == []


def test_security_pages_load_nothing_from_other_origins(client) -> None:
    for path in ("/", "/network", "/map", "/timeline", "/api/docs"):
        html = client.get(path).text
        assert not re.search(r"(src|href)=\"(https?:)?//", html.replace(
            'href="https://www.geonames.org/"', "")), path


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/a?b=1", "https://news.example/a?b=1"),
        ("http://x.example", "http://x.example"),
        (JS_URL, None),
        ("JaVaScRiPt:alert(1)", None),
        (" javascript:alert(1)", None),
        ("java\nscript:alert(1)", None),
        ("data:text/html,<script>", None),
        ("vbscript:msgbox", None),
        ("//evil.example/x", None),
        ("/relative", None),
        ("https://", None),
        ("https://ok.example/\u202eevil", None),
        (None, None),
        (42, None),
        ("https://x.example/" + "a" * 3000, None),
    ],
)
def test_security_safe_url(url, expected) -> None:
    assert safe_url(url) == expected


def test_security_token_compare() -> None:
    assert token_ok("Bearer abc", "abc") and token_ok("bearer  abc ", "abc")
    assert not token_ok("Bearer abd", "abc") and not token_ok("abc", "abc")
    assert not token_ok(None, "abc") and not token_ok("Bearer abc", None)
    assert not token_ok("Basic abc", "abc") and not token_ok("Bearer ", "abc")


def test_security_rate_limit_bucket() -> None:
    limiter = RateLimit(None, rate=2.0, burst=3)  # type: ignore[arg-type]
    assert [limiter.allow("a", now=0.0) for _ in range(3)] == [0.0, 0.0, 0.0]
    assert limiter.allow("a", now=0.0) > 0  # burst spent
    assert limiter.allow("b", now=0.0) == 0.0  # per client
    assert limiter.allow("a", now=1.0) == 0.0  # refilled at 2/s


def test_security_rate_limit_answers_429(fixture_db) -> None:
    from fastapi.testclient import TestClient

    with TestClient(create_app(fixture_db, rate=0.01, burst=2)) as c:
        assert c.get("/api/stats").status_code == 200
        assert c.get("/static/app.css").status_code == 200  # static files are not counted
        assert c.get("/api/stats").status_code == 200
        r = c.get("/api/stats")
        assert r.status_code == 429 and r.json()["status"] == 429
        assert int(r.headers["retry-after"]) >= 1
        assert r.headers["content-security-policy"] == CSP


def test_security_read_time_limit(fixture_db) -> None:
    from fastapi.testclient import TestClient

    from wirecoder.web import cache

    cache.clear()  # earlier tests cached the answer; this one must really run the query
    with TestClient(create_app(fixture_db, rate=None, time_limit=0.0)) as c:
        r = c.get("/api/actors")
        assert r.status_code == 400 and "E313" in r.json()["error"]


def test_security_clip() -> None:
    assert clip("abc", 5) == "abc" and clip("abcdef", 4) == "abc…" and clip(None) == ""
    assert BREAKOUT.startswith('">')
