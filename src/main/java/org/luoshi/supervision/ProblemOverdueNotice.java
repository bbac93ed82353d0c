package org.luoshi.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 逾期通知单位和督查室 (BPMN: {@code ${problemOverdueNotice}}). */
@Component("problemOverdueNotice")
class ProblemOverdueNotice implements JavaDelegate {

  private final SupervisionProcess process;

  private final ProblemNotices notices;

  ProblemOverdueNotice(ProblemNotices notices, SupervisionProcess process) {
    this.process = process;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.overdue(process.problemId(execution));
  }
}
