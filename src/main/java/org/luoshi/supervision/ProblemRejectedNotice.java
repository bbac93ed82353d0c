package org.luoshi.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 退回整改并通知单位 (BPMN: {@code ${problemRejectedNotice}}). */
@Component("problemRejectedNotice")
class ProblemRejectedNotice implements JavaDelegate {

  private final SupervisionProcess process;

  private final ProblemNotices notices;

  ProblemRejectedNotice(ProblemNotices notices, SupervisionProcess process) {
    this.process = process;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.rejected(process.problemId(execution));
  }
}
