-- wirecoder store, migration 2: story clusters, event clusters and feed state.
--
-- A story is a set of articles telling the same story (near duplicates found by MinHash, see
-- wirecoder.ingest.near_dupes); its id is its seed article's id. An event cluster is one
-- real-world event as reported by the articles of one story: the coded events with the same
-- type, modality, date, actors and recipients. Nothing is deleted to deduplicate: every event
-- row stays, and `event_cluster_members` links each to its cluster, so every piece of evidence
-- (article, sentence, offsets) is kept. Counts: mentions = event rows, articles = distinct
-- articles, sources = distinct outlets (article source, else URL host, else article id).
--
-- Membership rows cascade from articles and events: re-ingesting an article drops its
-- memberships, and the next `update_clusters` assigns it again and recounts its story.

CREATE TABLE stories (
    id              TEXT PRIMARY KEY,  -- the seed article's id
    title           TEXT,              -- the seed's title
    seed_published  TEXT,
    first_published TEXT,
    last_published  TEXT,
    articles        INTEGER NOT NULL DEFAULT 0,
    sources         INTEGER NOT NULL DEFAULT 0,
    updated_at      TEXT NOT NULL
);
CREATE INDEX stories_seed_published ON stories (seed_published);

CREATE TABLE story_articles (
    article_id   TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    story_id     TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    similarity   REAL NOT NULL,  -- MinHash Jaccard estimate with the seed; 1.0 for the seed
    clustered_at TEXT NOT NULL
);
CREATE INDEX story_articles_story ON story_articles (story_id);

CREATE TABLE event_clusters (
    id         TEXT PRIMARY KEY,  -- sha1 of the story id and the key below
    story_id   TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    event      TEXT NOT NULL,
    modality   TEXT,
    date       TEXT,
    actors     TEXT NOT NULL DEFAULT '[]',  -- JSON list of actor keys ("THA/GOV", or a name)
    recipients TEXT NOT NULL DEFAULT '[]',
    mode       TEXT,  -- the most frequent mode among the mentions
    place_name TEXT,  -- the most frequent place name among the mentions
    mentions   INTEGER NOT NULL,
    articles   INTEGER NOT NULL,
    sources    INTEGER NOT NULL,
    first_event_id TEXT,  -- the mention in the earliest article, for display
    updated_at TEXT NOT NULL
);
CREATE INDEX event_clusters_story ON event_clusters (story_id);
CREATE INDEX event_clusters_event ON event_clusters (event);
CREATE INDEX event_clusters_date ON event_clusters (date);

CREATE TABLE event_cluster_members (
    event_id   TEXT PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
    cluster_id TEXT NOT NULL REFERENCES event_clusters (id) ON DELETE CASCADE
);
CREATE INDEX event_cluster_members_cluster ON event_cluster_members (cluster_id);

-- `wirecoder watch`: one row per feed URL, for conditional GET and for showing failures.
CREATE TABLE feeds (
    url           TEXT PRIMARY KEY,
    etag          TEXT,
    last_modified TEXT,
    last_checked  TEXT,
    last_ok       TEXT,
    last_status   INTEGER,
    last_error    TEXT,
    failures      INTEGER NOT NULL DEFAULT 0,  -- consecutive failed polls
    entries       INTEGER NOT NULL DEFAULT 0   -- entries coded from this feed, all time
);

-- Feed entries already handled, so a poll codes only new ones (key: entry id, else link).
CREATE TABLE feed_entries (
    feed_url   TEXT NOT NULL,
    entry_key  TEXT NOT NULL,
    article_id TEXT,  -- null when the entry was quarantined
    seen_at    TEXT NOT NULL,
    PRIMARY KEY (feed_url, entry_key)
);
