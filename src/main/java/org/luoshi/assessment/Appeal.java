package org.luoshi.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An appeal (申诉) against one published result, and how the principal leaders decided it. */
@Entity
@Table(name = "ls_assessment_appeal")
public final class Appeal {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ls_assessment_appeal_seq")
  @SequenceGenerator(name = "ls_assessment_appeal_seq", sequenceName = "ls_assessment_appeal_seq", allocationSize = 50)
  private Long id;

  @Column(name = "assessment_id", nullable = false)
  private long assessmentId;

  @Column(name = "result_id", nullable = false)
  private long resultId;

  /** The execution of this appeal's instance of 审理申诉 (see AssessmentProcess). */
  @Column(name = "execution_id", length = 64)
  private String executionId;

  @Column(name = "filed_by", nullable = false, length = 64)
  private String filedBy;

  @Column(nullable = false, length = 2000)
  private String reason;

  @Column(name = "filed_at", nullable = false)
  private Instant filedAt;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(length = 10)
  private AppealDecision decision;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "grade_before", nullable = false, length = 10)
  private Grade gradeBefore;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "new_grade", length = 10)
  private Grade newGrade;

  @Column(name = "decided_by", length = 64)
  private String decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "decision_comment", length = 2000)
  private String decisionComment;

  @Version
  private int version;

  protected Appeal() {}

  Appeal(long assessmentId, long resultId, String filedBy, String reason, Grade gradeBefore, Instant now) {
    this.assessmentId = assessmentId;
    this.resultId = resultId;
    this.filedBy = filedBy;
    this.reason = reason;
    this.gradeBefore = gradeBefore;
    this.filedAt = now;
  }

  void decide(AppealDecision decision, Grade newGrade, String by, String comment, Instant now) {
    this.decision = decision;
    this.newGrade = newGrade;
    this.decidedBy = by;
    this.decisionComment = comment;
    this.decidedAt = now;
  }

  public Long getId() { return id; }
  public long getAssessmentId() { return assessmentId; }
  public long getResultId() { return resultId; }
  public String getFiledBy() { return filedBy; }
  public String getReason() { return reason; }
  public Instant getFiledAt() { return filedAt; }
  public AppealDecision getDecision() { return decision; }
  public Grade getGradeBefore() { return gradeBefore; }
  public Grade getNewGrade() { return newGrade; }
  public String getDecidedBy() { return decidedBy; }
  public Instant getDecidedAt() { return decidedAt; }
  public String getDecisionComment() { return decisionComment; }

  void bindTo(String executionId) {
    this.executionId = executionId;
  }

  public String getExecutionId() {
    return executionId;
  }
}
