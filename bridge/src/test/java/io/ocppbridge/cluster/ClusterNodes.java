package io.ocppbridge.cluster;

import io.ocppbridge.app.Bridge;
import io.ocppbridge.config.ConfigLoader;
import io.ocppbridge.sim.CsmsSimulator;
import io.ocppbridge.sim.SensibleCsmsAnswers;
import io.ocppbridge.testsupport.PostgresServer;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bridge nodes in this JVM sharing one PostgreSQL registry and one simulated central system,
 * on ephemeral ports of 127.0.0.1.
 */
final class ClusterNodes implements AutoCloseable {

  private final CsmsSimulator csms = new CsmsSimulator("127.0.0.1", 0,
      "ocpp1.5,ocpp1.2,ocpp1.6", new SensibleCsmsAnswers(Clock.systemUTC()));
  private final Map<String, Bridge> nodes = new LinkedHashMap<>();
  private final String database;
  private final Map<String, String> extra;

  /**
   * @param database the JDBC URL of the shared registry
   * @param extra settings every node gets (dotted keys)
   */
  ClusterNodes(String database, Map<String, String> extra) {
    this.database = database;
    this.extra = extra;
  }

  /** Starts node {@code name} (its cluster.nodeId). */
  Bridge start(String name) {
    return start(name, Map.of());
  }

  /** Starts node {@code name} with settings of its own besides the shared ones. */
  Bridge start(String name, Map<String, String> own) {
    Map<String, String> values = new HashMap<>();
    values.put("soap.host", "127.0.0.1");
    values.put("soap.port", "0");
    values.put("soap.shutdownGrace", "1s");
    values.put("csms.url", csms.url().toString());
    values.put("csms.callTimeout", "5s");
    values.put("csms.connectTimeout", "2s");
    values.put("sessions.store", database);
    values.put("sessions.storeUser", PostgresServer.USER);
    values.put("sessions.storePassword", PostgresServer.PASSWORD);
    values.put("sessions.flushInterval", "200ms");
    values.put("cluster.nodeId", name);
    values.putAll(extra);
    values.putAll(own);
    Bridge bridge = Bridge.start(ConfigLoader.fromValues(values));
    nodes.put(name, bridge);
    return bridge;
  }

  /** The JDBC URL of the shared registry. */
  String database() {
    return database;
  }

  Bridge node(String name) {
    return nodes.get(name);
  }

  CsmsSimulator csms() {
    return csms;
  }

  /** Stops one node as an operator would (graceful). */
  void stop(String name) {
    Bridge bridge = nodes.remove(name);
    if (bridge != null) {
      bridge.close();
    }
  }

  @Override
  public void close() {
    nodes.values().forEach(Bridge::close);
    nodes.clear();
    csms.close();
  }
}
