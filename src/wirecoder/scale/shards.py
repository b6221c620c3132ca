"""One shard of article records -> output rows: the engine-agnostic core of every scale-out.

    rows = code_shard(records)            # wirecoder/1 dicts, in input order
    table = rows_to_table(rows)           # a pyarrow Table in result_schema()
    list(read_results("out/"))            # back to dicts, equal to `rows`

The local process pool (`scale.local`) and the Spark job (`scale.spark`) both call `code_shard`
and nothing else, so a cluster run and a laptop run produce the same rows. Records cross process
boundaries as plain data (dicts, ArticleRecords); spaCy objects never do: each worker builds its
own Pipeline once (`worker_pipeline`).

A record that cannot be coded is never dropped: it becomes a `not_coded` row whose reason
carries the reject code (see docs/errors.md).
"""

from __future__ import annotations

import dataclasses
import hashlib
import types
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Union, get_args, get_origin, get_type_hints

from ..ingest.language import detect_language
from ..ingest.records import DEFAULT_MAX_BYTES, ArticleRecord, Rejected, record_from_fields
from ..model import Article, Result

if TYPE_CHECKING:
    import pyarrow as pa

    from ..pipeline import Pipeline

Item = Mapping[str, Any] | ArticleRecord | Rejected

# Spark's JSON reader puts an unparsable line here (PERMISSIVE mode).
CORRUPT_COLUMN = "_corrupt_record"
RESULT_GLOB = "*.parquet"

_PIPELINES: dict[str | None, Pipeline] = {}


def worker_pipeline(model: str | None = None) -> Pipeline:
    """This process's Pipeline for `model`, built on first use: one model load per worker."""
    if model not in _PIPELINES:
        from ..pipeline import Pipeline

        _PIPELINES[model] = Pipeline(model=model)
    return _PIPELINES[model]


# --- input records ------------------------------------------------------------------------------

def prepare_record(item: Item, *, origin: str,
                   max_bytes: int = DEFAULT_MAX_BYTES) -> ArticleRecord | Rejected:
    """A raw field dict (JSONL object, Parquet or Spark row) as the record ingest would make.

    ArticleRecords and Rejected items from `ingest.read_paths` pass through unchanged, so a
    folder read by ingest and the same rows read by Spark code to the same output.
    """
    if isinstance(item, (ArticleRecord, Rejected)):
        record = item
    else:
        if item.get(CORRUPT_COLUMN):
            return Rejected(origin, "E206", "invalid JSON line")
        # Parquet and Spark hand dates over as date objects; the record builder reads text.
        fields = {k: v.isoformat() if isinstance(v, (date, datetime)) else v
                  for k, v in item.items()}
        record = record_from_fields(fields, origin=origin, max_bytes=max_bytes)
        if isinstance(record, ArticleRecord):
            given = item.get("language")
            if isinstance(given, str) and given.strip():
                record.language = given.strip().lower()
    if isinstance(record, ArticleRecord) and record.language is None:
        record.language, record.language_score = detect_language(record.text)
    return record


def rejected_row(item: Rejected, *, pipeline: str | None) -> dict[str, Any]:
    """A quarantined record as a not_coded row; its id is a hash of where it came from."""
    art_id = hashlib.sha1(f"rejected:{item.origin}".encode()).hexdigest()
    return Result(article=Article(id=art_id, title=None, text=""), status="not_coded",
                  reason=f"[{item.code}] {item.origin}: {item.reason}",
                  pipeline=pipeline).to_dict()


def code_shard(items: Iterable[Item], *, pipeline: Pipeline | None = None,
               model: str | None = None, batch_size: int = 16,
               max_bytes: int = DEFAULT_MAX_BYTES, origin: str = "record") -> list[dict[str, Any]]:
    """Code one shard: records in, one wirecoder/1 dict per record out, in input order.

    items: field dicts, ArticleRecords or Rejected items (any mix).
    pipeline: a ready Pipeline; default this process's `worker_pipeline(model)`.
    origin: names dict records without an id in reject reasons ("ORIGIN#N", from 1).
    """
    pipe = pipeline or worker_pipeline(model)
    prepared: list[ArticleRecord | Rejected] = []
    for n, item in enumerate(items, start=1):
        where = origin
        if isinstance(item, Mapping):
            where = str(item.get("id") or item.get("url") or f"{origin}#{n}")
        prepared.append(prepare_record(item, origin=where, max_bytes=max_bytes))
    coded = pipe.extract_many([r for r in prepared if isinstance(r, ArticleRecord)],
                              batch_size=batch_size)
    return [rejected_row(r, pipeline=pipe.version) if isinstance(r, Rejected)
            else next(coded).to_dict() for r in prepared]


