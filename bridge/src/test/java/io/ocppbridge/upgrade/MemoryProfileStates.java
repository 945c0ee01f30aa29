package io.ocppbridge.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocppbridge.core.ChargerId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link ProfileStateStore} in a map, standing in for the registry in unit tests. */
public final class MemoryProfileStates implements ProfileStateStore {

  private final Map<String, JsonNode> members = new ConcurrentHashMap<>();

  @Override
  public Optional<JsonNode> load(ChargerId charger, String member) {
    return Optional.ofNullable(members.get(key(charger, member)));
  }

  @Override
  public void save(ChargerId charger, String member, JsonNode value) {
    if (value == null) {
      members.remove(key(charger, member));
    } else {
      members.put(key(charger, member), value.deepCopy());
    }
  }

  /** How many members are kept, over all chargers. */
  int size() {
    return members.size();
  }

  private static String key(ChargerId charger, String member) {
    return charger.value() + "\n" + member;
  }
}
