-- Paired displays, their group memberships, and screens waiting to be paired.
CREATE TABLE display (
    id              uuid        PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    name            text        NOT NULL,
    time_zone       text        NOT NULL,
    tags            text[]      NOT NULL DEFAULT '{}',
    -- SHA-256 of the device secret; NULL until the screen has collected its credentials
    secret_hash     bytea       UNIQUE,
    paired_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX display_organisation ON display (organisation_id);
CREATE INDEX display_tags ON display USING gin (tags);

-- Deleting a group or unpairing a display ends its memberships (display_group_deleted and
-- display_unpaired imply it for every consumer).
CREATE TABLE display_group_member (
    display_id      uuid NOT NULL REFERENCES display (id) ON DELETE CASCADE,
    group_id        uuid NOT NULL REFERENCES display_group (id) ON DELETE CASCADE,
    organisation_id uuid NOT NULL REFERENCES organisation (id),
    PRIMARY KEY (display_id, group_id)
);
CREATE INDEX display_group_member_group ON display_group_member (group_id);

-- A screen's request to be paired. The code is unique among live requests and cleared when an
-- operator claims it (single use); the row goes when the screen collects its credentials.
CREATE TABLE pairing_request (
    id              uuid        PRIMARY KEY,
    code            text        UNIQUE,
    secret_hash     bytea       NOT NULL,
    expires_at      timestamptz NOT NULL,
    display_id      uuid        REFERENCES display (id) ON DELETE CASCADE,
    claimed_at      timestamptz
);
CREATE INDEX pairing_request_expiry ON pairing_request (expires_at);
