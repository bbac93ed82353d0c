package org.luoshi.interview;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.luoshi.engine.Actors;
import org.luoshi.engine.Vars;
import org.springframework.stereotype.Component;

/**
 * 实施约谈 completed (BPMN: {@code ${conductInterviewListener}}): held with its attendees, or a new
 * time the interviewees are told of again.
 */
@Component("conductInterviewListener")
class ConductInterviewListener implements TaskListener {

  private final InterviewSteps interviews;

  ConductInterviewListener(InterviewSteps interviews) {
    this.interviews = interviews;
  }

  @Override
  public void notify(DelegateTask task) {
    var variables = interviews.conducted(interviews.boundCode(task), Vars.of(task),
        Actors.of(task));
    task.getExecution().setVariables(variables);
  }
}
