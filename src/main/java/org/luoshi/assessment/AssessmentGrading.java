package org.luoshi.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.luoshi.engine.Vars;
import org.springframework.stereotype.Component;

/**
 * 评定等次 (BPMN: {@code ${assessmentGrading}}): DMN {@code assessment-grade} grades every result
 * row; the grades are stored and the review form gets the result table (and the results to pick
 * from when the office adjusts one).
 */
@Component("assessmentGrading")
class AssessmentGrading implements JavaDelegate {

  private final AssessmentProcess process;

  private final Assessments service;

  AssessmentGrading(Assessments service, AssessmentProcess process) {
    this.process = process;
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = process.assessmentId(execution);
    DecisionService decisions = execution.getProcessEngineServices().getDecisionService();
    Map<Long, AssessmentRules.Graded> grades = new LinkedHashMap<>();
    List<Map<String, String>> options = new ArrayList<>();
    for (Assessments.Row row : service.rows(id)) {
      grades.put(row.resultId(), AssessmentRules.grade(decisions, row.figures()));
      options.add(Map.of("label", row.figures().subjectType().label() + "：" + row.figures().subjectName(),
          "value", String.valueOf(row.resultId())));
    }
    execution.setVariable(AssessmentVariables.RESULT_OPTIONS, Vars.json(options));
    service.recordGrades(id, grades);
    execution.setVariable(AssessmentVariables.RESULT_TABLE, service.table(id));
    execution.setVariable(AssessmentVariables.REVIEW_OUTCOME, null);
  }
}
