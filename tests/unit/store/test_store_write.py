"""Writes: round trip, idempotence, batches, quarantine, crash recovery."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from wirecoder.errors import ConfigError, StoreError
from wirecoder.model import Result
from wirecoder.store import Store, write


def test_store_round_trip_is_exact(store: Store, results: list[dict[str, Any]]) -> None:
    summary = store.write_results(results, batch_size=3)
    assert (summary.articles, summary.replaced, summary.batches) == (7, 0, 3)
    for r in results:
        assert store.get_result(r["article"]["id"]) == r
    assert store.get_result("no-such-id") is None


def test_store_accepts_result_objects(store: Store, result_factory) -> None:
    data = result_factory(3)
    store.write_results([Result.from_dict(data)])
    assert store.get_result(data["article"]["id"]) == data


def test_store_rows_use_derived_ids(filled: Store, results: list[dict[str, Any]]) -> None:
    art = results[0]["article"]["id"]
    conn = filled.conn
    actor = conn.execute("SELECT * FROM actors WHERE id = ?", (f"{art}:a1",)).fetchone()
    assert (actor["name"], actor["country"], actor["pipeline"]) == (
        "Vladimir Putin",
        "RUS",
        "test-1",
    )
    event = conn.execute("SELECT * FROM events WHERE id = ?", (f"{art}:e1",)).fetchone()
    assert json.loads(event["actor"]) == [f"{art}:a1"]
    assert event["statement_id"] == f"{art}:s1"
    assert event["sentence_text"].startswith("Russian President")
    roles = conn.execute(
        "SELECT actor_id, role FROM event_actors WHERE event_id = ? ORDER BY role", (f"{art}:e1",)
    ).fetchall()
    assert [tuple(r) for r in roles] == [(f"{art}:a1", "actor"), (f"{art}:a4", "recipient")]
    stmt = conn.execute(
        "SELECT speaker_id, speaker_name FROM statements WHERE id = ?", (f"{art}:s2",)
    ).fetchone()
    assert tuple(stmt) == (f"{art}:a2", "Dmitry Peskov")
    mention = conn.execute(
        'SELECT start, "end", text FROM mentions WHERE actor_id = ?', (f"{art}:a1",)
    ).fetchone()
    text = results[0]["article"]["text"]
    assert text[mention["start"] : mention["end"]] == mention["text"] == "Vladimir Putin"
    assert (
        conn.execute(
            "SELECT COUNT(*) FROM place_mentions WHERE place_id = ?", (f"{art}:p1",)
        ).fetchone()[0]
        == 1
    )


def test_store_writing_twice_keeps_counts(
    store: Store, results: list[dict[str, Any]], counts, fts_ok
) -> None:
    store.write_results(results)
    first = counts(store)
    hits = len(store.search_statements("legitimate targets", limit=100))
    summary = store.write_results(results, batch_size=2)
    assert summary.replaced == len(results)
    assert counts(store) == first
    assert len(store.search_statements("legitimate targets", limit=100)) == hits == 6
    fts_ok(store)


def test_store_rewrite_replaces_rows(store: Store, result_factory, counts, fts_ok) -> None:
    old = result_factory(1)
    store.write_results([old])
    new = json.loads(json.dumps(old))
    new["events"] = new["events"][1:]
    new["statements"][0]["content"] = "a wholly different zebra sentence"
    new["events"][0]["statement"] = None
    store.write_results([new])
    assert counts(store)["events"] == 1
    assert store.get_result(old["article"]["id"]) == new
    assert store.search_statements("zebra")
    assert not store.search_statements("legitimate")
    assert not store.search_sentences("THREATEN")
    fts_ok(store)


def test_store_same_article_twice_in_one_batch(store: Store, result_factory, counts) -> None:
    r = result_factory(1)
    summary = store.write_results([r, r])
    assert (summary.articles, summary.replaced) == (2, 1)
    assert counts(store)["articles"] == 1 and counts(store)["events"] == 2


def test_store_has_article(filled: Store, results: list[dict[str, Any]]) -> None:
    art = results[0]["article"]["id"]
    assert filled.has_article(art)
    assert filled.has_article(art, pipeline="test-1")
    assert not filled.has_article(art, pipeline="test-2")
    assert not filled.has_article("0" * 40)


def test_store_rejected_and_duplicates(store: Store, counts) -> None:
    store.write_rejected("feed.xml#3", "E202", "binary content")
    store.write_rejected("feed.xml#3", "E204", "empty document")  # the latest verdict wins
    store.write_duplicate("abc", "b.txt", "abc", similarity=1.0)
    store.write_duplicate("abc", "b.txt", "abc", similarity=1.0)
    assert counts(store)["rejected"] == counts(store)["duplicates"] == 1
    row = store.conn.execute("SELECT code, reason FROM rejected").fetchone()
    assert tuple(row) == ("E204", "empty document")
    with pytest.raises(StoreError, match=r"\[E306\]"):
        store.write_rejected("", "E202", "x")


def test_store_delete_article(filled: Store, results: list[dict[str, Any]], counts) -> None:
    assert filled.delete_article(results[0]["article"]["id"])
    assert not filled.delete_article(results[0]["article"]["id"])
    after = counts(filled)
    assert (after["articles"], after["events"], after["event_actors"]) == (6, 10, 20)


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda r: r.update(schema="other/9"), "schema"),
        (lambda r: r["article"].pop("id"), "KeyError"),
        (lambda r: r["actors"].append(dict(r["actors"][0])), "occurs twice"),
        (lambda r: r.update(status="maybe"), "status"),
        (lambda r: r["events"][0].update(confidence=float("nan")), "ValueError"),
        (lambda r: r.update(events="nope"), "TypeError"),
        (lambda r: r["statements"][0].update(place={"name": "Paris"}), "statements.place"),
    ],
)
def test_store_malformed_record_raises(
    store: Store, result_factory, counts, mutate, message: str
) -> None:
    good, bad = result_factory(1), result_factory(2)
    mutate(bad)
    store.write_results([good])
    with pytest.raises(StoreError, match=rf"\[E306\].*{message}"):
        store.write_results([result_factory(3), bad])
    assert counts(store)["articles"] == 1  # the failing batch wrote nothing


def test_store_malformed_record_can_be_quarantined(store: Store, result_factory, counts) -> None:
    bad = result_factory(2)
    bad["status"] = "maybe"
    summary = store.write_results([result_factory(1), bad, result_factory(3)], on_error="reject")
    assert (summary.articles, summary.rejected) == (2, 1)
    row = store.conn.execute("SELECT origin, code FROM rejected").fetchone()
    assert tuple(row) == (f"result:{bad['article']['id']}", "E212")


def test_store_write_options_are_checked(store: Store, results) -> None:
    with pytest.raises(ConfigError, match=r"\[E401\]"):
        store.write_results(results, batch_size=0)
    with pytest.raises(ConfigError, match=r"\[E401\]"):
        store.write_results(results, on_error="ignore")  # type: ignore[arg-type]


def test_store_failure_inside_a_batch_rolls_back(
    store: Store, results, counts, fts_ok, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls = {"n": 0}
    real = write.insert_rows

    def flaky(conn, rows):
        calls["n"] += 1
        if calls["n"] == 6:  # the second record of the third batch
            raise RuntimeError("disk on fire")
        real(conn, rows)

    monkeypatch.setattr(write, "insert_rows", flaky)
    with pytest.raises(RuntimeError, match="disk on fire"):
        store.write_results(results, batch_size=2)
    assert counts(store)["articles"] == 4  # two whole batches, nothing of the third
    monkeypatch.undo()
    store.write_results(results, batch_size=2)
    with Store(tmp_path / "clean.db") as clean:
        clean.write_results(results)
        assert counts(store) == counts(clean)
    fts_ok(store)


CHILD = """
import json, sys, time
from wirecoder.store import Store, write

records = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8")]
real, calls = write.insert_rows, [0]

def slow(conn, rows):
    real(conn, rows)
    calls[0] += 1
    if calls[0] == 7:  # rows of batch 3 are written but not committed
        print("mid-batch", flush=True)
        time.sleep(60)

write.insert_rows = slow
with Store(sys.argv[1]) as store:
    store.write_results(records, batch_size=3)
"""


def test_store_survives_kill_9_mid_batch(
    tmp_path: Path, results, result_factory, counts, fts_ok
) -> None:
    records = results + [result_factory(n) for n in range(10, 15)]
    source = tmp_path / "records.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = tmp_path / "crash.db"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), str(source)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "mid-batch"
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
        if child.stdout is not None:
            child.stdout.close()

    with Store(db) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        fts_ok(store)
        assert counts(store)["articles"] == 6  # batches 1 and 2 committed, batch 3 lost
        # Resume: skip what is done, write the rest.
        todo = [r for r in records if not store.has_article(r["article"]["id"], "test-1")]
        assert len(todo) == len(records) - 6
        store.write_results(todo, batch_size=3)
        resumed = counts(store)
        store.write_results(records)  # a full rerun changes nothing either
        assert counts(store) == resumed
        fts_ok(store)
    with Store(tmp_path / "clean.db") as clean:
        clean.write_results(records)
        assert resumed == counts(clean)
