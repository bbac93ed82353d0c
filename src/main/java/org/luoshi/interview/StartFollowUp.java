package org.luoshi.interview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 发起回访约谈 (BPMN: {@code ${startFollowUp}}): at the rectification deadline, a FOLLOW_UP interview
 * of the same people; its id is kept in {@code followUpId}.
 */
@Component("startFollowUp")
class StartFollowUp implements JavaDelegate {

  private final InterviewSteps interviews;

  StartFollowUp(InterviewSteps interviews) {
    this.interviews = interviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var followUp = interviews.startFollowUp(interviews.boundCode(execution));
    execution.setVariable("followUpId", followUp.id());
  }
}
