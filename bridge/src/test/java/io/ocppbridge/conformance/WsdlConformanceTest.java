package io.ocppbridge.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.ocppbridge.testsupport.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks that each of the project's WSDLs (under {@code wsdl/}) puts exactly the same things on
 * the wire as the official OCPP WSDL it stands for. See {@code package-info.java}.
 */
class WsdlConformanceTest {

  /** Our file (relative to the repository root) and the official one (relative to the reference folder). */
  static Stream<Arguments> pairs() {
    return Stream.of(
        pair("wsdl/ocpp1.2/CentralSystemService.wsdl",
            "ocpp-wsdl/ocpp_centralsystemservice_1.2_final.wsdl"),
        pair("wsdl/ocpp1.2/ChargePointService.wsdl",
            "ocpp-wsdl/ocpp_chargepointservice_1.2_final.wsdl"),
        pair("wsdl/ocpp1.5/CentralSystemService.wsdl",
            "ocpp-wsdl/ocpp_centralsystemservice_1.5_final.wsdl"),
        pair("wsdl/ocpp1.5/ChargePointService.wsdl",
            "ocpp-wsdl/ocpp_chargepointservice_1.5_final.wsdl"),
        pair("wsdl/ocpp1.6/CentralSystemService.wsdl",
            "ocpp16-wsdl/OCPP_CentralSystemService_1.6.wsdl"),
        pair("wsdl/ocpp1.6/ChargePointService.wsdl",
            "ocpp16-wsdl/OCPP_ChargePointService_1.6.wsdl"));
  }

  private static Arguments pair(String ours, String reference) {
    return Arguments.of(ours, reference);
  }

  @ParameterizedTest(name = "{0} is wire-identical to {1}")
  @MethodSource("pairs")
  void ourWsdlMatchesTheOfficialOne(String ours, String reference) throws Exception {
    Path referenceFile = Reference.file(reference); // skips the test when the folder is absent
    if (!Files.isRegularFile(referenceFile)) {
      fail(reference + " missing from the reference folder (looked at " + referenceFile + ")");
    }
    Path ourFile = projectDir().resolve(ours);
    if (!Files.isRegularFile(ourFile)) {
      fail(ours + " missing (looked at " + ourFile + ")");
    }

    List<String> differences =
        WsdlReader.read(ourFile).differencesFrom(WsdlReader.read(referenceFile));

    assertThat(differences)
        .withFailMessage(() -> ours + " differs from " + reference + " in " + differences.size()
            + " place(s) (ours != reference):\n  " + String.join("\n  ", differences))
        .isEmpty();
  }

  // --- The comparator itself: these need no reference files. ---

  @Test
  void prefixesLayoutAndPolicyFormDoNotMatter() {
    String respelled = SAMPLE
        .replace("xs:", "s:").replace("xmlns:xs=", "xmlns:s=")
        .replace("tns:", "ocpp:").replace("xmlns:tns=", "xmlns:ocpp=")
        .replace("  ", "\t")
        .replace("<wsaw:UsingAddressing/>", "<wsp:PolicyReference URI=\"#Addressing\"/>")
        .replace("<wsdl:types>", """
            <wsp:Policy xmlns:wsp="http://schemas.xmlsoapf.org/ws/2004/09/policy"
                xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"
                wsu:Id="Addressing"><wsaw:UsingAddressing/></wsp:Policy>
            <!-- a comment -->
            <wsdl:types>""")
        .replace("<wsdl:binding ",
            "<wsdl:binding xmlns:wsp=\"http://schemas.xmlsoapf.org/ws/2004/09/policy\" ")
        .replace("<s:complexType name=\"HeartbeatRequest\"/>",
            "<s:complexType name=\"HeartbeatRequest\"><s:sequence/></s:complexType>")
        .replace("name=\"chargePointVendor\" type=\"s:string\"",
            "name=\"chargePointVendor\" type=\"s:string\" minOccurs=\"1\" maxOccurs=\"1\"");

    assertThat(WsdlReader.read(respelled, "respelled").differencesFrom(sample())).isEmpty();
  }

