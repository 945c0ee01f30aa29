package io.ocppbridge.bench;

/**
 * The Lua script wrk runs: each request names the next charger identity of its thread,
 * {@code WRK<thread>-<n>} for n below {@code perThread}, and a message id of its own;
 * {@code done} prints the figures on one line for {@link WrkRun}.
 */
final class WrkScript {

  private WrkScript() {}

  static String of(String envelope, String contentType, int perThread) {
    return """
        local template = %s
        local contentType = %s
        local perThread = %d
        local threadCount = 0
        function setup(thread)
          thread:set("tid", threadCount)
          threadCount = threadCount + 1
        end
        local sent = 0
        function request()
          sent = sent + 1
          local id = "WRK" .. tid .. "-" .. (sent %% perThread)
          local body = template:gsub("%s", id):gsub("%s", "urn:uuid:wrk-" .. tid .. "-" .. sent)
          return wrk.format("POST", nil, {["Content-Type"] = contentType}, body)
        end
        function done(summary, latency, requests)
          local e = summary.errors
          io.write(string.format("WRK-RESULT requests=%%d duration_us=%%d p50_us=%%d"
            .. " p90_us=%%d p99_us=%%d errors=%%d non2xx=%%d\\n", summary.requests,
            summary.duration, latency:percentile(50), latency:percentile(90),
            latency:percentile(99), e.connect + e.read + e.write + e.timeout, e.status))
        end
        """.formatted(lua(envelope), lua(contentType), perThread,
        WrkRun.ID_MARK, WrkRun.MESSAGE_ID_MARK);
  }

  /** A Lua long string holding {@code text} verbatim. */
  private static String lua(String text) {
    String level = "=";
    while (text.contains("]" + level + "]")) {
      level += "=";
    }
    return "[" + level + "[" + text + "]" + level + "]";
  }
}
