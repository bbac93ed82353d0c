package org.luoshi.assessment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The process variables of {@code assessment.bpmn}: what the model, its forms and its beans share. */
final class AssessmentVariables {

  /** Start variable (DESIGN.md §4.4): {@code 2026}, {@code 2026-H1} or {@code 2026-H2}. */
  static final String PERIOD = "period";
  static final String STARTER = "starter";
  static final String ASSESSMENT_ID = "assessmentId";
  static final String PERIOD_LABEL = "periodLabel";
  static final String TITLE = "title";
  /** The result table (Markdown) the review and approval forms show. */
  static final String RESULT_TABLE = "resultTable";

  // reviewAssessment
  static final String REVIEW_OUTCOME = "reviewOutcome";
  static final String SUBMIT = "SUBMIT";
  static final String RECOMPUTE = "RECOMPUTE";
  /** The office corrects one result's grade (with a reason) and reviews again. */
  static final String ADJUST = "ADJUST";
  static final String ADJUST_RESULT = "adjustResultId";
  static final String ADJUSTED_GRADE = "adjustedGrade";
  /** The results to pick from when adjusting (Json list of {label, value}). */
  static final String RESULT_OPTIONS = "resultOptions";
  static final String REVIEW_COMMENT = "reviewComment";

  // approveAssessment
  static final String APPROVED = "approved";
  static final String APPROVAL_COMMENT = "approvalComment";

  // publication and appeals
  static final String APPEAL_DEADLINE = "appealDeadline";
  static final String APPEAL_DEADLINE_TEXT = "appealDeadlineText";
  static final String APPEAL_ID = "appealId";
  static final String APPEAL_SUBJECT = "appealSubject";
  static final String APPEAL_GRADE = "appealGrade";
  static final String APPEAL_REASON = "appealReason";
  static final String APPEAL_FILED_BY = "appealFiledBy";
  static final String APPEAL_DECISION = "appealDecision";
  static final String NEW_GRADE = "newGrade";
  static final String DECISION_COMMENT = "decisionComment";

  private AssessmentVariables() {}



  /** What the 审理申诉 task shows, set on the event sub-process the appeal starts. */
  static Map<String, Object> appealVariables(Appeal appeal, AssessmentResult r, String filedByName) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put(APPEAL_ID, appeal.getId());
    v.put(APPEAL_SUBJECT, r.getSubjectType().label() + "：" + r.getSubjectName() + "（排名第 " + r.getRank() + " 名，平均综合得分 "
        + (r.getAverageFinalScore() == null ? "—" : r.getAverageFinalScore().toPlainString()) + "，逾期未完成 "
        + r.getOverdueUncompleted() + " 项，被约谈 " + r.getInterviews() + " 人次）");
    v.put(APPEAL_GRADE, r.getGrade().label() + "（" + r.getGradeReason() + "）");
    v.put(APPEAL_REASON, appeal.getReason());
    v.put(APPEAL_FILED_BY, filedByName + "（" + appeal.getFiledBy() + "）");
    v.put(APPEAL_DECISION, null);
    v.put(NEW_GRADE, null);
    v.put(DECISION_COMMENT, null);
    return v;
  }
}