  @Test
  void reportsEachDifferenceOnItsOwnLine() {
    String changed = SAMPLE
        .replace("name=\"iccid\" type=\"xs:string\" minOccurs=\"0\"",
            "name=\"iccid\" type=\"xs:string\" minOccurs=\"0\" maxOccurs=\"unbounded\"")
        .replace("<xs:enumeration value=\"Rejected\"/>", "")
        .replace("wsaw:Action=\"/BootNotification\"", "wsaw:Action=\"BootNotification\"")
        .replace("<soap12:header message=\"tns:Header\" part=\"ChargeBoxIdentity\" use=\"literal\"/>",
            "")
        .replace("<wsaw:UsingAddressing/>", "");

    List<String> differences = WsdlReader.read(changed, "changed").differencesFrom(sample());

    assertThat(differences).containsExactlyInAnyOrder(
        "binding CentralSystemServiceSoap addressing none != wsaw:UsingAddressing",
        "binding CentralSystemServiceSoap: operation BootNotification: input: soap12:header:"
            + " missing (the reference has it)",
        "complexType BootNotificationRequest: sequence: element iccid maxOccurs unbounded != 1",
        "portType CentralSystemService: operation BootNotification: input wsaw:Action"
            + " BootNotification != /BootNotification",
        "simpleType RegistrationStatus: restriction enumeration [Accepted] != [Accepted, Rejected]");
  }

  @Test
  void reportsAMissingComponentOnceAndAChangedModelAsDifferent() {
    WsdlModel sample = sample();

    assertThat(sample.differencesFrom(sample)).isEmpty();
    assertThat(sample.without("complexType BootNotificationRequest").differencesFrom(sample))
        .containsExactly("complexType BootNotificationRequest: missing (the reference has it)");
    assertThat(sample.differencesFrom(sample.without("message Header")))
        .containsExactly("message Header: not in the reference");
    assertThat(sample
        .withProperty("element bootNotificationRequest", "type", "tns:Other")
        .differencesFrom(sample))
        .containsExactly("element bootNotificationRequest type tns:Other != tns:BootNotificationRequest");
  }

  @Test
  void reportsChangedDecimalFacetsNestedTypesAndAttributes() {
    // OCPP 1.6 limits are xs:decimal with a fractionDigits facet; 1.5 meter values carry
    // attributes on an anonymous simple-content type. Both must be compared, not skipped.
    String base = SAMPLE.replace("<xs:complexType name=\"HeartbeatRequest\"/>", """
        <xs:complexType name="HeartbeatRequest"/>
        <xs:simpleType name="DecimalOne">
          <xs:restriction base="xs:decimal">
            <xs:fractionDigits value="1"/>
          </xs:restriction>
        </xs:simpleType>
        <xs:complexType name="Period">
          <xs:sequence>
            <xs:element name="limit" type="tns:DecimalOne"/>
            <xs:element name="value" maxOccurs="unbounded">
              <xs:complexType>
                <xs:simpleContent>
                  <xs:extension base="xs:string">
                    <xs:attribute name="unit" type="tns:RegistrationStatus" use="optional"/>
                  </xs:extension>
                </xs:simpleContent>
              </xs:complexType>
            </xs:element>
          </xs:sequence>
        </xs:complexType>""");
    String changed = base
        .replace("<xs:restriction base=\"xs:decimal\">", "<xs:restriction base=\"xs:double\">")
        .replace("<xs:fractionDigits value=\"1\"/>", "<xs:totalDigits value=\"5\"/>")
        .replace("<xs:extension base=\"xs:string\">", "<xs:extension base=\"xs:token\">")
        .replace("use=\"optional\"/>", "use=\"required\"/>");

    WsdlModel reference = WsdlReader.read(base, "base");
    assertThat(reference.differencesFrom(reference)).isEmpty();
    assertThat(WsdlReader.read(changed, "changed").differencesFrom(reference))
        .containsExactlyInAnyOrder(
            "simpleType DecimalOne: restriction base xs:double != xs:decimal",
            "simpleType DecimalOne: restriction fractionDigits (none) != 1",
            "simpleType DecimalOne: restriction totalDigits 5 != (none)",
            "complexType Period: sequence: element value: complexType: simpleContent: extension"
                + " base xs:token != xs:string",
            "complexType Period: sequence: element value: complexType: simpleContent: extension:"
                + " attribute unit use required != optional");
  }

