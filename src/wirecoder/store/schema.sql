-- wirecoder store, migration 1: the whole schema.
--
-- Identity: every coded row's id is derived from the record, never from a counter:
--   articles.id       the article id (sha1 of the normalised text)
--   actors.id         <article id>:<local actor id>          e.g. 3f2a…:a1
--   statements.id     <article id>:<local statement id>
--   events.id         <article id>:<local event id>
--   places.id         <article id>:p<position in the record, from 1>
-- So writing the same record twice produces the same ids, and a rewrite replaces rows in place.
-- `statements.n` and `events.n` are internal integer keys for the FTS5 indexes only; they never
-- appear in query results or exports.
--
-- Every coded-data row carries `pipeline`, the version string of the pipeline that made it.
-- Offsets (`start`, `end`) are Python string indices into articles.text; "end" is an SQL keyword,
-- so quote it in hand-written SQL.

CREATE TABLE schema_version (
    version     INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    applied_at  TEXT NOT NULL
);

CREATE TABLE articles (
    id          TEXT PRIMARY KEY,
    title       TEXT,
    url         TEXT,
    source      TEXT,
    published   TEXT,
    language    TEXT,
    text        TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('coded', 'not_coded')),
    reason      TEXT,
    pipeline    TEXT,
    result_json TEXT NOT NULL,  -- the full wirecoder/1 record, exactly as written
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);

CREATE TABLE actors (
    id         TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,  -- position in the record
    local_id   TEXT NOT NULL,
    name       TEXT NOT NULL,
    kind       TEXT,
    country    TEXT,
    sector     TEXT,
    role       TEXT,
    wikidata   TEXT,
    pipeline   TEXT
);
CREATE INDEX actors_article ON actors (article_id);
CREATE INDEX actors_name ON actors (name);
CREATE INDEX actors_country ON actors (country);

CREATE TABLE mentions (
    actor_id   TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    pipeline   TEXT,
    PRIMARY KEY (actor_id, seq)
);
CREATE INDEX mentions_article ON mentions (article_id);

CREATE TABLE statements (
    n             INTEGER PRIMARY KEY,  -- internal: the FTS5 rowid
    id            TEXT NOT NULL UNIQUE,
    article_id    TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,
    local_id      TEXT NOT NULL,
    speaker_id    TEXT REFERENCES actors (id) ON DELETE SET NULL,  -- null: unnamed source
    speaker_name  TEXT,  -- the speaker actor's name, else speaker_text
    speaker_text  TEXT,
    kind          TEXT,
    cue           TEXT,
    content       TEXT NOT NULL,
    start         INTEGER,
    "end"         INTEGER,
    addressee     TEXT,
    place         TEXT,
    date          TEXT,
    speaker_start INTEGER,
    speaker_end   INTEGER,
    cue_start     INTEGER,
    cue_end       INTEGER,
    pipeline      TEXT
);
CREATE INDEX statements_article ON statements (article_id);
CREATE INDEX statements_speaker ON statements (speaker_id);

CREATE TABLE events (
    n               INTEGER PRIMARY KEY,  -- internal: the FTS5 rowid
    id              TEXT NOT NULL UNIQUE,
    article_id      TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq             INTEGER NOT NULL,
    local_id        TEXT NOT NULL,
    event           TEXT NOT NULL,
    mode            TEXT,
    modality        TEXT,
    contexts        TEXT NOT NULL DEFAULT '[]',  -- JSON list of PLOVER contexts
    actor           TEXT NOT NULL DEFAULT '[]',  -- JSON list of actor row ids
    recipient       TEXT NOT NULL DEFAULT '[]',  -- JSON list of actor row ids
    event_text      TEXT,
    sentence_start  INTEGER,
    sentence_end    INTEGER,
    sentence_text   TEXT,  -- articles.text[sentence_start:sentence_end]
    place_name      TEXT,
    place_geonameid INTEGER,
    place_lat       REAL,
    place_lon       REAL,
    place_country   TEXT,
    place_precision TEXT,
    date            TEXT,
    date_raw        TEXT,
    cameo           TEXT,
    intensity       REAL,
    statement_id    TEXT REFERENCES statements (id) ON DELETE SET NULL,
    confidence      REAL,
    trigger_start   INTEGER,
    trigger_end     INTEGER,
    pipeline        TEXT
);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_event ON events (event);
CREATE INDEX events_date ON events (date);
CREATE INDEX events_statement ON events (statement_id);

