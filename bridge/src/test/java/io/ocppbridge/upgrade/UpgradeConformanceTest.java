package io.ocppbridge.upgrade;

import static io.ocppbridge.upgrade.UpgradeFixture.CB1;
import static io.ocppbridge.upgrade.UpgradeFixture.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import io.ocppbridge.core.Initiator;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.schema.Ocpp16PayloadSchemas;
import io.ocppbridge.schema.PayloadSchemas;
import io.ocppbridge.testsupport.Ocpp16Samples;
import io.ocppbridge.testsupport.Official16Schemas;
import io.ocppbridge.testsupport.Reference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Conformance of the upgrade profile: every payload it produces, in all four directions, for
 * realistic 1.2 and 1.5 input (ocppjs's JSON examples and recorded OCPP-J traffic from
 * {@code ../shared/reference/}, and {@link Ocpp16Samples} for the central system's side), is
 * valid against the official OCA 1.6 schemas (and the project's own, {@code schemas-json/ocpp1.6/})
 * when it goes to the central system, and against the project's 1.2/1.5 schemas when it goes to
 * the charger.
 */
class UpgradeConformanceTest {

  private static final List<OcppVersion> VERSIONS = List.of(OcppVersion.V1_2, OcppVersion.V1_5);

  private static Official16Schemas official;
  private static PayloadSchemas chargerSchemas;
  private static Ocpp16PayloadSchemas ownSchemas;

  /** One realistic payload and where it came from. */
  private record Sample(String action, JsonNode payload, String source) {}

  @BeforeAll
  static void loadSchemas() throws IOException {
    official = Official16Schemas.load();
    chargerSchemas = PayloadSchemas.load();
    ownSchemas = Ocpp16PayloadSchemas.load();
  }

  // Verifies direction 1: every charger request of both versions becomes a valid 1.6 CALL.
  @Test
  void chargerRequestsAreValid16Calls() throws IOException {
    List<String> problems = new ArrayList<>();
    for (OcppVersion version : VERSIONS) {
      List<Sample> samples = chargerRequests(version);
      assertThat(actionsOf(samples)).as("every charger-initiated action of %s has input", version)
          .containsAll(names(OcppAction.all(version, Initiator.CHARGE_POINT)));
      for (Sample s : samples) {
        JsonNode out = new UpgradeFixture().profile.chargerRequest(version, s.action(),
            s.payload(), CB1);
        check16(s.action(), out, s.source(), problems);
      }
    }
    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }

  // Verifies direction 2: every 1.6 answer becomes an answer valid for the charger's version.
  @Test
  void csmsAnswersAreValidChargerAnswers() throws IOException {
    List<String> problems = new ArrayList<>();
    for (OcppVersion version : VERSIONS) {
      Map<String, JsonNode> requests = new HashMap<>();
      chargerRequests(version).forEach(s -> requests.putIfAbsent(s.action(), s.payload()));
      for (OcppAction action : OcppAction.all(version, Initiator.CHARGE_POINT)) {
        for (String text : Ocpp16Samples.ANSWERS.get(action.wireName())) {
          JsonNode answer = JSON.readTree(text);
          check16(action.wireName() + "Response", answer, "the sample itself", problems);
          JsonNode out = new UpgradeFixture().profile.csmsAnswer(version, action.wireName(),
              requests.get(action.wireName()), answer, CB1);
          checkCharger(version, action, false, out, text, problems);
        }
      }
    }
    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }

  // Verifies direction 3: every 1.6 CALL is forwarded valid for the charger's version, answered
  // with a valid 1.6 CALLRESULT, or (GetConfiguration of a 1.2 charger only) refused.
  @Test
  void csmsCallsAreForwardedValidOrAnsweredValid() throws IOException {
    List<String> problems = new ArrayList<>();
    Set<String> errors = new TreeSet<>();
    for (OcppVersion version : VERSIONS) {
      for (Map.Entry<String, List<String>> entry : Ocpp16Samples.CALLS.entrySet()) {
        String action = entry.getKey();
        for (String text : entry.getValue()) {
          JsonNode call = JSON.readTree(text);
          check16(action, call, "the sample itself", problems);
          CsmsCallOutcome outcome = new UpgradeFixture().profile.csmsCall(version, action, call,
              CB1);
          if (outcome instanceof CsmsCallOutcome.Forward f) {
            OcppAction known = OcppAction.of(f.action(), version, Initiator.CENTRAL_SYSTEM)
                .orElseThrow();
            checkCharger(version, known, true, f.payload(), text, problems);
          } else if (outcome instanceof CsmsCallOutcome.AnswerLocally a) {
            check16(action + "Response", a.payload(), version + " " + text, problems);
          } else if (outcome instanceof CsmsCallOutcome.Error e) {
            errors.add(version.label() + " " + action + " " + e.code() + " " + text);
          }
        }
      }
    }
    assertThat(problems).as(String.join("\n", problems)).isEmpty();
    assertThat(errors).containsExactly(
        "1.2 GetConfiguration NotSupported {\"key\":[\"KVCBX_PROFILE\"]}",
        "1.2 GetConfiguration NotSupported {\"key\":[\"WebSocketPingInterval\",\"HeartbeatInterval\"]}",
        "1.2 GetConfiguration NotSupported {}");
    assertThat(OcppErrorCode.NOT_SUPPORTED.wireName()).isEqualTo("NotSupported");
  }

  // Verifies direction 4: every charger answer of both versions becomes a valid 1.6 CALLRESULT.
  @Test
  void chargerAnswersAreValid16Results() throws IOException {
    List<String> problems = new ArrayList<>();
    for (OcppVersion version : VERSIONS) {
      List<Sample> samples = chargerAnswers(version);
      assertThat(actionsOf(samples)).as("every central-system action of %s has input", version)
          .containsAll(names(OcppAction.all(version, Initiator.CENTRAL_SYSTEM)));
      for (Sample s : samples) {
        for (String call : Ocpp16Samples.CALLS.get(s.action())) {
          JsonNode out = new UpgradeFixture().profile.chargerAnswer(version, s.action(),
              JSON.readTree(call), s.payload(), CB1);
          check16(s.action() + "Response", out, s.source() + " for " + call, problems);
        }
      }
    }
    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }

  // Verifies that the check can fail: the untranslated 1.5 payloads are invalid 1.6.
  @Test
  void untranslatedPayloadsFailTheOfficialSchemas() throws IOException {
    List<String> problems = new ArrayList<>();
    check16("MeterValues", JSON.readTree("{\"connectorId\":1,\"values\":[]}"), "1.5", problems);
    check16("BootNotificationResponse", JSON.readTree(
        "{\"status\":\"Accepted\",\"currentTime\":\"2013-02-01T15:09:18Z\",\"heartbeatInterval\":1}"),
        "1.5", problems);
    check16("StatusNotification", JSON.readTree(
        "{\"connectorId\":1,\"status\":\"Occupied\",\"errorCode\":\"NoError\"}"), "1.5", problems);
    check16("Heartbeat", JSON.readTree("{}"), "1.5", problems);
    check16("HeartbeatResponse", JSON.readTree("{\"currentTime\":\"yesterday\"}"), "1.5",
        problems);

    assertThat(problems).hasSize(8); // each refused by the official and by the own schema
  }

  // ---- inputs ------------------------------------------------------------------------------

  /** ocppjs examples and recorded CALLs of the charger (without the deliberate errors). */
  private static List<Sample> chargerRequests(OcppVersion version) throws IOException {
    List<Sample> samples = new ArrayList<>();
    for (OcppAction action : OcppAction.all(version, Initiator.CHARGE_POINT)) {
      Path example = Reference.file("ocppjs-json/" + version.subprotocol()
          + "/CentralSystemService/" + action.wireName() + ".request.example.json");
      samples.add(new Sample(action.wireName(), JSON.readTree(example.toFile()),
          example.getFileName().toString()));
    }
    for (Path capture : captures(version.subprotocol() + "-json-cp-", ".call.json")) {
      JsonNode frame = JSON.readTree(capture.toFile());
      samples.add(new Sample(frame.get(2).asText(), frame.get(3),
          capture.getFileName().toString()));
    }
    return samples;
  }

  /** ocppjs examples and recorded CALLRESULTs of the charger. */
  private static List<Sample> chargerAnswers(OcppVersion version) throws IOException {
    List<Sample> samples = new ArrayList<>();
    for (OcppAction action : OcppAction.all(version, Initiator.CENTRAL_SYSTEM)) {
      Path example = Reference.file("ocppjs-json/" + version.subprotocol()
          + "/ChargePointService/" + action.wireName() + ".response.example.json");
      samples.add(new Sample(action.wireName(), JSON.readTree(example.toFile()),
          example.getFileName().toString()));
    }
    String prefix = version.subprotocol() + "-json-cs-";
    for (Path capture : captures(prefix, ".callresult.json")) {
      String name = capture.getFileName().toString();
      String action = name.substring(prefix.length(), name.length() - ".callresult.json".length());
      samples.add(new Sample(action, JSON.readTree(capture.toFile()).get(2), name));
    }
    return samples;
  }

  private static List<Path> captures(String prefix, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(Reference.file("ocppjs-captures/orig"))) {
      return files.filter(p -> {
        String n = p.getFileName().toString();
        return n.startsWith(prefix) && n.endsWith(suffix) && !n.contains("-error-")
            && !n.contains("with-attr-at");
      }).sorted().toList();
    }
  }

  // ---- checks ------------------------------------------------------------------------------

  private static void check16(String schemaName, JsonNode payload, String source,
      List<String> problems) {
    List<Error> errors = official.validate(schemaName, payload);
    if (!errors.isEmpty()) {
      problems.add(schemaName + " from " + source + ": " + payload + " -> " + errors);
    }
    boolean response = schemaName.endsWith("Response");
    try {
      ownSchemas.check(response ? schemaName.substring(0, schemaName.length() - 8) : schemaName,
          !response, payload);
    } catch (OcppException e) {
      problems.add("own " + schemaName + " from " + source + ": " + payload + " -> "
          + e.description());
    }
  }

  private static void checkCharger(OcppVersion version, OcppAction action, boolean request,
      JsonNode payload, String source, List<String> problems) {
    try {
      chargerSchemas.check(version, action, request, payload);
    } catch (OcppException e) {
      problems.add(version + " " + action.wireName() + (request ? "" : "Response") + " from "
          + source + ": " + payload + " -> " + e.description());
    }
  }

  private static Set<String> actionsOf(List<Sample> samples) {
    Set<String> names = new TreeSet<>();
    samples.forEach(s -> names.add(s.action()));
    return names;
  }

  private static List<String> names(List<OcppAction> actions) {
    return actions.stream().map(OcppAction::wireName).toList();
  }
}
