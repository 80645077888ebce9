-- Display groups of an organisation; campaigns target them. Names are unique per organisation.
CREATE TABLE display_group (
    id              uuid        PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    name            text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX display_group_name ON display_group (organisation_id, lower(name));
