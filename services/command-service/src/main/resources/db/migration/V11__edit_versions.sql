-- Every change of a playlist or a campaign makes a new version, so two operators editing the same one
-- cannot silently overwrite each other: an update names the version it was made from (If-Match).
ALTER TABLE playlist ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE campaign ADD COLUMN version bigint NOT NULL DEFAULT 1;
