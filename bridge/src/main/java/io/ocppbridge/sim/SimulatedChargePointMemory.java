package io.ocppbridge.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one simulated charge point remembers between the central system's calls, as a real one
 * does: its configuration keys (ChangeConfiguration changes what GetConfiguration then reports)
 * and the version of its local authorisation list (SendLocalList sets what GetLocalListVersion
 * then answers; 0 before any list, as OCPP 1.5 and 1.6 say for an empty one). Thread-safe.
 */
final class SimulatedChargePointMemory {

  /** One configuration key. */
  record Key(String name, boolean readonly, String value) {}

  /** The outcome of a ChangeConfiguration, as the status the answer carries. */
  enum Change {
    ACCEPTED("Accepted"), REJECTED("Rejected"), NOT_SUPPORTED("NotSupported");

    final String wireName;

    Change(String wireName) {
      this.wireName = wireName;
    }
  }

  private final Map<String, Key> keys = new LinkedHashMap<>();
  private int localListVersion;

  SimulatedChargePointMemory() {
    put(new Key("HeartbeatInterval", false, "300"));
    put(new Key("MeterValueSampleInterval", false, "60"));
    put(new Key("ConnectionTimeOut", false, "60"));
    put(new Key("NumberOfConnectors", true, "1"));
  }

  private void put(Key key) {
    keys.put(key.name(), key);
  }

  /** Every key, in a stable order. */
  synchronized List<Key> all() {
    return List.copyOf(keys.values());
  }

  /** The key of this name, if the charge point has it. */
  synchronized Optional<Key> key(String name) {
    return Optional.ofNullable(keys.get(name));
  }

  /** Sets a writable key; a read-only one is refused, an unknown one not supported. */
  synchronized Change change(String name, String value) {
    Key key = keys.get(name);
    if (key == null) {
      return Change.NOT_SUPPORTED;
    }
    if (key.readonly()) {
      return Change.REJECTED;
    }
    put(new Key(name, false, value));
    return Change.ACCEPTED;
  }

  synchronized int localListVersion() {
    return localListVersion;
  }

  synchronized void localListVersion(int version) {
    this.localListVersion = version;
  }
}
