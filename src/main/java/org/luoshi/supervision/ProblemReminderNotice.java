package org.luoshi.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 每日催办 (BPMN: {@code ${problemReminderNotice}}). */
@Component("problemReminderNotice")
class ProblemReminderNotice implements JavaDelegate {

  private final SupervisionProcess process;

  private final ProblemNotices notices;

  ProblemReminderNotice(ProblemNotices notices, SupervisionProcess process) {
    this.process = process;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.remind(process.problemId(execution));
  }
}
