package io.ocppbridge.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A defect of the bridge that some corpus cases run into, found by this corpus and not fixed
 * here. A case marked with its id is skipped with an assumption whose message starts with
 * {@code "bug: "} — but only when every difference is of a kind the bug explains; any other
 * difference fails the case, and so does a marked case that now passes (remove its mark).
 *
 * @param kinds the kinds of {@link Difference} the bug explains
 */
record KnownBug(String id, String description, Set<String> kinds) {

  /**
   * Passes when there are no differences and no bug is named; skips when the named known bug
   * explains every difference; fails otherwise.
   */
  static void judge(Map<String, KnownBug> known, Object corpusCase, String bugId,
      List<Difference> differences, String answer) {
    KnownBug bug = bugId == null ? null : known.get(bugId);
    if (bug == null) {
      assertThat(differences).as("answer: %s", answer).isEmpty();
      return;
    }
    assertThat(differences)
        .as("marked with known bug %s (%s), but the answer is as expected now: remove the mark",
            bug.id(), bug.description())
        .isNotEmpty();
    assertThat(differences).as("differences that bug %s does not explain; answer: %s", bug.id(),
        answer).allMatch(d -> bug.kinds().contains(d.kind()));
    assumeTrue(false, "bug: " + bug.id() + " " + bug.description() + " — case " + corpusCase
        + ": " + differences);
  }
}
