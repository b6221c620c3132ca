"""The resumable local runner: atomic shard files, kill -9 and resume, stale and busy folders."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from scale_data import SHORT_ARTICLES, write_jsonl

from wirecoder.errors import ConfigError
from wirecoder.scale import read_results, run_local
from wirecoder.scale.local import LOCK, SUCCESS, _locked

ROOT = Path(__file__).resolve().parents[2]

RUN = """
import sys
from wirecoder.scale.local import run_local
run_local([sys.argv[1]], sys.argv[2], shard_size=1)
"""
# The rerun and the clean run share one fresh interpreter, so both use the pipeline version
# the killed run used even while someone edits the data tables during a development session.
RESUME = """
import json, sys
from wirecoder.scale.local import run_local
resumed = run_local([sys.argv[1]], sys.argv[2], shard_size=1)
clean = run_local([sys.argv[1]], sys.argv[3], shard_size=1)
print(json.dumps([resumed.to_dict(), clean.to_dict()]))
"""


def _sorted_rows(folder: Path) -> list[dict]:
    return sorted(read_results(folder), key=lambda r: r["article"]["id"])


def _done(folder: Path) -> list[str]:
    return sorted(p.stem for p in folder.glob("shard-*.done"))


def test_local_resumes_after_kill_9_with_the_rows_of_a_clean_run(tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", SHORT_ARTICLES)
    out, clean = tmp_path / "out", tmp_path / "clean"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-c", RUN, str(corpus), str(out)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 240  # the child loads the spaCy model first
        while not _done(out) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        assert proc.poll() is None, proc.stderr.read().decode()[-2000:]
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    finished = _done(out)
    assert 1 <= len(finished) < len(SHORT_ARTICLES)
    assert not (out / SUCCESS).exists()

    rerun = subprocess.run([sys.executable, "-c", RESUME, str(corpus), str(out), str(clean)],
                           env=env, capture_output=True, text=True, timeout=600, check=True)
    resumed, fresh = json.loads(rerun.stdout.strip().splitlines()[-1])
    markers = {p.name: p.read_text() for p in out.glob("shard-*.done")}
    # A shard may have finished as the kill landed, so at least the ones seen.
    assert resumed["skipped"] >= len(finished), (resumed, markers, rerun.stderr[-3000:])
    assert resumed["written"] == len(SHORT_ARTICLES) - resumed["skipped"] >= 1
    assert resumed["rows"] == len(SHORT_ARTICLES) and (out / SUCCESS).exists()
    assert not list(out.glob(".*.tmp-*"))
    assert fresh["written"] == len(SHORT_ARTICLES)
    assert _sorted_rows(out) == _sorted_rows(clean)


def test_local_redoes_broken_changed_and_stale_shards(pipeline, tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", SHORT_ARTICLES[:5])
    out = tmp_path / "out"
    first = run_local([corpus], out, shard_size=2, pipeline=pipeline)
    assert (first.shards, first.written, first.rows) == (3, 3, 5)
    expected = list(read_results(out))

    again = run_local([corpus], out, shard_size=2, pipeline=pipeline)
    assert (again.written, again.skipped) == (0, 3)

    # A half-written temporary file, a data file without its marker, a lying marker.
    (out / ".shard-00000.parquet.tmp-999").write_bytes(b"PAR1 half")
    (out / "shard-00001.done").unlink()
    marker = json.loads((out / "shard-00002.done").read_text())
    (out / "shard-00002.done").write_text(json.dumps({**marker, "rows": 7}))
    repaired = run_local([corpus], out, shard_size=2, pipeline=pipeline)
    assert (repaired.written, repaired.skipped) == (2, 1)
    assert list(read_results(out)) == expected
    assert not (out / ".shard-00000.parquet.tmp-999").exists()

    # Changed input: only the shard whose records changed is coded again; a shorter input
    # leaves no stale shard behind.
    write_jsonl(corpus, [SHORT_ARTICLES[0], SHORT_ARTICLES[1], SHORT_ARTICLES[7]])
    changed = run_local([corpus], out, shard_size=2, pipeline=pipeline)
    assert (changed.shards, changed.skipped, changed.written, changed.removed) == (2, 1, 1, 1)
    assert [r["article"]["title"] for r in read_results(out)] == [
        SHORT_ARTICLES[0]["title"], SHORT_ARTICLES[1]["title"], SHORT_ARTICLES[7]["title"]]


def test_local_refuses_a_folder_another_run_holds(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with _locked(out), pytest.raises(ConfigError, match=r"\[E404\]"):
        run_local([tmp_path / "none.jsonl"], out)
    assert (out / LOCK).exists()


@pytest.mark.parametrize("kwargs", [{"processes": 0}, {"shard_size": 0}, {"batch_size": 0}])
def test_local_rejects_impossible_options(tmp_path: Path, kwargs) -> None:
    with pytest.raises(ConfigError, match=r"\[E401\]"):
        run_local([tmp_path], tmp_path / "out", **kwargs)


def test_local_reads_parquet_corpora_and_quarantines_bad_lines(pipeline, tmp_path: Path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(SHORT_ARTICLES[:2]), tmp_path / "corpus.parquet")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "cut off\n', encoding="utf-8")
    summary = run_local([tmp_path / "corpus.parquet", bad], tmp_path / "out",
                        pipeline=pipeline)
    rows = list(read_results(tmp_path / "out"))
    assert (summary.rows, summary.not_coded) == (3, 1)
    assert [r["status"] for r in rows] == ["coded", "coded", "not_coded"]
    assert rows[2]["reason"].startswith("[E206]")


@pytest.mark.slow
def test_local_pool_of_two_matches_one_process(pipeline, tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", SHORT_ARTICLES)
    pooled = run_local([corpus], tmp_path / "pool", processes=2, shard_size=3)
    single = run_local([corpus], tmp_path / "one", shard_size=3, pipeline=pipeline)
    assert (pooled.shards, pooled.written, pooled.pipeline) == (3, 3, single.pipeline)
    assert list(read_results(tmp_path / "pool")) == list(read_results(tmp_path / "one"))
