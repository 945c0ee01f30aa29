package io.ocppbridge.upgrade.v201;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A CALL the profile wants sent: toward the central system in OCPP 2.0.1, or toward the charger
 * in OCPP 1.6 (the relay takes it on to the charger's own version).
 */
public record OutgoingCall(String action, ObjectNode payload) {}
