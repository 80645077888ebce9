-- The transactional outbox. A command inserts its events here in the same transaction as its
-- state change; the outbox relay streams the inserts from the WAL (pgoutput) to Kafka. Rows are
-- never updated; the relay deletes old ones, which is safe because it reads the WAL, not the table.
CREATE TABLE outbox (
    id           uuid        PRIMARY KEY,          -- the CloudEvent id, consumers' dedup key
    topic        text        NOT NULL,             -- from the topic catalogue
    aggregate_id text        NOT NULL,             -- the Kafka key: order holds per aggregate
    type         text        NOT NULL,
    tenant_id    uuid        NOT NULL,
    payload      jsonb       NOT NULL,             -- the whole CloudEvent, structured JSON
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX outbox_created_at ON outbox (created_at);

-- The relay writes a beat here periodically, so that its replication slot advances (and
-- Postgres can recycle WAL) even while no command writes to the outbox.
CREATE TABLE outbox_heartbeat (
    id      bigserial   PRIMARY KEY,
    beat_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE PUBLICATION vizora_outbox FOR TABLE outbox, outbox_heartbeat WITH (publish = 'insert');
