-- Organisations (tenants) and their users. Every later table carries organisation_id.
CREATE TABLE organisation (
    id         uuid        PRIMARY KEY,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app_user (
    id              uuid        PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    email           text        NOT NULL,
    display_name    text        NOT NULL,
    role            text        NOT NULL CHECK (role IN ('owner', 'admin', 'editor', 'viewer')),
    password_hash   text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
-- one account per email address across Vizora: it is what a user logs in with
CREATE UNIQUE INDEX app_user_email ON app_user (lower(email));
CREATE INDEX app_user_organisation ON app_user (organisation_id);
