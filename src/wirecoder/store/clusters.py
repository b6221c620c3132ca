"""Deduplication in the store, second layer: story clusters and the events they share.

    summary = update_clusters(store)               # assign new articles, recount their stories
    list_event_clusters(store, story_id=...)       # one row per real event, with counts
    event_cluster_evidence(store, cluster_id)      # every event row (sentence, offsets) behind it

Articles are assigned to stories by `ingest.near_dupes.StoryClusterer` (MinHash within a time
window). Within a story, coded events collapse when they share the PLOVER type, the modality,
the actors and the recipients (as *actor keys*) and the date. An undated mention joins the dated
cluster with the same type, modality, actors and recipients when the story gives that event a
single date (one outlet wrote "on Thursday", another did not); with several dates it stays apart.
Nothing is dropped: every event row stays and is linked to its cluster.

An actor key is `COUNTRY/SECTOR` when the actor has a country ("THA/GOV", "RUS/MIL"), which is
the level at which PLOVER and CAMEO data are compared; otherwise the casefolded name.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from itertools import islice
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from ..ingest.near_dupes import StoryClusterer
    from .db import Store

BATCH = 500
# The defaults of ingest.near_dupes, repeated so importing the store stays light.
DEFAULT_THRESHOLD = 0.2
DEFAULT_WINDOW_DAYS = 3
DEFAULT_NUM_PERM = 128


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def actor_key(actor: Mapping[str, Any]) -> str:
    """How an actor is compared across articles (see the module docstring)."""
    country = actor.get("country")
    if country:
        sector = actor.get("sector")
        return f"{country}/{sector}" if sector else str(country)
    return " ".join(str(actor.get("name") or "?").casefold().split())


def source_key(source: str | None, url: str | None, article_id: str) -> str:
    """The outlet an article came from: its source name, else its URL's host, else itself."""
    if source and source.strip():
        return " ".join(source.casefold().split())
    if url:
        host = urlsplit(url).hostname
        if host:
            return host.removeprefix("www.")
    return f"article:{article_id}"


@dataclass
class Mention:
    """One coded event row, as the collapse sees it."""

    event_id: str
    article_id: str
    event: str
    modality: str | None
    date: str | None
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    source: str
    published: str | None = None
    mode: str | None = None
    place_name: str | None = None


@dataclass
class EventCluster:
    """One real event: the mentions that report it, and how many articles and outlets do."""

    id: str
    story_id: str
    event: str
    modality: str | None
    date: str | None
    actors: list[str]
    recipients: list[str]
    mode: str | None
    place_name: str | None
    mentions: int
    articles: int
    sources: int
    first_event_id: str
    event_ids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], v))


def _cluster(story_id: str, key: tuple[Any, ...], date: str | None,
             members: list[Mention]) -> EventCluster:
    event, modality, actors, recipients = key
    ident = json.dumps([story_id, event, modality, date, actors, recipients])
    members = sorted(members, key=lambda m: (m.published or "9999", m.article_id, m.event_id))
    return EventCluster(
        id=hashlib.sha1(ident.encode("utf-8")).hexdigest(),
        story_id=story_id, event=event, modality=modality, date=date,
        actors=list(actors), recipients=list(recipients),
        mode=_most_common(m.mode for m in members),
        place_name=_most_common(m.place_name for m in members),
        mentions=len(members),
        articles=len({m.article_id for m in members}),
        sources=len({m.source for m in members}),
        first_event_id=members[0].event_id,
        event_ids=[m.event_id for m in members],
    )


def collapse_events(story_id: str, mentions: Iterable[Mention]) -> list[EventCluster]:
    """Collapse one story's event mentions into event clusters (see the module docstring)."""
    groups: dict[tuple[Any, ...], list[Mention]] = {}
    for m in mentions:
        key = (m.event, m.modality, tuple(sorted(set(m.actors))),
               tuple(sorted(set(m.recipients))))
        groups.setdefault(key, []).append(m)
    clusters: list[EventCluster] = []
    for key, members in groups.items():
        dates = sorted({m.date for m in members if m.date})
        if len(dates) <= 1:
            clusters.append(_cluster(story_id, key, dates[0] if dates else None, members))
            continue
        by_date: dict[str | None, list[Mention]] = {}
        for m in members:
            by_date.setdefault(m.date, []).append(m)
        clusters += [_cluster(story_id, key, d, ms) for d, ms in by_date.items()]
    clusters.sort(key=lambda c: (c.date or "", c.event, c.actors, c.recipients, c.id))
    return clusters


