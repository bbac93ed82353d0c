package org.luoshi.interview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The interview process's start (BPMN: {@code ${interviewStarted}}): links the instance to its
 * interview, checking and storing one started from Tasklist's start form, and lets the
 * interviewer read the instance.
 */
@Component("interviewStarted")
class InterviewStarted implements ExecutionListener {

  private final InterviewStarting interviews;

  InterviewStarted(InterviewStarting interviews) {
    this.interviews = interviews;
  }

  @Override
  public void notify(DelegateExecution execution) {
    interviews.onProcessStart(execution);
  }
}
