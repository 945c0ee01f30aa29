package io.ocppbridge.session;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests what a {@code kill -9} of the bridge leaves of its registry (issue "Persistent
 * registry": a kill loses at most the write-behind bound): a child JVM ({@link StoreCrashWriter})
 * writes through {@link WriteBehindStore} into an H2 file and is killed right after a flush.
 */
class StoreCrashTest {

  private static final Pattern WRITTEN = Pattern.compile("written (\\d+)");
  /** Flushes to see before the kill: the last one may be racing the kill, the others not. */
  private static final int FLUSHES_BEFORE_KILL = 3;

  @TempDir
  Path dir;

  private Process child;

  @AfterEach
  void killChild() {
    if (child != null) {
      child.destroyForcibly();
    }
  }

  /** Verifies that every record flushed before a kill -9 is in the file, which opens cleanly. */
  @Test
  void killedWriterKeepsEveryFlushedRecord() throws Exception {
    // GIVEN a child JVM writing new chargers into an H2 file, flushing every 200 ms
    Path file = dir.resolve("registry");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        StoreCrashWriter.class.getName(), file.toString())
        .redirectErrorStream(true)
        .start();
    BlockingQueue<Long> reports = new LinkedBlockingQueue<>();
    List<String> output = Collections.synchronizedList(new ArrayList<>());
    Thread reader = readLines(child, reports, output);

    // WHEN it is killed (SIGKILL) right after its third flush was reported
    long reported = 0;
    for (int i = 0; i < FLUSHES_BEFORE_KILL; i++) {
      Long n = reports.poll(15, SECONDS);
      assertThat(n).as("flush report %d; child output: %s", i + 1, output).isNotNull();
      reported = n;
    }
    child.destroyForcibly();
    assertThat(child.waitFor(10, SECONDS)).isTrue();
    reader.join(5_000);
    for (Long n : reports) { // flushes the child completed before the kill took effect
      reported = Math.max(reported, n);
    }

    // THEN the file opens cleanly and holds at least every record reported as written
    List<ChargerRecord> rows;
    try (ChargerStore reopened = JdbcChargerStore.open(JdbcChargerStore.h2FileUrl(file))) {
      rows = reopened.seenSince(Instant.EPOCH);
    }
    assertThat(child.exitValue()).as("killed, not exited").isNotZero();
    assertThat(reported).isPositive();
    assertThat((long) rows.size()).isGreaterThanOrEqualTo(reported);
    for (ChargerRecord row : rows) {
      int i = Integer.parseInt(row.identity().substring("CRASH-".length()));
      assertThat(row).isEqualTo(StoreCrashWriter.record(i));
    }
  }

  private static Thread readLines(Process process, BlockingQueue<Long> reports,
      List<String> output) {
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          Matcher m = WRITTEN.matcher(line);
          if (m.matches()) {
            reports.add(Long.parseLong(m.group(1)));
          } else {
            output.add(line);
          }
        }
      } catch (IOException closedByKill) {
        // the stream ends with the process
      }
    }, "crash-child-output");
    reader.setDaemon(true);
    reader.start();
    return reader;
  }
}
