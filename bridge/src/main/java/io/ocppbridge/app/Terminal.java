package io.ocppbridge.app;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * Where an interactive command reads its input lines and writes its output: the process's standard
 * streams, or in tests a piped input and a captured output.
 */
record Terminal(InputStream in, PrintStream out) {

  /** Standard input and output as they are now. */
  static Terminal system() {
    return new Terminal(System.in, System.out);
  }
}
