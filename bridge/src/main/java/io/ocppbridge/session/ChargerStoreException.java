package io.ocppbridge.session;

/** A {@link ChargerStore} could not read or write; the cause says why. */
public final class ChargerStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ChargerStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
