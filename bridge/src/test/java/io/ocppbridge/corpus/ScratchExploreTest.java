package io.ocppbridge.corpus;

import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.SoapPost;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ScratchExploreTest {
  static final String S12 = "http://www.w3.org/2003/05/soap-envelope";
  static final String S11 = "http://schemas.xmlsoap.org/soap/envelope/";

  static String env(String soapNs, String id, String body) {
    return "<s:Envelope xmlns:s='" + soapNs + "' xmlns:cs='urn://Ocpp/Cs/2012/06/'><s:Header>"
        + (id == null ? "" : "<cs:chargeBoxIdentity>" + id + "</cs:chargeBoxIdentity>")
        + "</s:Header><s:Body>" + body + "</s:Body></s:Envelope>";
  }

  @Test
  void explore() throws Exception {
    try (BridgeFixture f = BridgeFixture.start()) {
      String[][] cases = {
        {"12", "not xml at all"},
        {"12", "<s:Envelope xmlns:s='" + S12 + "'><s:Body><x"},
        {"12", "<s:Envelope xmlns:s='urn:wrong'><s:Body/></s:Envelope>"},
        {"12", "<s:Envelope xmlns:s='" + S12 + "'><s:Header/></s:Envelope>"},
        {"12", "<s:Envelope xmlns:s='" + S12 + "'><s:Header/><s:Body/></s:Envelope>"},
        {"11", "<s:Envelope xmlns:s='" + S11 + "'><s:Header/><s:Body/></s:Envelope>"},
        {"12", env(S12, "X1", "<foo xmlns='urn:foo'/>")},
        {"12", env(S12, "X1", "<resetRequest xmlns='urn://Ocpp/Cp/2012/06/'><type>Hard</type></resetRequest>")},
        {"12", env(S12, "X1", "<fooRequest xmlns='urn://Ocpp/Cs/2012/06/'/>")},
        {"12", env(S12, null, "<heartbeatRequest xmlns='urn://Ocpp/Cs/2012/06/'/>")},
        {"12", env(S12, "", "<heartbeatRequest xmlns='urn://Ocpp/Cs/2012/06/'/>")},
        {"12", env(S12, "  ", "<heartbeatRequest xmlns='urn://Ocpp/Cs/2012/06/'/>")},
        {"12", env(S12, "X2", "<statusNotificationRequest xmlns='urn://Ocpp/Cs/2012/06/'><connectorId>one</connectorId><status>Available</status><errorCode>NoError</errorCode></statusNotificationRequest>")},
        {"12", env(S12, "X2", "<statusNotificationRequest xmlns='urn://Ocpp/Cs/2012/06/'><connectorId>1</connectorId><status>Availablex</status><errorCode>NoError</errorCode></statusNotificationRequest>")},
        {"12", env(S12, "X2", "<statusNotificationRequest xmlns='urn://Ocpp/Cs/2012/06/'><connectorId>1</connectorId><errorCode>NoError</errorCode></statusNotificationRequest>")},
        {"12", env(S12, "X2", "<statusNotificationRequest xmlns='urn://Ocpp/Cs/2012/06/'><connectorId>1</connectorId><status>Available</status></statusNotificationRequest>")},
        {"12", env(S12, "X2", "<statusNotificationRequest xmlns='urn://Ocpp/Cs/2012/06/'><connectorId>1</connectorId><status>Available</status><errorCode>NoError</errorCode><foo>1</foo></statusNotificationRequest>")},
        {"12", env(S12, "X2", "<statusNotificationRequest xmlns='urn://Ocpp/Cs/2012/06/'><status>Available</status><connectorId>1</connectorId><errorCode>NoError</errorCode></statusNotificationRequest>")},
        {"12", env(S12, "X2", "<statusNotificationRequest xmlns='urn://Ocpp/Cs/2012/06/'><connectorId>1</connectorId><connectorId>1</connectorId><status>Available</status><errorCode>NoError</errorCode></statusNotificationRequest>")},
        {"12", env(S12, "X2", "<statusNotificationRequest xmlns='urn://Ocpp/Cs/2012/06/' foo='1'><connectorId>1</connectorId><status>Available</status><errorCode>NoError</errorCode></statusNotificationRequest>")},
        {"12", env(S12, "X2", "<statusNotificationRequest xmlns='urn://Ocpp/Cs/2012/06/'><connectorId foo='1'>1</connectorId><status>Available</status><errorCode>NoError</errorCode></statusNotificationRequest>")},
        {"12", env(S12, "X2", "<statusNotificationRequest xmlns='urn://Ocpp/Cs/2012/06/'><connectorId>1</connectorId><status>Available</status><errorCode>NoError</errorCode><timestamp>yesterday</timestamp></statusNotificationRequest>")},
        {"11", env(S11, "X3", "<authorizeRequest xmlns='urn://Ocpp/Cs/2012/06/'><idTag>123456789012345678901</idTag></authorizeRequest>")},
        {"12", env(S12, "X3", "<authorizeRequest xmlns='urn://Ocpp/Cs/2012/06/'></authorizeRequest>")},
        {"12", env(S12, "X3", "<heartbeatRequest xmlns='urn://Ocpp/Cs/2012/06/'><foo/></heartbeatRequest>")},
        {"12", env(S12, "X3", "<heartbeatRequest xmlns='urn://Ocpp/Cs/2012/06/' bar='x'/>")},
        {"12", env(S12, "X3", "<heartbeatRequest xmlns='urn://Ocpp/Cs/2012/06/'>text</heartbeatRequest>")},
        {"12", env(S12, "X3", "<meterValuesRequest xmlns='urn://Ocpp/Cs/2012/06/'><connectorId>1</connectorId><values><timestamp>2013-01-01T00:00:00Z</timestamp><value unit='Parsec'>5</value></values></meterValuesRequest>")},
        {"12", env(S12, "X3", "<meterValuesRequest xmlns='urn://Ocpp/Cs/2012/06/'><connectorId>1</connectorId><values><timestamp>2013-01-01T00:00:00Z</timestamp><value foo='x'>5</value></values></meterValuesRequest>")},
        {"12", env(S12, "X3", "<meterValuesRequest xmlns='urn://Ocpp/Cs/2012/06/'><connectorId>1</connectorId><values><timestamp>2013-01-01T00:00:00Z</timestamp></values></meterValuesRequest>")},
        {"12", env(S12, "X3", "<startTransactionRequest xmlns='urn://Ocpp/Cs/2012/06/'><connectorId>1</connectorId><idTag>A</idTag><timestamp>2013-01-01T00:00:00Z</timestamp><meterStart>99999999999</meterStart></startTransactionRequest>")},
        {"12", env(S12, "X3", "<startTransactionRequest xmlns='urn://Ocpp/Cs/2012/06/'><connectorId>1</connectorId><idTag>A</idTag><timestamp>2013-01-01T00:00:00Z</timestamp><meterStart>1</meterStart></startTransactionRequest>")},
        {"12", env(S12, "X3", "<heartbeatRequest xmlns='urn://Ocpp/Cs/2012/06/'/><heartbeatRequest xmlns='urn://Ocpp/Cs/2012/06/'/>")},
        {"12", "<s:Envelope xmlns:s='" + S12 + "'><s:Header><cs:chargeBoxIdentity xmlns:cs='urn://Ocpp/Cs/2010/08/'>Y1</cs:chargeBoxIdentity></s:Header><s:Body><statusNotificationRequest xmlns='urn://Ocpp/Cs/2010/08/'><connectorId>1</connectorId><status>Reserved</status><errorCode>NoError</errorCode></statusNotificationRequest></s:Body></s:Envelope>"},
        {"12", "<s:Envelope xmlns:s='" + S12 + "'><s:Header><cs:chargeBoxIdentity xmlns:cs='urn://Ocpp/Cs/2010/08/'>Y1</cs:chargeBoxIdentity></s:Header><s:Body><dataTransferRequest xmlns='urn://Ocpp/Cs/2010/08/'><vendorId>x</vendorId></dataTransferRequest></s:Body></s:Envelope>"},
      };
      for (String[] c : cases) {
        HttpResponse<String> r = SoapPost.post(f.soapUrl(),
            c[0].equals("12") ? "application/soap+xml; charset=utf-8" : "text/xml; charset=utf-8", c[1]);
        System.out.println("CASE " + c[1].substring(Math.max(0, c[1].indexOf("<s:Body>")), Math.min(c[1].length(), Math.max(0, c[1].indexOf("<s:Body>")) + 140)));
        System.out.println("  => " + r.statusCode() + " " + r.body());
      }
      System.out.println("RECEIVED " + f.csms().received());
    }
  }
}
