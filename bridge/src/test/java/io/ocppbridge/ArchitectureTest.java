package io.ocppbridge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the dependency directions the {@code package-info.java} files promise: a transport-free
 * core and inner layers, edges that do not know each other, and {@code app} as the only wiring.
 */
class ArchitectureTest {

  private static final String CORE = "io.ocppbridge.core..";
  private static final String FRAME = "io.ocppbridge.frame..";
  private static final String TRANSLATE = "io.ocppbridge.translate..";
  private static final String SESSION = "io.ocppbridge.session..";
  private static final String CONFIG = "io.ocppbridge.config..";
  private static final String RELAY = "io.ocppbridge.relay..";
  private static final String SCHEMA = "io.ocppbridge.schema..";
  private static final String UPGRADE = "io.ocppbridge.upgrade..";
  private static final String SOAP = "io.ocppbridge.soap..";
  private static final String WS = "io.ocppbridge.ws..";
  private static final String APP = "io.ocppbridge.app..";
  private static final String TLS = "io.ocppbridge.tls..";
  private static final String ACCESS = "io.ocppbridge.access..";
  private static final String GENERATED = "io.ocppbridge.generated..";
  private static final String LOGGING = "io.ocppbridge.logging..";
  private static final String ADMIN = "io.ocppbridge.admin..";
  private static final String CLUSTER = "io.ocppbridge.cluster..";

  private static final String JACKSON = "com.fasterxml.jackson..";
  private static final String SLF4J = "org.slf4j..";
  private static final String CAFFEINE = "com.github.benmanes.caffeine..";
  private static final String[] XML = {"javax.xml..", "org.w3c.dom..", "org.xml.sax.."};

  /** The transport libraries of the two edges. */
  private static final String[] TRANSPORTS = {
      "org.apache.cxf..", "org.eclipse.jetty..", "io.netty..", "jakarta.xml.ws..",
      "jakarta.servlet.."};

  private static JavaClasses bridge;

  @BeforeAll
  static void importProductionClasses() {
    bridge = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.ocppbridge");
  }

  // Verifies that the core vocabulary depends on the JDK only (org.w3c.dom is the JDK's DOM,
  // the form SOAP payloads take at the ChargerLink port).
  @Test
  void coreDependsOnTheJdkOnly() {
    // GIVEN the production classes
    // WHEN the core's dependencies are checked
    ArchRule rule = classes().that().resideInAPackage(CORE)
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "javax..", "org.w3c.dom..", CORE)
        .because("core is the transport-free vocabulary both edges share (core/package-info)");

