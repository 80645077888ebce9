-- An account belongs to one organisation; the same address may have accounts in several (a consultant,
-- an agency). Only within an organisation is an address unique, so that inviting or signing up never
-- tells anyone whether an address has an account elsewhere (ADR 0018). A removed user's address may
-- be invited again.
DROP INDEX app_user_email;
CREATE UNIQUE INDEX app_user_organisation_email ON app_user (organisation_id, lower(email)) WHERE status <> 'removed';
CREATE INDEX app_user_email ON app_user (lower(email));
