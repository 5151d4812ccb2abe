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

-- Durable outbound channels: one row per (channel, version), written with the version. While
-- pending it is the outbox; afterwards it is the receipt (delivered, superseded, expired or
-- abandoned), kept for the history retention period.
CREATE TABLE IF NOT EXISTS deliveries (
    channel          TEXT    NOT NULL,
    seq              INTEGER NOT NULL,
    document_id      TEXT    NOT NULL,
    revision         INTEGER NOT NULL,
    state            TEXT    NOT NULL,
    queued_at        INTEGER NOT NULL,
    first_attempt_at INTEGER,
    delivered_at     INTEGER,
    attempts         INTEGER NOT NULL,
    next_attempt_at  INTEGER NOT NULL,
    last_error       TEXT,
    PRIMARY KEY (channel, seq)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS deliveries_pending ON deliveries (channel, seq) WHERE state = 'pending';
CREATE INDEX IF NOT EXISTS deliveries_by_document ON deliveries (document_id, channel, seq);

-- The outbox of 0.1 (pending rows only) becomes pending deliveries.
CREATE TABLE IF NOT EXISTS outbox (
    channel         TEXT    NOT NULL,
    seq             INTEGER NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT,
    PRIMARY KEY (channel, seq)
) WITHOUT ROWID;
INSERT OR IGNORE INTO deliveries (channel, seq, document_id, revision, state, queued_at, attempts, next_attempt_at,
                                  last_error)
    SELECT o.channel, o.seq, v.document_id, v.revision, 'pending', v.received_at, o.attempts, o.next_attempt_at,
           o.last_error
    FROM outbox o JOIN versions v ON v.seq = o.seq;
DROP TABLE outbox;

-- Media receivers added through the admin API (those from the configuration file are not stored).
CREATE TABLE IF NOT EXISTS receivers (
    id         TEXT PRIMARY KEY,
    definition TEXT    NOT NULL,
    created_at INTEGER NOT NULL
) WITHOUT ROWID;

-- WebSub subscriptions to the feeds, with their leases.
CREATE TABLE IF NOT EXISTS websub_subscriptions (
    callback   TEXT    NOT NULL,
    topic      TEXT    NOT NULL,
    secret     TEXT,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (callback, topic)
) WITHOUT ROWID;

-- Written and deleted in one transaction by a writer whose writes failed, to learn when the
-- file takes writes again; empty otherwise.
CREATE TABLE IF NOT EXISTS write_probe (
    id   INTEGER PRIMARY KEY,
    data BLOB NOT NULL
);

-- SHA-256 of each SOAP UsernameToken nonce (user and nonce) accepted within the replay window,
-- so that a captured token cannot be replayed after a restart; expired rows are deleted.
CREATE TABLE IF NOT EXISTS soap_nonces (
    nonce_sha256 TEXT    PRIMARY KEY,
    expires_at   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS soap_nonces_by_expiry ON soap_nonces (expires_at);

-- Every accepted revision of every document, never pruned with the history: what an output
-- needs to reference an earlier revision (CAP Update and Cancel reference the alerts emitted for
-- them by sender code, document id, revision and report time), and where it was published (mode,
-- category and the target area codes, space-separated: MQTT clears the retained state a revision
-- left in areas its successor no longer names). Filled from the versions still held when the
-- table is new.
CREATE TABLE IF NOT EXISTS revisions (
    document_id TEXT    NOT NULL,
    revision    INTEGER NOT NULL,
    sender_code TEXT    NOT NULL,
    report_time TEXT    NOT NULL,
    mode        TEXT,
    category    TEXT,
    areas       TEXT,
    PRIMARY KEY (document_id, revision)
) WITHOUT ROWID;
INSERT OR IGNORE INTO revisions (document_id, revision, sender_code, report_time, mode, category, areas)
    SELECT document_id, revision, json_extract(advisory_json, '$.sender.code'),
           json_extract(advisory_json, '$.reportTime'), json_extract(advisory_json, '$.mode'),
           json_extract(advisory_json, '$.category'),
           (SELECT group_concat(json_extract(area.value, '$.code'), ' ')
            FROM json_each(advisory_json, '$.areas') AS area)
    FROM versions
    WHERE json_extract(advisory_json, '$.reportTime') IS NOT NULL
      AND json_extract(advisory_json, '$.sender.code') IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM revisions);
