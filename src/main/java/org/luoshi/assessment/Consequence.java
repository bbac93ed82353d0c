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
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A consequence of a published result (奖优罚劣): award eligibility lost, an interview (with the
 * interview started), promotion priority or a position-adjustment proposal. An upheld appeal
 * withdraws the ones that no longer apply; they stay on record.
 */
@Entity
@Table(name = "ls_assessment_consequence")
public final class Consequence {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ls_assessment_consequence_seq")
  @SequenceGenerator(name = "ls_assessment_consequence_seq", sequenceName = "ls_assessment_consequence_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "assessment_id", nullable = false)
  private long assessmentId;

  @Column(name = "result_id", nullable = false)
  private long resultId;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 30)
  private ConsequenceType type;

  @Column(nullable = false, length = 500)
  private String reason;

  @Column(name = "interview_id", length = 20)
  private String interviewId;

  @Column(length = 64)
  private String interviewee;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "withdrawn_at")
  private Instant withdrawnAt;

  @Column(name = "withdrawn_reason", length = 500)
  private String withdrawnReason;

  protected Consequence() {}

  Consequence(long assessmentId, long resultId, ConsequenceType type, String reason, String interviewId,
      String interviewee, Instant now) {
    this.assessmentId = assessmentId;
    this.resultId = resultId;
    this.type = type;
    this.reason = reason;
    this.interviewId = interviewId;
    this.interviewee = interviewee;
    this.createdAt = now;
  }

  void withdraw(String why, Instant now) {
    withdrawnAt = now;
    withdrawnReason = why;
  }

  public boolean isActive() {
    return withdrawnAt == null;
  }

  public Long getId() { return id; }
  public long getAssessmentId() { return assessmentId; }
  public long getResultId() { return resultId; }
  public ConsequenceType getType() { return type; }
  public String getReason() { return reason; }
  public String getInterviewId() { return interviewId; }
  public String getInterviewee() { return interviewee; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getWithdrawnAt() { return withdrawnAt; }
  public String getWithdrawnReason() { return withdrawnReason; }
}
