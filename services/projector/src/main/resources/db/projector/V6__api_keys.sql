-- API keys as the command service announced them (digest and scopes, never the key), so that partners'
-- keys with stats:read, displays:read or campaigns:read can read here (docs/api-keys.md).
CREATE TABLE api_key (
    id              uuid    PRIMARY KEY,
    organisation_id uuid    NOT NULL,
    scopes          text[]  NOT NULL,
    key_hash        text    UNIQUE,
    revoked         boolean NOT NULL DEFAULT false
);
