package org.luoshi.assessment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Binds an arriving appeal to its 审理申诉 (BPMN: start listener {@code ${appealBinding}}). */
@Component("appealBinding")
class AppealBinding implements ExecutionListener {

  private final AssessmentProcess process;
  private final AppealRepository appeals;

  AppealBinding(AssessmentProcess process, AppealRepository appeals) {
    this.process = process;
    this.appeals = appeals;
  }

  /**
   * An appeal arrived (start of the event sub-process 审理申诉): the appeal the filing put into this
   * scope — Luoshi's own correlation, never a person's — is bound to the scope's execution, once,
   * if it belongs to this instance's assessment.
   */
  @Override
  @Transactional
  public void notify(DelegateExecution execution) {
    long assessmentId = process.assessmentId(execution);
    long appealId = ((Number) execution.getVariable(AssessmentVariables.APPEAL_ID)).longValue();
    Appeal appeal = appeals.findById(appealId).filter(x -> x.getAssessmentId() == assessmentId)
        .orElseThrow(() -> new IllegalStateException("Appeal " + appealId + " is not one of assessment " + assessmentId));
    if (appeal.getExecutionId() != null && !appeal.getExecutionId().equals(execution.getId())) {
      throw new IllegalStateException("Appeal " + appealId + " is already bound to execution " + appeal.getExecutionId());
    }
    appeal.bindTo(execution.getId());
  }
}
