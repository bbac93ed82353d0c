package org.luoshi.assessment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 评定等次 (BPMN: {@code ${assessmentGrading}}): DMN {@code assessment-grade} grades every result
 * row; the grades are stored and the review form gets the result table.
 */
@Component("assessmentGrading")
class GradeAssessment implements JavaDelegate {

  private final AssessmentService service;

  GradeAssessment(AssessmentService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = AssessmentVariables.assessmentId(execution);
    DecisionService decisions = execution.getProcessEngineServices().getDecisionService();
    Map<Long, AssessmentRules.Graded> grades = new LinkedHashMap<>();
    for (AssessmentService.Row row : service.rows(id)) {
      grades.put(row.resultId(), AssessmentRules.grade(decisions, row.figures()));
    }
    service.recordGrades(id, grades);
    execution.setVariable(AssessmentVariables.RESULT_TABLE, service.table(id));
    execution.setVariable(AssessmentVariables.REVIEW_OUTCOME, null);
  }
}
