-- Each revocation of a user's access tokens or an API key, kept beside Redis's record of it: Redis
-- keeps nothing across a restart, and what it lost is stored in it again from here (ADR 0044).
-- Rows older than the revocations' keeping time are dropped as new ones come.
CREATE TABLE access_revocation (
    subject       text PRIMARY KEY,
    revoked_at_ms bigint NOT NULL
);
