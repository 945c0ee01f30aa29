package io.ocppbridge.app;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Says in one line why the bridge could not start, from the exception and its causes. */
final class StartFailure {

  /** Causes followed at most: a chain longer than this adds nothing an operator can use. */
  private static final int DEPTH = 4;

  private StartFailure() {}

  /** The failure's own message, then each distinct cause's, e.g. "…: no such directory: /x". */
  static String describe(Throwable failure) {
    StringBuilder text = new StringBuilder(message(failure));
    Throwable cause = failure.getCause();
    for (int i = 0; cause != null && cause != failure && i < DEPTH; i++) {
      String more = message(cause);
      if (!text.toString().contains(more)) {
        text.append(": ").append(more);
      }
      cause = cause.getCause();
    }
    return text.toString();
  }

  private static String message(Throwable t) {
    // the file-system exceptions carry only the path as their message
    if (t instanceof NoSuchFileException e) {
      return "no such file or directory: " + e.getFile();
    }
    if (t instanceof AccessDeniedException e) {
      return "permission denied: " + e.getFile();
    }
    if (t instanceof FileSystemException e && e.getReason() != null) {
      return e.getReason() + ": " + e.getFile();
    }
    String message = t.getMessage();
    return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
  }
}
