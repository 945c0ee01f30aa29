package io.ocppbridge.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.session.ChargerSession;
import io.ocppbridge.session.SessionRegistry;
import io.ocppbridge.upgrade.ProfileStateStore;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upgrade profiles' state kept with each charger's session, and so in the registry: the
 * session holds the document as text, and the registry writes it behind with the rest of the
 * charger's record.
 */
public final class RegistryProfileStates implements ProfileStateStore {

  private static final Logger LOG = LoggerFactory.getLogger(RegistryProfileStates.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SessionRegistry sessions;

  public RegistryProfileStates(SessionRegistry sessions) {
    this.sessions = sessions;
  }

  @Override
  public Optional<JsonNode> load(ChargerId charger, String member) {
    return sessions.find(charger)
        .map(session -> document(session).get(member))
        .filter(value -> !value.isNull());
  }

  @Override
  public void save(ChargerId charger, String member, JsonNode value) {
    Optional<ChargerSession> found = sessions.find(charger);
    if (found.isEmpty()) {
      return; // a charger the registry does not know keeps nothing
    }
    ChargerSession session = found.get();
    synchronized (session) {
      ObjectNode document = document(session);
      if (value == null) {
        document.remove(member);
      } else {
        document.set(member, value);
      }
      session.profileState(document.isEmpty() ? null : document.toString());
    }
    sessions.persist(session);
  }

  /** The session's document, or an empty one when it has none or it cannot be read. */
  private static ObjectNode document(ChargerSession session) {
    String text = session.profileState();
    if (text == null) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode parsed = JSON.readTree(text);
      if (parsed instanceof ObjectNode object) {
        return object;
      }
    } catch (JsonProcessingException e) {
      // fall through: a damaged document is dropped, and the profile learns the state again
    }
    LOG.warn("[{}] the saved upgrade-profile state could not be read and is dropped",
        session.id());
    return JSON.createObjectNode();
  }
}