  private static WsdlModel sample() {
    return WsdlReader.read(SAMPLE, "sample");
  }

  /** A small WSDL of our own in the OCPP style, for the comparator tests. */
  private static final String SAMPLE = """
      <?xml version="1.0" encoding="UTF-8"?>
      <wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"
          xmlns:xs="http://www.w3.org/2001/XMLSchema"
          xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/"
          xmlns:wsaw="http://www.w3.org/2006/05/addressing/wsdl"
          xmlns:tns="urn://Example/Cs/"
          targetNamespace="urn://Example/Cs/">
        <wsdl:types>
          <xs:schema targetNamespace="urn://Example/Cs/" elementFormDefault="qualified">
            <xs:simpleType name="RegistrationStatus">
              <xs:restriction base="xs:string">
                <xs:enumeration value="Accepted"/>
                <xs:enumeration value="Rejected"/>
              </xs:restriction>
            </xs:simpleType>
            <xs:complexType name="BootNotificationRequest">
              <xs:sequence>
                <xs:element name="chargePointVendor" type="xs:string"/>
                <xs:element name="iccid" type="xs:string" minOccurs="0"/>
              </xs:sequence>
            </xs:complexType>
            <xs:complexType name="BootNotificationResponse">
              <xs:sequence>
                <xs:element name="status" type="tns:RegistrationStatus"/>
              </xs:sequence>
            </xs:complexType>
            <xs:complexType name="HeartbeatRequest"/>
            <xs:element name="chargeBoxIdentity" type="xs:string"/>
            <xs:element name="bootNotificationRequest" type="tns:BootNotificationRequest"/>
            <xs:element name="bootNotificationResponse" type="tns:BootNotificationResponse"/>
          </xs:schema>
        </wsdl:types>
        <wsdl:message name="Header">
          <wsdl:part name="ChargeBoxIdentity" element="tns:chargeBoxIdentity"/>
        </wsdl:message>
        <wsdl:message name="BootNotificationInput">
          <wsdl:part name="parameters" element="tns:bootNotificationRequest"/>
        </wsdl:message>
        <wsdl:message name="BootNotificationOutput">
          <wsdl:part name="parameters" element="tns:bootNotificationResponse"/>
        </wsdl:message>
        <wsdl:portType name="CentralSystemService">
          <wsdl:operation name="BootNotification">
            <wsdl:input message="tns:BootNotificationInput" wsaw:Action="/BootNotification"/>
            <wsdl:output message="tns:BootNotificationOutput"/>
          </wsdl:operation>
        </wsdl:portType>
        <wsdl:binding name="CentralSystemServiceSoap" type="tns:CentralSystemService">
          <wsaw:UsingAddressing/>
          <soap12:binding transport="http://schemas.xmlsoap.org/soap/http"/>
          <wsdl:operation name="BootNotification">
            <soap12:operation soapAction="/BootNotification" style="document"/>
            <wsdl:input>
              <soap12:header message="tns:Header" part="ChargeBoxIdentity" use="literal"/>
              <soap12:body use="literal"/>
            </wsdl:input>
            <wsdl:output>
              <soap12:body use="literal"/>
            </wsdl:output>
          </wsdl:operation>
        </wsdl:binding>
        <wsdl:service name="CentralSystemService">
          <wsdl:port name="CentralSystemServiceSoap12" binding="tns:CentralSystemServiceSoap">
            <soap12:address location="http://localhost:8080/ocpp"/>
          </wsdl:port>
        </wsdl:service>
      </wsdl:definitions>
      """;

  /**
   * The repository root: {@code -Dbridge.project.dir}, or the first folder up from the working
   * directory that holds both {@code wsdl/} and {@code bridge/}.
   */
  static Path projectDir() {
    String configured = System.getProperty("bridge.project.dir");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("wsdl")) && Files.isDirectory(p.resolve("bridge"))) {
        return p;
      }
    }
    return fail("no folder holding wsdl/ and bridge/ found above " + here
        + " (set -Dbridge.project.dir)");
  }
}
