"""Scale-out: one function from a shard of records to rows, run by a local pool or by Spark.

    from wirecoder.scale import code_shard, run_local
    rows = code_shard([{"text": "...", "published": "2025-09-06"}])
    summary = run_local(["corpus.jsonl"], "out/", processes=2)   # resumable Parquet shards
    # wirecoder.scale.spark.run_spark(...) needs the optional extra wirecoder[spark]
"""

from .local import RunSummary, run_local
from .shards import (
    code_shard,
    is_results_parquet,
    read_results,
    result_schema,
    rows_to_table,
    worker_pipeline,
)

__all__ = [
    "RunSummary",
    "code_shard",
    "is_results_parquet",
    "read_results",
    "result_schema",
    "rows_to_table",
    "run_local",
    "worker_pipeline",
]
