package io.ocppbridge.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocppbridge.core.ChargerId;
import java.util.Optional;

/**
 * Where a profile keeps what it must remember of a charger across a restart of the bridge (and,
 * with several nodes, across a takeover): one JSON document per charger, persisted with the
 * charger in the registry. The document's top-level members belong to the parts of the profiles
 * that write them, so that one part never overwrites another's state:
 * <ul>
 *   <li>{@value ConnectorStates#MEMBER}: the transactions per connector ({@link ConnectorStates}),
 *       shared by every profile.
 *   <li>{@value io.ocppbridge.upgrade.v201.StationState#MEMBER}: the OCPP 2.0.1 profile's
 *       transaction id pairs, sequence numbers, pending remote starts and request ids
 *       ({@link io.ocppbridge.upgrade.v201.StationState}).
 * </ul>
 *
 * <p>Saving is cheap and never blocks on the database (the registry writes behind), so a part
 * saves after every change it makes. A charger the registry does not know keeps nothing.
 */
public interface ProfileStateStore {

  /** The member as last saved for this charger, or empty. */
  Optional<JsonNode> load(ChargerId charger, String member);

  /** Replaces one member of the charger's document; a null value removes the member. */
  void save(ChargerId charger, String member, JsonNode value);
}
