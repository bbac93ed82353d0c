package org.luoshi.assessment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 考核办结 (BPMN: {@code ${assessmentClosing}}): the appeal window has closed and every appeal is decided. */
@Component("assessmentClosing")
class AssessmentClosing implements JavaDelegate {

  private final AssessmentProcess process;

  private final Assessments service;

  AssessmentClosing(Assessments service, AssessmentProcess process) {
    this.process = process;
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.close(process.assessmentId(execution));
  }
}
