-- The "planned" side of planned vs actual: every slice of every manifest compiled for a display,
-- kept after the screen moved on (the manifests topic is compacted: only the newest per display
-- stays). Read with FINAL: a manifest read twice replaces its own rows.
CREATE TABLE IF NOT EXISTS planned_slices (
    tenant_id String,
    display_id String,
    manifest_version UInt64,
    compiled_at DateTime,
    slice_start DateTime,
    slice_end DateTime,
    source String,
    campaign_ids Array(String),
    content_ids Array(String),
    ingested_at DateTime
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(slice_start)
ORDER BY (tenant_id, display_id, slice_start, manifest_version)
