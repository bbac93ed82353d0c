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

/** One assessment run of a period (考核): who started it, each step's who, when and comment. */
@Entity
@Table(name = "ls_assessment")
public final class Assessment {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ls_assessment_seq")
  @SequenceGenerator(name = "ls_assessment_seq", sequenceName = "ls_assessment_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false, length = 10)
  private String period;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 20)
  private AssessmentStatus status;

  @Column(name = "process_instance_id", length = 64)
  private String processInstanceId;

  @Column(name = "started_by", nullable = false, length = 64)
  private String startedBy;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "computed_at")
  private Instant computedAt;

  /** How often the figures were computed (1 + recomputations). */
  @Column(nullable = false)
  private int computations;

  @Column(name = "reviewed_by", length = 64)
  private String reviewedBy;

  @Column(name = "reviewed_at")
  private Instant reviewedAt;

  @Column(name = "review_comment", length = 2000)
  private String reviewComment;

  @Column(name = "approved_by", length = 64)
  private String approvedBy;

  @Column(name = "approved_at")
  private Instant approvedAt;

  @Column(name = "approval_comment", length = 2000)
  private String approvalComment;

  @Column(name = "published_at")
  private Instant publishedAt;

  @Column(name = "appeal_until")
  private Instant appealUntil;

  @Column(name = "closed_at")
  private Instant closedAt;

  /** The period while the run is under way, null once closed or cancelled (unique: one running per period). */
  @Column(name = "running_period")
  private String runningPeriod;

  @Version
  private int version;

  protected Assessment() {}

  Assessment(String period, String startedBy, String processInstanceId, Instant now) {
    this.period = period;
    this.startedBy = startedBy;
    this.processInstanceId = processInstanceId;
    this.startedAt = now;
    this.status = AssessmentStatus.COMPUTING;
    this.runningPeriod = period;
  }

  void computed(Instant now) {
    computations++;
    computedAt = now;
    status = AssessmentStatus.COMPUTED;
  }

  void reviewed(String by, boolean submit, String comment, Instant now) {
    reviewedBy = by;
    reviewedAt = now;
    reviewComment = comment;
    status = submit ? AssessmentStatus.IN_APPROVAL : AssessmentStatus.COMPUTING;
  }

  void decided(String by, boolean approved, String comment, Instant now) {
    approvalComment = comment;
    if (approved) {
      approvedBy = by;
      approvedAt = now;
      status = AssessmentStatus.APPROVED;
    } else {
      status = AssessmentStatus.RETURNED;
    }
  }

  void published(Instant now, Instant appealUntil) {
    publishedAt = now;
    this.appealUntil = appealUntil;
    status = AssessmentStatus.PUBLISHED;
  }

  void closed(Instant now) {
    closedAt = now;
    status = AssessmentStatus.CLOSED;
    runningPeriod = null;
  }

  /** Its process was cancelled (Cockpit) before publication: nothing of it reaches the units. */
  void cancelled(Instant now) {
    closedAt = now;
    status = AssessmentStatus.CANCELLED;
    runningPeriod = null;
  }

  public Long getId() { return id; }
  public String getPeriod() { return period; }
  public AssessmentStatus getStatus() { return status; }
  public String getProcessInstanceId() { return processInstanceId; }
  public String getStartedBy() { return startedBy; }
  public Instant getStartedAt() { return startedAt; }
  public Instant getComputedAt() { return computedAt; }
  public int getComputations() { return computations; }
  public String getReviewedBy() { return reviewedBy; }
  public Instant getReviewedAt() { return reviewedAt; }
  public String getReviewComment() { return reviewComment; }
  public String getApprovedBy() { return approvedBy; }
  public Instant getApprovedAt() { return approvedAt; }
  public String getApprovalComment() { return approvalComment; }
  public Instant getPublishedAt() { return publishedAt; }
  public Instant getAppealUntil() { return appealUntil; }
  public Instant getClosedAt() { return closedAt; }
}
