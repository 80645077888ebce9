-- Keys that sign access tokens. The private half is encrypted (AES-256-GCM) with a secret from
-- the environment; a key signs while it is the newest and verifies until verify_until.
CREATE TABLE signing_key (
    kid           text        PRIMARY KEY,
    sealed_jwk    bytea       NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    verify_until  timestamptz
);

-- Rotating refresh tokens, stored only as SHA-256 hashes. Each use spends a token and issues the
-- next one of its family; presenting a spent token revokes the whole family (theft detection).
CREATE TABLE refresh_token (
    id              uuid        PRIMARY KEY,
    family_id       uuid        NOT NULL,
    user_id         uuid        NOT NULL REFERENCES app_user (id),
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    token_hash      bytea       NOT NULL UNIQUE,
    expires_at      timestamptz NOT NULL,
    spent_at        timestamptz,
    revoked_at      timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refresh_token_family ON refresh_token (family_id);
