package io.ocppbridge.corpus;

/**
 * One way an answer differs from what its corpus case expects. The kind says which part of the
 * answer differs, so that a {@link KnownBug} can excuse exactly the parts it explains.
 */
record Difference(String kind, String text) {
  @Override
  public String toString() {
    return kind + ": " + text;
  }
}
