"""One story from five outlets: one story cluster, and one event per real event counted five times.

The five texts and what they should become are in examples/dupes/ (README.md, expected.json).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirecoder.ingest import read_paths
from wirecoder.store import Store
from wirecoder.store.clusters import (
    cluster_stats,
    event_cluster_evidence,
    list_event_clusters,
    list_stories,
    update_clusters,
)

DUPES = Path(__file__).resolve().parents[2] / "examples" / "dupes"


@pytest.fixture(scope="module")
def dupes_store(pipeline, tmp_path_factory):
    records = list(read_paths([DUPES / "articles"]))
    names = {r.text: Path(r.origin).name for r in records}
    with Store(tmp_path_factory.mktemp("dupes") / "dupes.db") as store:
        store.write_results(r.to_dict() for r in pipeline.extract_many(records))
        summary = update_clusters(store)
        ids = {row["id"]: names[row["text"]] for row in store.read("SELECT id, text FROM articles")}
        yield store, summary, ids


def test_dupes_five_outlets_make_one_story(dupes_store) -> None:
    store, summary, ids = dupes_store
    expected = json.loads((DUPES / "expected.json").read_text(encoding="utf-8"))
    stories = list_stories(store)
    assert sorted(sorted(ids[a] for a in s["article_ids"]) for s in stories) == sorted(
        [sorted(expected["story"]), *([name] for name in expected["other_stories"])])
    big = stories[0]
    assert (big["articles"], big["sources"]) == (5, 5)
    assert (summary.articles, summary.joined) == (6, 4)
    assert update_clusters(store).articles == 0  # nothing new: nothing redone


def test_dupes_each_real_event_is_one_event_with_its_counts(dupes_store) -> None:
    store, _, _ = dupes_store
    expected = json.loads((DUPES / "expected.json").read_text(encoding="utf-8"))
    story_id = list_stories(store)[0]["id"]
    clusters = list_event_clusters(store, story_id=story_id)
    for want in expected["events"]:
        same = [c for c in clusters if (c["event"], c["actors"], c["recipients"]) ==
                (want["event"], want["actors"], want["recipients"])]
        assert len(same) == 1, (want["what"], same)  # one event, not split by date or outlet
        found = same[0]
        assert found["date"] == want["date"], want["what"]
        assert found["articles"] >= want["articles"], (want["what"], found)
        assert found["mentions"] == found["articles"] == found["sources"], want["what"]
        if want["articles"] == 5:
            # Every piece of evidence is kept: five sentences from five articles.
            evidence = event_cluster_evidence(store, found["id"])
            assert len({e["article_id"] for e in evidence}) == 5
            assert all(e["sentence_text"] for e in evidence)


def test_dupes_nothing_is_dropped(dupes_store) -> None:
    store, _, _ = dupes_store
    stats = cluster_stats(store)
    events = store.read("SELECT COUNT(*) AS n FROM events")[0]["n"]
    assert stats["event_mentions"] == events
    assert stats["duplicate_mentions"] == events - stats["event_clusters"] >= 12
    assert (stats["stories"], stats["shared_stories"], stats["shared_articles"]) == (2, 1, 5)
