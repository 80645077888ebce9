-- Device health from heartbeats (ADR 0015), one row per heartbeat, stored exactly once like plays:
-- the sample id is the heartbeat's event id; values the device did not send are null.
CREATE TABLE IF NOT EXISTS health_samples (
    tenant_id String,
    sample_id String,
    display_id String,
    sent_at DateTime,
    cpu_percent Nullable(Float32),
    memory_percent Nullable(Float32),
    disk_percent Nullable(Float32),
    temperature_celsius Nullable(Float32),
    app_version String,
    screen_on Nullable(UInt8),
    playing_content_id String,
    from_cache Nullable(UInt8),
    kafka_partition UInt16,
    kafka_offset UInt64,
    ingested_at DateTime
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(ingested_at)
ORDER BY (tenant_id, sample_id)
