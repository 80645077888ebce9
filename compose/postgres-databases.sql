-- The databases beside the command service's (POSTGRES_DB), one per service that writes Postgres
-- (ADR 0035): their writes stay out of what the outbox relay's logical decoding reads.
CREATE DATABASE vizora_projector OWNER vizora;
CREATE DATABASE vizora_partner OWNER vizora;
