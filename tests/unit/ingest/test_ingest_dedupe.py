"""Exact deduplication and the public surface of wirecoder.ingest."""

from __future__ import annotations

import wirecoder.ingest as ingest
from wirecoder.ingest import ArticleRecord, ExactDeduper, text_key


def test_duplicates_differing_in_whitespace_and_case():
    dedupe = ExactDeduper()
    first = ArticleRecord(text="Ministers met in Paris.\n\nThey agreed.", origin="a.txt")
    second = ArticleRecord(text="  MINISTERS met in   Paris. They\tagreed. ", origin="b.jsonl:3")
    other = ArticleRecord(text="Ministers met in Rome.", origin="c.txt")
    assert dedupe.check(first) is None
    assert dedupe.check(other) is None
    assert dedupe.check(second) == "a.txt"
    assert dedupe.check("ministers MET in paris. they agreed.", origin="x") == "a.txt"
    assert len(dedupe) == 2


def test_text_key_is_the_pipeline_article_id():
    from wirecoder.pipeline import article_id

    text = "  Caf\u0065\u0301 TALKS\n\nresume. "
    assert text_key(text) == article_id(text)


def test_all_is_sorted_and_exported():
    assert ingest.__all__ == sorted(ingest.__all__)
    for name in ingest.__all__:
        assert hasattr(ingest, name)
