package io.ocppbridge.app;

import io.ocppbridge.config.BridgeConfig;
import io.ocppbridge.config.ConfigException;
import io.ocppbridge.config.ConfigLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** {@code run --config FILE}: runs the bridge until SIGTERM or Ctrl-C. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the bridge with a YAML configuration (BRIDGE_* variables override it).")
final class RunCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "YAML configuration file (see config/bridge.yaml).")
  Path config;

  @Override
  public Integer call() throws InterruptedException {
    BridgeConfig loaded;
    try {
      loaded = ConfigLoader.load(config, System.getenv());
    } catch (ConfigException e) {
      System.err.println("ocpp-soap-bridge: " + e.getMessage());
      return Main.EXIT_CONFIG;
    }
    Bridge bridge;
    try {
      bridge = Bridge.start(loaded);
    } catch (RuntimeException e) {
      // a port taken, a registry that cannot be opened, a database that does not answer: one
      // line the operator can act on, the stack trace only at DEBUG
      System.err.println("ocpp-soap-bridge: cannot start: " + StartFailure.describe(e));
      LOG.debug("start failed", e);
      return Main.EXIT_FAILURE;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      bridge.close();
      stopped.countDown();
    }, "bridge-shutdown"));
    stopped.await();
    return Main.EXIT_OK;
  }
}
