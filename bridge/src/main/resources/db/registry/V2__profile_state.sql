-- What an upgrade profile knows of a charger and must not forget across a restart (connector
-- and transaction state), as one JSON document owned by the profile; null when it knows nothing.
ALTER TABLE charger_registry ADD COLUMN profile_state VARCHAR;
