package io.ocppbridge.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The OCPP-J side of the corpus, one case per line ({@code #} starts a comment line; columns are
 * separated by {@code " | "}; the last column is taken as is):
 * <ul>
 *   <li>{@code corpus/json/ocpp1.5.txt}, {@code ocpp1.2.txt} — CALLs the central system sends
 *       to a charger of that version: {@code code | text | action | payload}, where the CALLERROR
 *       must carry {@code code} (optionally followed by {@code bug=<id>} of a known defect) and a
 *       description containing {@code text};
 *   <li>{@code corpus/json/frames.txt} — raw WebSocket texts: {@code answer | id | text | frame},
 *       where {@code answer} is the CALLERROR code expected for message {@code id}, or
 *       {@code none} when the bridge must ignore the frame (id and text then {@code -});
 *   <li>{@code corpus/json/valid.txt} — {@code version | action | payload}: a CALL of each action
 *       that must succeed, sent after each bad one.
 * </ul>
 */
final class JsonCorpus {

  /** A schema or action case: a CALL that must be refused with {@code code}. */
  record CallCase(String version, int line, String code, String bug, String text, String action,
      String payload) {
    String identity() {
      return "J" + version.replace(".", "") + "-" + line + "-"
          + (action.isEmpty() ? "empty" : action).replaceAll("[^A-Za-z0-9]", "_");
    }

    @Override
    public String toString() {
      return "ocpp" + version + ":" + line + " " + action + " " + payload + " -> " + code;
    }
  }

  /** A raw frame case: {@code answer} is an OCPP code or {@code none}. */
  record FrameCase(int line, String answer, String messageId, String text, String frame) {
    @Override
    public String toString() {
      return "frames:" + line + " " + frame + " -> " + answer;
    }
  }

  private JsonCorpus() {}

  static List<CallCase> calls(String version) {
    List<CallCase> cases = new ArrayList<>();
    for (Row row : rows("corpus/json/ocpp" + version + ".txt", 4)) {
      String[] code = row.cols[0].split("\\s+bug=");
      cases.add(new CallCase(version, row.line, code[0], code.length > 1 ? code[1] : null,
          row.cols[1], row.cols[2], row.cols[3]));
    }
    return cases;
  }

  static List<FrameCase> frames() {
    return rows("corpus/json/frames.txt", 4).stream()
        .map(r -> new FrameCase(r.line, r.cols[0], r.cols[1], r.cols[2], r.cols[3])).toList();
  }

  /** Valid payloads by "version action". */
  static Map<String, String> valid() {
    Map<String, String> valid = new HashMap<>();
    for (Row row : rows("corpus/json/valid.txt", 3)) {
      valid.put(row.cols[0] + " " + row.cols[1], row.cols[2]);
    }
    return valid;
  }

  private record Row(int line, String[] cols) {}

  private static List<Row> rows(String resource, int columns) {
    Path file = SoapCase.resource(resource);
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split(" \\| ", columns);
      if (cols.length != columns) {
        throw new IllegalArgumentException(resource + ":" + (i + 1) + ": expected " + columns
            + " columns separated by ' | '");
      }
      for (int c = 0; c < columns - 1; c++) {
        cols[c] = cols[c].trim();
      }
      rows.add(new Row(i + 1, cols));
    }
    return rows;
  }
}
