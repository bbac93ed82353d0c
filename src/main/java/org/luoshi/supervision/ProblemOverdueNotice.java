package org.luoshi.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 逾期通知单位和督查室 (BPMN: {@code ${problemOverdueNotice}}). */
@Component("problemOverdueNotice")
class ProblemOverdueNotice implements JavaDelegate {

  private final ProblemNotices notices;

  ProblemOverdueNotice(ProblemNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.overdue(SupervisionVariables.problemId(execution));
  }
}
