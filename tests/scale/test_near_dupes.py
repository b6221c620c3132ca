"""Near-duplicate story clusters (MinHash/LSH) and the event collapse, without the NLP model."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from wirecoder.errors import ConfigError
from wirecoder.ingest.near_dupes import StoryClusterer, cluster_articles, story_features
from wirecoder.model import Actor, Article, Event, Result, Span
from wirecoder.store import Store
from wirecoder.store.clusters import (
    Mention,
    actor_key,
    cluster_stats,
    collapse_events,
    list_event_clusters,
    list_stories,
    mentions_from_results,
    source_key,
    update_clusters,
)

STORY = (
    "Fishermen from Ghana were detained by the navy of Togo near the maritime border on Monday, "
    "officials in Accra said. Ghana accused Togo of seizing three boats and twenty crew. "
    "\"Our fishermen were in our waters,\" the Ghanaian fisheries minister told reporters. "
    "Togo said the boats had crossed the line and would be released after a fine is paid."
)
REWRITE = (
    "The Togolese navy detained twenty crew and three boats from Ghana near the maritime "
    "border on Monday. Ghana accused Togo of seizing the boats in Ghanaian waters, and the "
    "fisheries minister told reporters: \"Our fishermen were in our waters.\" Officials in Lome "
    "said the boats would be released after a fine is paid."
)
OTHER = (
    "Parliament in Oslo approved a budget on Tuesday that raises spending on rail lines and "
    "hospitals, after the governing parties agreed a compromise with the opposition over taxes "
    "on electricity and fuel."
)


def art(i: str, text: str, published: str | None = "2025-03-03") -> dict:
    return {"id": i, "text": text, "published": published}


def test_near_dupes_features_ignore_case_and_stop_words() -> None:
    features = story_features("The Navy of TOGO detained the boats")
    assert {"navy", "togo", "detained", "boats", "navy togo"} <= features
    assert "the" not in features and "of" not in features


def test_near_dupes_rewrites_join_and_other_stories_do_not() -> None:
    found = cluster_articles([art("b", REWRITE), art("a", STORY), art("c", OTHER)])
    by_id = {a.article_id: a for a in found}
    assert by_id["a"].is_seed and by_id["a"].similarity == 1.0
    assert by_id["b"].story_id == "a" and 0.2 <= by_id["b"].similarity < 1.0
    assert by_id["c"].is_seed


def test_near_dupes_order_of_input_does_not_matter() -> None:
    items = [art("x", STORY), art("y", REWRITE, "2025-03-04"), art("z", OTHER)]
    assert cluster_articles(items) == cluster_articles(list(reversed(items)))


@pytest.mark.parametrize(("second", "joins"), [
    ("2025-03-06", True),   # three days later: inside the window
    ("2025-03-07", False),  # four days later: a new story
    (None, False),          # undated only matches undated
])
def test_near_dupes_time_window(second: str | None, joins: bool) -> None:
    clusterer = StoryClusterer(window_days=3)
    clusterer.add("a", STORY, "2025-03-03")
    assert (clusterer.add("b", REWRITE, second).story_id == "a") is joins


def test_near_dupes_undated_articles_cluster_together() -> None:
    found = cluster_articles([art("a", STORY, None), art("b", REWRITE, None)])
    assert [a.story_id for a in found] == ["a", "a"]


def test_near_dupes_old_seeds_are_evicted() -> None:
    clusterer = StoryClusterer(window_days=1)
    clusterer.add("old", STORY, "2025-01-01")
    clusterer.add("new", OTHER, "2025-01-10")
    assert len(clusterer) == 1  # memory stays flat on an endless stream


@pytest.mark.parametrize("kwargs", [{"threshold": 0}, {"threshold": 1.5}, {"window_days": -1},
                                    {"num_perm": 8}])
def test_near_dupes_rejects_impossible_options(kwargs) -> None:
    with pytest.raises(ConfigError, match=r"\[E401\]"):
        StoryClusterer(**kwargs)


# --- event collapse ------------------------------------------------------------------------


def mention(n: int, **kw) -> Mention:
    base = {"event_id": f"e{n}", "article_id": f"art{n}", "event": "COERCE",
            "modality": "asserted", "date": "2025-03-03", "actors": ("TGO/MIL",),
            "recipients": ("GHA/CVL",), "source": f"outlet{n}"}
    return Mention(**{**base, **kw})


def test_collapse_counts_mentions_articles_and_sources() -> None:
    mentions = [mention(1), mention(2), mention(3, source="outlet2"),
                mention(4, article_id="art1", event_id="e4", source="outlet1")]
    [cluster] = collapse_events("s", mentions)
    assert (cluster.mentions, cluster.articles, cluster.sources) == (4, 3, 2)
    assert sorted(cluster.event_ids) == ["e1", "e2", "e3", "e4"]


def test_collapse_undated_mention_joins_the_single_date() -> None:
    [cluster] = collapse_events("s", [mention(1), mention(2, date=None)])
    assert (cluster.date, cluster.mentions) == ("2025-03-03", 2)


def test_collapse_keeps_different_dates_types_modalities_and_parties_apart() -> None:
    clusters = collapse_events("s", [
        mention(1), mention(2, date="2025-03-04"), mention(3, date=None),
        mention(4, event="ASSAULT"), mention(5, modality="negated"),
        mention(6, recipients=("GHA/GOV",)), mention(7, actors=("TGO/GOV", "TGO/MIL")),
        mention(8, actors=("TGO/MIL", "TGO/GOV")),  # order of actors does not matter
    ])
    sizes = {(c.event, c.modality, c.date, c.mentions) for c in clusters}
    assert len(clusters) == 7
    assert ("COERCE", "asserted", None, 1) in sizes  # ambiguous: two dates to choose from
    assert [c.mentions for c in clusters if c.actors == ["TGO/GOV", "TGO/MIL"]] == [2]
    assert len({c.id for c in clusters}) == 7


def test_collapse_ids_are_stable() -> None:
    first = collapse_events("s", [mention(1), mention(2)])
    again = collapse_events("s", [mention(2), mention(1)])
    assert [c.id for c in first] == [c.id for c in again]
    assert first[0].first_event_id == again[0].first_event_id


@pytest.mark.parametrize(("actor", "key"), [
    ({"name": "Togo", "country": "TGO", "sector": "GOV"}, "TGO/GOV"),
    ({"name": "Togolese navy", "country": "TGO", "sector": None}, "TGO"),
    ({"name": "  The   Fishermen ", "country": None}, "the fishermen"),
])
def test_collapse_actor_keys(actor, key) -> None:
    assert actor_key(actor) == key


def test_collapse_source_keys() -> None:
    assert source_key(" Harbour  Daily ", None, "x") == "harbour daily"
    assert source_key(None, "https://www.example.org/a", "x") == "example.org"
    assert source_key(None, None, "x") == "article:x"


# --- the store -----------------------------------------------------------------------------


def result(text: str, published: str | None, source: str, *, event: str = "COERCE",
           date: str | None = "2025-03-03") -> dict:
    art_id = hashlib.sha1(text.encode()).hexdigest()
    actors = [Actor("a1", "Togo", "country", "TGO", "GOV"),
              Actor("a2", "Ghana", "country", "GHA", "GOV")]
    start = text.index("Ghana accused") if "Ghana accused" in text else 0
    events = [Event("e1", event, "seize", "asserted", [], ["a1"], ["a2"], "detained",
                    Span(0, text.index(".") + 1), date=date),
              Event("e2", "ACCUSE", None, "asserted", [], ["a2"], ["a1"], "accused",
                    Span(start, start + 10), date=None)]
    return Result(Article(art_id, None, text, published, source=source), actors=actors,
                  events=events).to_dict()


def test_store_clusters_incrementally_and_rebuilds(tmp_path: Path) -> None:
    with Store(tmp_path / "c.db") as store:
        store.write_results([result(STORY, "2025-03-03", "One"), result(OTHER, "2025-03-03",
                                                                        "Two")])
        first = update_clusters(store)
        assert (first.articles, first.new_stories, first.joined) == (2, 2, 0)
        store.write_results([result(REWRITE, "2025-03-04", "Three")])
        second = update_clusters(store)
        assert (second.articles, second.joined, second.stories_recounted) == (1, 1, 1)
        [big] = list_stories(store, min_articles=2)
        assert (big["articles"], big["sources"]) == (2, 2)
        counts = sorted((c["event"], c["articles"]) for c in list_event_clusters(
            store, story_id=big["id"]))
        assert counts == [("ACCUSE", 2), ("COERCE", 2)]
        stats = cluster_stats(store)
        assert (stats["duplicate_mentions"], stats["unclustered"]) == (2, 0)

        # Re-ingesting an article drops its memberships; the next update restores them.
        store.write_results([result(REWRITE, "2025-03-04", "Three")])
        assert cluster_stats(store)["unclustered"] == 1
        update_clusters(store)
        assert [c["articles"] for c in list_event_clusters(store, story_id=big["id"])] == [2, 2]

        before = list_event_clusters(store)
        rebuilt = update_clusters(store, rebuild=True)
        assert rebuilt.articles == 3
        assert list_event_clusters(store) == [
            {**c, "updated_at": after["updated_at"]}
            for c, after in zip(before, list_event_clusters(store), strict=True)]


def test_store_clusters_from_results_without_a_store() -> None:
    rows = [result(STORY, "2025-03-03", "One"), result(REWRITE, "2025-03-04", "Three")]
    clusters = collapse_events("s", mentions_from_results(rows))
    assert sorted((c.event, c.articles, c.sources) for c in clusters) == [
        ("ACCUSE", 2, 2), ("COERCE", 2, 2)]


def test_store_cluster_defaults_are_the_clusterers() -> None:
    from wirecoder.ingest import near_dupes
    from wirecoder.store import clusters

    assert (clusters.DEFAULT_THRESHOLD, clusters.DEFAULT_WINDOW_DAYS, clusters.DEFAULT_NUM_PERM) \
        == (near_dupes.DEFAULT_THRESHOLD, near_dupes.DEFAULT_WINDOW_DAYS,
            near_dupes.DEFAULT_NUM_PERM)
