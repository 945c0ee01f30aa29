package io.ocppbridge.sim;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.StringWriter;
import java.time.Instant;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

/**
 * Writes generated JAXB request elements as XML text, with one context per generated package
 * (built once, not per message).
 */
final class JaxbPayloadWriter {

  private final JAXBContext context;
  private final DatatypeFactory datatypes;

  /** @param objectFactory the {@code ObjectFactory} of a generated package */
  JaxbPayloadWriter(Class<?> objectFactory) {
    try {
      this.context = JAXBContext.newInstance(objectFactory);
      this.datatypes = DatatypeFactory.newInstance();
    } catch (JAXBException | DatatypeConfigurationException e) {
      throw new IllegalStateException("cannot set up JAXB for " + objectFactory.getName(), e);
    }
  }

  String write(JAXBElement<?> element) {
    try {
      Marshaller marshaller = context.createMarshaller();
      marshaller.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
      StringWriter out = new StringWriter();
      marshaller.marshal(element, out);
      return out.toString();
    } catch (JAXBException e) {
      throw new IllegalStateException("cannot write " + element.getName(), e);
    }
  }

  /**
   * An {@code xs:dateTime} in UTC to the millisecond, e.g. {@code 2026-11-22T01:10:00.125Z}: two
   * messages sent within one second (Charging, then Available) still carry different instants,
   * so a central system can order them.
   */
  XMLGregorianCalendar dateTime(Instant at) {
    return datatypes.newXMLGregorianCalendar(
        at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString());
  }
}
