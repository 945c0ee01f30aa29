/**
 * Conformance of the project's own WSDLs with the official OCPP interface definitions.
 *
 * <p>{@link io.ocppbridge.conformance.WsdlConformanceTest} pairs each file under {@code wsdl/}
 * with the official WSDL it replaces (found through
 * {@link io.ocppbridge.testsupport.Reference}; skipped when the reference folder is absent) and
 * checks that both put the same things on the wire. {@link io.ocppbridge.conformance.WsdlReader}
 * reduces a WSDL to a canonical {@link io.ocppbridge.conformance.WsdlModel}: names resolved to
 * namespace URIs, defaults filled in, documentation, comments, layout and WS-Policy blocks
 * dropped. The models are compared on
 * <ul>
 *   <li>target namespaces and schema form defaults;</li>
 *   <li>global elements (name, type);</li>
 *   <li>complex types: particles in order with type (or inline anonymous type) and
 *       minOccurs/maxOccurs, attributes with type and use, simple-content extension base;</li>
 *   <li>simple types: base, enumeration values in order, length and other facets (including
 *       the decimal facets totalDigits/fractionDigits that OCPP 1.6 uses);</li>
 *   <li>messages and their parts;</li>
 *   <li>port types: operations, input/output messages and their {@code wsaw:Action};</li>
 *   <li>bindings: SOAP version, transport, style, WS-Addressing, each operation's soapAction,
 *       body use and SOAP header parts;</li>
 *   <li>services and ports (not the endpoint address, which is a placeholder).</li>
 * </ul>
 * A failure lists every difference, one per line, as {@code <where> <what> <ours> != <reference>}.
 *
 * <p>Pairs checked: OCPP 1.2 and 1.5 against {@code ocpp-wsdl/}, OCPP 1.6 against
 * {@code ocpp16-wsdl/}. To check a new pair, add one line to {@code WsdlConformanceTest.pairs()}.
 */
package io.ocppbridge.conformance;
