/**
 * The project's JSON schemas for the OCPP-J payloads of {@code ocpp1.2} and {@code ocpp1.5}
 * (the {@code schemas-json/} folder): generating them from the XML Schema embedded in the
 * WSDLs of {@code wsdl/} ({@link io.ocppbridge.schema.JsonSchemaGenerator}) and, next, loading
 * them to validate payloads.
 *
 * <p>The mapping follows the one ocppjs defined for these versions (DESIGN.md, "JSON for ocpp1.2
 * and ocpp1.5"): property names as in the XSD, enumerations and length limits from the simple
 * types, {@code maxOccurs > 1} as arrays, and for the 1.5 MeterValue the sampled values as
 * objects in a list named {@code values} ({@link io.ocppbridge.translate.OcppjsNaming}). Where this
 * project deliberately differs from the ocppjs schemas is written down in
 * {@code schemas-json/README.md}.
 *
 * <p>The OCPP 1.6 schemas ({@code schemas-json/ocpp1.6/}, for the upgrade profile) cannot be
 * generated yet, for want of the project's 1.6 WSDLs: {@link io.ocppbridge.schema.Ocpp16SchemaCatalog}
 * states them from the 1.6 interface facts and writes them in the same form.
 *
 * <p>The OCPP 2.0.1 schemas ({@code schemas-json/ocpp2.0.1/}, for the 2.0.1 upgrade profile) are
 * stated the same way by {@link io.ocppbridge.schema.Ocpp201SchemaCatalog} from the 2.0.1
 * interface facts, for the operations the profile maps or answers, and loaded by
 * {@link io.ocppbridge.schema.Ocpp201PayloadSchemas}.
 *
 * <p>May depend on {@code core}, the JDK (its DOM parser) and Jackson, plus the hardened parser
 * settings of {@link io.ocppbridge.translate.SecureXml}; no transport, no JAXB.
 */
package io.ocppbridge.schema;
