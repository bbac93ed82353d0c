package org.luoshi.interview;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.luoshi.engine.Actors;
import org.luoshi.engine.Vars;
import org.springframework.stereotype.Component;

/**
 * 整理记录 completed (BPMN: {@code ${recordInterviewListener}}): record, outcome, rectification
 * and its deadline, which arms the follow-up.
 */
@Component("recordInterviewListener")
class RecordInterviewListener implements TaskListener {

  private final InterviewSteps interviews;

  RecordInterviewListener(InterviewSteps interviews) {
    this.interviews = interviews;
  }

  @Override
  public void notify(DelegateTask task) {
    var variables = interviews.recorded(interviews.boundCode(task), Vars.of(task),
        Actors.of(task));
    task.getExecution().setVariables(variables);
  }
}