def mentions_from_results(results: Iterable[Mapping[str, Any]]) -> Iterator[Mention]:
    """Event mentions from wirecoder/1 dicts (for Parquet output, without a store)."""
    for data in results:
        art = data["article"]
        actors = {a["id"]: actor_key(a) for a in data.get("actors", [])}
        source = source_key(art.get("source"), art.get("url"), art["id"])
        for e in data.get("events", []):
            yield Mention(
                event_id=f"{art['id']}:{e['id']}", article_id=art["id"], event=e["event"],
                modality=e.get("modality"), date=e.get("date"),
                actors=tuple(actors[i] for i in e.get("actor", []) if i in actors),
                recipients=tuple(actors[i] for i in e.get("recipient", []) if i in actors),
                source=source, published=art.get("published"), mode=e.get("mode"),
                place_name=(e.get("place") or {}).get("name"))


# --- the store side ----------------------------------------------------------------------------


@dataclass
class ClusterSummary:
    """What one `update_clusters` call did."""

    articles: int = 0  # articles assigned in this call
    new_stories: int = 0
    joined: int = 0  # articles that joined an existing or new story as a near duplicate
    stories_recounted: int = 0
    event_clusters: int = 0  # clusters (re)written for the recounted stories

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _unassigned(conn: sqlite3.Connection) -> Iterator[sqlite3.Row]:
    return conn.execute(
        "SELECT a.id, a.text, a.published FROM articles a WHERE a.status = 'coded' "
        "AND NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id) "
        "ORDER BY a.published IS NULL, a.published, a.id")


def _date_range(conn: sqlite3.Connection) -> tuple[str | None, str | None, bool]:
    row = conn.execute(
        "SELECT MIN(a.published), MAX(a.published), "
        "SUM(a.published IS NULL) FROM articles a WHERE a.status = 'coded' "
        "AND NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id)").fetchone()
    return row[0], row[1], bool(row[2])


def _load_seeds(conn: sqlite3.Connection, clusterer: StoryClusterer) -> None:
    """Existing seeds that new articles could join: dated ones within the window of the new
    articles' dates, undated ones if any new article is undated."""
    from ..ingest.near_dupes import day_number

    low, high, undated = _date_range(conn)
    rows: list[sqlite3.Row] = []
    if low is not None and high is not None:
        lo, hi = day_number(low), day_number(high)
        if lo is not None and hi is not None:
            w = clusterer.window_days
            start = datetime.fromordinal(lo - w).date().isoformat()
            end = datetime.fromordinal(hi + w).date().isoformat()
            rows += conn.execute(
                "SELECT s.id, a.text, a.published FROM stories s JOIN articles a ON a.id = s.id "
                "WHERE s.seed_published BETWEEN ? AND ? ORDER BY s.seed_published, s.id",
                (start, end + "\uffff")).fetchall()
    if undated:
        rows += conn.execute(
            "SELECT s.id, a.text, a.published FROM stories s JOIN articles a ON a.id = s.id "
            "WHERE s.seed_published IS NULL ORDER BY s.id").fetchall()
    for row in rows:
        clusterer.add_seed(row["id"], row["text"], row["published"])


def _story_mentions(conn: sqlite3.Connection, story_id: str) -> list[Mention]:
    rows = conn.execute(
        "SELECT e.id, e.article_id, e.event, e.modality, e.date, e.mode, e.place_name, "
        "e.actor, e.recipient, a.source, a.url, a.published FROM story_articles s "
        "JOIN events e ON e.article_id = s.article_id JOIN articles a ON a.id = s.article_id "
        "WHERE s.story_id = ? ORDER BY a.published, e.article_id, e.seq", (story_id,)).fetchall()
    if not rows:
        return []
    keys = {r["id"]: actor_key(dict(r)) for r in conn.execute(
        "SELECT ac.id, ac.name, ac.country, ac.sector FROM story_articles s "
        "JOIN actors ac ON ac.article_id = s.article_id WHERE s.story_id = ?", (story_id,))}
    out = []
    for r in rows:
        out.append(Mention(
            event_id=r["id"], article_id=r["article_id"], event=r["event"],
            modality=r["modality"], date=r["date"],
            actors=tuple(keys[i] for i in json.loads(r["actor"]) if i in keys),
            recipients=tuple(keys[i] for i in json.loads(r["recipient"]) if i in keys),
            source=source_key(r["source"], r["url"], r["article_id"]),
            published=r["published"], mode=r["mode"], place_name=r["place_name"]))
    return out


