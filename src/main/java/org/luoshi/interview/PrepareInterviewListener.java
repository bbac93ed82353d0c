package org.luoshi.interview;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.luoshi.engine.Vars;
import org.springframework.stereotype.Component;

/** 约谈准备 completed (BPMN: {@code ${prepareInterviewListener}}): the outline is required. */
@Component("prepareInterviewListener")
class PrepareInterviewListener implements TaskListener {

  private final InterviewSteps interviews;

  PrepareInterviewListener(InterviewSteps interviews) {
    this.interviews = interviews;
  }

  @Override
  public void notify(DelegateTask task) {
    interviews.prepared(interviews.boundCode(task), Vars.of(task));
  }
}
