package io.ocppbridge.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The side-by-side table printed at the end of a run, in plain text and as Markdown. */
public final class ResultTable {

  private static final String[] HEADINGS =
      {"scenario", "metric", "bridge", "bare CXF", "bridge vs bare", "target", "met"};

  private final List<ResultRow> rows = new ArrayList<>();

  public synchronized void add(ResultRow row) {
    rows.add(row);
  }

  public synchronized List<ResultRow> rows() {
    return List.copyOf(rows);
  }

  /** A fixed-width table for the terminal. */
  public synchronized void print(PrintStream out) {
    List<String[]> lines = new ArrayList<>();
    lines.add(HEADINGS);
    rows.forEach(r -> lines.add(cells(r)));
    int[] widths = new int[HEADINGS.length];
    for (String[] line : lines) {
      for (int i = 0; i < line.length; i++) {
        widths[i] = Math.max(widths[i], line[i].length());
      }
    }
    for (int l = 0; l < lines.size(); l++) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        b.append(String.format("%-" + widths[i] + "s", lines.get(l)[i]));
        b.append(i + 1 < widths.length ? " | " : "");
      }
      out.println(b.toString().stripTrailing());
      if (l == 0) {
        out.println("-".repeat(b.length()));
      }
    }
  }

  /** The same table in Markdown, for the README. */
  public synchronized void printMarkdown(PrintStream out) {
    out.println("| " + String.join(" | ", HEADINGS) + " |");
    out.println("|" + "---|".repeat(HEADINGS.length));
    rows.forEach(r -> out.println("| " + String.join(" | ", cells(r)) + " |"));
  }

  private static String[] cells(ResultRow r) {
    return new String[] {r.scenario(), r.metric(), r.bridge(), r.bare(), r.comparison(),
        r.target(), r.verdict()};
  }
}
