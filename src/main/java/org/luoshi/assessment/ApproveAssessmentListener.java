package org.luoshi.assessment;

import static org.luoshi.assessment.AssessmentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.luoshi.engine.Actors;
import org.luoshi.engine.Vars;
import org.springframework.stereotype.Component;

/**
 * 主要领导审批 completed (BPMN: {@code ${approveAssessmentListener}}): approved for publication, or
 * returned to the office with a comment.
 */
@Component("approveAssessmentListener")
class ApproveAssessmentListener implements TaskListener {

  private final AssessmentProcess process;

  private final Assessments service;

  ApproveAssessmentListener(Assessments service, AssessmentProcess process) {
    this.process = process;
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    Vars vars = Vars.of(task);
    boolean approved = vars.requiredBool(APPROVED, "审批结果");
    service.approve(process.assessmentId(task), approved, vars.text(APPROVAL_COMMENT), Actors.of(task));
    task.getExecution().setVariable(APPROVED, approved);
    task.getExecution().setVariable(REVIEW_OUTCOME, null);
  }
}
