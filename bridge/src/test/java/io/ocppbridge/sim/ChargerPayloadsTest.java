package io.ocppbridge.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.translate.OcppSchemaModel;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The simulated charger's request payloads: valid against the WSDL schema, fields as given. */
class ChargerPayloadsTest {

  private static final Instant AT = Instant.parse("2026-11-22T01:02:03.456Z");
  private static Map<OcppVersion, OcppSchemaModel> models;

  @BeforeAll
  static void loadSchemas() {
    models = OcppSchemaModel.loadAll();
  }

  /** Verifies that every payload of every version validates against the version's XSD. */
  @ParameterizedTest
  @EnumSource(OcppVersion.class)
  void everyPayloadIsValidAgainstTheSchema(OcppVersion version) throws Exception {
    // GIVEN the builder of the version
    ChargerPayloads p = ChargerPayloads.of(version);

    // WHEN it writes each request
    List<String> requests = List.of(
        p.bootNotification("Acme", "Box", "S1"), p.heartbeat(),
        p.statusNotification(1, "Available", AT), p.authorize("SIMTAG01"),
        p.startTransaction(1, "SIMTAG01", 10_000, AT), p.meterValues(1, 4711, 10_250, AT),
        p.stopTransaction(4711, "SIMTAG01", 10_500, AT));

    // THEN each is valid in the version's namespace
    for (String xml : requests) {
      models.get(version).schema().newValidator()
          .validate(new StreamSource(new StringReader(xml)));
      assertThat(xml).contains(version.centralSystemNamespace());
    }
  }

  /**
   * Verifies that the 1.5 MeterValues carry the transaction and the register with its unit, and
   * the time to the millisecond (two messages within a second must stay in order).
   */
  @Test
  void meterValuesOf15CarryTheTransactionAndTheRegisterInWh() {
    // GIVEN / WHEN
    PayloadXml xml = PayloadXml.parse(ChargerPayloads.of(OcppVersion.V1_5)
        .meterValues(1, 4711, 10_250, AT));

    // THEN
    assertThat(xml.elementName()).isEqualTo("meterValuesRequest");
    assertThat(xml.summary()).isEqualTo(
        "connectorId=1 transactionId=4711 timestamp=2026-11-22T01:02:03.456Z value=10250");
    assertThat(ChargerPayloads.of(OcppVersion.V1_5).meterValues(1, 4711, 10_250, AT))
        .contains("unit=\"Wh\"").contains("measurand=\"Energy.Active.Import.Register\"");
  }

  /** Verifies that 1.2 leaves out what it has no field for (transactionId, status timestamp). */
  @Test
  void payloadsOf12LeaveOutWhatTheVersionLacks() {
    ChargerPayloads p = ChargerPayloads.of(OcppVersion.V1_2);

    assertThat(PayloadXml.parse(p.meterValues(2, 4711, 900, AT)).summary())
        .isEqualTo("connectorId=2 timestamp=2026-11-22T01:02:03.456Z value=900");
    assertThat(PayloadXml.parse(p.statusNotification(2, "Occupied", AT)).summary())
        .isEqualTo("connectorId=2 status=Occupied errorCode=NoError");
  }

  /** Verifies that a status the version does not know is refused, naming the known ones. */
  @Test
  void refusesAStatusTheVersionDoesNotKnow() {
    assertThatThrownBy(() -> ChargerPayloads.of(OcppVersion.V1_2)
        .statusNotification(1, "Reserved", AT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no status 'Reserved' in OCPP 1.2; one of"
            + " [Available, Occupied, Faulted, Unavailable]");
  }

  /** Verifies that answers are read by XSD names, nested ones included. */
  @Test
  void readsAnswerFieldsByTheirNames() {
    PayloadXml answer = PayloadXml.parse(
        "<startTransactionResponse xmlns=\"urn://Ocpp/Cs/2012/06/\"><transactionId>"
        + "4711</transactionId><idTagInfo><status>Accepted</status></idTagInfo>"
        + "</startTransactionResponse>");

    assertThat(answer.intValue("transactionId")).contains(4711);
    assertThat(answer.value("idTagInfo", "status")).contains("Accepted");
    assertThat(answer.value("parentIdTag")).isEmpty();
    assertThat(answer.summary()).isEqualTo("transactionId=4711 status=Accepted");
  }
}
