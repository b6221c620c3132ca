"""Resumable local runs: shards coded on a process pool, each written once, atomically.

An output folder holds, per shard of `shard_size` input records (numbered in input order):

    shard-00000.parquet   the shard's wirecoder/1 rows (written to a temporary name, renamed)
    shard-00000.done      its completion marker (JSON), renamed into place last
    _SUCCESS              written when a whole run has finished (removed when one starts)
    .lock                 held (flock) while a run is going, so two runs never share a folder

A rerun skips every shard whose marker names the same input fingerprint and pipeline version
and whose Parquet file has the row count the marker promises; everything else is coded again.
So a run killed at any instant (even `kill -9` mid-write) and started again ends with exactly
the rows of a clean run. `wirecoder ingest OUT/` loads the folder into the store.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import logging
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from ..ingest.records import DEFAULT_MAX_BYTES, ArticleRecord, Rejected
from .shards import Item, code_shard, parquet_files, read_parquet_records, rows_to_table
from .shards import worker_pipeline as _worker_pipeline

if TYPE_CHECKING:
    from ..pipeline import Pipeline

log = logging.getLogger(__name__)

SHARD_PREFIX = "shard-"
SUCCESS = "_SUCCESS"
LOCK = ".lock"


@dataclass
class ShardTask:
    """One shard's input: plain picklable records, never spaCy objects."""

    index: int
    items: list[Item]
    fingerprint: str

    @property
    def name(self) -> str:
        return f"{SHARD_PREFIX}{self.index:05d}"


@dataclass
class ShardDone:
    """What a finished (or skipped) shard reports back: counts only, not rows."""

    name: str
    rows: int
    not_coded: int
    seconds: float
    skipped: bool = False


@dataclass
class RunSummary:
    output: str
    pipeline: str | None = None
    shards: int = 0
    written: int = 0  # shards coded in this run
    skipped: int = 0  # shards already complete from an earlier run
    rows: int = 0  # rows in the output folder (written + skipped shards)
    not_coded: int = 0  # of the rows written in this run
    removed: int = 0  # stale shards of an earlier, longer input deleted
    seconds: float = 0.0
    shard_times: list[float] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# --- input ----------------------------------------------------------------------------------------

def _is_parquet_input(path: Path) -> bool:
    if path.is_file():
        return path.suffix.lower() == ".parquet"
    if not path.is_dir():
        return False
    visible = [p for p in path.rglob("*") if p.is_file()
               and not any(s.startswith((".", "_")) for s in p.relative_to(path).parts)]
    return bool(visible) and all(p.suffix.lower() == ".parquet" for p in visible)


