"""The CLI side of scale-out: ingest loads shard/Spark Parquet as is; spark and watch commands."""

from __future__ import annotations

from pathlib import Path

from scale_data import SHORT_ARTICLES
from typer.testing import CliRunner

from wirecoder.cli import app
from wirecoder.scale import run_local
from wirecoder.store import Store

runner = CliRunner()


def test_cli_ingest_loads_coded_parquet_without_recoding(pipeline, tmp_path: Path,
                                                         short_jsonl: Path) -> None:
    run_local([short_jsonl], tmp_path / "coded", shard_size=3, pipeline=pipeline)
    article = tmp_path / "one.txt"
    article.write_text(SHORT_ARTICLES[4]["text"] + " Both sides said talks would go on.\n",
                       encoding="utf-8")
    db = tmp_path / "w.db"
    result = runner.invoke(app, ["ingest", str(tmp_path / "coded"), str(article), "--db",
                                 str(db)])
    assert result.exit_code == 0, result.output
    assert "loaded from Parquet" in result.output
    with Store(db, readonly=True) as store:
        assert store.stats()["articles"] == len(SHORT_ARTICLES) + 1
    # Loading the same output again replaces rows in place: no duplicates.
    again = runner.invoke(app, ["ingest", str(tmp_path / "coded"), "--db", str(db)])
    assert again.exit_code == 0, again.output
    with Store(db, readonly=True) as store:
        assert store.stats()["articles"] == len(SHORT_ARTICLES) + 1


def test_cli_spark_rejects_bad_options_before_starting_spark(tmp_path: Path) -> None:
    result = runner.invoke(app, ["spark", "--input", str(tmp_path / "x.jsonl"), "--output",
                                 str(tmp_path / "out"), "--partitions", "0"])
    assert result.exit_code == 2
    assert "E401" in result.output


def test_cli_watch_needs_a_valid_feed_list(tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("ftp://example.org/feed\n", encoding="utf-8")
    result = runner.invoke(app, ["watch", str(feeds), "--once", "--db", str(tmp_path / "w.db")])
    assert result.exit_code == 2 and "E401" in result.output
    result = runner.invoke(app, ["watch", str(feeds), "--every", "soon"])
    assert result.exit_code == 2 and "E401" in result.output
