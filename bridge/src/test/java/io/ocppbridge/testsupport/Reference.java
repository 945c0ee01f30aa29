package io.ocppbridge.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the official interface files and recorded traffic in {@code ../shared/reference/}.
 *
 * <p>The folder sits beside the repository on the team's machines and in CI, never in a user's
 * clone; tests that need it call {@link #dir()} and are skipped with a clear message when absent.
 */
public final class Reference {

  private Reference() {}

  /** The reference folder, or a skipped test when it is not there. */
  public static Path dir() {
    Path dir = locate();
    assumeTrue(dir != null,
        "../shared/reference not found (set -Dbridge.reference.dir); "
            + "conformance against the official OCPP files is skipped");
    return dir;
  }

  /** A file below the reference folder, or a skipped test when the folder is not there. */
  public static Path file(String relative) {
    return dir().resolve(relative);
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
