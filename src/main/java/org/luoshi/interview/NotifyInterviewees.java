package org.luoshi.interview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 提前告知 (BPMN: {@code ${notifyInterviewees}}): the notice of time, place, subject and kind. */
@Component("notifyInterviewees")
class NotifyInterviewees implements JavaDelegate {

  private final InterviewSteps interviews;

  NotifyInterviewees(InterviewSteps interviews) {
    this.interviews = interviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    interviews.notifyInterviewees(interviews.boundCode(execution));
  }
}
