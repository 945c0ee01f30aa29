package io.ocppbridge.session;

import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.CsmsProtocol;
import io.ocppbridge.core.OcppVersion;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the bridge knows of one charger, refreshed by every SOAP request it sends. Fields are
 * individually volatile: a reader may see one request's version beside the previous request's
 * callback address, which is harmless because each is a complete value on its own.
 */
public final class ChargerSession {

  private final ChargerId id;
  private volatile OcppVersion version;
  private volatile SoapDialect dialect;
  private volatile String callbackAddress;
  private volatile CallbackDecision callback;
  private volatile String callbackInputs;
  private volatile Instant lastSeen;
  private volatile Integer heartbeatInterval;
  private volatile CsmsProtocol protocol = CsmsProtocol.NATIVE;
  private volatile String profileState;
  private volatile boolean accepted;
  /** By quirk name: a closed set of names, so bounded. */
  private final Map<String, LongAdder> quirks = new ConcurrentHashMap<>();

  ChargerSession(ChargerId id, OcppVersion version, SoapDialect dialect, String callbackAddress,
      Instant lastSeen) {
    this.id = id;
    this.version = version;
    this.dialect = dialect;
    this.callbackAddress = callbackAddress;
    this.lastSeen = lastSeen;
  }

  public ChargerId id() {
    return id;
  }

  public OcppVersion version() {
    return version;
  }

  /** The dialect it is presented in to the central system. */
  public CsmsProtocol protocol() {
    return protocol;
  }

  public void protocol(CsmsProtocol protocol) {
    this.protocol = protocol;
  }

  /** The subprotocol of its WebSocket to the central system. */
  public String backendSubprotocol() {
    return protocol.subprotocol(version);
  }

  /**
   * What its upgrade profile must remember across a restart, as the JSON document the profile
   * owns, or null for nothing. Opaque here: the session keeps and persists it, never reads it.
   */
  public String profileState() {
    return profileState;
  }

  public void profileState(String json) {
    this.profileState = json;
  }

  /**
   * True once the central system answered a request of this charger (or it was known from the
   * registry): only then is it written to the registry and kept for its whole presence window.
   */
  public boolean accepted() {
    return accepted;
  }

  /** Marks it accepted; true the first time. */
  public synchronized boolean markAccepted() {
    if (accepted) {
      return false;
    }
    accepted = true;
    return true;
  }

  public SoapDialect dialect() {
    return dialect;
  }

  /** The charger's own SOAP server as its last request named it (wsa:From), or null. */
  public String callbackAddress() {
    return callbackAddress;
  }

  /** Where central-system calls for this charger go, or why they cannot; null before any. */
  public CallbackDecision callback() {
    return callback;
  }

  /**
   * True when what a request said about its callback address (From, ReplyTo, peer) differs from
   * what the last decision was made on; the decision is then due again.
   */
  public boolean callbackInputsChanged(String from, String replyTo, String peer) {
    return !inputs(from, replyTo, peer).equals(callbackInputs);
  }

  /** Sets a decision recorded before a restart; the next request decides afresh. */
  void restoreCallback(CallbackDecision decision) {
    this.callback = decision;
    this.callbackInputs = null;
  }

  /** Records the decision made for these inputs; returns the previous decision (null at first). */
  public CallbackDecision updateCallback(String from, String replyTo, String peer,
      CallbackDecision decision) {
    CallbackDecision previous = this.callback;
    this.callback = decision;
    this.callbackInputs = inputs(from, replyTo, peer);
    return previous;
  }

  private static String inputs(String from, String replyTo, String peer) {
    return from + "\n" + replyTo + "\n" + peer;
  }

  /** The heartbeat interval in seconds the central system gave it at boot, or null. */
  public Integer heartbeatInterval() {
    return heartbeatInterval;
  }

  public void heartbeatInterval(Integer seconds) {
    this.heartbeatInterval = seconds;
  }

  /** Counts the quirks its request showed (names from {@code QuirkCounter}). */
  public void recordQuirks(Collection<String> names) {
    for (String name : names) {
      quirks.computeIfAbsent(name, n -> new LongAdder()).increment();
    }
  }

  /** How many of its requests showed each quirk since this process first heard from it. */
  public Map<String, Long> quirks() {
    Map<String, Long> result = new TreeMap<>();
    quirks.forEach((k, v) -> result.put(k, v.sum()));
    return result;
  }

  /** True when at least one of its requests showed this quirk. */
  public boolean showed(String quirk) {
    return quirks.containsKey(quirk);
  }

  public Instant lastSeen() {
    return lastSeen;
  }

  void refresh(OcppVersion version, SoapDialect dialect, String callbackAddress, Instant now) {
    this.version = version;
    this.dialect = dialect;
    if (callbackAddress != null) {
      this.callbackAddress = callbackAddress;
    }
    this.lastSeen = now;
  }
}
