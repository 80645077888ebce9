-- What each consumer has applied, by event id. A consumer inserts here in the same transaction
-- as the event's effect, so an event is applied once however often it is delivered.
CREATE TABLE processed_event (
    consumer     text        NOT NULL,
    event_id     uuid        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (consumer, event_id)
);
