-- Proof of play, one row per play (ADR 0015). Plain types only: the Debian server (18.16) and a
-- current ClickHouse both accept this. Ids are strings, absent ones empty; times are UTC.
-- local_date/local_hour: the start in the display's time zone at ingest, for stats by day and hour.
-- A batch is one INSERT with one ingested_at, so it lands in one partition as one part: whole or
-- not at all. kafka_partition/kafka_offset store the consumer's progress with the rows.
-- ReplacingMergeTree by (tenant_id, play_id) is the backstop: a duplicate that ever got in
-- collapses on merge, and FINAL reads exactly.
CREATE TABLE IF NOT EXISTS plays (
    tenant_id String,
    play_id String,
    display_id String,
    sequence UInt64,
    content_id String,
    campaign_id String,
    slice_start DateTime,
    manifest_version UInt64,
    started_at DateTime,
    started_ms UInt16,
    local_date Date,
    local_hour UInt8,
    duration_ms UInt32,
    outcome String,
    from_cache UInt8,
    error_stage String,
    error_detail String,
    kafka_partition UInt16,
    kafka_offset UInt64,
    ingested_at DateTime
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(ingested_at)
ORDER BY (tenant_id, play_id)
