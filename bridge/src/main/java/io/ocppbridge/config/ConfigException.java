package io.ocppbridge.config;

/** A configuration that cannot be used; the message names the key and the problem. */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  static ConfigException forKey(String key, String problem) {
    return new ConfigException("configuration key '" + key + "': " + problem);
  }
}
