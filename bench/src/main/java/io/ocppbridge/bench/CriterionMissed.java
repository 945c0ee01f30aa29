package io.ocppbridge.bench;

/**
 * Thrown by a soak scenario after it reported its figures, when one of its pass criteria was
 * missed: {@link BenchMain} then exits with status 1.
 */
final class CriterionMissed extends Exception {

  private static final long serialVersionUID = 1L;

  CriterionMissed(String scenario, String what) {
    super("criterion missed in " + scenario + ": " + what);
  }
}
