package io.ocppbridge.app;

import io.ocppbridge.config.ConfigException;
import io.ocppbridge.config.ConfigLoader;
import io.ocppbridge.tls.TlsFiles;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code check-config FILE}: validates a configuration (the file plus {@code BRIDGE_*}
 * variables) and prints the effective value of every key, secrets masked. Exit 0 when valid, 2
 * with the problem otherwise.
 */
@Command(name = "check-config", mixinStandardHelpOptions = true,
    description = "Validate a configuration and print the effective value of every key.")
final class CheckConfigCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE", description = "YAML configuration file.")
  Path file;

  @Override
  public Integer call() {
    Map<String, String> env = System.getenv();
    try {
      TlsFiles.checkAll(ConfigLoader.load(file, env));
    } catch (ConfigException e) {
      System.err.println("ocpp-soap-bridge: " + e.getMessage());
      return Main.EXIT_CONFIG;
    }
    System.out.println("# effective configuration of " + file + " (defaults < file < BRIDGE_*)");
    ConfigLoader.effective(file, env).forEach((key, value) ->
        System.out.println(key + ": " + (secret(key) ? "****" : value)));
    System.out.println("# valid");
    return Main.EXIT_OK;
  }

  /**
   * Keys whose value is a secret: every {@code ...password} ({@code csms.password},
   * {@code chargers.<id>.soapPassword}, {@code ...keystorePassword}). {@code ...passwordEnv} and
   * {@code ...passwordFile} name where a secret is and are shown.
   */
  static boolean secret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.endsWith("password") || k.contains("secret") || k.contains("token");
  }
}