def _recount(conn: sqlite3.Connection, story_id: str, stamp: str) -> int:
    """Recount one story and rewrite its event clusters; returns how many clusters."""
    arts = conn.execute(
        "SELECT a.id, a.title, a.published, a.source, a.url FROM story_articles s "
        "JOIN articles a ON a.id = s.article_id WHERE s.story_id = ?", (story_id,)).fetchall()
    conn.execute("DELETE FROM event_clusters WHERE story_id = ?", (story_id,))
    if not arts:  # every member was deleted or re-ingested: the story is empty for now
        conn.execute("DELETE FROM stories WHERE id = ?", (story_id,))
        return 0
    dates = sorted(a["published"] for a in arts if a["published"])
    sources = {source_key(a["source"], a["url"], a["id"]) for a in arts}
    conn.execute(
        "UPDATE stories SET articles = ?, sources = ?, first_published = ?, last_published = ?, "
        "updated_at = ? WHERE id = ?",
        (len(arts), len(sources), dates[0] if dates else None, dates[-1] if dates else None,
         stamp, story_id))
    clusters = collapse_events(story_id, _story_mentions(conn, story_id))
    conn.executemany(
        "INSERT INTO event_clusters (id, story_id, event, modality, date, actors, recipients, "
        "mode, place_name, mentions, articles, sources, first_event_id, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(c.id, c.story_id, c.event, c.modality, c.date, json.dumps(c.actors),
          json.dumps(c.recipients), c.mode, c.place_name, c.mentions, c.articles, c.sources,
          c.first_event_id, stamp) for c in clusters])
    conn.executemany(
        "INSERT INTO event_cluster_members (event_id, cluster_id) VALUES (?, ?) "
        "ON CONFLICT (event_id) DO UPDATE SET cluster_id = excluded.cluster_id",
        [(eid, c.id) for c in clusters for eid in c.event_ids])
    return len(clusters)


def _stale_stories(conn: sqlite3.Connection) -> list[str]:
    """Stories whose counts no longer match their members (an article was re-ingested)."""
    return [r[0] for r in conn.execute(
        "SELECT st.id FROM stories st WHERE st.articles != "
        "(SELECT COUNT(*) FROM story_articles s WHERE s.story_id = st.id) "
        "OR EXISTS (SELECT 1 FROM story_articles s JOIN events e ON e.article_id = s.article_id "
        "WHERE s.story_id = st.id AND NOT EXISTS "
        "(SELECT 1 FROM event_cluster_members m WHERE m.event_id = e.id))")]


