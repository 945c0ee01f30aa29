package io.ocppbridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the documentation navigable: every relative link of {@code README.md} and
 * {@code docs/*.md} points at a file that exists, and at a heading that exists when it names an
 * anchor in a Markdown page; the README stays short and starts with its two commands, the second
 * being what {@code .ci/run} runs.
 */
class DocumentationLinksTest {

  private static final Path ROOT = Path.of("..");
  private static final Path README = ROOT.resolve("README.md");
  private static final int README_MAX_LINES = 220;
  private static final String DEMO_COMMAND =
      "mvn -B -q -DskipTests package && java -jar bridge/target/ocpp-soap-bridge.jar demo";
  private static final String TEST_COMMAND = "mvn -B verify";

  // Verifies that no relative link of the README or of docs/ is broken, anchors included.
  @Test
  void everyRelativeLinkPointsAtAFileAndHeadingThatExist() throws IOException {
    // GIVEN the README and every page of docs/
    List<Path> pages = documentationPages();

    // WHEN each of their relative links is resolved
    List<String> broken = new ArrayList<>();
    for (Path page : pages) {
      for (MarkdownPage.Link link : MarkdownPage.read(page).relativeLinks()) {
        String problem = problemOf(link);
        if (problem != null) {
          broken.add(link + ": " + problem);
        }
      }
    }

    // THEN none is broken (and there are links to check at all)
    assertThat(pages).hasSizeGreaterThan(5);
    assertThat(broken).as("broken links in the documentation").isEmpty();
  }

  // Verifies that the README is short and opens with the demo and the test command, the latter
  // being the command CI runs.
  @Test
  void readmeIsShortAndStartsWithTheTwoCommands() throws IOException {
    // GIVEN the README and the CI script
    List<String> lines = MarkdownPage.read(README).lines();
    List<String> ci = Files.readAllLines(ROOT.resolve(".ci/run"), StandardCharsets.UTF_8);

    // WHEN its opening is read: the title, then the first code block
    List<String> opening = lines.stream().filter(l -> !l.isBlank()).limit(5).toList();

    // THEN it is a title and a block of exactly the two commands, and CI ends with the second
    assertThat(lines).as("README.md lines").hasSizeLessThanOrEqualTo(README_MAX_LINES);
    assertThat(opening.get(0)).startsWith("# ");
    assertThat(opening.get(1)).isEqualTo("```bash");
    assertThat(command(opening.get(2))).isEqualTo(DEMO_COMMAND);
    assertThat(command(opening.get(3))).isEqualTo(TEST_COMMAND);
    assertThat(opening.get(4)).isEqualTo("```");
    assertThat(ci.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .reduce((a, b) -> b)).as("last command of .ci/run").contains(TEST_COMMAND);
  }

  // Verifies that the check finds what it is for: a missing file, a missing heading, a heading
  // written the way GitHub names it.
  @Test
  void brokenLinksAreFound(@TempDir Path dir) throws IOException {
    // GIVEN a page linking to a file that exists, one that does not, and anchors good and bad
    Files.writeString(dir.resolve("other.md"), "# Other\n\n## What is refused, and how it shows\n"
        + "\n## `soap`\n\n```\n## not a heading\n```\n");
    Files.writeString(dir.resolve("page.md"), String.join("\n",
        "# Page", "",
        "[ok](other.md), [ok](other.md#what-is-refused-and-how-it-shows), [ok](other.md#soap),",
        "[ok](#page), [web](https://example.com/missing.md), `[code](missing-in-code.md)`",
        "[missing file](missing.md) [missing heading](other.md#nowhere)",
        "[inside a fence](other.md#not-a-heading)", ""));

    // WHEN its links are checked
    List<String> problems = MarkdownPage.read(dir.resolve("page.md")).relativeLinks().stream()
        .filter(link -> problemOf(link) != null)
        .map(MarkdownPage.Link::target)
        .toList();

    // THEN exactly the broken ones are reported
    assertThat(problems).containsExactly("missing.md", "other.md#nowhere",
        "other.md#not-a-heading");
  }

  /** Why the link is broken, or null when it is not. */
  private static String problemOf(MarkdownPage.Link link) {
    Path page = link.page();
    Path target = link.file().isEmpty() ? page
        : page.toAbsolutePath().getParent().resolve(link.file()).normalize();
    if (!Files.exists(target)) {
      return "no such file";
    }
    String anchor = link.anchor();
    if (anchor == null || anchor.isEmpty() || !target.toString().endsWith(".md")) {
      return null;
    }
    return MarkdownPage.read(target).anchors().contains(anchor) ? null
        : "no heading with the anchor #" + anchor;
  }

  private static List<Path> documentationPages() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(README));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  /** A line of a shell block without its trailing comment. */
  private static String command(String line) {
    int comment = line.indexOf(" #");
    return (comment < 0 ? line : line.substring(0, comment)).strip();
  }
}
