package io.ocppbridge.bench;

/** One benchmark scenario, selectable by name; adds its lines to the result table. */
public interface Scenario {

  /** The name it is selected by on the command line. */
  String name();

  /** One line saying what it measures. */
  String description();

  void run(BenchContext context) throws Exception;

  /**
   * Whether {@code --own-jvms} runs this scenario's targets each in a JVM of its own, warmed up
   * there ({@link ChildTargets}); those need no warm-up in this JVM.
   */
  default boolean runsInOwnJvms() {
    return false;
  }
}
