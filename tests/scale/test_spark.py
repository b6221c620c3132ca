"""The Spark job on local[2] writes exactly the rows of the local runner, row for row."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from scale_data import SHORT_ARTICLES, write_jsonl

from wirecoder.errors import ConfigError
from wirecoder.ingest import ArticleRecord, read_paths
from wirecoder.scale import read_results, run_local

ROOT = Path(__file__).resolve().parents[2]


def _has_java() -> bool:
    home = os.environ.get("JAVA_HOME")
    return bool(shutil.which("java") or (home and (Path(home) / "bin" / "java").exists()))


def _by_id(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda r: r["article"]["id"])


@pytest.mark.spark
def test_spark_rows_equal_the_local_pipeline_row_for_row(pipeline, tmp_path: Path) -> None:
    pytest.importorskip("pyspark")
    pytest.importorskip("pandas")  # mapInArrow needs it (the wirecoder[spark] extra)
    if not _has_java():
        pytest.skip("Spark needs Java 17 or 21")
    from wirecoder.scale.spark import run_spark

    # The sample corpus as JSONL, plus a Parquet part and a malformed line.
    samples = [r for r in read_paths([ROOT / "examples" / "articles"])
               if isinstance(r, ArticleRecord)]
    fields = ("text", "title", "published", "url", "source")
    corpus = write_jsonl(tmp_path / "samples.jsonl",
                         [{k: getattr(r, k) for k in fields} for r in samples])
    with corpus.open("a", encoding="utf-8") as fh:
        fh.write('{"text": "a line cut short\n')
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(SHORT_ARTICLES[:2]), tmp_path / "more.parquet")
    inputs = [corpus, tmp_path / "more.parquet"]

    summary = run_spark(inputs, tmp_path / "spark", master="local[2]", partitions=2)
    local = run_local(inputs, tmp_path / "local", pipeline=pipeline)

    spark_rows = _by_id(list(read_results(tmp_path / "spark")))
    local_rows = _by_id(list(read_results(tmp_path / "local")))
    assert len(spark_rows) == len(samples) + 3 == summary.rows == local.rows
    assert summary.not_coded == 1 and summary.partitions == 2
    coded_spark = [r for r in spark_rows if r["status"] == "coded"]
    coded_local = [r for r in local_rows if r["status"] == "coded"]
    for mine, theirs in zip(coded_spark, coded_local, strict=True):
        assert mine == theirs, json.dumps(mine["article"]["title"])
    # The malformed line is quarantined by both, with the same code (origins differ).
    bad = [r for r in spark_rows + local_rows if r["status"] != "coded"]
    assert [r["reason"][:6] for r in bad] == ["[E206]", "[E206]"]


def test_spark_missing_pyspark_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    from wirecoder.scale import spark as spark_module

    real_import = builtins.__import__

    def no_pyspark(name, *args, **kwargs):
        if name == "pyspark" or name.startswith("pyspark."):
            raise ImportError("No module named 'pyspark'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyspark)
    with pytest.raises(ConfigError, match=r"\[E403\].*wirecoder\[spark\]"):
        spark_module.spark_session("local[1]")
