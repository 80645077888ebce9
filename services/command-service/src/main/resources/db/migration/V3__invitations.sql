-- Invited users have no password until they accept; the invitation is a one-time token kept
-- only as a SHA-256 hash.
ALTER TABLE app_user ADD COLUMN status text NOT NULL DEFAULT 'active' CHECK (status IN ('invited', 'active'));
ALTER TABLE app_user ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE app_user ADD CONSTRAINT app_user_active_has_password CHECK (status = 'invited' OR password_hash IS NOT NULL);

CREATE TABLE invitation (
    token_hash  bytea       PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES app_user (id),
    expires_at  timestamptz NOT NULL,
    accepted_at timestamptz
);
