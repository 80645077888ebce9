-- Screenshots displays upload (fleet command 'screenshot'): requested with a presigned upload URL,
-- taken once the display confirms the upload and the image checks out. They go with the display.
CREATE TABLE screenshot (
    id              uuid        PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    display_id      uuid        NOT NULL REFERENCES display (id) ON DELETE CASCADE,
    command_id      uuid,
    object_key      text        NOT NULL,
    requested_at    timestamptz NOT NULL DEFAULT now(),
    taken_at        timestamptz,
    size_bytes      bigint
);
CREATE INDEX screenshot_display_taken ON screenshot (display_id, taken_at DESC);
