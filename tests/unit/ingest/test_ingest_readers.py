"""Readers: each format, front matter, directory order, origins."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirecoder.ingest import (
    ArticleRecord,
    Rejected,
    parse_front_matter,
    read_csv_file,
    read_feed_file,
    read_html_file,
    read_json_file,
    read_jsonl_file,
    read_paths,
    read_text_file,
)

ARTICLE = ("Negotiators from both countries met in Geneva on Friday for a second round of talks, "
           "officials said.")


def _write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


def _only(items: list) -> ArticleRecord:
    assert len(items) == 1 and isinstance(items[0], ArticleRecord), items
    return items[0]


# --- front matter and text -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "meta", "body"), [
    ("---\ntitle: Talks\ndate: 2025-09-06\n---\n\nBody.\n", {"title": "Talks", "date": "2025-09-06"},
     "Body."),
    ('---\ntitle: "Quoted: yes"\n# a comment\n\nsource: \'Wire\'\n---\nBody.', {
        "title": "Quoted: yes", "source": "Wire"}, "Body."),
    ("  Body only.  \n", {}, "Body only."),
    # A rule line opening an article is not front matter when the block is not key: value lines.
    ("---\nThis is a paragraph.\n---\nMore.", {}, "---\nThis is a paragraph.\n---\nMore."),
    # Never closed: no front matter.
    ("---\ntitle: x\nBody.", {}, "---\ntitle: x\nBody."),
    ("---\r\nTitle: CRLF\r\n---\r\nBody.\r\n", {"title": "CRLF"}, "Body."),
])
def test_front_matter_parse(text, meta, body):
    assert parse_front_matter(text) == (meta, body)


def test_text_file_keeps_clean_body_exactly(tmp_path):
    body = "“We are making progress,”  he said.\tTabs  and  double spaces stay.\n\n\n\nSo do gaps."
    path = _write(tmp_path / "a.txt", "---\ntitle: Talks resume\npublished: 6 September 2025\n"
                  "url: https://example.org/a\nsource: Daily\nid: art-1\n---\n\n"
                  + body.replace("\n", "\r\n") + "\n\n")
    rec = _only(list(read_text_file(path)))
    assert rec.text == body
    assert (rec.title, rec.published, rec.url, rec.source, rec.id) == (
        "Talks resume", "2025-09-06", "https://example.org/a", "Daily", "art-1")
    assert rec.origin == str(path)


def test_text_file_nfc(tmp_path):
    path = _write(tmp_path / "n.md", "Caf\u0065\u0301 talks.")
    assert _only(list(read_text_file(path))).text == "Caf\u00e9 talks."


def test_text_file_unparsable_date_is_null_not_rejected(tmp_path, caplog):
    path = _write(tmp_path / "a.txt", "---\ndate: last Friday-ish\n---\nBody text.")
    rec = _only(list(read_text_file(path)))
    assert rec.published is None
    assert "unparsable publication date" in caplog.text


def test_text_file_front_matter_without_body_is_empty(tmp_path):
    path = _write(tmp_path / "a.txt", "---\ntitle: Only a title\n---\n\n  \n")
    [item] = read_text_file(path)
    assert isinstance(item, Rejected) and item.code == "E204"
    assert "front matter" in item.reason


# --- HTML --------------------------------------------------------------------------------------

PAGE = """<!doctype html><html><head><title>Talks resume | Daily</title>
<meta property="article:published_time" content="2025-09-06T08:00:00+03:00">
<meta property="og:site_name" content="The Daily">
<link rel="canonical" href="https://example.org/talks"></head>
<body><nav><a href="/">Home</a> <a href="/w">World</a> <a href="/s">Sport</a></nav>
<article><h1>Talks resume in Geneva</h1>
<p>Negotiators from both countries met in Geneva on Friday for a second round of talks, officials
said.</p>
<p>"We are making progress," the foreign minister told reporters after the meeting, adding that a
further session was planned for next week.</p></article>
<footer><a href="/privacy">Privacy policy</a> | <a href="/terms">Terms of use</a></footer>
</body></html>"""


def test_html_article(tmp_path):
    rec = _only(list(read_html_file(_write(tmp_path / "p.html", PAGE))))
    assert rec.text.startswith("Negotiators from both countries met in Geneva")
    assert "\n\n\"We are making progress,\"" in rec.text
    assert "Home" not in rec.text and "Privacy" not in rec.text
    assert rec.title == "Talks resume in Geneva"
    assert rec.published == "2025-09-06"
    assert rec.url == "https://example.org/talks"
    assert rec.source == "The Daily"


# --- JSON Lines, JSON, CSV ---------------------------------------------------------------------

def test_jsonl_malformed_line_among_good_ones(tmp_path):
    lines = [
        json.dumps({"id": "a", "title": "One", "text": ARTICLE, "date": "2025-09-06"}),
        '{"id": "b", "text": "unterminated',
        "",
        json.dumps({"body": "Second article body.", "published": "2025-09-07T10:00:00Z",
                    "url": "https://example.org/2", "source": "Wire"}),
        json.dumps({"content": "Third article body."}),
    ]
    path = _write(tmp_path / "c.jsonl", "\n".join(lines) + "\n")
    items = list(read_jsonl_file(path))
    assert [type(i).__name__ for i in items] == [
        "ArticleRecord", "Rejected", "ArticleRecord", "ArticleRecord"]
    bad = items[1]
    assert (bad.origin, bad.code) == (f"{path}:2", "E206")
    assert "line 2" in bad.reason and "\n" not in bad.reason
    assert (items[0].id, items[0].title, items[0].published) == ("a", "One", "2025-09-06")
    assert (items[2].origin, items[2].published, items[2].source) == (f"{path}:4", "2025-09-07",
                                                                      "Wire")
    assert items[3].text == "Third article body." and items[3].origin == f"{path}:5"


@pytest.mark.parametrize(("line", "code"), [
    ('{"title": "no text"}', "E204"),
    ('{"text": "   "}', "E204"),
    ('{"text": ["a", "list"]}', "E206"),
    ('["not", "an", "object"]', "E206"),
])
def test_jsonl_bad_records(tmp_path, line, code):
    path = _write(tmp_path / "c.ndjson", json.dumps({"text": ARTICLE}) + "\n" + line + "\n")
    items = list(read_jsonl_file(path))
    assert isinstance(items[0], ArticleRecord)
    assert isinstance(items[1], Rejected) and items[1].code == code
    assert items[1].origin == f"{path}:2"


def test_jsonl_oversized_line_is_skipped(tmp_path):
    path = _write(tmp_path / "c.jsonl", json.dumps({"text": "x" * 500}) + "\n"
                  + json.dumps({"text": ARTICLE}) + "\n")
    items = list(read_jsonl_file(path, max_bytes=200))
    assert isinstance(items[0], Rejected) and items[0].code == "E205"
    assert "200-byte cap" in items[0].reason
    assert _only(items[1:]).origin == f"{path}:2"


def test_json_list(tmp_path):
    path = _write(tmp_path / "c.json", json.dumps([{"text": ARTICLE, "id": 7}, "junk"]))
    items = list(read_json_file(path))
    assert isinstance(items[0], ArticleRecord) and items[0].id == "7"
    assert items[0].origin == f"{path}#1"
    assert isinstance(items[1], Rejected) and items[1].origin == f"{path}#2"


def test_csv_quoted_multiline_text(tmp_path):
    content = ('id,title,text,date\r\n'
               '1,"Talks, again","First paragraph, with a comma.\r\n\r\nSecond ""quoted"" one.",'
               '2025-09-06\r\n'
               '2,No text,,2025-09-07\r\n'
               '\r\n'
               '3,Third,Third body.,\r\n')
    path = _write(tmp_path / "c.csv", content)
    items = list(read_csv_file(path))
    first = items[0]
    assert isinstance(first, ArticleRecord)
    assert first.text == 'First paragraph, with a comma.\n\nSecond "quoted" one.'
    assert (first.id, first.title, first.published, first.origin) == (
        "1", "Talks, again", "2025-09-06", f"{path}#1")
    assert isinstance(items[1], Rejected) and items[1].code == "E204"
    assert items[1].origin == f"{path}#2"
    assert isinstance(items[2], ArticleRecord) and items[2].origin == f"{path}#4"
    assert len(items) == 3


def test_csv_semicolon_and_alias_headers(tmp_path):
    path = _write(tmp_path / "c.csv", "\ufeffID;Body;Published\nx;Semicolon body.;2025-09-06\n")
    rec = _only(list(read_csv_file(path)))
    assert (rec.id, rec.text, rec.published) == ("x", "Semicolon body.", "2025-09-06")


def test_csv_without_text_column(tmp_path):
    path = _write(tmp_path / "c.csv", "id,title\n1,x\n")
    [item] = read_csv_file(path)
    assert isinstance(item, Rejected) and item.code == "E206" and "no text column" in item.reason


# --- feeds -------------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>The Wire</title><link>https://example.org/</link>
<description>News</description>
<item><title>Ministers meet</title><link>https://example.org/1</link>
<pubDate>Sat, 06 Sep 2025 01:00:00 +0300</pubDate>
<description>&lt;p&gt;Foreign ministers met in Paris on Friday.&lt;/p&gt;&lt;p&gt;They agreed
to meet again.&lt;script&gt;alert(1)&lt;/script&gt;&lt;/p&gt;</description></item>
<item><title>Headline only</title><link>https://example.org/2</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><id>urn:wire</id>
<updated>2025-09-06T00:00:00Z</updated>
<entry><title>Summit opens</title><link href="https://example.org/3"/><id>urn:3</id>
<updated>2025-09-05T22:00:00-04:00</updated><summary>Short summary.</summary>
<content type="html">&lt;p&gt;Leaders gathered for a summit.&lt;br&gt;Talks began.&lt;/p&gt;</content>
</entry></feed>"""


