-- What a display plays when no campaign does, and what the organisation's displays play when
-- neither a campaign nor their own default does. A default playlist cannot be deleted.
ALTER TABLE display ADD COLUMN default_playlist_id uuid REFERENCES playlist (id);
ALTER TABLE organisation ADD COLUMN default_playlist_id uuid REFERENCES playlist (id);
