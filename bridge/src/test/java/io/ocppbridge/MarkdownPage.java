package io.ocppbridge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown page as far as its links are concerned: the relative links it makes (outside code)
 * and the anchors its headings get on GitHub. Test code for {@code DocumentationLinksTest}.
 */
final class MarkdownPage {

  private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
  private static final Pattern INLINE_CODE = Pattern.compile("`+[^`]*`+");
  private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)(\\s+\"[^\"]*\")?\\)");
  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

  /** One relative link: where it was written and what it points at. */
  record Link(Path page, int line, String target) {

    /** The file part, empty for a link within the page. */
    String file() {
      int hash = target.indexOf('#');
      return hash < 0 ? target : target.substring(0, hash);
    }

    /** The anchor after {@code #}, or null. */
    String anchor() {
      int hash = target.indexOf('#');
      return hash < 0 ? null : target.substring(hash + 1);
    }

    @Override
    public String toString() {
      return page.getFileName() + ":" + line + " -> " + target;
    }
  }

  private final Path path;
  private final List<String> lines;

  private MarkdownPage(Path path, List<String> lines) {
    this.path = path;
    this.lines = lines;
  }

  static MarkdownPage read(Path path) {
    try {
      return new MarkdownPage(path, Files.readAllLines(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<String> lines() {
    return lines;
  }

  /** Links that are not absolute URLs ({@code https:}, {@code mailto:}...), code excluded. */
  List<Link> relativeLinks() {
    List<Link> links = new ArrayList<>();
    boolean inFence = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (FENCE.matcher(line).find()) {
        inFence = !inFence;
        continue;
      }
      if (inFence) {
        continue;
      }
      Matcher m = LINK.matcher(INLINE_CODE.matcher(line).replaceAll(""));
      while (m.find()) {
        String target = m.group(1);
        if (!SCHEME.matcher(target).find()) {
          links.add(new Link(path, i + 1, target));
        }
      }
    }
    return links;
  }

  /** The anchors GitHub gives this page's headings (lower case, punctuation dropped, -1 for repeats). */
  Set<String> anchors() {
    Set<String> anchors = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean inFence = false;
    for (String line : lines) {
      if (FENCE.matcher(line).find()) {
        inFence = !inFence;
        continue;
      }
      Matcher m = HEADING.matcher(line);
      if (inFence || !m.matches()) {
        continue;
      }
      String slug = slug(m.group(2));
      int count = seen.merge(slug, 1, Integer::sum);
      anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
    }
    return anchors;
  }

  /** GitHub's heading slug: link text kept, letters, digits, spaces, '-' and '_' kept, spaces to '-'. */
  static String slug(String heading) {
    String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
    StringBuilder slug = new StringBuilder();
    text.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
      if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
        slug.appendCodePoint(c);
      } else if (c == ' ') {
        slug.append('-');
      }
    });
    return slug.toString();
  }
}
