/**
 * The bridge's configuration: immutable records, one per section of the YAML file
 * ({@link io.ocppbridge.config.BridgeConfig}), loaded once from defaults, the file and
 * {@code BRIDGE_*} environment variables, validated at start. A bad value stops the bridge with
 * one message naming the key and the value ({@link io.ocppbridge.config.ConfigException}; exit
 * code 2 from {@code run} and {@code check-config}).
 *
 * <p>How it is read: {@link io.ocppbridge.config.ConfigLoader} lays the file and the environment
 * over the defaults as one YAML tree ({@code ConfigTree}), checks it against the shape of the
 * records ({@code ConfigSchema}: unknown keys refused with the nearest known one suggested, lists
 * only where a list belongs), resolves secrets given as a value, an environment variable or a
 * file ({@code Secrets}), and lets Jackson bind the tree to the records, reading values in the
 * product's notations ({@code ConfigValues}: {@code 30s}, {@code yes}, CIDR networks...).
 * Checks of one record run in its compact constructor; those across sections in
 * {@code BridgeConfig}'s.
 *
 * <h2>Adding a key</h2>
 * Each key is stated in exactly one place: a component of the record of its section, annotated
 * {@link io.ocppbridge.config.Key} with its one-line meaning, its default as it would be written
 * in the file, and its bounds. For a new key {@code csms.maxPendingHandshakes}:
 * <ol>
 *   <li>add the component to {@link io.ocppbridge.config.CsmsConfig}:
 *       <pre>{@code @Key(defaultValue = "100", min = 1, max = 10_000,
 *     doc = "Handshakes toward the central system that may be in progress at once.")
 * int maxPendingHandshakes,}</pre>
 *       Its YAML name is the component's name, its environment variable follows
 *       ({@code BRIDGE_CSMS_MAX_PENDING_HANDSHAKES}), its default and bounds are applied and
 *       checked by the loader. A value the annotation cannot state (a URL's scheme, one key
 *       against another) is checked in the record's compact constructor by throwing
 *       {@code InvalidSetting("maxPendingHandshakes", "'...' must ...")}.
 *   <li>types the loader does not read yet get a deserializer in {@code ConfigValues};
 *       durations, numbers, booleans, strings, paths, URLs, time zones, networks, lists of
 *       these, the named choices and {@link io.ocppbridge.config.Secret}s are read already.
 *   <li>regenerate {@code docs/configuration.md}: {@code mvn -B -q -pl bridge test
 *       -Dtest=ConfigurationReferenceTest -Dbridge.regenerate=true} (without the property the
 *       test fails while the page and the records disagree). If operators should see the key in
 *       the example, add it, commented, to {@code config/bridge.yaml} (a test loads that file).
 * </ol>
 * Nothing else constructs these records but tests: most use
 * {@link io.ocppbridge.config.ConfigLoader#fromValues} and need nothing; the few that call a
 * canonical constructor ({@code CallbackResolverTest}, {@code ChargerAccessTest}...) get one more
 * argument from the compiler's complaint.
 *
 * <p>May depend on the JDK, Jackson (databind and YAML) and {@code core} (for
 * {@link io.ocppbridge.core.CsmsProtocol}); nothing else.
 */
package io.ocppbridge.config;
