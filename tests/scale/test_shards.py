"""The engine-agnostic shard function and the Parquet form of a Result."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from scale_data import SHORT_ARTICLES, write_jsonl

from wirecoder.ingest import ArticleRecord, Rejected, read_paths
from wirecoder.model import Article, Result
from wirecoder.scale.shards import (
    code_shard,
    is_results_parquet,
    read_results,
    result_schema,
    rows_to_table,
)

ROOT = Path(__file__).resolve().parents[2]


def test_shards_schema_has_every_result_field_in_order() -> None:
    empty = Result(article=Article(id="x", title=None, text="")).to_dict()
    assert result_schema().names == list(empty)
    article = result_schema().field("article").type
    assert [article.field(i).name for i in range(article.num_fields)] == list(empty["article"])


def test_shards_parquet_round_trip_is_exact(pipeline, tmp_path: Path) -> None:
    records = list(read_paths([ROOT / "examples" / "dupes" / "harbour-daily.txt"]))
    rows = code_shard(records, pipeline=pipeline) + code_shard(SHORT_ARTICLES[:2],
                                                                pipeline=pipeline)
    assert any(r["events"] and r["statements"] and r["places"] for r in rows)
    pq.write_table(rows_to_table(rows), tmp_path / "rows.parquet")
    assert list(read_results(tmp_path / "rows.parquet")) == rows
    # Read back, a row is a valid Result again.
    assert [Result.from_dict(r).to_dict() for r in rows] == rows


def test_shards_keep_input_order_and_quarantine_bad_records(pipeline) -> None:
    items = [
        SHORT_ARTICLES[0],
        {"title": "no text at all"},
        {"_corrupt_record": '{"text": "cut off'},
        {"text": 42},
        Rejected("feed.xml#3", "E207", "feed entry has no text"),
        SHORT_ARTICLES[1],
    ]
    rows = code_shard(items, pipeline=pipeline, origin="test")
    assert [r["status"] for r in rows] == ["coded", "not_coded", "not_coded", "not_coded",
                                           "not_coded", "coded"]
    assert [r["reason"][:6] for r in rows[1:5]] == ["[E204]", "[E206]", "[E206]", "[E207]"]
    assert "test#2" in rows[1]["reason"] and "feed.xml#3" in rows[4]["reason"]
    assert len({r["article"]["id"] for r in rows}) == len(rows)  # rejects get distinct ids
    assert rows[0]["article"]["title"] == "Chile and Peru reopen border"


def test_shards_match_the_pipeline_on_ingest_records(pipeline, tmp_path: Path) -> None:
    """A dict row (Spark, Parquet) and the same line read by ingest code identically."""
    path = write_jsonl(tmp_path / "corpus.jsonl", SHORT_ARTICLES[:3])
    records = [r for r in read_paths([path]) if isinstance(r, ArticleRecord)]
    expected = [r.to_dict() for r in pipeline.extract_many(records)]
    assert code_shard(records, pipeline=pipeline) == expected
    assert code_shard(SHORT_ARTICLES[:3], pipeline=pipeline) == expected


def test_shards_accept_date_values_and_given_language(pipeline) -> None:
    rows = code_shard([{"text": SHORT_ARTICLES[0]["text"], "published": date(2025, 3, 3)},
                       {"text": "Der Minister sagte am Montag, die Grenze bleibe offen.",
                        "language": "DE"}], pipeline=pipeline)
    assert rows[0]["article"]["published"] == "2025-03-03"
    assert rows[1]["status"] == "not_coded" and rows[1]["article"]["language"] == "de"


def test_shards_tell_results_from_corpora(tmp_path: Path) -> None:
    rows = [Result(article=Article(id="a", title=None, text="t")).to_dict()]
    (tmp_path / "out").mkdir()
    pq.write_table(rows_to_table(rows), tmp_path / "out" / "part-0.parquet")
    corpus = tmp_path / "corpus.parquet"
    pq.write_table(rows_to_table(rows).select(["status"]).rename_columns(["text"]), corpus)
    assert is_results_parquet(tmp_path / "out" / "part-0.parquet")
    assert is_results_parquet(tmp_path / "out")  # a folder: judged by its first data file
    assert not is_results_parquet(corpus)
    assert not is_results_parquet(tmp_path / "missing.parquet")
    (tmp_path / "notes.parquet").write_text("not parquet")
    assert not is_results_parquet(tmp_path / "notes.parquet")


@pytest.mark.parametrize("hidden", [".hidden.parquet", "_temporary/x.parquet"])
def test_shards_reading_a_folder_skips_temporary_files(tmp_path: Path, hidden: str) -> None:
    rows = [Result(article=Article(id="a", title=None, text="t")).to_dict()]
    pq.write_table(rows_to_table(rows), tmp_path / "part-0.parquet")
    (tmp_path / hidden).parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(rows_to_table(rows), tmp_path / hidden)
    assert list(read_results(tmp_path)) == rows
