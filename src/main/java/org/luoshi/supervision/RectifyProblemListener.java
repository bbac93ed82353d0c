package org.luoshi.supervision;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.luoshi.engine.Actors;
import org.luoshi.engine.Vars;
import org.springframework.stereotype.Component;

/** 整改落实 completed by the unit (BPMN: {@code ${rectifyProblemListener}}): the rectification is recorded. */
@Component("rectifyProblemListener")
class RectifyProblemListener implements TaskListener {

  private final SupervisionProcess process;

  private final Supervisions service;

  RectifyProblemListener(Supervisions service, SupervisionProcess process) {
    this.process = process;
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    String rectification = Vars.of(task).requiredText(SupervisionVariables.RECTIFICATION, "整改情况");
    service.recordRectification(process.problemId(task), rectification, Actors.of(task));
    // a new rectification awaits a new verdict: the last one (a rejection) no longer stands
    task.setVariable(SupervisionVariables.VERIFIED, null);
  }
}
