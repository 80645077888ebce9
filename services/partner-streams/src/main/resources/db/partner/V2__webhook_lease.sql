-- Who holds a webhook's delivery: every update of a leased webhook names its lease, so an instance
-- whose lease ran out (or whose webhook was deleted) learns it and stops, instead of sending on.
ALTER TABLE webhook ADD COLUMN lease uuid;