CREATE TABLE event_actors (
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    role     TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
    pipeline TEXT,
    PRIMARY KEY (event_id, actor_id, role)
);
CREATE INDEX event_actors_actor ON event_actors (actor_id);

CREATE TABLE places (
    id         TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    name       TEXT NOT NULL,
    geonameid  INTEGER,
    lat        REAL,
    lon        REAL,
    country    TEXT,
    precision  TEXT,
    pipeline   TEXT
);
CREATE INDEX places_article ON places (article_id);
CREATE INDEX places_geonameid ON places (geonameid);

CREATE TABLE place_mentions (
    place_id   TEXT NOT NULL REFERENCES places (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    pipeline   TEXT,
    PRIMARY KEY (place_id, seq)
);
CREATE INDEX place_mentions_article ON place_mentions (article_id);

-- Inputs that were quarantined instead of coded: one row per origin (file, line, URL ...).
CREATE TABLE rejected (
    origin  TEXT PRIMARY KEY,
    code    TEXT NOT NULL,
    reason  TEXT NOT NULL,
    seen_at TEXT NOT NULL
);

-- Inputs skipped as duplicates of an article already seen. No foreign key on original_id: the
-- original may be written later in the same run, or live in another store.
CREATE TABLE duplicates (
    article_id  TEXT NOT NULL,  -- the duplicate's own id (equal to original_id for exact copies)
    origin      TEXT NOT NULL,  -- where the duplicate came from
    original_id TEXT NOT NULL,  -- the article it duplicates
    similarity  REAL,           -- 1.0 for exact copies, MinHash Jaccard estimate otherwise
    seen_at     TEXT NOT NULL,
    PRIMARY KEY (article_id, origin)
);
CREATE INDEX duplicates_original ON duplicates (original_id);

-- Full-text indexes. Both are external-content FTS5 tables over the coded tables, kept in sync
-- by the triggers below, so rewriting or deleting an article updates the index in the same
-- transaction. Porter stemming lets "threatens" find "threatened".
CREATE VIRTUAL TABLE statements_fts USING fts5 (
    content, speaker_name, cue,
    content = 'statements', content_rowid = 'n',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts (rowid, content, speaker_name, cue)
    VALUES (new.n, new.content, new.speaker_name, new.cue);
END;
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, content, speaker_name, cue)
    VALUES ('delete', old.n, old.content, old.speaker_name, old.cue);
END;
CREATE TRIGGER statements_fts_update AFTER UPDATE ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, content, speaker_name, cue)
    VALUES ('delete', old.n, old.content, old.speaker_name, old.cue);
    INSERT INTO statements_fts (rowid, content, speaker_name, cue)
    VALUES (new.n, new.content, new.speaker_name, new.cue);
END;

CREATE VIRTUAL TABLE sentences_fts USING fts5 (
    sentence_text, event,
    content = 'events', content_rowid = 'n',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER sentences_fts_insert AFTER INSERT ON events BEGIN
    INSERT INTO sentences_fts (rowid, sentence_text, event)
    VALUES (new.n, new.sentence_text, new.event);
END;
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON events BEGIN
    INSERT INTO sentences_fts (sentences_fts, rowid, sentence_text, event)
    VALUES ('delete', old.n, old.sentence_text, old.event);
END;
CREATE TRIGGER sentences_fts_update AFTER UPDATE ON events BEGIN
    INSERT INTO sentences_fts (sentences_fts, rowid, sentence_text, event)
    VALUES ('delete', old.n, old.sentence_text, old.event);
    INSERT INTO sentences_fts (rowid, sentence_text, event)
    VALUES (new.n, new.sentence_text, new.event);
END;
