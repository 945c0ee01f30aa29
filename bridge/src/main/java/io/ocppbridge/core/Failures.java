package io.ocppbridge.core;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The failure a future actually carries, inside the wrappers the JDK puts around it. */
public final class Failures {

  private Failures() {}

  /** {@code failure} without its CompletionException/ExecutionException wrappers. */
  public static Throwable cause(Throwable failure) {
    Throwable c = failure;
    while ((c instanceof CompletionException || c instanceof ExecutionException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }
}
