/**
 * The bad-input corpus of the contracts on both edges: what the bridge answers to requests and
 * frames that break OCPP (README "Errors", DESIGN "Errors"), and that it stays serviceable after.
 *
 * <p>The cases are data under {@code src/test/resources/corpus/}:
 * <ul>
 *   <li>{@code soap/ocpp1.5/}, {@code soap/ocpp1.2/} — one SOAP body per file, wrapped by the
 *       test in an envelope; {@code soap/envelope/} — whole HTTP bodies (not XML, broken
 *       envelopes, missing identities, unknown operations). The first line of each file states
 *       the expected fault ({@link io.ocppbridge.corpus.SoapCase});
 *   <li>{@code soap-valid/} — a valid body per operation, posted after each bad one;
 *   <li>{@code json/ocpp1.5.txt}, {@code json/ocpp1.2.txt} — invalid CALLs from the central
 *       system, one per line; {@code json/frames.txt} — malformed WebSocket texts;
 *       {@code json/valid.txt} — a valid CALL per action ({@link io.ocppbridge.corpus.JsonCorpus}).
 * </ul>
 * Adding a case is adding a file or a line. A case that hits a known bridge defect names it
 * ({@code bug=B1}); {@link io.ocppbridge.corpus.KnownBug} skips it only while it shows exactly
 * that defect.
 *
 * <p>Helpers: {@link io.ocppbridge.corpus.RawFrameCsms} sends WebSocket text verbatim (the
 * simulated central system only sends well-formed CALLs), {@link io.ocppbridge.corpus.ChargerStubs}
 * makes WireMock a charger SOAP server for every operation, and
 * {@link io.ocppbridge.corpus.SoapFaultView} reads a fault of either SOAP version. May use
 * anything in the bridge and its test support; nothing depends on this package.
 */
package io.ocppbridge.corpus;
