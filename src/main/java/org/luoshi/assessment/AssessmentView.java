package org.luoshi.assessment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An assessment as /api/assessments/{id} shows it: the run, its results (units, then people, by
 * rank), the consequences recorded when it was published and the appeals against it.
 */
public record AssessmentView(
    long id,
    String period,
    String periodLabel,
    String processInstanceId,
    AssessmentStatus status,
    String statusLabel,
    String startedBy,
    OffsetDateTime startedAt,
    OffsetDateTime computedAt,
    int computations,
    String reviewedBy,
    OffsetDateTime reviewedAt,
    String reviewComment,
    String approvedBy,
    OffsetDateTime approvedAt,
    String approvalComment,
    OffsetDateTime publishedAt,
    OffsetDateTime appealUntil,
    boolean appealOpen,
    OffsetDateTime closedAt,
    List<Result> results,
    List<ConsequenceView> consequences,
    List<AppealView> appeals) {

  /** One unit's or person's line. */
  public record Result(long id, SubjectType subjectType, String subjectId, String subjectName, String unitCode,
      BigDecimal averageFinalScore, int closed, int overdue, int overdueUncompleted, int returned, int interviews,
      int rank, Grade grade, String gradeLabel, String gradeReason, Grade originalGrade) {}

  public record ConsequenceView(long id, long resultId, String subjectName, ConsequenceType type, String typeLabel,
      String reason, String interviewId, String interviewee, boolean active, OffsetDateTime withdrawnAt,
      String withdrawnReason) {}

  public record AppealView(long id, long resultId, String subjectName, String filedBy, String reason,
      OffsetDateTime filedAt, Grade gradeBefore, AppealDecision decision, String decisionLabel, Grade newGrade,
      String decidedBy, OffsetDateTime decidedAt, String decisionComment) {}
}
