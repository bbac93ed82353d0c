package org.luoshi.assessment;

import static org.luoshi.assessment.AssessmentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.luoshi.engine.Actors;
import org.luoshi.engine.Vars;
import org.luoshi.web.ApiException;
import org.springframework.stereotype.Component;

/**
 * 督查室审核 completed (BPMN: {@code ${reviewAssessmentListener}}): submit to the principal leaders,
 * or recompute with a comment. A bad value fails the completion and the task stays open.
 */
@Component("reviewAssessmentListener")
class ReviewAssessmentListener implements TaskListener {

  private final AssessmentService service;

  ReviewAssessmentListener(AssessmentService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    Vars vars = Vars.of(task);
    String outcome = vars.text(REVIEW_OUTCOME);
    if (!SUBMIT.equals(outcome) && !RECOMPUTE.equals(outcome)) {
      throw ApiException.badRequest(REVIEW_OUTCOME, "请选择提交审批或重新计算");
    }
    service.review(assessmentId(task), SUBMIT.equals(outcome), vars.text(REVIEW_COMMENT), Actors.of(task));
    task.getExecution().setVariable(APPROVED, null);
  }
}