def update_clusters(store: Store, *, threshold: float = DEFAULT_THRESHOLD,
                    window_days: int = DEFAULT_WINDOW_DAYS, num_perm: int = DEFAULT_NUM_PERM,
                    rebuild: bool = False) -> ClusterSummary:
    """Assign every coded article not yet in a story, then recount the stories that changed.

    Incremental: only new (or re-ingested) articles are compared, with the seeds within the
    time window of their dates. One transaction per batch of articles, so an interrupted call
    leaves whole batches, and the next call finishes the rest. rebuild=True forgets every
    story first and clusters the whole store again, oldest article first.
    """
    from ..ingest.near_dupes import StoryClusterer

    store.require_writable()
    clusterer = StoryClusterer(threshold=threshold, window_days=window_days, num_perm=num_perm)
    summary = ClusterSummary()
    conn = store.conn
    if rebuild:
        with store.transaction() as tx:
            for table in ("event_cluster_members", "event_clusters", "story_articles", "stories"):
                tx.execute(f"DELETE FROM {table}")  # fixed table names, not input
    _load_seeds(conn, clusterer)
    # Read the new articles up front by id only, then their text batch by batch, so no cursor
    # stays open across our own writes.
    pending = [r["id"] for r in _unassigned(conn)]
    touched: set[str] = set(_stale_stories(conn))
    it = iter(pending)
    while batch := list(islice(it, BATCH)):
        marks = ",".join("?" * len(batch))
        rows = {r["id"]: r for r in conn.execute(
            f"SELECT id, title, text, published FROM articles WHERE id IN ({marks})", batch)}
        stamp = now()
        with store.transaction() as tx:
            for art_id in batch:
                row = rows[art_id]
                a = clusterer.add(art_id, row["text"], row["published"])
                if a.is_seed:
                    tx.execute(
                        "INSERT INTO stories (id, title, seed_published, updated_at) "
                        "VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                        (art_id, row["title"], row["published"], stamp))
                    summary.new_stories += 1
                else:
                    summary.joined += 1
                tx.execute(
                    "INSERT INTO story_articles (article_id, story_id, similarity, clustered_at) "
                    "VALUES (?, ?, ?, ?)", (art_id, a.story_id, a.similarity, stamp))
                touched.add(a.story_id)
                summary.articles += 1
    for chunk in _chunks(sorted(touched), BATCH):
        stamp = now()
        with store.transaction() as tx:
            for story_id in chunk:
                summary.event_clusters += _recount(tx, story_id, stamp)
                summary.stories_recounted += 1
    return summary


def _chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


# --- reads -----------------------------------------------------------------------------------------


def list_stories(store: Store, *, min_articles: int = 1, limit: int = 100,
                 offset: int = 0) -> list[dict[str, Any]]:
    """Stories, largest first, with their member articles' ids."""
    rows = store.read(
        "SELECT * FROM stories WHERE articles >= ? ORDER BY articles DESC, first_published, id "
        "LIMIT ? OFFSET ?", (min_articles, min(limit, 1000), offset))
    out = []
    for r in rows:
        story = dict(r)
        story["article_ids"] = [m["article_id"] for m in store.read(
            "SELECT article_id FROM story_articles WHERE story_id = ? "
            "ORDER BY similarity DESC, article_id", (r["id"],))]
        out.append(story)
    return out


def list_event_clusters(store: Store, *, story_id: str | None = None, limit: int = 100,
                        offset: int = 0) -> list[dict[str, Any]]:
    """Event clusters (one per real event), most reported first; actors as key lists."""
    where, params = ("WHERE story_id = ?", [story_id]) if story_id else ("", [])
    rows = store.read(
        f"SELECT * FROM event_clusters {where} ORDER BY articles DESC, mentions DESC, "
        "date, event, id LIMIT ? OFFSET ?", [*params, min(limit, 1000), offset])
    out = []
    for r in rows:
        item = dict(r)
        item["actors"] = json.loads(item["actors"])
        item["recipients"] = json.loads(item["recipients"])
        out.append(item)
    return out


def event_cluster_evidence(store: Store, cluster_id: str) -> list[dict[str, Any]]:
    """Every event row behind a cluster: article, outlet, trigger and evidence sentence."""
    return [dict(r) for r in store.read(
        "SELECT e.id AS event_id, e.article_id, a.title, a.source, a.url, a.published, "
        "e.event_text, e.sentence_start, e.sentence_end, e.sentence_text, e.trigger_start, "
        "e.trigger_end FROM event_cluster_members m JOIN events e ON e.id = m.event_id "
        "JOIN articles a ON a.id = e.article_id WHERE m.cluster_id = ? "
        "ORDER BY a.published, e.article_id, e.seq", (cluster_id,))]


def cluster_stats(store: Store) -> dict[str, int]:
    """How much duplication the clusters absorbed: shown, never silently dropped."""
    one = store.read(
        "SELECT (SELECT COUNT(*) FROM stories) AS stories, "
        "(SELECT COUNT(*) FROM stories WHERE articles > 1) AS shared_stories, "
        "(SELECT COALESCE(SUM(articles), 0) FROM stories WHERE articles > 1) AS shared_articles, "
        "(SELECT COUNT(*) FROM event_clusters) AS event_clusters, "
        "(SELECT COUNT(*) FROM event_cluster_members) AS event_mentions, "
        "(SELECT COUNT(*) FROM articles WHERE status = 'coded' AND id NOT IN "
        " (SELECT article_id FROM story_articles)) AS unclustered")[0]
    data = dict(one)
    data["duplicate_mentions"] = data["event_mentions"] - data["event_clusters"]
    return data
