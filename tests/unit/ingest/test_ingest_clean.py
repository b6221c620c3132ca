"""Decoding, cleaning, HTML fragments and dates."""

from __future__ import annotations

import codecs

import pytest

from wirecoder.errors import InputError
from wirecoder.ingest import clean_text, decode_bytes, html_to_text, parse_date, sniff_binary


@pytest.mark.parametrize(("raw", "clean"), [
    ("  Hello\u00a0 world\t!  ", "Hello world !"),
    ("One\r\nTwo\rThree", "One\nTwo\nThree"),
    ("Para one.\n\n\n\n   \nPara two.", "Para one.\n\nPara two."),
    ("Mojibake: donâ€™t panic â€” it’s fixed", "Mojibake: don’t panic — it’s fixed"),
    ("“Curly” quotes stay ‘curly’", "“Curly” quotes stay ‘curly’"),
    ("Zero\u200bwidth and soft\u00adhyphen", "Zerowidth and softhyphen"),
    ("Cafe\u0301", "Caf\u00e9"),
])
def test_clean_text(raw, clean):
    assert clean_text(raw) == clean
    assert clean_text(clean) == clean  # idempotent


@pytest.mark.parametrize(("fragment", "text"), [
    ("<p>First <b>bold</b>\npara.</p><p>Second<br>line</p>", "First bold para.\n\nSecond\nline"),
    ("<div>Kept<script>alert(1)</script><style>p{}</style></div> tail &amp; more",
     "Kept\n\ntail & more"),
    ("Plain text &amp; an entity", "Plain text & an entity"),
    ("<ul><li>One</li><li>Two</li></ul>", "One\n\nTwo"),
])
def test_html_to_text(fragment, text):
    assert html_to_text(fragment) == text


@pytest.mark.parametrize(("value", "iso"), [
    ("2025-09-06", "2025-09-06"),
    ("2025-09-06T01:00:00+03:00", "2025-09-06"),
    ("2025-09-06T12:00:00Z", "2025-09-06"),
    ("Sat, 06 Sep 2025 01:00:00 +0300", "2025-09-06"),
    ("6 September 2025", "2025-09-06"),
    ("Sept. 6, 2025 11:03 PM EDT", "2025-09-06"),
    ("September 2025", "2025-09-01"),
    (None, None),
    ("", None),
    ("2025", None),  # a bare year is too vague for a publication date
    ("Friday", None),  # no year: would resolve against today
    ("yesterday", None),
    ("not a date", None),
])
def test_parse_date(value, iso):
    assert parse_date(value) == iso


def test_decode_utf8_and_boms():
    text = "Präsident “Zitat”"
    assert decode_bytes(text.encode("utf-8")) == text
    assert decode_bytes(codecs.BOM_UTF8 + text.encode("utf-8")) == text
    assert decode_bytes(text.encode("utf-16")) == text  # with BOM
    assert decode_bytes(text.encode("utf-16-le")) == text  # BOM-less, NULs on odd bytes


@pytest.mark.parametrize(("text", "encoding"), [
    ("À Paris, le ministre a déclaré à la presse que la réunion s'était très bien passée.",
     "cp1252"),
    ("Prezydent powiedział w piątek, że rozmowy były trudne, ale konieczne dla pokoju.",
     "cp1250"),
    ("Ο πρόεδρος δήλωσε την Παρασκευή ότι οι διαπραγματεύσεις ήταν δύσκολες αλλά αναγκαίες.",
     "cp1253"),
    ("首相は金曜日、交渉は難しいが必要だと述べた。記者団に対し、来週も協議を続けると語った。",
     "shift_jis"),
])
def test_decode_legacy_encodings(text, encoding):
    assert decode_bytes(text.encode(encoding)) == text


@pytest.mark.parametrize(("data", "code"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00", "E202"),
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3", "E202"),
    (b"abc\x00def" * 10, "E202"),
    (bytes(range(0x80, 0x100)) * 4, "E203"),
])
def test_decode_errors(data, code):
    with pytest.raises(InputError) as info:
        decode_bytes(data)
    assert info.value.code == code
    assert str(info.value).startswith(f"[{code}]")


def test_sniff_binary_accepts_text():
    assert sniff_binary(b"Plain text.\n\tTabbed.\r\n") is None
    assert sniff_binary(b"") is None
