package org.luoshi.supervision;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.luoshi.engine.Vars;
import org.springframework.stereotype.Component;

/** 实施督查 completed (BPMN: {@code ${conductInspectionListener}}): the findings are recorded. */
@Component("conductInspectionListener")
class ConductInspectionListener implements TaskListener {

  private final SupervisionProcess process;

  private final Supervisions service;

  ConductInspectionListener(Supervisions service, SupervisionProcess process) {
    this.process = process;
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    String findings = Vars.of(task).requiredText(SupervisionVariables.FINDINGS, "督查发现");
    service.recordFindings(process.supervisionId(task), findings);
  }
}