# --- the Arrow/Parquet form of a Result ----------------------------------------------------------

def _arrow_type(tp: Any, where: str) -> pa.DataType:
    import pyarrow as pa

    origin, args = get_origin(tp), get_args(tp)
    if origin in (Union, types.UnionType):
        rest = [a for a in args if a is not type(None)]
        if len(rest) != 1:
            raise TypeError(f"{where}: a union of {rest} has no Parquet column type")
        return _arrow_type(rest[0], where)
    if origin is Literal:
        if all(isinstance(a, str) for a in args):
            return pa.string()
        raise TypeError(f"{where}: only string literals are supported")
    if origin is list:
        return pa.list_(_arrow_type(args[0], where))
    if dataclasses.is_dataclass(tp):
        hints = get_type_hints(tp)
        return pa.struct([pa.field(f.name, _arrow_type(hints[f.name], f"{where}.{f.name}"))
                          for f in dataclasses.fields(tp)])
    simple = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}
    if tp in simple:
        return simple[tp]
    raise TypeError(f"{where}: type {tp!r} has no Parquet column type; extend "
                    "wirecoder.scale.shards._arrow_type")


@cache
def result_schema() -> pa.Schema:
    """The Arrow schema of a wirecoder/1 row, derived from the Result dataclasses.

    Deriving it (rather than writing it out) means a field added to `model.py` reaches the
    Parquet output without anyone remembering to add it here. `schema` comes first, as in
    `Result.to_dict()`.
    """
    import pyarrow as pa

    struct = _arrow_type(Result, "Result")
    fields = [struct.field(i) for i in range(struct.num_fields)]
    fields.sort(key=lambda f: f.name != "schema")
    return pa.schema(fields)


def rows_to_table(rows: list[dict[str, Any]]) -> pa.Table:
    """Result dicts as an Arrow table in `result_schema()`."""
    import pyarrow as pa

    return pa.Table.from_pylist(rows, schema=result_schema())


def rows_to_batch(rows: list[dict[str, Any]]) -> pa.RecordBatch:
    import pyarrow as pa

    return pa.RecordBatch.from_pylist(rows, schema=result_schema())


# --- reading Parquet back -------------------------------------------------------------------------

def parquet_files(path: str | Path) -> list[Path]:
    """A .parquet file, or the data files of an output folder (local shards or Spark parts).

    Hidden and underscore files (`.shard.tmp`, `_SUCCESS`, Spark's `.crc`) are skipped.
    """
    path = Path(path)
    if path.is_dir():  # our outputs are flat; sub-folders are Spark's _temporary and the like
        return sorted(p for p in path.glob(RESULT_GLOB) if not p.name.startswith((".", "_")))
    return [path]


def is_results_parquet(path: str | Path) -> bool:
    """True if `path` is a Parquet file or folder of wirecoder/1 rows (not an article corpus)."""
    import pyarrow.parquet as pq

    path = Path(path)
    if not (path.suffix.lower() == ".parquet" or path.is_dir()):
        return False
    files = parquet_files(path)
    if not files or not files[0].is_file():
        return False
    try:
        names = set(pq.read_schema(files[0]).names)
    except Exception:  # not Parquet at all: let the caller's reader report it
        return False
    return {"schema", "article", "events"} <= names


def _iter_rows(path: str | Path, batch_rows: int) -> Iterator[dict[str, Any]]:
    import pyarrow.parquet as pq

    for file in parquet_files(path):
        with pq.ParquetFile(file) as pf:
            for batch in pf.iter_batches(batch_size=batch_rows):
                yield from batch.to_pylist()


def normalise_row(row: dict[str, Any]) -> dict[str, Any]:
    """A row read from Parquet in exactly the shape `Result.to_dict()` gives.

    Parquet has no "absent": optional fields the model leaves out when empty come back as
    nulls, so the row goes through the model once. A row the model cannot take (written by a
    newer wirecoder with more fields) is returned as read.
    """
    try:
        return Result.from_dict(row).to_dict()
    except (TypeError, KeyError):
        return row


def read_results(path: str | Path, *, batch_rows: int = 256) -> Iterator[dict[str, Any]]:
    """Stream the wirecoder/1 dicts from a Parquet file or output folder, file by file."""
    for row in _iter_rows(path, batch_rows):
        yield normalise_row(row)


def read_parquet_records(path: str | Path, *, batch_rows: int = 256) -> Iterator[dict[str, Any]]:
    """Stream article field dicts (text, title, published ...) from a Parquet corpus."""
    yield from _iter_rows(path, batch_rows)
