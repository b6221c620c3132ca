"""Language identification and the short-text policy."""

from __future__ import annotations

import pytest

from wirecoder.ingest import detect_language, is_english, read_paths

ENGLISH = ("Russian President Vladimir Putin said on Friday that any foreign troops entering "
           "Ukraine before a ceasefire would be legitimate targets, according to Russian media.")
GERMAN = ("Der russische Präsident Wladimir Putin hat am Freitag erklärt, ausländische Truppen in "
          "der Ukraine seien vor einem Waffenstillstand legitime Ziele. Das sagte er in "
          "Wladiwostok vor Journalisten.")


def test_english():
    lang, score = detect_language(ENGLISH)
    assert lang == "en" and score > 0.9
    assert is_english(ENGLISH)


def test_german():
    lang, score = detect_language(GERMAN)
    assert lang == "de" and score > 0.9
    assert not is_english(GERMAN)


def test_german_article_file_is_labelled_not_rejected(tmp_path):
    path = tmp_path / "de.txt"
    path.write_text("---\ntitle: Putin warnt\n---\n" + GERMAN, encoding="utf-8")
    [rec] = read_paths([path])
    assert rec.language == "de" and rec.language_score > 0.9
    assert rec.text == GERMAN


@pytest.mark.parametrize("text", ["Merkel trifft Macron", "Talks resume", "12:45", ""])
def test_short_latin_text_defaults_to_english(text):
    assert detect_language(text) == ("en", 0.0)


@pytest.mark.parametrize("text", ["Новости дня", "習近平と会談", "الرئيس يلتقي"])
def test_short_non_latin_text_is_never_english(text):
    lang, _ = detect_language(text)
    assert lang != "en"
