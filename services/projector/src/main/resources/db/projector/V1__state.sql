-- The projector's read models, in a schema of their own so that a rebuild can drop them whole.
-- What the schedule compiler needs, folded from the domain topics.
CREATE TABLE display (
    id               uuid        PRIMARY KEY,
    organisation_id  uuid        NOT NULL,
    name             text        NOT NULL,
    time_zone        text        NOT NULL,
    tags             text[]      NOT NULL,
    group_ids        uuid[]      NOT NULL,
    paired_at        timestamptz NOT NULL
);
CREATE INDEX display_organisation ON display (organisation_id);
CREATE INDEX display_tags ON display USING gin (tags);
CREATE INDEX display_groups ON display USING gin (group_ids);

CREATE TABLE display_group (
    id              uuid PRIMARY KEY,
    organisation_id uuid NOT NULL,
    name            text NOT NULL
);

CREATE TABLE content (
    id              uuid PRIMARY KEY,
    organisation_id uuid NOT NULL,
    name            text NOT NULL,
    kind            text NOT NULL,
    media_type      text NOT NULL,
    sha256          text NOT NULL,
    object_key      text,
    url             text
);

CREATE TABLE playlist (
    id              uuid  PRIMARY KEY,
    organisation_id uuid  NOT NULL,
    name            text  NOT NULL,
    items           jsonb NOT NULL
);

CREATE TABLE campaign (
    id              uuid    PRIMARY KEY,
    organisation_id uuid    NOT NULL,
    name            text    NOT NULL,
    playlist_id     uuid    NOT NULL,
    targets         jsonb   NOT NULL,
    start_date      date    NOT NULL,
    end_date        date    NOT NULL,
    dayparts        jsonb   NOT NULL,
    priority        integer NOT NULL,
    kind            text    NOT NULL,
    every_weeks     integer NOT NULL,
    state           text    NOT NULL
);
CREATE INDEX campaign_organisation ON campaign (organisation_id, state);

-- Displays whose manifest must be compiled again; the fold that changes a dependency marks them
-- in its own transaction, the manifest workers take them off.
CREATE TABLE manifest_due (
    display_id      uuid        PRIMARY KEY,
    organisation_id uuid        NOT NULL,
    due_since       timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- Who did what and when: one row per event, from the event itself.
CREATE TABLE audit_log (
    event_id        uuid        PRIMARY KEY,
    organisation_id uuid        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    principal       text        NOT NULL,
    type            text        NOT NULL,
    subject         text        NOT NULL,
    data            jsonb       NOT NULL
);
CREATE INDEX audit_log_organisation_time ON audit_log (organisation_id, occurred_at DESC);
