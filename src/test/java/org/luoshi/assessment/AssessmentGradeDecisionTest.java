package org.luoshi.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The assessment's two tables a modeller edits, at every boundary of their default rules. */
class AssessmentGradeDecisionTest {

  static DmnEngine dmn;
  static DmnDecision grade;
  static DmnDecision consequence;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream g = AssessmentGradeDecisionTest.class.getResourceAsStream("/processes/assessment-grade.dmn");
        InputStream c = AssessmentGradeDecisionTest.class.getResourceAsStream("/processes/assessment-consequence.dmn")) {
      grade = dmn.parseDecision("assessment-grade", g);
      consequence = dmn.parseDecision("assessment-consequence", c);
    }
  }

  static Map<String, Object> grade(int closed, Double score, int overdueUncompleted, int interviews) {
    DmnDecisionTableResult r = dmn.evaluateDecisionTable(grade, Variables.putValue("closed", closed)
        .putValue("averageFinalScore", score).putValue("overdueUncompleted", overdueUncompleted)
        .putValue("interviews", interviews));
    return r.getFirstResult().getEntryMap();
  }

  @ParameterizedTest(name = "score {0}, overdue uncompleted {1}, interviews {2} → {3}")
  @CsvSource({
      "100, 0, 0, EXCELLENT, 优秀",
      "90, 0, 0, EXCELLENT, 优秀",
      "89.9, 0, 0, GOOD, 良好",
      "80, 0, 0, GOOD, 良好",
      "79.9, 0, 0, PASS, 合格",
      "60, 0, 0, PASS, 合格",
      "59.9, 0, 0, FAIL, 不合格",
      "0, 0, 0, FAIL, 不合格",
      // an overdue uncompleted item, or an interview, rules out 优秀 — and nothing else
      "90, 1, 0, GOOD, 良好",
      "100, 3, 0, GOOD, 良好",
      "90, 0, 1, GOOD, 良好",
      "95, 2, 2, GOOD, 良好",
      "85, 1, 1, GOOD, 良好",
      "79.9, 1, 0, PASS, 合格",
      "59.9, 1, 1, FAIL, 不合格"})
  void gradeAtEveryBoundary(double score, int overdueUncompleted, int interviews, String code, String label) {
    Map<String, Object> out = grade(3, score, overdueUncompleted, interviews);
    assertThat(out.get("grade")).isEqualTo(code);
    assertThat(out.get("gradeLabel")).isEqualTo(label);
    assertThat((String) out.get("gradeReason")).isNotBlank();
  }

  @Test
  void withoutAClosedItemTheGradeDependsOnOverdueUncompletedItems() {
    assertThat(grade(0, null, 0, 0).get("grade")).isEqualTo("PASS");
    assertThat(grade(0, null, 0, 2).get("grade")).isEqualTo("PASS");
    assertThat(grade(0, null, 1, 0).get("grade")).isEqualTo("FAIL");
  }

  @ParameterizedTest(name = "{0} {1} → {2}")
  @CsvSource({
      "UNIT, FAIL, AWARD_INELIGIBLE INTERVIEW",
      "PERSON, FAIL, AWARD_INELIGIBLE INTERVIEW POSITION_ADJUSTMENT",
      "PERSON, EXCELLENT, PROMOTION_PRIORITY",
      "UNIT, EXCELLENT, ''",
      "UNIT, GOOD, ''",
      "PERSON, GOOD, ''",
      "UNIT, PASS, ''",
      "PERSON, PASS, ''"})
  void consequencesOfEachGrade(String subjectType, String gradeCode, String expected) {
    List<String> types = dmn.evaluateDecisionTable(consequence, Variables.putValue("subjectType", subjectType)
        .putValue("grade", gradeCode)).getResultList().stream().map(r -> (String) r.get("consequence")).toList();
    assertThat(types).containsExactlyElementsOf(
        expected.isBlank() ? List.of() : List.of(expected.split(" ")));
  }
}
