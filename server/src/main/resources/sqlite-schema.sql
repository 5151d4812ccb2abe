-- The embedded log. Versions hold the history (pruned after the retention period); documents
-- hold each document's current version; distributions remember every distribution id.
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS versions (
    seq           INTEGER PRIMARY KEY,
    document_id   TEXT    NOT NULL,
    revision      INTEGER NOT NULL,
    mode          TEXT    NOT NULL,
    category      TEXT    NOT NULL,
    received_at   INTEGER NOT NULL,
    format        TEXT    NOT NULL,
    advisory_json TEXT    NOT NULL,
    original      BLOB    NOT NULL
);

CREATE TABLE IF NOT EXISTS version_areas (
    seq  INTEGER NOT NULL,
    code TEXT    NOT NULL,
    pref TEXT    NOT NULL,
    PRIMARY KEY (seq, code)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS version_areas_by_code ON version_areas (code, seq);
CREATE INDEX IF NOT EXISTS version_areas_by_pref ON version_areas (pref, seq);

CREATE TABLE IF NOT EXISTS distributions (
    distribution_id TEXT PRIMARY KEY,
    seq             INTEGER NOT NULL,
    document_id     TEXT    NOT NULL,
    revision        INTEGER NOT NULL,
    content_sha256  TEXT    NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS documents (
    document_id TEXT PRIMARY KEY,
    seq         INTEGER NOT NULL,
    revision    INTEGER NOT NULL,
    sender      TEXT    NOT NULL,
    category    TEXT    NOT NULL,
    mode        TEXT    NOT NULL,
    cancelled   INTEGER NOT NULL,
    valid_until INTEGER,
    changed_at  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS document_areas (
    document_id TEXT NOT NULL,
    code        TEXT NOT NULL,
    pref        TEXT NOT NULL,
    PRIMARY KEY (document_id, code)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS document_areas_by_code ON document_areas (code);
CREATE INDEX IF NOT EXISTS document_areas_by_pref ON document_areas (pref);

-- Durable outbound channels: one row per (channel, version) until it is delivered.
CREATE TABLE IF NOT EXISTS outbox (
    channel         TEXT    NOT NULL,
    seq             INTEGER NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT,
    PRIMARY KEY (channel, seq)
) WITHOUT ROWID;
