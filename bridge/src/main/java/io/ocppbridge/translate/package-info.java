/**
 * Translation between the SOAP payloads of OCPP 1.2/1.5/1.6 (JAXB classes generated from
 * {@code wsdl/}) and the OCPP-J JSON payloads: for {@code ocpp1.2} and {@code ocpp1.5} the
 * mapping ocppjs defined, for {@code ocpp1.6} the OCA's (OCPP-J 1.6): field names as in the XSD,
 * timestamps as text, enumerations as their XSD values. One JAXB model serves both sides; Jackson
 * reads its annotations. Where the 1.6 WSDL and the 1.6 JSON schemas disagree, the rules of
 * {@link io.ocppbridge.translate.Ocpp16WireDifferences} apply.
 *
 * <p>JSON to SOAP goes through the JAXB objects (Jackson reads the JSON into them, JAXB marshals
 * them). SOAP to JSON does not: the validated DOM is walked along a plan made once per JAXB class
 * and dialect ({@code XmlToJsonPlan}: the names and order the dialect's Jackson mapper gives the
 * class's properties, JAXB's rules for reading the XML text), and {@code DomJsonWriter} builds
 * the tree the JAXB+Jackson path would have built, with no JAXB object in between.
 *
 * <p>Naming decisions that differ from the XSD (the 1.5 MeterValue list {@code value} is
 * {@code values} in the ocppjs mapping) live in {@link io.ocppbridge.translate.DialectNames}
 * only; a translator serves one {@link io.ocppbridge.core.JsonDialect} and reaches its siblings
 * for the others ({@code SoapJsonTranslator.in}).
 *
 * <p>May depend on {@code core}, the generated JAXB classes, JAXB, Jackson and SLF4J; no
 * transport.
 */
package io.ocppbridge.translate;
