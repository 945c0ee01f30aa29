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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
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
 *
 * @param <P> the payload form of the link it wraps (see {@link CsmsLink})
 */
public final class ClusterNode<P> implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);
  /** Expired leases looked at per round, so that surviving nodes share a dead node's chargers. */
  private static final int TAKEOVER_BATCH = 200;
  /** How often the watchdog compares the last renewal with {@code cluster.handoverWithin}. */
  private static final long WATCHDOG_MILLIS = 100;

  private final String nodeId;
  private final ClusterConfig config;
  private final LeaseStore leases;
  private final CsmsLink<P> link;
  private final Consumer<ChargerId> lost;
  private final HandoverListener listener;
  private final ScheduledExecutorService worker;
  /** Apart from the worker, which a hanging database call may hold: fences in time anyway. */
  private final ScheduledExecutorService watchdog;
  private final Set<String> owned = ConcurrentHashMap.newKeySet();
  private final Map<String, CompletableFuture<Void>> taking = new ConcurrentHashMap<>();
  private final AtomicLong takenFromOthers = new AtomicLong();
  private final AtomicLong lostToOthers = new AtomicLong();
  private final AtomicLong tookFromDeadNodes = new AtomicLong();
  private volatile long lastRenewalNanos = System.nanoTime();
  private volatile boolean fenced;
  private volatile boolean leaving;
  private volatile boolean lastRenewalFailed;

  private ClusterNode(ClusterConfig config, RegistryDatabase database, CsmsLink<P> link,
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
    this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "cluster-watchdog");
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
  public static <P> ClusterNode<P> start(ClusterConfig config, RegistryDatabase database,
      CsmsLink<P> link, Consumer<ChargerId> lost) {
    ClusterNode<P> node = new ClusterNode<>(config, database, link, lost);
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
    node.watchdog.scheduleWithFixedDelay(node::fenceIfCutOff, WATCHDOG_MILLIS, WATCHDOG_MILLIS,
        TimeUnit.MILLISECONDS);
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
  public CsmsLink<P> link() {
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

  /**
   * From now on, every {@code cluster.renewEvery}, takes the chargers whose lease expired (their
   * node died, or stopped) and reopens their WebSockets with {@code reopen}, without waiting for
   * a request. A charger {@code reopen} declines (silent too long) is let go.
   */
  public void takeOverExpired(Predicate<ChargerId> reopen) {
    long every = config.renewEvery().toMillis();
    worker.scheduleWithFixedDelay(() -> takeOver(reopen), 0, every, TimeUnit.MILLISECONDS);
  }

  private void takeOver(Predicate<ChargerId> reopen) {
    if (fenced || leaving) {
      return;
    }
    int reopened = 0;
    try {
      for (String charger : leases.expired(TAKEOVER_BATCH)) {
        if (!leases.takeIfFree(charger)) {
          continue; // another node was faster
        }
        owned.add(charger);
        ChargerId id = new ChargerId(charger);
        if (reopen.test(id)) {
          reopened++;
          tookFromDeadNodes.incrementAndGet();
        } else {
          owned.remove(charger);
          leases.release(charger);
        }
      }
    } catch (SQLException | RuntimeException e) {
      LOG.warn("cannot look for chargers of stopped nodes: {}", e.getMessage());
    }
    if (reopened > 0) {
      LOG.info("took over {} charger(s) whose node stopped renewing its leases; reopening their"
          + " WebSockets", reopened);
    }
  }

  /** Chargers this node took over from nodes that died or stopped, since it started. */
  public long tookFromDeadNodes() {
    return tookFromDeadNodes.get();
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

  /** True while this node's lease renewals reach the database. */
  public boolean databaseAnswers() {
    long silent = System.nanoTime() - lastRenewalNanos;
    return !lastRenewalFailed && !fenced
        && silent < config.renewEvery().multipliedBy(2).plusSeconds(1).toNanos();
  }

  /** The chargers this node owns now. */
  public Set<String> ownedChargers() {
    return Set.copyOf(owned);
  }

  /** The nodes of the cluster as the registry records them, read now. */
  public List<Node> nodes() {
    try {
      return leases.nodes().stream().map(n -> new Node(n.id(), n.startedAt(), n.lastRenewal(),
          n.alive(), n.leases())).toList();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the cluster's nodes: " + e.getMessage(), e);
    }
  }

  /**
   * A node of the cluster.
   *
   * @param alive whether it renewed its leases within the lease time
   * @param leases its live leases
   */
  public record Node(String id, java.time.Instant startedAt, java.time.Instant lastRenewal,
      boolean alive, int leases) {}

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
    CompletableFuture<Void> mine = new CompletableFuture<>();
    CompletableFuture<Void> running = taking.putIfAbsent(charger, mine);
    if (running != null) {
      return running; // a request of the same charger is taking it already
    }
    try {
      worker.execute(() -> {
        try {
          take(id);
          mine.complete(null);
        } catch (RuntimeException e) {
          mine.completeExceptionally(e);
        } finally {
          taking.remove(charger, mine);
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      taking.remove(charger, mine);
      mine.completeExceptionally(new OcppException(OcppErrorCode.INTERNAL_ERROR,
          "the bridge is stopping", OcppException.Origin.BRIDGE, e));
    }
    return mine;
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
      if (lastRenewalFailed && !fenced) {
        LOG.info("charger leases renewed again");
      }
      lastRenewalFailed = false;
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
      if (!lastRenewalFailed) {
        // once per outage; the fence (or the recovery) is logged on its own
        LOG.warn("cannot renew {} charger lease(s): {}", mine.size(), e.getMessage());
      }
      lastRenewalFailed = true;
    }
  }

  /** Lets every charger go once no renewal has succeeded for {@code cluster.handoverWithin}. */
  private void fenceIfCutOff() {
    Duration silent = Duration.ofNanos(System.nanoTime() - lastRenewalNanos);
    if (silent.compareTo(config.handoverWithin()) >= 0 && !owned.isEmpty()) {
      fence(silent);
    }
  }

  /**
   * Cut off from the database for {@code cluster.handoverWithin}: another node may have taken
   * any of this node's chargers meanwhile without this one learning it, so all are let go.
   */
  private void fence(Duration silent) {
    Set<String> all = new HashSet<>(owned);
    LOG.error("cannot renew charger leases for {}: closing the WebSockets of {} charger(s)"
        + " so that no charger is served by two nodes", Durations.text(silent), all.size());
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

  /** The node is stopping: it takes no more chargers of other nodes from now on. */
  public void stopTakingOver() {
    leaving = true;
  }

  /**
   * Leaves the cluster: the leases of this node end now (its WebSockets are closed by then), so
   * that the other nodes take its chargers over at their next round instead of after the
   * lease time.
   */
  @Override
  public void close() {
    listener.close();
    try {
      worker.submit(() -> {
        int handed = leases.expireAll();
        if (handed > 0) {
          LOG.info("left the cluster: {} charger(s) for the other nodes to take over", handed);
        }
        return handed;
      }).get(5, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
        | java.util.concurrent.RejectedExecutionException e) {
      LOG.warn("could not hand this node's leases over; they expire after {}",
          Durations.text(config.leaseTtl()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    watchdog.shutdownNow();
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
  private final class OwnedCsmsLink implements CsmsLink<P> {

    @Override
    public CompletableFuture<P> call(ChargerContext charger, String action, P payload) {
      return own(charger.id()).thenCompose(v -> link.call(charger, action, payload));
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
