package io.ocppbridge.app;

import io.ocppbridge.config.ConfigException;
import io.ocppbridge.config.ConfigLoader;
import io.ocppbridge.tls.TlsFiles;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code check-config FILE}: validates a configuration (the file plus {@code BRIDGE_*}
 * variables) and prints the effective value of every key, secrets masked (every key whose value
 * is a {@link io.ocppbridge.config.Secret}). Exit 0 when valid, 2
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
        System.out.println(key + ": " + value));
    System.out.println("# valid");
    return Main.EXIT_OK;
  }
}
