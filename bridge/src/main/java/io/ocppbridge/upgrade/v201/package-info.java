/**
 * The OCPP 2.0.1 upgrade profile (issue 19): presents an OCPP 1.2, 1.5 or 1.6 SOAP charger to a
 * central system as an OCPP 2.0.1 charging station. A JSON-to-JSON layer between OCPP 1.6 and
 * OCPP 2.0.1, in all four directions; a 1.2/1.5 charger's JSON reaches 1.6 through the 1.6
 * profile of {@link io.ocppbridge.upgrade} first (with
 * {@link io.ocppbridge.upgrade.Limits#TOWARD_OCPP201}), so that the differences between 1.2/1.5 and 1.6 are solved once, and this package holds one
 * table, 1.6 to 2.0.1.
 *
 * <p>Entry point: {@link io.ocppbridge.upgrade.v201.Ocpp201Profile}; every conversion is an
 * exchange ({@link io.ocppbridge.upgrade.v201.ChargerExchange},
 * {@link io.ocppbridge.upgrade.v201.CsmsExchange}) of the calls to make and the answer made from
 * theirs. Losses follow the policies of {@link io.ocppbridge.upgrade.LossCase} and are reported
 * through the shared {@link io.ocppbridge.upgrade.LossRecorder}; the state that outlives a
 * message (the transaction id pairs and sequence numbers, pending remote starts, request ids) is
 * {@link io.ocppbridge.upgrade.v201.StationState}. The facts are those of OCPP 2.0.1 (part 2,
 * messages, datatypes, enumerations; part 4, OCPP-J) and the project's mapping notes;
 * {@code docs/upgrade-profile.md} tabulates them.
 *
 * <p>May depend on {@code core}, {@code upgrade}, Jackson's tree model and SLF4J; no transport,
 * no JAXB.
 */
package io.ocppbridge.upgrade.v201;
