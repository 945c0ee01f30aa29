package io.ocppbridge.sim;

import io.ocppbridge.core.OcppVersion;
import java.util.Arrays;
import java.util.function.Function;

/** Finds the constant of a generated enumeration by its value on the wire. */
final class WireValues {

  private WireValues() {}

  /**
   * @param what the field, for the message ("status")
   * @throws IllegalArgumentException naming the values the version has
   */
  static <E> E of(E[] values, Function<E, String> wire, String value, String what,
      OcppVersion version) {
    for (E candidate : values) {
      if (wire.apply(candidate).equals(value)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("no " + what + " '" + value + "' in " + version
        + "; one of " + Arrays.stream(values).map(wire).toList());
  }
}
