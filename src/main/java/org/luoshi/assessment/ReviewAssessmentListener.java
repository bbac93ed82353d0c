package org.luoshi.assessment;

import static org.luoshi.assessment.AssessmentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.luoshi.engine.Actors;
import org.luoshi.engine.Vars;
import org.luoshi.common.DomainException;
import org.springframework.stereotype.Component;

/**
 * 督查室审核 completed (BPMN: {@code ${reviewAssessmentListener}}): submit to the principal leaders,
 * recompute with a comment, or correct one result's grade with a comment (then review again). A bad value fails the completion and the task stays open.
 */
@Component("reviewAssessmentListener")
class ReviewAssessmentListener implements TaskListener {

  private final AssessmentProcess process;

  private final Assessments service;

  ReviewAssessmentListener(Assessments service, AssessmentProcess process) {
    this.process = process;
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    Vars vars = Vars.of(task);
    String outcome = vars.text(REVIEW_OUTCOME);
    if (ADJUST.equals(outcome)) {
      Integer resultId = vars.integer(ADJUST_RESULT);
      service.adjust(process.assessmentId(task), resultId == null ? null : resultId.longValue(),
          vars.enumValue(ADJUSTED_GRADE, Grade.class), vars.text(REVIEW_COMMENT), Actors.of(task));
      task.getExecution().setVariable(RESULT_TABLE, service.table(process.assessmentId(task)));
      return;
    }
    if (!SUBMIT.equals(outcome) && !RECOMPUTE.equals(outcome)) {
      throw DomainException.invalid(REVIEW_OUTCOME, "请选择提交审批、调整等次或重新计算");
    }
    service.review(process.assessmentId(task), SUBMIT.equals(outcome), vars.text(REVIEW_COMMENT), Actors.of(task));
    task.getExecution().setVariable(APPROVED, null);
  }
}
