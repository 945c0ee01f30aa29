package io.ocppbridge.logging;

import io.ocppbridge.core.ChargerId;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message trace: one line per relayed message on the logger {@code io.ocppbridge.trace}.
 * It is on for every charger when that logger is at DEBUG, and for single chargers when an
 * operator switches them on at runtime (admin API); their lines are then logged at INFO so they
 * pass the default configuration.
 *
 * <p>The selection is JVM-wide, like logger levels themselves: it belongs to logging, not to one
 * bridge instance, and is keyed by charger identity.
 */
public final class MessageTrace {

  /** The logger the trace is written to. */
  public static final String LOGGER = "io.ocppbridge.trace";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
  private static final Set<String> SELECTED = ConcurrentHashMap.newKeySet();

  private MessageTrace() {}

  /** Switches the trace on for one charger, whatever the logger's level. */
  public static void select(ChargerId id) {
    SELECTED.add(id.value());
  }

  /** Switches the per-charger trace off (the logger's level still applies). */
  public static void deselect(ChargerId id) {
    SELECTED.remove(id.value());
  }

  /** True when the trace was switched on for this charger on its own. */
  public static boolean isSelected(ChargerId id) {
    return SELECTED.contains(id.value());
  }

  /** The chargers traced on their own, sorted. */
  public static Set<String> selected() {
    return new TreeSet<>(SELECTED);
  }

  /** True when a line for this charger would be written: check before building costly text. */
  public static boolean isOn(String charger) {
    return LOG.isDebugEnabled() || SELECTED.contains(charger);
  }

  /**
   * Writes one trace line, {@code [charger] } followed by the formatted message.
   *
   * @param format an SLF4J format for what follows the charger's prefix
   */
  public static void line(String charger, String format, Object... args) {
    boolean selected = SELECTED.contains(charger);
    if (!selected && !LOG.isDebugEnabled()) {
      return;
    }
    // the identity is an argument, never part of the format: one holding "{}" stays itself
    Object[] all = new Object[args.length + 1];
    all[0] = charger;
    System.arraycopy(args, 0, all, 1, args.length);
    if (selected) {
      LOG.info("[{}] " + format, all);
    } else {
      LOG.debug("[{}] " + format, all);
    }
  }
}
