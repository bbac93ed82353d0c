package org.luoshi.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 督查办结 (BPMN: {@code ${supervisionClosing}}): every problem is verified, the supervision is closed. */
@Component("supervisionClosing")
class SupervisionClosing implements JavaDelegate {

  private final SupervisionProcess process;

  private final Supervisions service;

  SupervisionClosing(Supervisions service, SupervisionProcess process) {
    this.process = process;
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.close(process.supervisionId(execution));
  }
}
