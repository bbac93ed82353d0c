package org.luoshi.assessment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 通知申诉人 (BPMN: {@code ${appealDecisionNotice}}): the appellant learns how the appeal was decided. */
@Component("appealDecisionNotice")
class AppealDecisionNotice implements JavaDelegate {

  private final AssessmentProcess process;

  private final AssessmentAppeals service;

  AppealDecisionNotice(AssessmentAppeals service, AssessmentProcess process) {
    this.process = process;
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.notifyAppealDecided(process.appealId(execution));
  }
}
