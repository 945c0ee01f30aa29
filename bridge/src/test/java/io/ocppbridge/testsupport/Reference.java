package io.ocppbridge.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the official interface files and recorded traffic in {@code ../shared/reference/}.
 *
 * <p>The folder sits beside the repository on the team's machines and in CI, never in a user's
 * clone; tests that need it call {@link #dir()} and are skipped with a clear message when absent
 * on a developer's machine. In CI (environment variable {@code CI} set, as {@code .ci/run} does)
 * its absence is a failure: a broken path must not turn the conformance tests into silent skips.
 */
public final class Reference {

  private Reference() {}

  /** The reference folder, or a skipped test (a failed one in CI) when it is not there. */
  public static Path dir() {
    Path dir = locate();
    if (dir == null && inCi()) {
      throw new AssertionError("../shared/reference not found, and CI is set: the conformance"
          + " tests against the official OCPP files must run in CI (set -Dbridge.reference.dir)");
    }
    assumeTrue(dir != null,
        "../shared/reference not found (set -Dbridge.reference.dir); "
            + "conformance against the official OCPP files is skipped");
    return dir;
  }

  /**
   * A file or folder below the reference folder; a skipped test when the folder is not there,
   * and a failed one when the folder is there but this entry is missing (a moved file).
   */
  public static Path file(String relative) {
    Path entry = dir().resolve(relative);
    if (!Files.exists(entry)) {
      throw new AssertionError("the reference folder has no " + relative);
    }
    return entry;
  }

  /** Whether the tests run in CI, where nothing they need may be missing. */
  public static boolean inCi() {
    String ci = System.getenv("CI");
    return ci != null && !ci.isEmpty() && !"false".equalsIgnoreCase(ci);
  }

  private static Path locate() {
    String configured = System.getProperty("bridge.reference.dir");
    if (configured != null && Files.isDirectory(Path.of(configured))) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared").resolve("reference");
      if (Files.isDirectory(candidate)) {
        return candidate.normalize();
      }
    }
    return null;
  }
}
