-- A takeover "now for N minutes" is bounded by two instants, the same on every display (ADR 0029).
ALTER TABLE campaign ADD COLUMN starts_at timestamptz;
ALTER TABLE campaign ADD COLUMN ends_at timestamptz;
