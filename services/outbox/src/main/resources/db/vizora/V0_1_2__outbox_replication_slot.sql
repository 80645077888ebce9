-- The relay's replication slot exists from the moment the outbox does, so an event committed
-- before the relay first starts is still in the slot's WAL: none is ever missed (ADR 0004).
SELECT pg_create_logical_replication_slot('vizora_outbox', 'pgoutput')
 WHERE NOT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = 'vizora_outbox');
