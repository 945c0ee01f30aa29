package io.ocppbridge.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ocppbridge.config.ChargersConfig;
import io.ocppbridge.config.IpNetwork;
import io.ocppbridge.config.Secret;
import io.ocppbridge.core.OcppErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Unit tests of {@link ChargerAccess}: order of the checks, the token bucket, the counts. */
class ChargerAccessTest {

  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong now = new AtomicLong(42 * SECOND);

  private ChargerAccess access(boolean allowUnknown, double rate,
      Map<String, ChargersConfig.ChargerSettings> chargers) {
    return new ChargerAccess(new ChargersConfig(Duration.ofSeconds(30), chargers, allowUnknown),
        rate, now::get);
  }

  private static ChargersConfig.ChargerSettings withPassword(String pw, String... networks) {
    return new ChargersConfig.ChargerSettings(null, null, false, false, null, null,
        pw == null ? null : new Secret(pw, "test"),
        List.of(networks).stream().map(IpNetwork::parse).toList(), null, null, null, null);
  }

  /** Verifies that the bucket holds one second's worth and refills at the configured rate. */
  @Test
  void tokenBucketRefillsAtTheRate() {
    ChargerAccess access = access(true, 3, Map.of());
    for (int i = 0; i < 3; i++) {
      assertThatCode(() -> access.admit("CB1", "10.0.0.1", Optional.empty()))
          .doesNotThrowAnyException();
    }
    AccessRefused refused = catchThrowableOfType(AccessRefused.class,
        () -> access.admit("CB1", "10.0.0.1", Optional.empty()));
    assertThat(refused.code()).isEqualTo(OcppErrorCode.GENERIC_ERROR);
    assertThat(refused.reason()).isEqualTo("rate-limit");
    // a third of a second later, exactly one more token
    now.addAndGet(SECOND / 3 + 1);
    assertThatCode(() -> access.admit("CB1", "10.0.0.1", Optional.empty()))
        .doesNotThrowAnyException();
    assertThat(catchThrowableOfType(AccessRefused.class,
        () -> access.admit("CB1", "10.0.0.1", Optional.empty()))).isNotNull();
    assertThat(access.refusals()).containsEntry("rate-limit", 2L);
  }

  /** Verifies that refused credentials do not use up the genuine charger's allowance. */
  @Test
  void refusedRequestsDoNotConsumeTheAllowance() {
    ChargerAccess access = access(true, 1, Map.of("CB1", withPassword("pw")));
    for (int i = 0; i < 5; i++) {
      assertThat(catchThrowableOfType(AccessRefused.class, () -> access.admit("CB1",
          "10.0.0.1", Optional.of(new BasicCredentials("CB1", "guess")))).challenge()).isTrue();
    }
    assertThatCode(() -> access.admit("CB1", "10.0.0.1",
        Optional.of(new BasicCredentials("CB1", "pw")))).doesNotThrowAnyException();
    assertThat(access.refusals()).containsEntry("authentication", 5L)
        .doesNotContainKey("rate-limit");
  }

  /** Verifies the basic-auth header parser and that credentials never print a password. */
  @Test
  void parsesBasicHeaders() {
    assertThat(BasicCredentials.parse("Basic Q0IxOnA6dw==")).contains(
        new BasicCredentials("CB1", "p:w"));
    assertThat(BasicCredentials.parse("Bearer abc")).isEmpty();
    assertThat(BasicCredentials.parse("Basic !!!")).isEmpty();
    assertThat(new BasicCredentials("CB1", "p:w").toString()).doesNotContain("p:w");
  }

  /** Verifies that networks are matched against the literal peer address only. */
  @Test
  void matchesNetworksOnLiteralAddresses() {
    ChargerAccess access = access(true, 0, Map.of("CB1", withPassword(null, "fd00::/8")));
    assertThatCode(() -> access.admit("CB1", "[fd00::5]", Optional.empty()))
        .doesNotThrowAnyException();
    assertThat(catchThrowableOfType(AccessRefused.class,
        () -> access.admit("CB1", "example.com", Optional.empty()))).isNotNull();
    assertThat(catchThrowableOfType(AccessRefused.class,
        () -> access.admit("CB1", null, Optional.empty()))).isNotNull();
  }
}
