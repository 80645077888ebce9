-- The content library, playlists and campaigns of an organisation.
CREATE TABLE content (
    id              uuid        PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    name            text        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('image', 'video', 'web')),
    -- 'pending' while a presigned upload has not been confirmed; only 'ready' content is used
    state           text        NOT NULL CHECK (state IN ('pending', 'ready')),
    media_type      text,
    size_bytes      bigint,
    sha256          text,
    object_key      text,
    url             text,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX content_organisation ON content (organisation_id, created_at);

CREATE TABLE playlist (
    id              uuid        PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    name            text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX playlist_organisation ON playlist (organisation_id);

-- Content in a playlist cannot go (RESTRICT): the service refuses first, naming who uses it.
CREATE TABLE playlist_item (
    playlist_id     uuid    NOT NULL REFERENCES playlist (id) ON DELETE CASCADE,
    position        integer NOT NULL,
    content_id      uuid    NOT NULL REFERENCES content (id),
    duration_ms     integer NOT NULL CHECK (duration_ms BETWEEN 1000 AND 86400000),
    PRIMARY KEY (playlist_id, position)
);
CREATE INDEX playlist_item_content ON playlist_item (content_id);

-- Targets and dayparts are stored as the events carry them; the schedule compiler reads events.
CREATE TABLE campaign (
    id               uuid        PRIMARY KEY,
    organisation_id  uuid        NOT NULL REFERENCES organisation (id),
    name             text        NOT NULL,
    playlist_id      uuid        NOT NULL REFERENCES playlist (id),
    targets          jsonb       NOT NULL,
    start_date       date        NOT NULL,
    end_date         date        NOT NULL CHECK (end_date >= start_date),
    dayparts         jsonb       NOT NULL,
    priority         integer     NOT NULL CHECK (priority BETWEEN 0 AND 1000),
    kind             text        NOT NULL CHECK (kind IN ('normal', 'takeover')),
    recurrence_weeks integer     CHECK (recurrence_weeks BETWEEN 1 AND 52),
    state            text        NOT NULL CHECK (state IN ('draft', 'published', 'ended')),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX campaign_organisation ON campaign (organisation_id, state);
CREATE INDEX campaign_playlist ON campaign (playlist_id);
CREATE INDEX campaign_expiry ON campaign (end_date) WHERE state = 'published';
