package io.ocppbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docker/compose-cluster.yaml} cannot be run here (no Docker engine), so this checks what
 * can be checked without one: the files it builds from and mounts exist, each bridge node's
 * configuration loads through {@link ConfigLoader} with the environment the compose file gives
 * it, and the node, database, central-system and HAProxy settings agree with each other.
 */
class ComposeClusterFileTest {

  private static final Path DOCKER = Path.of("..", "docker");
  private static final Path COMPOSE = DOCKER.resolve("compose-cluster.yaml");
  private static final List<String> NODES = List.of("bridge-1", "bridge-2");
  private static final Pattern DEFAULTED = Pattern.compile("\\$\\{(\\w+):-([^}]*)}");
  private static final Pattern HAPROXY_VARIABLE = Pattern.compile("\"\\$\\{(\\w+)}\"");

  private final JsonNode services = compose().get("services");

  /** Verifies that the compose file has the five parts of a cluster. */
  @Test
  void namesDatabaseCentralSystemTwoNodesAndLoadBalancer() {
    assertThat(services.fieldNames()).toIterable()
        .containsExactlyInAnyOrder("postgres", "csms", "bridge-1", "bridge-2", "haproxy");
  }

  /** Verifies that every Dockerfile built and every file mounted exists in the repository. */
  @Test
  void everyFileItBuildsFromAndMountsExists() {
    services.forEach(service -> {
      JsonNode build = service.get("build");
      if (build != null) {
        Path context = DOCKER.resolve(build.get("context").asText());
        assertThat(context.resolve(build.get("dockerfile").asText())).isRegularFile();
      }
      service.path("volumes").forEach(volume -> {
        String source = volume.asText().split(":")[0];
        if (source.startsWith(".")) {
          assertThat(DOCKER.resolve(source)).as(volume.asText()).exists();
        }
      });
    });
  }

  /**
   * Verifies that each node's configuration loads with its compose environment, and that it
   * names its own node id, the compose file's database with its user and password, and the
   * central system service.
   */
  @Test
  void eachNodeLoadsWithItsEnvironmentAndPointsAtTheSharedServices() {
    Map<String, String> database = environment(services.get("postgres"));
    for (String node : NODES) {
      BridgeConfig config = load(node);
      assertThat(config.cluster().nodeId()).isEqualTo(node);
      assertThat(config.sessions().store())
          .isEqualTo("jdbc:postgresql://postgres:5432/" + database.get("POSTGRES_DB"));
      assertThat(config.sessions().storeUser().reveal()).isEqualTo(database.get("POSTGRES_USER"));
      assertThat(config.sessions().storePassword().reveal())
          .isEqualTo(database.get("POSTGRES_PASSWORD"));
      assertThat(config.csms().url().getHost()).isEqualTo("csms");
      assertThat(String.valueOf(config.csms().url().getPort())).isEqualTo(
          argumentAfter(services.get("csms").get("command"), "--port"));
      assertThat(config.admin().enabled()).isTrue();
      assertThat(config.admin().host()).isEqualTo("0.0.0.0");
    }
  }

  /**
   * Verifies that HAProxy gets the shipped configuration, every variable it reads, and each
   * node's SOAP and admin ports as the node's configuration sets them.
   */
  @Test
  void loadBalancerReachesEachNodeWhereItListens() throws Exception {
    JsonNode haproxy = services.get("haproxy");
    assertThat(haproxy.get("volumes").get(0).asText())
        .startsWith("../config/haproxy.cfg:");
    Map<String, String> env = environment(haproxy);
    for (String line : Files.readAllLines(Path.of("..", "config", "haproxy.cfg"))) {
      Matcher variables = HAPROXY_VARIABLE.matcher(line);
      while (!line.strip().startsWith("#") && variables.find()) {
        assertThat(env).as(line).containsKey(variables.group(1));
      }
    }
    for (int i = 0; i < NODES.size(); i++) {
      BridgeConfig config = load(NODES.get(i));
      assertThat(env.get("BRIDGE_NODE" + (i + 1)))
          .isEqualTo(NODES.get(i) + ":" + config.soap().port());
      assertThat(env.get("BRIDGE_NODE" + (i + 1) + "_ADMIN"))
          .isEqualTo(String.valueOf(config.admin().port()));
    }
  }

  /**
   * Verifies that the nodes accept callback addresses on the compose network: behind HAProxy
   * the peer address is the balancer's, so same-host would refuse every charger.
   */
  @Test
  void callbacksAreAllowedOnTheComposeNetwork() throws Exception {
    String subnet = compose().at("/networks/cluster/ipam/config/0/subnet").asText();
    InetAddress inside = InetAddress.getByName(subnet.split("/")[0].replaceAll("\\.0$", ".9"));
    BridgeConfig config = load("bridge-1");
    assertThat(config.callbacks().policy()).isEqualTo(CallbackConfig.Policy.ALLOWED_NETWORKS);
    assertThat(config.callbacks().allowedNetworks()).anyMatch(n -> n.contains(inside));
  }

  /** The node's configuration file (the mount behind its --config) with its environment. */
  private BridgeConfig load(String node) {
    JsonNode service = services.get(node);
    String inContainer = argumentAfter(service.get("command"), "--config");
    String mount = null;
    for (JsonNode volume : service.get("volumes")) {
      String[] parts = volume.asText().split(":");
      if (parts[1].equals(inContainer)) {
        mount = parts[0];
      }
    }
    assertThat(mount).as("%s mounts %s", node, inContainer).isNotNull();
    return ConfigLoader.load(DOCKER.resolve(mount), environment(service));
  }

  /** A service's environment, with {@code ${VAR:-default}} taken at its default. */
  private static Map<String, String> environment(JsonNode service) {
    Map<String, String> env = new HashMap<>();
    service.path("environment").fields().forEachRemaining(e -> {
      Matcher m = DEFAULTED.matcher(e.getValue().asText());
      env.put(e.getKey(), m.replaceAll("$2"));
    });
    return env;
  }

  private static String argumentAfter(JsonNode command, String option) {
    for (int i = 0; i + 1 < command.size(); i++) {
      if (option.equals(command.get(i).asText())) {
        return command.get(i + 1).asText();
      }
    }
    throw new AssertionError("no " + option + " in " + command);
  }

  private static JsonNode compose() {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(COMPOSE.toFile());
    } catch (java.io.IOException e) {
      throw new AssertionError("cannot read " + COMPOSE, e);
    }
  }
}
