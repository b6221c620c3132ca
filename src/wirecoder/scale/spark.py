"""The Spark job: JSONL/Parquet corpora in, wirecoder/1 Parquet out, `code_shard` in between.

    run_spark(["corpus.jsonl"], "out/", master="local[4]")       # or a cluster's master URL
    spark-submit --master yarn .../wirecoder/scale/spark.py --input hdfs:///news --output ...

pyspark is imported lazily (the optional extra `wirecoder[spark]`), so nothing else in
wirecoder needs Java. Each partition goes through `mapInArrow` as Arrow record batches; the
function Spark ships to the executors is `_code_batches`, a plain module function, so no spaCy
object is ever pickled. Each Python worker builds its Pipeline once (`worker_pipeline`) and Spark
reuses the worker across tasks, so the model loads once per executor process. The rows are the
ones the local runner writes (same `code_shard`), and `wirecoder ingest OUT/` loads them.
See docs/scaling.md for submitting to a real cluster.
"""

from __future__ import annotations

import argparse
import functools
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from ..ingest.records import DATE_FIELDS, DEFAULT_MAX_BYTES, META_FIELDS, TEXT_FIELDS
from .shards import CORRUPT_COLUMN, code_shard, result_schema, rows_to_batch, worker_pipeline

if TYPE_CHECKING:
    import pyarrow as pa

log = logging.getLogger(__name__)

INSTALL_HINT = ("install the optional extra with `pip install 'wirecoder[spark]'` (pyspark and "
                "pandas); Spark also needs Java 17 or 21 on PATH or in JAVA_HOME")
INPUT_COLUMNS = {*TEXT_FIELDS, *DATE_FIELDS, *META_FIELDS, "language", CORRUPT_COLUMN}
BATCH_ROWS = 64  # articles per Arrow batch: big enough for nlp.pipe, small enough for memory


@dataclass
class SparkSummary:
    output: str
    rows: int
    coded: int
    not_coded: int
    partitions: int
    master: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _require_pyspark() -> Any:
    try:
        import pyspark  # noqa: F401
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise ConfigError(f"pyspark is not installed; {INSTALL_HINT}", code="E403") from exc
    return SparkSession


def spark_session(master: str | None = "local[2]", *, app_name: str = "wirecoder",
                  conf: dict[str, str] | None = None) -> Any:
    """A SparkSession for `master` (None: whatever spark-submit configured)."""
    session_cls = _require_pyspark()
    builder = session_cls.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    settings = {
        "spark.sql.execution.arrow.maxRecordsPerBatch": str(BATCH_ROWS),
        "spark.python.worker.reuse": "true",  # keeps each worker's loaded model between tasks
    }
    if master and master.startswith("local"):
        # Local workers must run this interpreter (the one with wirecoder and the model).
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        settings |= {"spark.ui.enabled": "false", "spark.ui.showConsoleProgress": "false"}
    for key, value in {**settings, **(conf or {})}.items():
        builder = builder.config(key, value)
    try:
        return builder.getOrCreate()
    except Exception as exc:  # the JVM did not start: no Java, or a broken install
        raise ConfigError(f"Spark could not start ({type(exc).__name__}: {exc}); "
                          f"{INSTALL_HINT}", code="E403") from exc


def _is_parquet(path: str) -> bool:
    p = Path(path)
    if p.suffix.lower() == ".parquet":
        return True
    return p.is_dir() and any(p.rglob("*.parquet"))


def _json_schema() -> Any:
    from pyspark.sql.types import StringType, StructField, StructType

    # A fixed schema spares Spark a pass over the whole corpus to infer one; every field is read
    # as a string (numbers keep their JSON text) and the record builder parses it.
    return StructType([StructField(c, StringType()) for c in sorted(INPUT_COLUMNS)])


def read_corpus(spark: Any, inputs: Sequence[str]) -> Any:
    """One DataFrame of article fields from JSONL and Parquet inputs (columns by name)."""
    from pyspark.sql import functions as F

    frames = []
    for path in inputs:
        if _is_parquet(str(path)):
            df = spark.read.parquet(str(path))
        else:
            df = spark.read.json(str(path), schema=_json_schema(), mode="PERMISSIVE",
                                 columnNameOfCorruptRecord=CORRUPT_COLUMN)
        wanted = [c for c in df.columns if c.lower() in INPUT_COLUMNS]
        if not any(c.lower() in TEXT_FIELDS for c in wanted):
            raise ConfigError(f"{path}: no text column (expected one of "
                              f"{', '.join(TEXT_FIELDS)})", code="E401")
        frames.append(df.select(*[F.col(f"`{c}`").cast("string").alias(c.lower())
                                  for c in wanted]))
    if not frames:
        raise ConfigError("no input given; pass at least one --input", code="E401")
    df = frames[0]
    for other in frames[1:]:
        df = df.unionByName(other, allowMissingColumns=True)
    return df


