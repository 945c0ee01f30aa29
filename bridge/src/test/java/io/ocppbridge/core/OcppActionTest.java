package io.ocppbridge.core;

import static io.ocppbridge.core.Initiator.CENTRAL_SYSTEM;
import static io.ocppbridge.core.Initiator.CHARGE_POINT;
import static io.ocppbridge.core.OcppVersion.V1_2;
import static io.ocppbridge.core.OcppVersion.V1_5;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Tests of the action catalogue ({@link OcppAction}) and the error codes ({@link OcppErrorCode}). */
class OcppActionTest {

  private static Set<String> wireNames(OcppVersion version, Initiator initiator) {
    return OcppAction.all(version, initiator).stream()
        .map(OcppAction::wireName)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Nested
  class Catalogue {

    // Verifies that OCPP 1.5 has the ten charger-initiated operations of its CentralSystemService.
    @Test
    void listsTenChargerInitiatedActionsIn15() {
      // GIVEN the catalogue
      // WHEN the 1.5 charger-initiated actions are listed
      // THEN they are exactly the ten of the 1.5 CentralSystemService
      assertThat(OcppAction.all(V1_5, CHARGE_POINT)).extracting(OcppAction::wireName)
          .containsExactlyInAnyOrder("Authorize", "BootNotification", "DataTransfer",
              "DiagnosticsStatusNotification", "FirmwareStatusNotification", "Heartbeat",
              "MeterValues", "StartTransaction", "StatusNotification", "StopTransaction");
    }

    // Verifies that OCPP 1.2 has nine charger-initiated operations: those of 1.5 minus
    // DataTransfer.
    @Test
    void listsNineChargerInitiatedActionsIn12WithoutDataTransfer() {
      // GIVEN the catalogue
      // WHEN the 1.2 charger-initiated actions are listed
      Set<String> v12 = wireNames(V1_2, CHARGE_POINT);

      // THEN they are the 1.5 ones without DataTransfer
      assertThat(v12).hasSize(9).doesNotContain("DataTransfer");
      Set<String> v15WithoutDataTransfer = new TreeSet<>(wireNames(V1_5, CHARGE_POINT));
      v15WithoutDataTransfer.remove("DataTransfer");
      assertThat(v12).isEqualTo(v15WithoutDataTransfer);
    }

    // Verifies that OCPP 1.5 has the fifteen central-system-initiated operations of its
    // ChargePointService.
    @Test
    void listsFifteenCentralSystemInitiatedActionsIn15() {
      // GIVEN the catalogue
      // WHEN the 1.5 central-system-initiated actions are listed
      // THEN they are exactly the fifteen of the 1.5 ChargePointService
      assertThat(OcppAction.all(V1_5, CENTRAL_SYSTEM)).extracting(OcppAction::wireName)
          .containsExactlyInAnyOrder("CancelReservation", "ChangeAvailability",
              "ChangeConfiguration", "ClearCache", "DataTransfer", "GetConfiguration",
              "GetDiagnostics", "GetLocalListVersion", "RemoteStartTransaction",
              "RemoteStopTransaction", "ReserveNow", "Reset", "SendLocalList", "UnlockConnector",
              "UpdateFirmware");
    }

    // Verifies that OCPP 1.2 has the nine central-system-initiated operations of its
    // ChargePointService.
    @Test
    void listsNineCentralSystemInitiatedActionsIn12() {
      // GIVEN the catalogue
      // WHEN the 1.2 central-system-initiated actions are listed
      // THEN they are exactly the nine of the 1.2 ChargePointService
      assertThat(OcppAction.all(V1_2, CENTRAL_SYSTEM)).extracting(OcppAction::wireName)
          .containsExactlyInAnyOrder("ChangeAvailability", "ChangeConfiguration", "ClearCache",
              "GetDiagnostics", "RemoteStartTransaction", "RemoteStopTransaction", "Reset",
              "UnlockConnector", "UpdateFirmware");
    }

    // Verifies that every action exists in 1.6, and in 1.5 unless it is one of the four that
    // 1.6 introduced: neither 1.5 nor 1.6 dropped an operation.
    @ParameterizedTest
    @EnumSource(OcppAction.class)
    void everyActionExistsIn16AndAllButFourIn15(OcppAction action) {
      // GIVEN any action
      // WHEN its versions are asked
      // THEN 1.6 is among them, and 1.5 unless it is new in 1.6
      Set<OcppAction> newIn16 = EnumSet.of(OcppAction.CLEAR_CHARGING_PROFILE,
          OcppAction.GET_COMPOSITE_SCHEDULE, OcppAction.SET_CHARGING_PROFILE,
          OcppAction.TRIGGER_MESSAGE);
      assertThat(action.existsIn(OcppVersion.V1_6)).isTrue();
      assertThat(action.existsIn(V1_5)).isEqualTo(!newIn16.contains(action));
    }

    // Verifies that DataTransfer is two catalogue entries, one per direction, in 1.5 and 1.6.
    @Test
    void dataTransferExistsInBothDirectionsFrom15On() {
      // GIVEN the two DataTransfer entries
      // WHEN they are looked up by OCPP-J name per side and version
      // THEN each side finds its own entry in 1.5 and 1.6 and none in 1.2
      assertThat(OcppAction.of("DataTransfer", OcppVersion.V1_6, CHARGE_POINT))
          .contains(OcppAction.DATA_TRANSFER_FROM_CP);
      assertThat(OcppAction.of("DataTransfer", OcppVersion.V1_6, CENTRAL_SYSTEM))
          .contains(OcppAction.DATA_TRANSFER_FROM_CS);
      assertThat(OcppAction.of("DataTransfer", V1_5, CHARGE_POINT))
          .contains(OcppAction.DATA_TRANSFER_FROM_CP);
      assertThat(OcppAction.of("DataTransfer", V1_5, CENTRAL_SYSTEM))
          .contains(OcppAction.DATA_TRANSFER_FROM_CS);
      assertThat(OcppAction.of("DataTransfer", V1_2, CHARGE_POINT)).isEmpty();
      assertThat(OcppAction.of("DataTransfer", V1_2, CENTRAL_SYSTEM)).isEmpty();
    }
  }

  @Nested
  class SoapNames {

    // Verifies that request and response element names follow the WSDL rule: lower-case first
    // letter, then Request or Response.
    @Test
    void namesRequestAndResponseElementsAfterTheAction() {
      // GIVEN a few actions with one-word and multi-word names
      // WHEN their element names are asked
      // THEN they follow the OCPP WSDL spelling
      assertThat(OcppAction.BOOT_NOTIFICATION.requestElement()).isEqualTo("bootNotificationRequest");
      assertThat(OcppAction.BOOT_NOTIFICATION.responseElement())
          .isEqualTo("bootNotificationResponse");
      assertThat(OcppAction.RESET.requestElement()).isEqualTo("resetRequest");
      assertThat(OcppAction.GET_LOCAL_LIST_VERSION.responseElement())
          .isEqualTo("getLocalListVersionResponse");
      assertThat(OcppAction.DATA_TRANSFER_FROM_CS.requestElement()).isEqualTo("dataTransferRequest");
    }

    // Verifies that the WS-Addressing actions are "/Action" and "/ActionResponse".
    @Test
    void namesAddressingActionsAfterTheAction() {
      // GIVEN BootNotification
      // WHEN its addressing actions are asked
      // THEN they are the OCPP 1.5 WSDL's wsaw:Action values
      assertThat(OcppAction.BOOT_NOTIFICATION.soapAction()).isEqualTo("/BootNotification");
      assertThat(OcppAction.BOOT_NOTIFICATION.soapResponseAction())
          .isEqualTo("/BootNotificationResponse");
    }

    // Verifies that a request element is resolved to its action for the right version and side.
    @Test
    void findsTheActionOfARequestElement() {
      // GIVEN request element names as they arrive in a SOAP body
      // WHEN they are looked up
      // THEN the action is found for its side and version only
      assertThat(OcppAction.ofRequestElement("bootNotificationRequest", V1_5, CHARGE_POINT))
          .contains(OcppAction.BOOT_NOTIFICATION);
      assertThat(OcppAction.ofRequestElement("bootNotificationRequest", V1_2, CHARGE_POINT))
          .contains(OcppAction.BOOT_NOTIFICATION);
      assertThat(OcppAction.ofRequestElement("dataTransferRequest", V1_5, CHARGE_POINT))
          .contains(OcppAction.DATA_TRANSFER_FROM_CP);
      assertThat(OcppAction.ofRequestElement("dataTransferRequest", V1_5, CENTRAL_SYSTEM))
          .contains(OcppAction.DATA_TRANSFER_FROM_CS);
      assertThat(OcppAction.ofRequestElement("reserveNowRequest", V1_5, CENTRAL_SYSTEM))
          .contains(OcppAction.RESERVE_NOW);
    }

    // Verifies that element names of another version, another side, the wrong case or a
    // response are not taken for requests.
    @Test
    void findsNothingForElementsThatAreNotRequestsOfThatService() {
      // GIVEN element names that are not requests of the named service
      // WHEN they are looked up
      // THEN nothing is found
      assertThat(OcppAction.ofRequestElement("dataTransferRequest", V1_2, CHARGE_POINT)).isEmpty();
      assertThat(OcppAction.ofRequestElement("reserveNowRequest", V1_2, CENTRAL_SYSTEM)).isEmpty();
      assertThat(OcppAction.ofRequestElement("bootNotificationRequest", V1_5, CENTRAL_SYSTEM))
          .isEmpty();
      assertThat(OcppAction.ofRequestElement("resetRequest", V1_5, CHARGE_POINT)).isEmpty();
      assertThat(OcppAction.ofRequestElement("BootNotificationRequest", V1_5, CHARGE_POINT))
          .isEmpty();
      assertThat(OcppAction.ofRequestElement("bootNotificationResponse", V1_5, CHARGE_POINT))
          .isEmpty();
      assertThat(OcppAction.ofRequestElement("bootNotification", V1_5, CHARGE_POINT)).isEmpty();
    }

    // Verifies that the catalogue's request and response elements for one service are exactly the
    // top-level Request/Response elements its WSDL declares.
    @ParameterizedTest(name = "{0} {1} matches {2}")
    @MethodSource("io.ocppbridge.core.OcppActionTest#services")
    void matchesTheElementsDeclaredInTheWsdl(OcppVersion version, Initiator initiator,
        String wsdl) throws Exception {
      // GIVEN the top-level schema elements of the service's WSDL
      Set<String> declared = topLevelElements(wsdl);

      // WHEN the catalogue's element names for that service are listed
      Set<String> requests = OcppAction.all(version, initiator).stream()
          .map(OcppAction::requestElement).collect(Collectors.toCollection(TreeSet::new));
      Set<String> responses = OcppAction.all(version, initiator).stream()
          .map(OcppAction::responseElement).collect(Collectors.toCollection(TreeSet::new));

      // THEN they are the same sets
      assertThat(requests).isEqualTo(declared.stream().filter(n -> n.endsWith("Request"))
          .collect(Collectors.toCollection(TreeSet::new)));
      assertThat(responses).isEqualTo(declared.stream().filter(n -> n.endsWith("Response"))
          .collect(Collectors.toCollection(TreeSet::new)));
    }
  }

  /** Each SOAP service: its version, who initiates its operations, and its WSDL resource. */
  static Stream<Arguments> services() {
    return Stream.of(
        Arguments.of(V1_2, CHARGE_POINT, "wsdl/ocpp1.2/CentralSystemService.wsdl"),
        Arguments.of(V1_2, CENTRAL_SYSTEM, "wsdl/ocpp1.2/ChargePointService.wsdl"),
        Arguments.of(V1_5, CHARGE_POINT, "wsdl/ocpp1.5/CentralSystemService.wsdl"),
        Arguments.of(V1_5, CENTRAL_SYSTEM, "wsdl/ocpp1.5/ChargePointService.wsdl"));
  }

  /** Names of the {@code xs:element}s directly under an {@code xs:schema} of a WSDL. */
  private static Set<String> topLevelElements(String resource) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    Set<String> names = new TreeSet<>();
    try (InputStream in = OcppActionTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as("classpath resource %s", resource).isNotNull();
      NodeList schemas = factory.newDocumentBuilder().parse(in)
          .getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "schema");
      for (int i = 0; i < schemas.getLength(); i++) {
        for (Node n = schemas.item(i).getFirstChild(); n != null; n = n.getNextSibling()) {
          if (n instanceof Element e && "element".equals(e.getLocalName())
              && XMLConstants.W3C_XML_SCHEMA_NS_URI.equals(e.getNamespaceURI())) {
            names.add(e.getAttribute("name"));
          }
        }
      }
    }
    return names;
  }

  @Nested
  class ErrorCodes {

    // Verifies that both spellings of the occurrence code are read as the same code, and that
    // the code is written with the 1.6 specification's spelling.
    @ParameterizedTest
    @ValueSource(strings = {"OccurenceConstraintViolation", "OccurrenceConstraintViolation"})
    void acceptsBothSpellingsOfOccurrenceConstraintViolation(String text) {
      // GIVEN either spelling as a central system may send it
      // WHEN it is parsed
      // THEN it is the one code, written back with the specification's spelling
      assertThat(OcppErrorCode.parse(text))
          .contains(OcppErrorCode.OCCURENCE_CONSTRAINT_VIOLATION);
      assertThat(OcppErrorCode.OCCURENCE_CONSTRAINT_VIOLATION.wireName())
          .isEqualTo("OccurenceConstraintViolation");
    }

    // Verifies that every code parses from its own wire name.
    @ParameterizedTest
    @EnumSource(OcppErrorCode.class)
    void parsesEveryWireName(OcppErrorCode code) {
      // GIVEN a code's wire name
      // WHEN it is parsed
      // THEN it is that code
      assertThat(OcppErrorCode.parse(code.wireName())).contains(code);
      assertThat(code).hasToString(code.wireName());
    }

    // Verifies that unknown codes, other spellings, other case and nothing are not parsed.
    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"UnknownError", "notimplemented", "NOT_IMPLEMENTED", " GenericError",
        "OccurrenceConstraintViolations"})
    void rejectsUnknownCodes(String text) {
      // GIVEN a text that is no OCPP-J error code
      // WHEN it is parsed
      // THEN nothing is found
      assertThat(OcppErrorCode.parse(text)).isEmpty();
    }

    // Verifies that InternalError and GenericError blame the receiver and every other code the
    // sender, which decides the SOAP fault code (Receiver/Server vs Sender/Client).
    @Test
    void classifiesFaultsAsSenderOrReceiver() {
      // GIVEN all error codes
      // WHEN they are split by who is at fault
      Set<OcppErrorCode> receiverFaults = Arrays.stream(OcppErrorCode.values())
          .filter(c -> !c.isSenderFault())
          .collect(Collectors.toSet());

      // THEN only InternalError and GenericError are the receiver's
      assertThat(receiverFaults).containsExactlyInAnyOrder(
          OcppErrorCode.INTERNAL_ERROR, OcppErrorCode.GENERIC_ERROR);
      assertThat(OcppErrorCode.values()).filteredOn(OcppErrorCode::isSenderFault)
          .extracting(OcppErrorCode::wireName)
          .containsExactlyInAnyOrder("NotImplemented", "NotSupported", "ProtocolError",
              "SecurityError", "FormationViolation", "PropertyConstraintViolation",
              "OccurenceConstraintViolation", "TypeConstraintViolation");
    }
  }
}
