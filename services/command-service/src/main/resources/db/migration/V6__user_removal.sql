-- Removed users stay as rows (events and tokens refer to them) but can no longer log in.
ALTER TABLE app_user DROP CONSTRAINT app_user_status_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_status_check CHECK (status IN ('invited', 'active', 'removed'));
ALTER TABLE app_user DROP CONSTRAINT app_user_active_has_password;
ALTER TABLE app_user ADD CONSTRAINT app_user_active_has_password CHECK (status <> 'active' OR password_hash IS NOT NULL);
