package org.luoshi.interview;

import static org.luoshi.interview.InterviewVariables.OUTLINE_GIVEN;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.luoshi.engine.Vars;
import org.springframework.stereotype.Component;

/**
 * 约谈准备 completed (BPMN: {@code ${prepareInterviewListener}}): the outline is required; once it is
 * given, {@code outlineGiven} lets a rescheduled interview skip 约谈准备.
 */
@Component("prepareInterviewListener")
class PrepareInterviewListener implements TaskListener {

  private final InterviewSteps interviews;

  PrepareInterviewListener(InterviewSteps interviews) {
    this.interviews = interviews;
  }

  @Override
  public void notify(DelegateTask task) {
    interviews.prepared(interviews.boundCode(task), Vars.of(task));
    task.getExecution().setVariable(OUTLINE_GIVEN, true);
  }
}
