-- Partner systems' API keys: shown once at creation, kept only as SHA-256 hashes, revocable.
CREATE TABLE api_key (
    id              uuid        PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    name            text        NOT NULL,
    scopes          text[]      NOT NULL,
    key_hash        bytea       NOT NULL UNIQUE,
    created_by      uuid        NOT NULL REFERENCES app_user (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    revoked_at      timestamptz
);
CREATE INDEX api_key_organisation ON api_key (organisation_id);
