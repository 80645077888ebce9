-- The rollup the stats API reads (ADR 0015): plays, failed plays and play time per organisation,
-- local day and hour, display, content, campaign and error stage. Hundreds of plays of a display
-- and content in an hour become one row, so ranges over millions of plays read thousands of rows.
-- SummingMergeTree adds rows with the same key up on merge; readers still sum with GROUP BY.
-- It is exact because a play reaches `plays` once (the ingest drops plays already stored before
-- its insert, and a batch is inserted once: its Kafka positions are stored with it).
CREATE TABLE IF NOT EXISTS plays_hourly (
    tenant_id String,
    local_date Date,
    local_hour UInt8,
    display_id String,
    content_id String,
    campaign_id String,
    error_stage String,
    plays UInt64,
    failed UInt64,
    play_time_ms UInt64
) ENGINE = SummingMergeTree
PARTITION BY toYYYYMM(local_date)
ORDER BY (tenant_id, local_date, local_hour, display_id, content_id, campaign_id, error_stage);

-- Plays stored before the rollup existed; skipped when run again (the rollup is not empty then).
-- Runs before the view exists and before the ingest starts, so no play is counted twice.
INSERT INTO plays_hourly
SELECT tenant_id, local_date, local_hour, display_id, content_id, campaign_id, error_stage,
       countIf(outcome != 'failed') AS plays, countIf(outcome = 'failed') AS failed, sum(duration_ms) AS play_time_ms
FROM plays FINAL
WHERE (SELECT count() FROM plays_hourly) = 0
GROUP BY tenant_id, local_date, local_hour, display_id, content_id, campaign_id, error_stage;

CREATE MATERIALIZED VIEW IF NOT EXISTS plays_hourly_mv TO plays_hourly AS
SELECT tenant_id, local_date, local_hour, display_id, content_id, campaign_id, error_stage,
       countIf(outcome != 'failed') AS plays, countIf(outcome = 'failed') AS failed, sum(duration_ms) AS play_time_ms
FROM plays
GROUP BY tenant_id, local_date, local_hour, display_id, content_id, campaign_id, error_stage;