def test_rss_feed(tmp_path):
    path = _write(tmp_path / "f.rss", RSS)
    first, second = read_feed_file(path)
    assert isinstance(first, ArticleRecord)
    assert first.text == "Foreign ministers met in Paris on Friday.\n\nThey agreed to meet again."
    assert (first.title, first.url, first.source, first.published, first.origin) == (
        "Ministers meet", "https://example.org/1", "The Wire", "2025-09-06", f"{path}#1")
    assert isinstance(second, Rejected) and second.code == "E207"
    assert second.origin == f"{path}#2"


def test_atom_feed_prefers_content_and_keeps_local_date(tmp_path):
    rec = _only(list(read_feed_file(_write(tmp_path / "f.atom", ATOM))))
    assert rec.text == "Leaders gathered for a summit.\nTalks began."
    assert rec.published == "2025-09-05"  # its own calendar day, not UTC's 6 September
    assert (rec.title, rec.url, rec.source) == ("Summit opens", "https://example.org/3",
                                                "Atom Wire")


# --- dispatch and directories ------------------------------------------------------------------

def test_directory_recursion_order_and_dispatch(tmp_path):
    _write(tmp_path / "b.txt", "Text file B.")
    _write(tmp_path / "a" / "z.md", "Markdown Z.")
    _write(tmp_path / "a" / "sub" / "y.txt", "Nested Y.")
    _write(tmp_path / "a" / "x.jsonl", json.dumps({"text": "Line X."}) + "\n")
    _write(tmp_path / "c" / "feed.xml", RSS)
    _write(tmp_path / "c" / "page.htm", PAGE)
    _write(tmp_path / "c" / "noext", "<rss version='2.0'><channel><title>T</title><item>"
           "<description>Sniffed feed.</description></item></channel></rss>")
    _write(tmp_path / ".hidden" / "skip.txt", "Hidden.")
    _write(tmp_path / ".skip.txt", "Hidden.")
    items = list(read_paths([tmp_path]))
    origins = [i.origin for i in items]
    rel = [str(Path(o.split("#")[0].split(":")[0]).relative_to(tmp_path))
           if o.startswith(str(tmp_path)) else o for o in origins]
    assert rel == ["a/sub/y.txt", "a/x.jsonl", "a/z.md", "b.txt", "c/feed.xml", "c/feed.xml",
                   "c/noext", "c/page.htm"]
    texts = [i.text for i in items if isinstance(i, ArticleRecord)]
    assert texts[:4] == ["Nested Y.", "Line X.", "Markdown Z.", "Text file B."]
    assert "Sniffed feed." in texts


def test_non_recursive(tmp_path):
    _write(tmp_path / "a.txt", "Top.")
    _write(tmp_path / "sub" / "b.txt", "Nested.")
    assert [i.text for i in read_paths(tmp_path, recursive=False)] == ["Top."]


def test_read_paths_fills_language(tmp_path):
    path = _write(tmp_path / "a.txt", ARTICLE)
    rec = _only(list(read_paths([str(path)])))
    assert rec.language == "en" and rec.language_score > 0.9


def test_read_paths_keeps_going_after_bad_inputs(tmp_path):
    good = _write(tmp_path / "good.txt", ARTICLE)
    items = list(read_paths([tmp_path / "missing.txt", "https://example.org/news", good,
                             _write(tmp_path / "r.docx", b"PK\x03\x04")]))
    assert [(type(i).__name__, getattr(i, "code", None)) for i in items] == [
        ("Rejected", "E201"), ("Rejected", "E208"), ("ArticleRecord", None), ("Rejected", "E208")]