    // THEN none reaches outside the JDK
    rule.check(bridge);
  }

  // Verifies that the inner layers use no SOAP, HTTP server or WebSocket library.
  @Test
  void innerLayersUseNoTransportLibrary() {
    // GIVEN the production classes
    // WHEN the inner layers' dependencies are checked
    ArchRule rule = noClasses().that()
        .resideInAnyPackage(CORE, FRAME, TRANSLATE, SESSION, CONFIG, RELAY, SCHEMA, UPGRADE,
            TLS, ACCESS, CLUSTER)
        .should().dependOnClassesThat().resideInAnyPackage(TRANSPORTS)
        .because("only the soap and ws edges may know CXF, Jetty, Netty, JAX-WS or servlets");

    // THEN none uses CXF, Jetty, Netty, JAX-WS or servlets
    rule.check(bridge);
  }

  // Verifies that JAXB and the generated WSDL classes stay out of the layers that have no use for
  // them; translate (and the generated code itself) may use both.
  @Test
  void onlyTranslationAndTheEdgesUseJaxbModels() {
    // GIVEN the production classes
    // WHEN core, frame, session, config, schema and upgrade are checked for JAXB
    ArchRule rule = noClasses().that()
        .resideInAnyPackage(CORE, FRAME, SESSION, CONFIG, SCHEMA, UPGRADE)
        .should().dependOnClassesThat().resideInAnyPackage("jakarta.xml.bind..", GENERATED)
        .because("one JAXB model serves SOAP and JSON, and translate owns it");

    // THEN none of them touches JAXB or the generated classes
    rule.check(bridge);
  }

  // Verifies that no two packages of the bridge depend on each other, directly or through others:
  // the dependency arrows all point one way, inward toward core.
  @Test
  void packagesAreFreeOfCycles() {
    // GIVEN the production classes, one slice per package below io.ocppbridge
    // WHEN the slices' dependencies are followed
    ArchRule rule = slices().matching("io.ocppbridge.(*)..").should().beFreeOfCycles()
        .because("each package-info states what a package may use, and none may use itself back");

    // THEN no cycle is found
    rule.check(bridge);
  }

  /**
   * What each package's {@code package-info.java} says it may depend on, besides the JDK
   * ({@code java..}) and itself. {@code app} (everything) and {@code sim} (everything but
   * {@code app}) are checked by {@link #nothingButAppDependsOnApp}; {@code core} and
   * {@code upgrade} by their own rules.
   */
  static Stream<Arguments> promisedDependencies() {
    return Stream.of(
        promise(FRAME, CORE, JACKSON),
        promise(CONFIG, CORE, JACKSON),
        promise(TLS, CONFIG, "javax.net.."),
        promise(LOGGING, CORE, SLF4J),
        promise(ACCESS, CORE, CONFIG, CAFFEINE, SLF4J, "com.sun.management.."),
        promise(SESSION, CORE, CONFIG, CAFFEINE, SLF4J, "javax.sql..", "org.flywaydb..",
            "com.zaxxer.hikari.."),
        promise(CLUSTER, CORE, CONFIG, SESSION, "javax.sql..", "org.postgresql..", SLF4J),
        promise(TRANSLATE, with(XML, CORE, GENERATED, "jakarta.xml.bind..", JACKSON, SLF4J)),
        promise(SCHEMA, with(XML, CORE, TRANSLATE, JACKSON, "com.networknt..")),
        promise(RELAY, CORE, CONFIG, LOGGING, SCHEMA, SESSION, TRANSLATE, UPGRADE, JACKSON,
            SLF4J, "org.w3c.dom.."),
        promise(ADMIN, CORE, SESSION, LOGGING, "org.eclipse.jetty..", "io.micrometer..",
            JACKSON, SLF4J),
        promise(SOAP, with(XML, CORE, CONFIG, ACCESS, RELAY, TRANSLATE, TLS, LOGGING,
            "org.apache.cxf..", "org.eclipse.jetty..", "jakarta.servlet..", "jakarta.xml.ws..",
            "jakarta.xml.soap..", "javax.net..", "org.codehaus.stax2..", SLF4J)),
        promise(WS, CORE, FRAME, SESSION, CONFIG, TLS, LOGGING, "io.netty..", JACKSON, SLF4J,
            "javax.net.."));
  }

  // Verifies that each package depends on nothing but what its package-info promises.
  @ParameterizedTest(name = "{0}")
  @MethodSource("promisedDependencies")
  void packageDependsOnlyOnWhatItsPackageInfoPromises(String pkg, String[] allowed) {
    // GIVEN the production classes
    // WHEN the package's dependencies are checked against its promise
    ArchRule rule = classes().that().resideInAPackage(pkg)
        .should().onlyDependOnClassesThat().resideInAnyPackage(allowed)
        .because(pkg + " package-info lists what it may depend on");

    // THEN it reaches nothing else
    rule.check(bridge);
  }

  private static Arguments promise(String pkg, String... allowed) {
    List<String> all = new ArrayList<>(Arrays.asList(allowed));
    all.add("java..");
    all.add(pkg);
    return Arguments.of(pkg, all.toArray(String[]::new));
  }

  private static String[] with(String[] more, String... allowed) {
    List<String> all = new ArrayList<>(Arrays.asList(allowed));
    all.addAll(Arrays.asList(more));
    return all.toArray(String[]::new);
  }

  // Verifies that the SOAP edge never depends on the WebSocket edge.
  @Test
  void soapEdgeDoesNotDependOnWebSocketEdge() {
    // GIVEN the production classes
    // WHEN the soap package's dependencies are checked
    ArchRule rule = noClasses().that().resideInAPackage(SOAP)
        .should().dependOnClassesThat().resideInAPackage(WS)
        .because("the edges meet only through the ports in core");

    // THEN it reaches the central system only through core
    rule.check(bridge);
  }

  // Verifies that the WebSocket edge never depends on the SOAP edge.
  @Test
  void webSocketEdgeDoesNotDependOnSoapEdge() {
    // GIVEN the production classes
    // WHEN the ws package's dependencies are checked
    ArchRule rule = noClasses().that().resideInAPackage(WS)
        .should().dependOnClassesThat().resideInAPackage(SOAP)
        .because("the edges meet only through the ports in core");

    // THEN it reaches chargers only through core
    rule.check(bridge);
  }

  // Verifies that nothing outside app depends on app, the wiring package.
  @Test
  void nothingButAppDependsOnApp() {
    // GIVEN the production classes
    // WHEN every package outside app is checked
    ArchRule rule = noClasses().that().resideOutsideOfPackage(APP)
        .should().dependOnClassesThat().resideInAPackage(APP)
        .because("app wires the edges around the core and is the only package that knows all");

    // THEN none of them uses app
    rule.check(bridge);
  }

  // Verifies that the upgrade profile uses nothing but core (plus Jackson and SLF4J), so that
  // both relays can call it whatever edge they serve.
  @Test
  void upgradeProfileDependsOnCoreOnly() {
    // GIVEN the production classes
    // WHEN the upgrade package's dependencies are checked
    ArchRule rule = classes().that().resideInAPackage(UPGRADE)
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("java..", CORE, UPGRADE, "com.fasterxml.jackson..", "org.slf4j..")
        .because("the upgrade profile is a JSON-to-JSON layer (upgrade/package-info)");

    // THEN it reaches no other package of the bridge and no library beyond Jackson and SLF4J
    rule.check(bridge);
  }
}