def iter_items(inputs: Iterable[str | Path], *,
               max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Records from files and folders: Parquet corpora as field dicts, the rest via ingest."""
    from ..ingest import read_paths

    for given in inputs:
        path = Path(given)
        if _is_parquet_input(path):
            for file in parquet_files(path):
                yield from read_parquet_records(file)
        else:
            yield from read_paths([path], max_bytes=max_bytes)


# Derived by us, not given by the input: language_score's last digits can differ between two
# processes (numpy sums), and a fingerprint must not.
_DERIVED = ("language", "language_score")


def _fingerprint(items: list[Item]) -> str:
    """A hash of what the input says about a shard's records."""
    digest = hashlib.sha1()
    for item in items:
        data = item.to_dict() if isinstance(item, (ArticleRecord, Rejected)) else dict(item)
        if isinstance(item, ArticleRecord):
            for key in _DERIVED:
                data.pop(key, None)
        digest.update(type(item).__name__.encode())
        digest.update(json.dumps(data, sort_keys=True, default=str,
                                 ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()


def plan_shards(items: Iterable[Item], shard_size: int) -> Iterator[ShardTask]:
    """Consecutive shards of `shard_size` records; the same input always gives the same plan."""
    it = iter(items)
    index = 0
    while chunk := list(islice(it, shard_size)):
        yield ShardTask(index, chunk, _fingerprint(chunk))
        index += 1


# --- output files ----------------------------------------------------------------------------------

def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_atomic(target: Path, write: Callable[[Any], None]) -> None:
    """Write through a temporary name in the same folder, fsync, then rename over `target`."""
    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    try:
        with open(tmp, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def write_shard(out: Path, task: ShardTask, rows: list[dict[str, Any]], *,
                pipeline: str | None, seconds: float) -> None:
    """Data first, marker last: a marker always describes a complete file."""
    import pyarrow.parquet as pq

    table = rows_to_table(rows)
    # An old marker goes first, so no instant shows a marker beside data it does not describe.
    with contextlib.suppress(FileNotFoundError):
        (out / f"{task.name}.done").unlink()
    _write_atomic(out / f"{task.name}.parquet", lambda fh: pq.write_table(table, fh))
    _fsync_dir(out)  # the data's rename is durable before the marker's can be
    marker = {"shard": task.name, "rows": len(rows), "fingerprint": task.fingerprint,
              "pipeline": pipeline, "seconds": round(seconds, 3),
              "written": datetime.now(UTC).isoformat(timespec="seconds")}
    _write_atomic(out / f"{task.name}.done",
                  lambda fh: fh.write(json.dumps(marker, indent=1).encode("utf-8")))
    _fsync_dir(out)


def shard_marker(out: Path, name: str) -> dict[str, Any] | None:
    """The shard's marker if the shard is complete on disk, else None."""
    import pyarrow.parquet as pq

    try:
        marker = json.loads((out / f"{name}.done").read_text(encoding="utf-8"))
        rows = pq.read_metadata(out / f"{name}.parquet").num_rows
    except Exception:  # missing, half-written or not ours: code the shard again
        return None
    if not isinstance(marker, dict) or marker.get("rows") != rows:
        return None
    return marker


def _clean_temporaries(out: Path) -> None:
    for tmp in out.glob(".*.tmp-*"):
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _remove_stale(out: Path, shards: int) -> int:
    """Delete shards numbered past the end of this input (left by an earlier, longer one)."""
    removed = 0
    for path in out.glob(f"{SHARD_PREFIX}*"):
        stem = path.name.split(".")[0]
        try:
            index = int(stem[len(SHARD_PREFIX):])
        except ValueError:
            continue
        if index >= shards:
            path.unlink()
            removed += path.suffix == ".parquet"
    return removed


@contextlib.contextmanager
def _locked(out: Path) -> Iterator[None]:
    with open(out / LOCK, "a+b") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise ConfigError(f"{out}: another wirecoder run is writing to this folder; wait "
                              "for it or choose another --output", code="E404") from exc
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


# --- workers ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Options:
    out: str
    model: str | None
    batch_size: int
    max_bytes: int
    shard_size: int


def _code_and_write(task: ShardTask, opts: _Options, pipeline: Pipeline | None = None) -> ShardDone:
    pipe = pipeline or _worker_pipeline(opts.model)
    started = time.perf_counter()
    rows = code_shard(task.items, pipeline=pipe, batch_size=opts.batch_size,
                      max_bytes=opts.max_bytes, origin=task.name)
    seconds = time.perf_counter() - started
    write_shard(Path(opts.out), task, rows, pipeline=pipe.version, seconds=seconds)
    return ShardDone(task.name, len(rows), sum(r["status"] != "coded" for r in rows), seconds)


def _init_worker(model: str | None) -> None:
    _worker_pipeline(model)  # load the model once, before the first shard arrives


def _worker_version(model: str | None) -> str:
    return _worker_pipeline(model).version


# --- the runner ----------------------------------------------------------------------------------

def run_local(
    inputs: Sequence[str | Path],
    output: str | Path,
    *,
    processes: int = 1,
    shard_size: int = 500,
    model: str | None = None,
    batch_size: int = 16,
    max_bytes: int = DEFAULT_MAX_BYTES,
    pipeline: Pipeline | None = None,
    on_shard: Callable[[ShardDone], None] | None = None,
) -> RunSummary:
    """Code `inputs` into Parquet shards under `output`, skipping shards already complete.

    inputs: files or folders as `wirecoder ingest` reads them, plus Parquet corpora.
    processes: worker processes (each loads the model once); 1 codes in this process.
    pipeline: a ready Pipeline for processes=1 (tests, notebooks); workers build their own.
    on_shard: called with each ShardDone (skipped or written), e.g. for a progress bar.
    RETURNS (RunSummary): shard and row counts.
    """
    if processes < 1 or shard_size < 1 or batch_size < 1:
        raise ConfigError(f"processes={processes}, shard_size={shard_size} and "
                          f"batch_size={batch_size} must all be at least 1", code="E401")
    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    summary = RunSummary(output=str(out))
    opts = _Options(str(out), pipeline.model_name if pipeline else model, batch_size, max_bytes,
                    shard_size)
    with _locked(out):
        with contextlib.suppress(FileNotFoundError):
            (out / SUCCESS).unlink()
        _clean_temporaries(out)
        if processes == 1:
            pipe = pipeline or _worker_pipeline(model)
            summary.pipeline = pipe.version
            _run(summary, out, opts, on_shard, inputs,
                 lambda task: _code_and_write(task, opts, pipe), window=1)
        else:
            with ProcessPoolExecutor(max_workers=processes, initializer=_init_worker,
                                     initargs=(opts.model,)) as pool:
                summary.pipeline = pool.submit(_worker_version, opts.model).result()
                _run(summary, out, opts, on_shard, inputs,
                     lambda task: pool.submit(_code_and_write, task, opts), window=2 * processes)
        if summary.shards:  # an empty input is more likely a mistake than a wish to wipe
            summary.removed = _remove_stale(out, summary.shards)
        else:
            log.warning("run_local: no input records; %s left as it was", out)
        summary.seconds = round(time.perf_counter() - started, 3)
        _write_atomic(out / SUCCESS, lambda fh: fh.write(
            json.dumps(summary.to_dict(), indent=1).encode("utf-8")))
    log.info("run_local: %d shards (%d written, %d skipped), %d rows in %.1fs", summary.shards,
             summary.written, summary.skipped, summary.rows, summary.seconds)
    return summary


def _run(summary: RunSummary, out: Path, opts: _Options,
         on_shard: Callable[[ShardDone], None] | None, inputs: Sequence[str | Path],
         submit: Callable[[ShardTask], ShardDone | Future[ShardDone]], *, window: int) -> None:
    """Feed shards to `submit`, keeping at most `window` in flight so memory stays flat."""
    pending: deque[ShardDone | Future[ShardDone]] = deque()

    def collect(done: ShardDone) -> None:
        summary.rows += done.rows
        if done.skipped:
            summary.skipped += 1
        else:
            summary.written += 1
            summary.not_coded += done.not_coded
            summary.shard_times.append(round(done.seconds, 3))
        if on_shard is not None:
            on_shard(done)

    for task in plan_shards(iter_items(inputs, max_bytes=opts.max_bytes), opts.shard_size):
        summary.shards += 1
        marker = shard_marker(out, task.name)
        if (marker and marker.get("fingerprint") == task.fingerprint
                and marker.get("pipeline") == summary.pipeline):
            collect(ShardDone(task.name, int(marker["rows"]), 0, 0.0, skipped=True))
            continue
        pending.append(submit(task))
        while len(pending) >= window:
            item = pending.popleft()
            collect(item.result() if isinstance(item, Future) else item)
    while pending:
        item = pending.popleft()
        collect(item.result() if isinstance(item, Future) else item)

