-- The charger registry as the bridge kept it before its schema was versioned: one row per
-- charger identity, enough to reopen its WebSocket and call it back after a restart.
-- Registries created before then are baselined at this version, not re-created.
CREATE TABLE charger_registry (
  charger_id VARCHAR(255) NOT NULL PRIMARY KEY,
  ocpp_version VARCHAR NOT NULL,
  soap_version VARCHAR NOT NULL,
  addressing_namespace VARCHAR,
  callback_address VARCHAR,
  callback_source VARCHAR,
  backend_profile VARCHAR NOT NULL,
  time_zone VARCHAR,
  last_seen TIMESTAMP WITH TIME ZONE NOT NULL,
  heartbeat_interval_s INTEGER
);

CREATE INDEX charger_registry_last_seen ON charger_registry (last_seen);
