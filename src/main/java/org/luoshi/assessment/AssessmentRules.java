package org.luoshi.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The two rule tables of the assessment, as the delegates call them: DMN {@code assessment-grade}
 * (figures → grade) and DMN {@code assessment-consequence} (subject type and grade → consequences).
 * The rules themselves live in the tables; this only passes the inputs and reads the outputs.
 */
final class AssessmentRules {

  static final String GRADE_DECISION = "assessment-grade";
  static final String CONSEQUENCE_DECISION = "assessment-consequence";

  /** What DMN {@code assessment-grade} decided for one result. */
  record Graded(Grade grade, String reason) {}

  /** One consequence DMN {@code assessment-consequence} gives a grade. */
  record Rule(ConsequenceType type, String reason) {}

  private AssessmentRules() {}

  static Graded grade(DecisionService decisions, Figures f) {
    DmnDecisionTableResult result = decisions.evaluateDecisionTableByKey(GRADE_DECISION, Variables
        .putValue("closed", f.closed())
        .putValue("averageFinalScore", f.averageFinalScore() == null ? null : f.averageFinalScore().doubleValue())
        .putValue("overdueUncompleted", f.overdueUncompleted())
        .putValue("interviews", f.interviews()));
    if (result.isEmpty()) {
      throw new IllegalStateException("DMN " + GRADE_DECISION + " gave no grade for " + f);
    }
    Map<String, Object> first = result.getFirstResult().getEntryMap();
    return new Graded(Grade.valueOf((String) first.get("grade")), (String) first.get("gradeReason"));
  }

  static List<Rule> consequences(DecisionService decisions, SubjectType subjectType, Grade grade) {
    DmnDecisionTableResult result = decisions.evaluateDecisionTableByKey(CONSEQUENCE_DECISION, Variables
        .putValue("subjectType", subjectType.name())
        .putValue("grade", grade.name()));
    List<Rule> rules = new ArrayList<>();
    result.getResultList().forEach(r -> rules.add(
        new Rule(ConsequenceType.valueOf((String) r.get("consequence")), (String) r.get("reason"))));
    return rules;
  }
}
