"""The `wirecoder` command end to end: extract, ingest (idempotent, resumable), bad input."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirecoder.cli import app

runner = CliRunner()

UNSEEN_JSONL = {
    "id": "wire-0042",
    "published": "2025-06-14",
    "title": "Ministers meet as border dispute simmers",
    "text": (
        "NAIROBI (Test Wire) - Kenya's foreign minister met his Ugandan counterpart in Nairobi "
        "on Friday to ease tension over the disputed island, officials said.\n\n"
        "\u201cWe have agreed that dialogue is the only road,\u201d Kenyan Foreign Minister "
        "Musalia Mudavadi told reporters after the talks.\n\n"
        "Police in Kampala arrested twelve protesters on Thursday, Ugandan media reported. "
        "The opposition condemned the arrests and urged the government to release them."
    ),
}


def counts(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "actors", "statements", "events", "places")}
    finally:
        con.close()


def test_cli_help_has_an_example_for_every_command() -> None:
    for command in ("extract", "ingest", "search", "export", "stats", "eval", "bench"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0, result.output
        assert "Example: wirecoder " + command in " ".join(result.output.split())


def test_cli_extract_prints_a_record_for_an_unseen_jsonl_line(tmp_path: Path) -> None:
    src = tmp_path / "one.jsonl"
    src.write_text(json.dumps(UNSEEN_JSONL) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(src)])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout.strip().splitlines()[0])
    assert record["schema"] == "wirecoder/1"
    assert record["article"]["id"] == "wire-0042"
    assert record["actors"] and record["statements"] and record["events"]
    text = record["article"]["text"]
    for s in record["statements"]:
        assert text[s["start"] : s["end"]] == s["content"]


def test_cli_extract_keeps_input_order(tmp_path: Path, root: Path) -> None:
    files = sorted((root / "examples" / "articles").glob("*.txt"))[:3]
    result = runner.invoke(app, ["extract", *map(str, reversed(files))])
    titles = [json.loads(line)["article"]["title"] for line in result.stdout.splitlines()]
    expected = [f.read_text().split("title:", 1)[1].split("\n", 1)[0].strip()
                for f in reversed(files)]
    assert titles == expected


def test_cli_ingest_twice_changes_nothing(tmp_path: Path, root: Path) -> None:
    db = tmp_path / "w.db"
    first = runner.invoke(app, ["ingest", str(root / "examples" / "articles"), "--db", str(db)])
    assert first.exit_code == 0, first.output
    before = counts(db)
    assert before["articles"] >= 5 and before["events"] > 0
    second = runner.invoke(app, ["ingest", str(root / "examples" / "articles"), "--db", str(db)])
    assert second.exit_code == 0
    assert counts(db) == before
    assert "already stored" in second.output


@pytest.mark.slow
def test_cli_ingest_killed_midway_resumes_to_the_same_counts(tmp_path: Path, root: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    lines = []
    for i, path in enumerate(sorted((root / "examples" / "articles").glob("*.txt")) * 3):
        body = path.read_text(encoding="utf-8").split("---", 2)[2].strip()
        lines.append(json.dumps({"id": f"doc-{i}", "text": f"{body}\n\nCopy {i}.",
                                 "published": "2025-01-01"}))
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    clean, killed = tmp_path / "clean.db", tmp_path / "killed.db"
    cmd = [sys.executable, "-m", "wirecoder", "ingest", str(corpus), "--batch-size", "2"]
    subprocess.run([*cmd, "--db", str(clean)], check=True, capture_output=True)
    proc = subprocess.Popen([*cmd, "--db", str(killed)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline:  # kill once some, but not all, batches are committed
        time.sleep(0.2)
        if killed.exists():
            try:
                n = counts(killed)["articles"]
            except sqlite3.Error:
                continue
            if n >= 4:
                break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert counts(killed)["articles"] < len(lines)
    subprocess.run([*cmd, "--db", str(killed)], check=True, capture_output=True)
    assert counts(killed) == counts(clean)


def test_cli_bad_input_is_quarantined_and_good_records_are_coded(tmp_path: Path) -> None:
    bad = tmp_path / "inbox"
    bad.mkdir()
    (bad / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (bad / "latin1.txt").write_bytes(
        "Le ministre fran\xe7ais a d\xe9clar\xe9 vendredi.".encode("latin-1"))
    (bad / "empty.txt").write_text("", encoding="utf-8")
    (bad / "huge.txt").write_text("word " * 1_100_000, encoding="utf-8")  # 5.5 MB
    good = dict(UNSEEN_JSONL)
    (bad / "mixed.jsonl").write_text(
        json.dumps(good) + "\n{not json at all\n"
        + json.dumps({**good, "id": "wire-0043", "text": good["text"] + " More."}) + "\n",
        encoding="utf-8")
    (bad / "german.txt").write_text(
        "Der deutsche Außenminister sagte am Freitag in Berlin, die Regierung werde die "
        "Sanktionen gegen Russland verlängern. Die Opposition kritisierte den Plan scharf.",
        encoding="utf-8")
    (bad / "nav.html").write_text(
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a> "
        "<a href='/sport'>Sport</a></nav></body></html>", encoding="utf-8")
    db = tmp_path / "w.db"
    # Something already stored must survive a bad run.
    keep = tmp_path / "keep.jsonl"
    keep.write_text(json.dumps({**good, "id": "keep-1"}) + "\n", encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(keep), "--db", str(db)]).exit_code == 0

    result = runner.invoke(app, ["ingest", str(bad), "--db", str(db)])
    assert result.exit_code == 1
    output = " ".join(result.output.split())
    for reason in ("E202", "E204", "E205", "E206", "E207", "E211"):
        assert reason in output, reason
    con = sqlite3.connect(db)
    ids = {row[0] for row in con.execute("SELECT id FROM articles WHERE status = 'coded'")}
    assert {"keep-1", "wire-0042", "wire-0043"} <= ids
    rejected = {row[0] for row in con.execute("SELECT code FROM rejected")}
    assert {"E202", "E204", "E205", "E206", "E207"} <= rejected
    con.close()


def test_cli_search_survives_hostile_queries(tmp_path: Path) -> None:
    src = tmp_path / "one.jsonl"
    src.write_text(json.dumps(UNSEEN_JSONL) + "\n", encoding="utf-8")
    db = tmp_path / "w.db"
    runner.invoke(app, ["ingest", str(src), "--db", str(db)])
    found = runner.invoke(app, ["search", "dialogue", "--db", str(db), "--json"])
    assert found.exit_code == 0
    assert "dialogue" in found.stdout
    for query in ['"', "a AND", "NEAR(", "*", ")(", "<script>alert(1)</script>", "x" * 5000]:
        result = runner.invoke(app, ["search", query, "--db", str(db)])
        assert result.exit_code == 0, (query, result.output)


def test_cli_export_and_stats(tmp_path: Path) -> None:
    src = tmp_path / "one.jsonl"
    src.write_text(json.dumps(UNSEEN_JSONL) + "\n", encoding="utf-8")
    db = tmp_path / "w.db"
    runner.invoke(app, ["ingest", str(src), "--db", str(db)])
    jsonl = runner.invoke(app, ["export", "--format", "jsonl", "--db", str(db)])
    assert json.loads(jsonl.stdout.splitlines()[0])["article"]["id"] == "wire-0042"
    csv_out = tmp_path / "events.csv"
    assert runner.invoke(app, ["export", "--format", "csv", "--db", str(db), "-o",
                               str(csv_out)]).exit_code == 0
    assert csv_out.read_text(encoding="utf-8").count("\n") >= 2
    pq = tmp_path / "events.parquet"
    assert runner.invoke(app, ["export", "--format", "parquet", "--db", str(db), "-o",
                               str(pq)]).exit_code == 0
    stats = runner.invoke(app, ["stats", "--db", str(db), "--json"])
    assert json.loads(stats.stdout)


def test_cli_ingest_streams_every_article_through_one_coding_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A worker pool per stored batch would reload the model on every batch; the whole run
    # must be one stream (one pool), stored a transaction at a time as results arrive.
    from wirecoder.pipeline import Pipeline

    calls: list[dict[str, int]] = []
    original = Pipeline.extract_many

    def counting(self, records, *, processes=1, batch_size=16):
        calls.append({"processes": processes, "batch_size": batch_size})
        yield from original(self, records, processes=1, batch_size=batch_size)

    monkeypatch.setattr(Pipeline, "extract_many", counting)
    src = tmp_path / "many.jsonl"
    lines = [dict(UNSEEN_JSONL, id=f"wire-{n}", text=UNSEEN_JSONL["text"] + f" Report {n}.")
             for n in range(7)]
    src.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    db = tmp_path / "w.db"
    result = runner.invoke(app, ["ingest", str(src), "--db", str(db), "--batch-size", "2",
                                 "--processes", "2"])
    assert result.exit_code == 0, result.output
    assert calls == [{"processes": 2, "batch_size": 2}]
    assert counts(db)["articles"] == 7


def test_cli_broken_user_table_stops_the_run_before_any_article(tmp_path: Path) -> None:
    # A duplicate row in a user's table must stop the run once, naming file and line, and leave
    # the store untouched, so the same command codes everything once the table is mended.
    data = tmp_path / "data"
    data.mkdir()
    (data / "cue_nouns.tsv").write_text("lemma\tverbs\nremark\tmake\nRemark\tmake\n",
                                        encoding="utf-8")
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(json.dumps(UNSEEN_JSONL) + "\n", encoding="utf-8")
    db = tmp_path / "store.db"
    env = {**os.environ, "WIRECODER_DATA": str(data), "COLUMNS": "400"}
    cmd = [sys.executable, "-m", "wirecoder", "ingest", str(corpus), "--db", str(db)]
    broken = subprocess.run(cmd, env=env, capture_output=True, text=True)
    assert broken.returncode == 2
    assert "E106" in broken.stderr and "cue_nouns.tsv line 3" in broken.stderr
    assert not db.exists() or counts(db)["articles"] == 0
    (data / "cue_nouns.tsv").write_text("lemma\tverbs\nremark\tmake\n", encoding="utf-8")
    mended = subprocess.run(cmd, env=env, capture_output=True, text=True)
    assert mended.returncode == 0, mended.stderr
    assert counts(db)["articles"] == 1 and counts(db)["events"] >= 1
