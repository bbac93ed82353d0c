package org.luoshi.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DMN interview-method: the method for each trigger at the boundaries of earlier interviews. */
class InterviewMethodDecisionTest {

  static DmnEngine dmn;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = InterviewMethodDecisionTest.class.getResourceAsStream("/processes/interview-method.dmn")) {
      decision = dmn.parseDecision(Interviews.METHOD_DECISION, in);
    }
  }

  static String method(String trigger, int earlier) {
    return dmn.evaluateDecisionTable(decision,
            Variables.putValue("trigger", trigger).putValue("earlierInterviews", earlier))
        .getSingleResult().getSingleEntry();
  }

  @ParameterizedTest(name = "{0} after {1} earlier interviews → {2}")
  @CsvSource({
      "PETITIONS, 0, FACT_FINDING",
      "PETITIONS, 1, FACT_FINDING",
      "PETITIONS, 9, FACT_FINDING",
      "WARNING_SIGNS, 0, REMINDER",
      "WARNING_SIGNS, 1, ADMONITION",
      "WARNING_SIGNS, 5, ADMONITION",
      "POOR_IMPLEMENTATION, 0, REMINDER",
      "POOR_IMPLEMENTATION, 1, ADMONITION",
      "POOR_IMPLEMENTATION, 2, ADMONITION",
      "POOR_IMPLEMENTATION, 3, SPECIAL",
      "POOR_IMPLEMENTATION, 10, SPECIAL",
      "VIOLATION, 0, ADMONITION",
      "VIOLATION, 1, ADMONITION",
      "VIOLATION, 2, SPECIAL",
  })
  void choosesTheMethodFromTheTriggerAndTheEarlierInterviews(String trigger, int earlier, String expected) {
    assertThat(method(trigger, earlier)).isEqualTo(expected);
  }

  @Test
  void everyTriggerHasExactlyOneMethodOtherThanFollowUpForAnyCount() {
    for (InterviewTrigger trigger : InterviewTrigger.values()) {
      for (int earlier = 0; earlier <= 30; earlier++) {
        String method = method(trigger.name(), earlier); // UNIQUE: an overlap fails the evaluation
        assertThat(InterviewMethod.valueOf(method)).as("%s/%d", trigger, earlier)
            .isNotEqualTo(InterviewMethod.FOLLOW_UP);
      }
    }
  }
}