def _code_batches(batches: Iterator[pa.RecordBatch], *, model: str | None,
                  max_bytes: int) -> Iterator[pa.RecordBatch]:
    """Runs on the executors: Arrow batches of article fields -> batches of wirecoder/1 rows."""
    pipe = worker_pipeline(model)
    for batch in batches:
        rows = code_shard(batch.to_pylist(), pipeline=pipe, max_bytes=max_bytes, origin="spark")
        yield rows_to_batch(rows)


def spark_schema() -> Any:
    """The Spark StructType of a wirecoder/1 row (from the Arrow schema)."""
    _require_pyspark()
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(result_schema())


def code_frame(df: Any, *, model: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Any:
    """A DataFrame of article fields -> a DataFrame of wirecoder/1 rows (lazy)."""
    func = functools.partial(_code_batches, model=model, max_bytes=max_bytes)
    return df.mapInArrow(func, spark_schema())


def run_spark(inputs: Sequence[str | Path], output: str | Path, *,
              master: str | None = "local[2]", model: str | None = None,
              partitions: int | None = None, mode: str = "overwrite",
              max_bytes: int = DEFAULT_MAX_BYTES, spark: Any = None,
              conf: dict[str, str] | None = None) -> SparkSummary:
    """Code corpora with Spark and write Parquet to `output`.

    master: "local[N]", a cluster URL, or None under spark-submit.
    partitions: repartition the input first (spreads one big file over the executors).
    mode: Spark's save mode ("overwrite", "errorifexists", ...).
    spark: an existing SparkSession to use (left running); otherwise one is made and stopped.
    """
    if partitions is not None and partitions < 1:
        raise ConfigError(f"partitions={partitions} must be at least 1", code="E401")
    own = spark is None
    session = spark if spark is not None else spark_session(master, conf=conf)
    try:
        df = read_corpus(session, [str(p) for p in inputs])
        if partitions:
            df = df.repartition(partitions)
        n_parts = df.rdd.getNumPartitions()
        log.info("spark: coding %d partition(s) into %s", n_parts, output)
        code_frame(df, model=model, max_bytes=max_bytes).write.mode(mode).parquet(str(output))
        counts = _count_statuses(session, str(output))
    finally:
        if own:
            session.stop()
    coded = int(counts.get("coded", 0))
    total = int(sum(counts.values()))
    return SparkSummary(output=str(output), rows=total, coded=coded, not_coded=total - coded,
                        partitions=n_parts, master=master)


def _count_statuses(session: Any, output: str) -> dict[str, int]:
    if Path(output).is_dir():  # a local folder: read the status column, no second Spark job
        import pyarrow.parquet as pq

        from .shards import parquet_files

        counts: dict[str, int] = {}
        for file in parquet_files(output):
            for status in pq.read_table(file, columns=["status"]).column(0).to_pylist():
                counts[status] = counts.get(status, 0) + 1
        return counts
    rows = session.read.parquet(output).groupBy("status").count().collect()
    return {r["status"]: int(r["count"]) for r in rows}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point for spark-submit (the master comes from spark-submit unless given)."""
    parser = argparse.ArgumentParser(prog="wirecoder-spark", description=__doc__.split("\n")[0])
    parser.add_argument("--input", action="append", required=True,
                        help="JSONL or Parquet file or folder (repeatable)")
    parser.add_argument("--output", required=True, help="Parquet output folder")
    parser.add_argument("--master", default=None, help="Spark master (default: spark-submit's)")
    parser.add_argument("--model", default=None, help="spaCy pipeline name on the executors")
    parser.add_argument("--partitions", type=int, default=None)
    parser.add_argument("--mode", default="overwrite")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    summary = run_spark(args.input, args.output, master=args.master, model=args.model,
                        partitions=args.partitions, mode=args.mode)
    log.info("spark: %s", summary.to_dict())
    return 0


if __name__ == "__main__":
    sys.exit(main())
