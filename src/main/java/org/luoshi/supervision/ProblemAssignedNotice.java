package org.luoshi.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 通知单位整改 (BPMN: {@code ${problemAssignedNotice}}). */
@Component("problemAssignedNotice")
class ProblemAssignedNotice implements JavaDelegate {

  private final SupervisionProcess process;

  private final ProblemNotices notices;

  ProblemAssignedNotice(ProblemNotices notices, SupervisionProcess process) {
    this.process = process;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.assigned(process.problemId(execution));
  }
}
