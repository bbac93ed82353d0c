package org.luoshi.assessment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 计算考核指标 (BPMN: {@code ${assessmentComputation}}): the period's figures per unit and per
 * person, from the items closed, overdue and returned and the interviews held in it.
 */
@Component("assessmentComputation")
class AssessmentComputation implements JavaDelegate {

  private final AssessmentProcess process;

  private final Assessments service;

  AssessmentComputation(Assessments service, AssessmentProcess process) {
    this.process = process;
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.compute(process.assessmentId(execution));
  }
}
