package io.ocppbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removal of the temporary folders scenarios write their configurations and logs into. */
final class TempFolders {

  private TempFolders() {}

  /** Deletes {@code folder} and everything in it; a folder left behind is harmless. */
  static void delete(Path folder) {
    try (Stream<Path> all = Files.walk(folder)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // nothing to do: the operating system's temporary folder is cleaned in time
    }
  }
}
