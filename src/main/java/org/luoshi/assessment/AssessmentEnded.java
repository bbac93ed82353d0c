package org.luoshi.assessment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The end of an assessment instance (BPMN: process end listener {@code ${assessmentEnded}}): after
 * 考核办结 nothing is left to do; an instance cancelled in Cockpit cancels an unpublished run (so the
 * period can be assessed again) and closes a published one.
 */
@Component("assessmentEnded")
class AssessmentEnded implements ExecutionListener {

  private final AssessmentProcess process;

  private final Assessments service;

  AssessmentEnded(Assessments service, AssessmentProcess process) {
    this.process = process;
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    process.bound(execution) // not when the start itself was refused
        .ifPresent(a -> service.processEnded(a.getId()));
  }
}
