package io.ocppbridge.cluster;

import io.ocppbridge.config.ClusterConfig;
import io.ocppbridge.core.ChargerContext;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.CsmsLink;
import io.ocppbridge.core.Durations;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.session.RegistryDatabase;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This bridge process as one node of a cluster: the chargers whose WebSocket it holds, each under
 * a lease in the shared registry. Its {@link #link} wraps the WebSocket link so that a charger's
 * request first makes this node the charger's owner; the other nodes learn it from the database
 * and close their WebSocket for that charger.
 *
 * <p>Database work runs on one thread of its own ({@code cluster-leases}), never on a request's
 * or an event loop's thread.
 */
public final class ClusterNode implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);

  private final String nodeId;
  private final ClusterConfig config;
  private final LeaseStore leases;
  private final CsmsLink link;
  private final Consumer<ChargerId> lost;
  private final HandoverListener listener;
  private final ScheduledExecutorService worker;
  private final Set<String> owned = ConcurrentHashMap.newKeySet();
  private final Map<String, CompletableFuture<Void>> taking = new ConcurrentHashMap<>();
  private final AtomicLong takenFromOthers = new AtomicLong();
  private final AtomicLong lostToOthers = new AtomicLong();
  private volatile long lastRenewalNanos = System.nanoTime();
  private volatile boolean fenced;

  private ClusterNode(ClusterConfig config, RegistryDatabase database, CsmsLink link,
      Consumer<ChargerId> lost) {
    this.nodeId = config.nodeId() != null ? config.nodeId() : defaultNodeId();
    this.config = config;
    this.leases = new LeaseStore(database.dataSource(), nodeId, config.leaseTtl());
    this.link = link;
    this.lost = lost;
    this.listener = new HandoverListener(database::dedicatedConnection, this::takenBy);
    this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "cluster-leases");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Joins the cluster: records the node, listens for handovers and renews its leases from now on.
   *
   * @param link the WebSocket link whose connections this node's leases cover
   * @param lost told of each charger another node took from this one, once its WebSocket here
   *     is closed
   */
  public static ClusterNode start(ClusterConfig config, RegistryDatabase database,
      CsmsLink link, Consumer<ChargerId> lost) {
    ClusterNode node = new ClusterNode(config, database, link, lost);
    try {
      node.leases.nodeStarted();
    } catch (SQLException e) {
      node.worker.shutdownNow();
      throw new IllegalStateException("cannot record cluster node '" + node.nodeId
          + "' in the registry at " + database.description() + ": " + e.getMessage(), e);
    }
    node.listener.start();
    long every = config.renewEvery().toMillis();
    node.worker.scheduleWithFixedDelay(node::renew, every, every, TimeUnit.MILLISECONDS);
    LOG.info("cluster node '{}': leases of {}, renewed every {}, handover within {}",
        node.nodeId, Durations.text(config.leaseTtl()), Durations.text(config.renewEvery()),
        Durations.text(config.handoverWithin()));
    return node;
  }

  /** This node's name in the lease table. */
  public String nodeId() {
    return nodeId;
  }

  /** The link the relays use: each charger's request first makes this node its owner. */
  public CsmsLink link() {
    return new OwnedCsmsLink();
  }

  /**
   * Takes the charger's lease if nobody holds a live one (a charger known from before a restart,
   * or a dead node's); false when another node holds it or the database cannot be reached.
   */
  public boolean takeIfFree(ChargerId id) {
    try {
      if (leases.takeIfFree(id.value())) {
        owned.add(id.value());
        return true;
      }
      return false;
    } catch (SQLException e) {
      LOG.warn("[{}] cannot check its lease ({}); not reconnecting it", id, e.getMessage());
      return false;
    }
  }

  /** How many chargers this node owns now. */
  public int leasesOwned() {
    return owned.size();
  }

  /** Chargers this node took from another live node since it started. */
  public long takenFromOthers() {
    return takenFromOthers.get();
  }

  /** Chargers another node took from this one since it started. */
  public long lostToOthers() {
    return lostToOthers.get();
  }

  /** True while the database notifies this node of handovers. */
  public boolean isListening() {
    return listener.isListening();
  }

  /** Makes this node the charger's owner, at once when it is already. */
  private CompletableFuture<Void> own(ChargerId id) {
    String charger = id.value();
    if (owned.contains(charger)) {
      return CompletableFuture.completedFuture(null);
    }
    return taking.computeIfAbsent(charger, c -> {
      CompletableFuture<Void> done = CompletableFuture.runAsync(() -> take(id), worker);
      done.whenComplete((v, e) -> taking.remove(c));
      return done;
    });
  }

  private void take(ChargerId id) {
    try {
      leases.take(id.value()).ifPresent(previous -> {
        takenFromOthers.incrementAndGet();
        LOG.info("[{}] took the charger over from node '{}' (its request reached this node)",
            id, previous);
      });
      owned.add(id.value());
    } catch (SQLException e) {
      LOG.warn("[{}] cannot take the charger's lease: {}", id, e.getMessage());
      throw new OcppException(OcppErrorCode.INTERNAL_ERROR, "the bridge cannot reach its"
          + " registry to take this charger over from another bridge node; try again later",
          OcppException.Origin.BRIDGE, e);
    }
  }

  /** A node took a charger's lease: when it was this node's, its WebSocket is closed. */
  private void takenBy(String newOwner, String charger) {
    if (!newOwner.equals(nodeId) && owned.remove(charger)) {
      lostToOthers.incrementAndGet();
      LOG.info("[{}] now served by node '{}': closing its WebSocket here", charger, newOwner);
      letGo(new ChargerId(charger), "another bridge node serves the charger now");
    }
  }

  /** Renews every lease this node holds and lets go of the chargers it lost. */
  private void renew() {
    Set<String> mine = new HashSet<>(owned);
    try {
      Set<String> kept = leases.renew(mine);
      lastRenewalNanos = System.nanoTime();
      if (fenced) {
        LOG.info("the registry answers again: this node takes chargers again");
        fenced = false;
      }
      for (String charger : mine) {
        if (!kept.contains(charger) && owned.remove(charger)) {
          lostToOthers.incrementAndGet();
          LOG.info("[{}] its lease is held by another node now: closing its WebSocket here",
              charger);
          letGo(new ChargerId(charger), "another bridge node serves the charger now");
        }
      }
    } catch (SQLException | RuntimeException e) {
      Duration silent = Duration.ofNanos(System.nanoTime() - lastRenewalNanos);
      if (silent.compareTo(config.handoverWithin()) >= 0 && !owned.isEmpty()) {
        fence(silent, e);
      } else if (!fenced) {
        LOG.warn("cannot renew {} charger lease(s): {}", mine.size(), e.getMessage());
      }
    }
  }

  /**
   * Cut off from the database for {@code cluster.handoverWithin}: another node may have taken
   * any of this node's chargers meanwhile without this one learning it, so all are let go.
   */
  private void fence(Duration silent, Exception cause) {
    Set<String> all = new HashSet<>(owned);
    LOG.error("cannot renew charger leases for {} ({}): closing the WebSockets of {} charger(s)"
        + " so that no charger is served by two nodes", Durations.text(silent),
        cause.getMessage(), all.size());
    fenced = true;
    for (String charger : all) {
      if (owned.remove(charger)) {
        letGo(new ChargerId(charger), "the bridge cannot reach its registry");
      }
    }
  }

  private void letGo(ChargerId id, String reason) {
    link.release(id, reason);
    lost.accept(id);
  }

  @Override
  public void close() {
    listener.close();
    worker.shutdownNow();
    try {
      worker.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String defaultNodeId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "node";
    }
    return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
  }

  /** The WebSocket link as the relays see it: ownership first. */
  private final class OwnedCsmsLink implements CsmsLink {

    @Override
    public CompletableFuture<String> call(ChargerContext charger, String action,
        String payloadJson) {
      return own(charger.id()).thenCompose(v -> link.call(charger, action, payloadJson));
    }

    @Override
    public void open(ChargerContext charger) {
      own(charger.id()).thenRun(() -> link.open(charger));
    }

    @Override
    public void release(ChargerId id, String reason) {
      link.release(id, reason);
      if (owned.remove(id.value())) {
        worker.execute(() -> {
          try {
            leases.release(id.value());
          } catch (SQLException e) {
            LOG.debug("[{}] lease not given up now ({}); it expires", id, e.getMessage());
          }
        });
      }
    }
  }
}
