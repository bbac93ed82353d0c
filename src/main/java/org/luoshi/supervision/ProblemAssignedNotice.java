package org.luoshi.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 通知单位整改 (BPMN: {@code ${problemAssignedNotice}}). */
@Component("problemAssignedNotice")
class ProblemAssignedNotice implements JavaDelegate {

  private final ProblemNotices notices;

  ProblemAssignedNotice(ProblemNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.assigned(SupervisionVariables.problemId(execution));
  }
}
