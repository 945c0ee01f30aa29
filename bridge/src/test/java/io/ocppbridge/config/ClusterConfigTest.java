package io.ocppbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests of the {@code cluster.*} keys and the relations between their durations. */
class ClusterConfigTest {

  private static final String CSMS = "ws://csms.example/ocpp";

  /** Verifies the defaults: a node id made at start, 20 s leases renewed every 3 s. */
  @Test
  void defaults() {
    ClusterConfig cluster = ConfigLoader.fromValues(Map.of("csms.url", CSMS)).cluster();
    assertThat(cluster.nodeId()).isNull();
    assertThat(cluster.leaseTtl()).isEqualTo(Duration.ofSeconds(20));
    assertThat(cluster.renewEvery()).isEqualTo(Duration.ofSeconds(3));
    assertThat(cluster.handoverWithin()).isEqualTo(Duration.ofSeconds(10));
  }

  /** Verifies that a renewal no more frequent than the handover bound is refused, named. */
  @Test
  void renewalMustBeMoreFrequentThanTheHandoverBound() {
    assertThatThrownBy(() -> ConfigLoader.fromValues(Map.of("csms.url", CSMS,
        "cluster.renewEvery", "10s", "cluster.handoverWithin", "10s")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("cluster.renewEvery")
        .hasMessageContaining("cluster.handoverWithin");
  }

  /** Verifies that a handover bound longer than the lease is refused, named. */
  @Test
  void handoverBoundMustNotExceedTheLease() {
    assertThatThrownBy(() -> ConfigLoader.fromValues(Map.of("csms.url", CSMS,
        "cluster.leaseTtl", "5s", "cluster.handoverWithin", "6s")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("cluster.handoverWithin")
        .hasMessageContaining("cluster.leaseTtl");
  }
}
