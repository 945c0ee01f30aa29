package io.ocppbridge.config;

/**
 * Thrown by a configuration record's constructor for one of its own settings; the loader turns
 * it into a {@link ConfigException} naming the full key ({@code soap.path}, {@code
 * chargers.CB-1.callbackUrl}).
 */
final class InvalidSetting extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String setting;
  private final String problem;

  /**
   * @param setting the setting's name in its record ({@code path}, {@code keystore})
   * @param problem what is wrong, quoting the bad value
   */
  InvalidSetting(String setting, String problem) {
    super(setting + ": " + problem);
    this.setting = setting;
    this.problem = problem;
  }

  String setting() {
    return setting;
  }

  String problem() {
    return problem;
  }
}
