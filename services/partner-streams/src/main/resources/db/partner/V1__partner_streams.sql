-- Partner streams (ADR 0016), in the service's own schema: API keys as partners present them, each organisation's public events
-- numbered without gaps, webhook subscriptions with their delivery position, dead letters.
CREATE TABLE partner_key (
    id              uuid    PRIMARY KEY,
    organisation_id uuid    NOT NULL,
    scopes          text[]  NOT NULL,
    key_hash        text    UNIQUE,
    revoked         boolean NOT NULL DEFAULT false
);

-- The last position handed out per organisation; its row lock orders concurrent appends, so a
-- reader never sees position n+1 committed before n.
CREATE TABLE partner_feed_head (
    organisation_id uuid   PRIMARY KEY,
    position        bigint NOT NULL
);

CREATE TABLE partner_event (
    organisation_id uuid        NOT NULL,
    position        bigint      NOT NULL,
    event_id        uuid        NOT NULL UNIQUE,
    type            text        NOT NULL,
    event           text        NOT NULL,
    appended_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organisation_id, position)
);

CREATE TABLE webhook (
    id              uuid        PRIMARY KEY,
    organisation_id uuid        NOT NULL,
    url             text        NOT NULL,
    secret          text        NOT NULL,
    types           text[],
    created_at      timestamptz NOT NULL DEFAULT now(),
    -- delivered (or dead-lettered) every event of the organisation up to here
    position        bigint      NOT NULL,
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text
);
CREATE INDEX webhook_organisation ON webhook (organisation_id);

CREATE TABLE webhook_dead_letter (
    id              uuid        PRIMARY KEY,
    webhook_id      uuid        NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    organisation_id uuid        NOT NULL,
    position        bigint      NOT NULL,
    event_id        uuid        NOT NULL,
    type            text        NOT NULL,
    attempts        int         NOT NULL,
    last_error      text        NOT NULL,
    failed_at       timestamptz NOT NULL DEFAULT now(),
    redelivered_at  timestamptz,
    UNIQUE (webhook_id, position)
);
