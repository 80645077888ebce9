-- The newest manifest compiled for each display. The version only grows, across rebuilds too: it
-- is at least the compile time in microseconds since the epoch.
CREATE TABLE manifest (
    display_id      uuid        PRIMARY KEY,
    organisation_id uuid        NOT NULL,
    version         bigint      NOT NULL,
    compiled_at     timestamptz NOT NULL,
    valid_until     timestamptz NOT NULL
);
CREATE INDEX manifest_valid_until ON manifest (valid_until);
