package io.ocppbridge.soap;

/** The SOAP and WS-Addressing namespaces the bridge speaks. */
final class SoapNamespaces {

  static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
  static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
  static final String WSA_2005 = "http://www.w3.org/2005/08/addressing";
  static final String WSA_2004 = "http://schemas.xmlsoap.org/ws/2004/08/addressing";

  private SoapNamespaces() {}

  static String envelope(String soapVersion) {
    return "1.1".equals(soapVersion) ? SOAP11 : SOAP12;
  }

  /** The anonymous address of a WS-Addressing version. */
  static String anonymous(String addressingNamespace) {
    return WSA_2004.equals(addressingNamespace)
        ? WSA_2004 + "/role/anonymous" : WSA_2005 + "/anonymous";
  }
}
