/**
 * The project's JSON schemas of the OCPP-J payloads (the {@code schemas-json/} folder), generated
 * from the XML Schema embedded in the WSDLs of {@code wsdl/}
 * ({@link io.ocppbridge.schema.JsonSchemaGenerator}) for {@code ocpp1.2}, {@code ocpp1.5} and
 * {@code ocpp1.6}, and loaded once to validate payloads of every version
 * ({@link io.ocppbridge.schema.PayloadSchemas}).
 *
 * <p>The mapping follows the one ocppjs defined for these versions (DESIGN.md, "JSON for ocpp1.2
 * and ocpp1.5"): property names as in the XSD, enumerations and length limits from the simple
 * types, {@code maxOccurs > 1} as arrays, and for the 1.5 MeterValue the sampled values as
 * objects in a list named {@code values}; the files in which the XSD dialect differs (that list
 * named {@code value}, as SteVe expects) are in {@code ocpp1.5-xsd/}, the differences stated in
 * {@link io.ocppbridge.translate.DialectNames} and loaded per dialect ({@code PayloadSchemas.in}). Where this
 * project deliberately differs from the ocppjs schemas is written down in
 * {@code schemas-json/README.md}.
 *
 * <p>The OCPP 1.6 schemas ({@code schemas-json/ocpp1.6/}) are the Open Charge Alliance's JSON
 * contract, which a central system speaking {@code ocpp1.6} holds the bridge to. It differs from
 * what the 1.6 WSDLs generate in three places only, applied by
 * {@link io.ocppbridge.schema.Ocpp16JsonContract} (the same three that
 * {@link io.ocppbridge.translate.Ocpp16WireDifferences} bridges at run time); a test proves the
 * result equivalent, constraint by constraint, to every official 1.6 schema.
 *
 * <p>The OCPP 2.0.1 schemas ({@code schemas-json/ocpp2.0.1/}, for the 2.0.1 upgrade profile) have
 * no WSDL to be generated from: {@link io.ocppbridge.schema.Ocpp201SchemaCatalog} states them from
 * the 2.0.1 interface facts, for the operations the profile maps or answers, with the building
 * blocks of {@link io.ocppbridge.schema.SchemaBlocks}; they are loaded by
 * {@link io.ocppbridge.schema.Ocpp201PayloadSchemas}.
 *
 * <p>May depend on {@code core}, the JDK (its DOM parser), Jackson and the json-schema-validator,
 * plus the hardened parser settings of {@link io.ocppbridge.translate.SecureXml} and the naming of
 * {@link io.ocppbridge.translate.DialectNames}; no transport, no JAXB.
 */
package io.ocppbridge.schema;
