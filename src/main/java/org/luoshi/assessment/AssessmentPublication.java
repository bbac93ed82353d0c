package org.luoshi.assessment;

import static org.luoshi.assessment.AssessmentVariables.*;

import java.util.Date;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 发布考核结果 (BPMN: {@code ${assessmentPublication}}): the consequences DMN
 * {@code assessment-consequence} gives each result are recorded, interviews started, every unit and
 * person told; the appeal window opens ({@code appealDeadline}).
 */
@Component("assessmentPublication")
class AssessmentPublication implements JavaDelegate {

  private final AssessmentProcess process;

  private final Assessments service;

  AssessmentPublication(Assessments service, AssessmentProcess process) {
    this.process = process;
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DecisionService decisions = execution.getProcessEngineServices().getDecisionService();
    Date until = service.publish(process.assessmentId(execution),
        r -> AssessmentRules.consequences(decisions, r.getSubjectType(), r.getGrade()));
    execution.setVariable(APPEAL_DEADLINE, until);
    execution.setVariable(APPEAL_DEADLINE_TEXT, Assessments.format(until.toInstant()));
  }
}
