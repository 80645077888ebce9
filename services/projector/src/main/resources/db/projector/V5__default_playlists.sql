-- Defaults: a display's own playlist, and its organisation's, for when no campaign plays.
ALTER TABLE display ADD COLUMN default_playlist_id uuid;
CREATE TABLE organisation_default (
    organisation_id uuid PRIMARY KEY,
    playlist_id     uuid NOT NULL
);
