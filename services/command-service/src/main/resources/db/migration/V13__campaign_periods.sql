-- A campaign may be bounded by two instants, the same on every display whatever its time zone
-- (take over now for N minutes); NULL for campaigns that their dates and dayparts alone decide.
ALTER TABLE campaign ADD COLUMN starts_at timestamptz;
ALTER TABLE campaign ADD COLUMN ends_at timestamptz;
ALTER TABLE campaign ADD CONSTRAINT campaign_period CHECK ((starts_at IS NULL) = (ends_at IS NULL) AND (starts_at IS NULL OR starts_at < ends_at));
