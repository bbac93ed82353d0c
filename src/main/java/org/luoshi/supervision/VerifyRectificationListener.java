package org.luoshi.supervision;

import static org.luoshi.supervision.SupervisionVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.luoshi.engine.Actors;
import org.luoshi.engine.Vars;
import org.springframework.stereotype.Component;

/**
 * 核验整改 completed by the office (BPMN: {@code ${verifyRectificationListener}}): the problem is
 * closed, or goes back to the unit with the comment (then required). {@code verified} is kept as a
 * boolean for the gateway, whatever type the form sent.
 */
@Component("verifyRectificationListener")
class VerifyRectificationListener implements TaskListener {

  private final SupervisionProcess process;

  private final Supervisions service;

  VerifyRectificationListener(Supervisions service, SupervisionProcess process) {
    this.process = process;
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    Vars vars = Vars.of(task);
    boolean verified = vars.requiredBool(VERIFIED, "核验结果");
    service.recordVerification(process.problemId(task), verified, vars.text(VERIFY_COMMENT), Actors.of(task));
    task.setVariable(VERIFIED, verified);
  }
}
