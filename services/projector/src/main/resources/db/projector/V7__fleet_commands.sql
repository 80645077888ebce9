-- Each display's progress with each fleet command, folded from command_issued (one row per display)
-- and the display's command_reported events. Either may be folded first (different keys, so
-- different partitions): a report before its command leaves a row without the command's details,
-- and a state only ever moves forward (sent < delivered < done | failed | refused).
-- 'expired' is not stored: it is a sent or delivered command whose expiry passed.
CREATE TABLE display_command (
    display_id      uuid        NOT NULL,
    command_id      uuid        NOT NULL,
    organisation_id uuid        NOT NULL,
    command         text,
    issued_at       timestamptz,
    expires_at      timestamptz,
    state           text        NOT NULL,
    delivered_at    timestamptz,
    finished_at     timestamptz,
    detail          text,
    screenshot_id   uuid,
    PRIMARY KEY (display_id, command_id)
);
CREATE INDEX display_command_command ON display_command (command_id);
CREATE INDEX display_command_display_issued ON display_command (display_id, issued_at DESC);

-- The newest screenshot of each display, for the fleet view.
CREATE TABLE display_screenshot (
    display_id      uuid        PRIMARY KEY,
    organisation_id uuid        NOT NULL,
    screenshot_id   uuid        NOT NULL,
    taken_at        timestamptz NOT NULL
);
