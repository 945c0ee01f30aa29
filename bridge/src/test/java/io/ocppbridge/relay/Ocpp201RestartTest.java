package io.ocppbridge.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.sim.ChargerPayloads;
import io.ocppbridge.sim.CsmsSimulator;
import io.ocppbridge.sim.ReceivedCall;
import io.ocppbridge.sim.ReceivedSoapCall;
import io.ocppbridge.sim.SoapChargerSimulator;
import io.ocppbridge.testsupport.Strict201Backend;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OCPP 2.0.1 profile across a restart of the bridge, over real sockets and a registry on
 * disk: a transaction begun by a remote start before the restart continues after it under the
 * same transactionId with the next sequence numbers, the central system can stop it by that id,
 * and the charger keeps using the integer it was given.
 */
class Ocpp201RestartTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Pattern TRANSACTION_ID =
      Pattern.compile("transactionId>\\s*(\\d+)\\s*<");
  private static final String ID = "CB201-RESTART";

  // Verifies that a restart in the middle of a transaction continues its TransactionEvent
  // sequence correctly, remote start id, remote stop and all.
  @Test
  void aRestartInTheMiddleOfATransactionContinuesIt(@TempDir Path dir) throws Exception {
    try (Strict201Backend backend = new Strict201Backend("/charger", dir.resolve("registry"))) {
      CsmsSimulator csms = backend.csms();
      ChargerPayloads payloads = ChargerPayloads.of(OcppVersion.V1_5);
      int localId;
      // GIVEN a 1.5 charger whose transaction a remote start began through a first bridge
      try (SoapChargerSimulator charger = charger(backend)) {
        assertThat(charger.send(OcppAction.BOOT_NOTIFICATION,
            payloads.bootNotification("V", "M", "S")).ok()).isTrue();
        JsonNode accepted = call(csms, "RequestStartTransaction", "{\"evseId\":1,"
            + "\"remoteStartId\":4711,\"idToken\":{\"idToken\":\"REMOTE-1\",\"type\":\"eMAID\"}}");
        assertThat(accepted.get(2).get("status").asText()).isEqualTo("Accepted");
        SoapChargerSimulator.Exchange start = charger.send(OcppAction.START_TRANSACTION,
            payloads.startTransaction(1, "REMOTE-1", 5_000, Instant.now()));
        assertThat(start.ok()).as(start.text()).isTrue();
        Matcher m = TRANSACTION_ID.matcher(start.text());
        assertThat(m.find()).as(start.text()).isTrue();
        localId = Integer.parseInt(m.group(1));
        assertThat(charger.send(OcppAction.METER_VALUES,
            payloads.meterValues(1, localId, 5_250, Instant.now())).ok()).isTrue();
      }

      // WHEN the bridge restarts on the same registry
      backend.restartBridge();
      awaitConnected(csms);

      // THEN the central system can stop the transaction by its 2.0.1 id: the charger is asked
      // with its own integer
      String transactionId = events(csms).get(0).at("/transactionInfo/transactionId").asText();
      JsonNode stop = call(csms, "RequestStopTransaction",
          "{\"transactionId\":\"" + transactionId + "\"}");
      assertThat(stop.get(2).get("status").asText()).as(stop.toString()).isEqualTo("Accepted");
      List<ReceivedSoapCall> remoteStops = backend.chargerServer().received().stream()
          .filter(c -> c.action() == OcppAction.REMOTE_STOP_TRANSACTION).toList();
      assertThat(remoteStops).hasSize(1);
      assertThat(remoteStops.get(0).payloadXml()).contains(">" + localId + "<");

      // AND the charger's next messages continue the sequence under the same transactionId
      try (SoapChargerSimulator charger = charger(backend)) {
        assertThat(charger.send(OcppAction.METER_VALUES,
            payloads.meterValues(1, localId, 5_500, Instant.now())).ok()).isTrue();
        assertThat(charger.send(OcppAction.STOP_TRANSACTION,
            payloads.stopTransaction(localId, "REMOTE-1", 5_600, Instant.now())).ok()).isTrue();
      }
      List<JsonNode> events = events(csms);
      assertThat(events).extracting(e -> e.get("eventType").asText())
          .containsExactly("Started", "Updated", "Updated", "Ended");
      assertThat(events).extracting(e -> e.get("seqNo").asInt()).containsExactly(0, 1, 2, 3);
      assertThat(events).allMatch(e ->
          e.at("/transactionInfo/transactionId").asText().equals(transactionId));
      assertThat(events.get(0).get("triggerReason").asText()).isEqualTo("RemoteStart");
      assertThat(events.get(0).at("/transactionInfo/remoteStartId").asInt()).isEqualTo(4711);
      assertThat(events.get(0).at("/idToken/type").asText()).isEqualTo("eMAID");
      assertThat(events.get(3).get("triggerReason").asText()).isEqualTo("RemoteStop");
      assertThat(events.get(3).at("/transactionInfo/stoppedReason").asText()).isEqualTo("Remote");
      assertThat(backend.violations()).isEmpty();
    }
  }

  private static SoapChargerSimulator charger(Strict201Backend backend) {
    return new SoapChargerSimulator(backend.bridge().soapAddress(), ID, OcppVersion.V1_5, true,
        backend.chargerServer().url().toString());
  }

  private static JsonNode call(CsmsSimulator csms, String action, String payload)
      throws Exception {
    return csms.sendCall(ID, action, JSON.readTree(payload), WAIT)
        .get(WAIT.toSeconds() + 5, TimeUnit.SECONDS);
  }

  private static List<JsonNode> events(CsmsSimulator csms) {
    return csms.received().stream()
        .filter(c -> c.chargerId().equals(ID) && c.action().equals("TransactionEvent"))
        .map(ReceivedCall::payload).toList();
  }

  /** Waits (bounded) until the restarted bridge has reopened the charger's WebSocket. */
  private static void awaitConnected(CsmsSimulator csms) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!csms.connectedChargers().contains(ID)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the restarted bridge did not reconnect " + ID);
      }
      Thread.sleep(20);
    }
  }
}
