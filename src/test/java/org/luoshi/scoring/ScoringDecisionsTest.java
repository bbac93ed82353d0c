package org.luoshi.scoring;

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

/** The scoring tables a modeller edits, at every boundary of their default rules. */
class ScoringDecisionsTest {

  static DmnEngine dmn;
  static DmnDecision timeliness;
  static DmnDecision closureRoute;
  static DmnDecision scoreJump;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream t = ScoringDecisionsTest.class.getResourceAsStream("/processes/timeliness-score.dmn");
        InputStream c = ScoringDecisionsTest.class.getResourceAsStream("/processes/closure-route.dmn")) {
      timeliness = dmn.parseDecision("timeliness-score", t);
      closureRoute = dmn.parseDecision("closure-route", c);
    }
    try (InputStream c = ScoringDecisionsTest.class.getResourceAsStream("/processes/closure-route.dmn")) {
      scoreJump = dmn.parseDecision("score-jump", c);
    }
  }

  @ParameterizedTest(name = "{0} days late → {1}")
  @CsvSource({
      "-30, 100", "-1, 100", "0, 100",
      "1, 90", "3, 90",
      "4, 80", "7, 80",
      "8, 60", "15, 60",
      "16, 40", "30, 40",
      "31, 20", "365, 20"})
  void timelinessScoreAtEveryBoundary(long daysLate, int expected) {
    for (boolean extended : new boolean[] {false, true}) {
      Object score = dmn.evaluateDecisionTable(timeliness,
          Variables.putValue("daysLate", daysLate).putValue("extended", extended)).getSingleEntry();
      assertThat(((Number) score).intValue()).as("extended=%s", extended).isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "{0}, difference {1}, leader {2} → principal: {3}")
  @CsvSource({
      "INSTRUCTION, 0, 85, true",
      "KEY_TASK, 0, 85, false",
      "DECISION, 10, 85, false",
      "DECISION, 10.1, 85, true",
      "COMMITTEE, 11, 85, true",
      "KEY_TASK, 0, 60, false",
      "KEY_TASK, 0, 59.9, true",
      "KEY_TASK, 5, 40, true"})
  void closureRoute(String source, double difference, double leaderScore, boolean principal) {
    Object result = dmn.evaluateDecisionTable(closureRoute, Variables.putValue("source", source)
        .putValue("scoreDifference", difference).putValue("leaderScore", leaderScore)).getSingleEntry();
    assertThat(result).isEqualTo(principal);
  }

  @ParameterizedTest(name = "difference {0} → too far apart: {1}")
  @CsvSource({"0, false", "9.9, false", "10, false", "10.1, true", "11, true", "40, true"})
  void scoreJumpAtItsBoundary(double difference, boolean tooFar) {
    var result = dmn.evaluateDecisionTable(scoreJump, Variables.putValue("scoreDifference", difference))
        .getSingleResult();
    assertThat(result.<Boolean>getEntry("scoresDisagree")).isEqualTo(tooFar);
    assertThat(result.getEntryMap().get("scoreJumpText")).isEqualTo(tooFar ? "相差超过 10 分" : null);
  }

  @Test
  void bandsAndTheirJustification() {
    assertThat(QualityBand.of(new java.math.BigDecimal("100"))).isEqualTo(QualityBand.EXCELLENT);
    assertThat(QualityBand.of(new java.math.BigDecimal("90"))).isEqualTo(QualityBand.EXCELLENT);
    assertThat(QualityBand.of(new java.math.BigDecimal("89.9"))).isEqualTo(QualityBand.GOOD);
    assertThat(QualityBand.of(new java.math.BigDecimal("80"))).isEqualTo(QualityBand.GOOD);
    assertThat(QualityBand.of(new java.math.BigDecimal("79.9"))).isEqualTo(QualityBand.FAIR);
    assertThat(QualityBand.of(new java.math.BigDecimal("60"))).isEqualTo(QualityBand.FAIR);
    assertThat(QualityBand.of(new java.math.BigDecimal("59.9"))).isEqualTo(QualityBand.POOR);
    assertThat(QualityBand.of(java.math.BigDecimal.ZERO)).isEqualTo(QualityBand.POOR);
    assertThat(QualityBand.EXCELLENT.needsJustification()).isTrue();
    assertThat(QualityBand.POOR.needsJustification()).isTrue();
    assertThat(QualityBand.GOOD.needsJustification()).isFalse();
    assertThat(QualityBand.FAIR.needsJustification()).isFalse();
  }
}
