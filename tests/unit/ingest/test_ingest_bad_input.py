"""Bad input: each case gives one Rejected with a coded one-line reason, and the stream goes on."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from wirecoder.errors import REJECT_CODES
from wirecoder.ingest import ArticleRecord, Rejected, read_paths

GOOD = "Foreign ministers met in Paris on Friday and agreed to meet again next month."
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def _read_one(tmp_path: Path, name: str, content: bytes, **kwargs) -> ArticleRecord | Rejected:
    path = tmp_path / name
    path.write_bytes(content)
    good = tmp_path / "zz_good.txt"
    good.write_text(GOOD, encoding="utf-8")
    items = list(read_paths([path, good], **kwargs))
    # The bad file never stops the stream: the good file after it always comes through.
    assert isinstance(items[-1], ArticleRecord) and items[-1].text == GOOD
    assert len(items) == 2, items
    return items[0]


def _assert_rejected(item, code: str, *words: str) -> None:
    assert isinstance(item, Rejected), item
    assert item.code == code and code in REJECT_CODES
    assert "\n" not in item.reason
    for word in words:
        assert word in item.reason


@pytest.mark.parametrize("name", ["image.png", "disguised.txt", "noext", "feed.xml", "a.html"])
def test_png_is_binary(tmp_path, name):
    _assert_rejected(_read_one(tmp_path, name, PNG), "E202", "PNG image")


def test_nul_bytes_are_binary(tmp_path):
    _assert_rejected(_read_one(tmp_path, "x.txt", b"text\x00\x01\x02\x03" * 50), "E202", "NUL")


def test_control_bytes_are_binary(tmp_path):
    data = bytes(random.Random(1).randrange(1, 0x20) for _ in range(400))
    _assert_rejected(_read_one(tmp_path, "x.dat", data), "E202", "control bytes")


def test_binary_jsonl_and_csv(tmp_path):
    _assert_rejected(_read_one(tmp_path, "x.jsonl", PNG), "E202", "PNG image")
    _assert_rejected(_read_one(tmp_path, "x.csv", b"\x1f\x8b\x08\x00" + b"\x00" * 20), "E202",
                     "gzip")


def test_invalid_utf8_with_a_few_bad_bytes_is_repaired(tmp_path):
    sentence = "Le président a déclaré vendredi que les négociations étaient difficiles. "
    # A cp1252 quote and a cp1252 "été" pasted into an otherwise UTF-8 file.
    data = b"\x93" + (sentence * 3).encode("utf-8") + b"\x94 \xe9t\xe9."
    item = _read_one(tmp_path, "fr.txt", data)
    assert isinstance(item, ArticleRecord)
    assert item.text == "“" + sentence * 3 + "” été."
    assert item.language == "fr"


def test_legacy_encoding_is_decoded(tmp_path):
    text = "Президент заявил в пятницу, что переговоры были трудными, но необходимыми для мира."
    item = _read_one(tmp_path, "ru.txt", text.encode("cp1251"))
    assert isinstance(item, ArticleRecord) and item.text == text
    assert item.language in {"ru", "uk", "bg"}


def test_hopeless_bytes_are_undecodable(tmp_path):
    rng = random.Random(0)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(2000))
    _assert_rejected(_read_one(tmp_path, "junk.txt", data), "E203", "UTF-8")


@pytest.mark.parametrize(("name", "content", "words"), [
    ("empty.txt", b"", ("empty",)),
    ("blank.txt", b" \n\t\r\n  ", ("whitespace",)),
    ("blank.html", b"   \n", ("whitespace",)),
    ("empty.jsonl", b"\n\n", ("empty",)),
    ("empty.csv", b"", ("empty",)),
])
def test_empty_files(tmp_path, name, content, words):
    _assert_rejected(_read_one(tmp_path, name, content), "E204", *words)


def test_too_large_with_default_cap(tmp_path):
    item = _read_one(tmp_path, "big.txt", b"All work and no play. " * 240_000)  # ~5 MB
    _assert_rejected(item, "E205", "5,280,000 bytes", "2,000,000-byte cap", "max_bytes")


def test_cap_can_be_raised(tmp_path):
    item = _read_one(tmp_path, "big.txt", b"All work and no play. " * 1_000, max_bytes=30_000)
    assert isinstance(item, ArticleRecord)
    item = _read_one(tmp_path, "big.txt", b"All work and no play. " * 1_000, max_bytes=10_000)
    _assert_rejected(item, "E205")


NAV_ONLY = b"""<!doctype html><html><head><title>The Daily</title></head><body>
<header><a href="/">The Daily</a></header>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li></ul></nav>
<footer><a href="/privacy">Privacy policy</a> | <a href="/terms">Terms of use</a></footer>
</body></html>"""


def test_navigation_only_html(tmp_path):
    _assert_rejected(_read_one(tmp_path, "nav.html", NAV_ONLY), "E207", "no article text")


@pytest.mark.parametrize("content", [
    b"<?xml version='1.0'?><notafeed><thing/></notafeed>",
    b"<?xml version='1.0'?> this is not a feed at all",
])
def test_unparsable_feed(tmp_path, content):
    _assert_rejected(_read_one(tmp_path, "bad.xml", content), "E209", "feed")


def test_truncated_feed_is_read_leniently(tmp_path):
    content = (b"<?xml version='1.0'?><rss version='2.0'><channel><item><title>x</title>"
               b"<description>Ministers met on Friday.</description></item></chan")
    item = _read_one(tmp_path, "cut.xml", content)
    assert isinstance(item, ArticleRecord) and item.text == "Ministers met on Friday."


def test_feed_with_entity_expansion_is_refused(tmp_path):
    bomb = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            b"<rss version='2.0'><channel><title>&b;</title><item><description>x</description>"
            b"</item></channel></rss>")
    _assert_rejected(_read_one(tmp_path, "bomb.rss", bomb), "E209", "entities")


def test_unsupported_type(tmp_path):
    _assert_rejected(_read_one(tmp_path, "report.pdf", b"%PDF-1.7\n"), "E208", ".pdf")


def test_unreadable_path(tmp_path):
    missing = tmp_path / "missing.txt"
    [item] = read_paths([missing])
    _assert_rejected(item, "E201", "no such file")


def test_special_file_is_refused(tmp_path):
    [item] = read_paths([Path("/dev/null")])
    _assert_rejected(item, "E201", "not a regular file")


def test_unexpected_failure_is_quarantined(tmp_path, monkeypatch):
    from wirecoder.ingest import readers

    def boom(*args, **kwargs):
        raise RuntimeError("kaboom")

    monkeypatch.setitem(readers.READERS, ".txt", boom)
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.md").write_text(GOOD, encoding="utf-8")
    first, second = read_paths([tmp_path])
    _assert_rejected(first, "E212", "RuntimeError", "kaboom")
    assert isinstance(second, ArticleRecord)
