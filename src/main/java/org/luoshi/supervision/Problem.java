package org.luoshi.supervision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A problem found by an inspection (督查问题), one line of the problem ledger: the unit that must
 * fix it, by when, and how the rectify / verify loop stands.
 */
@Entity
@Table(name = "ls_supervision_problem")
public final class Problem {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ls_supervision_problem_seq")
  @SequenceGenerator(name = "ls_supervision_problem_seq", sequenceName = "ls_supervision_problem_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "supervision_id", nullable = false)
  private Supervision supervision;

  @Column(nullable = false)
  private int position;

  /** The execution of this problem's instance of the problem subprocess (see SupervisionProcess). */
  @Column(name = "execution_id")
  private String executionId;

  @Column(name = "unit_code", nullable = false, length = 64)
  private String unitCode;

  @Column(nullable = false, length = 2000)
  private String description;

  @Column(nullable = false)
  private LocalDate deadline;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 20)
  private ProblemStatus status;

  @Column(name = "found_on", nullable = false)
  private LocalDate foundOn;

  @Column(length = 4000)
  private String rectification;

  @Column(name = "rectified_at")
  private Instant rectifiedAt;

  @Column(name = "rectified_by", length = 64)
  private String rectifiedBy;

  /** The comment of the last rejected verification. */
  @Column(name = "verify_comment", length = 2000)
  private String verifyComment;

  @Column(nullable = false)
  private int rejections;

  @Column(name = "verified_at")
  private Instant verifiedAt;

  @Column(name = "verified_by", length = 64)
  private String verifiedBy;

  @Version
  @Column(nullable = false)
  private int version;

  protected Problem() {}

  Problem(Supervision supervision, int position, String unitCode, String description, LocalDate deadline,
      LocalDate foundOn) {
    this.supervision = supervision;
    this.position = position;
    this.unitCode = unitCode;
    this.description = description;
    this.deadline = deadline;
    this.foundOn = foundOn;
    this.status = ProblemStatus.OPEN;
  }

  /** Binds the problem to the execution of its instance of the problem subprocess (once, at its start). */
  void bindTo(String executionId) {
    this.executionId = executionId;
  }

  public String getExecutionId() {
    return executionId;
  }

  void rectify(String rectification, String by, Instant at) {
    this.rectification = rectification;
    this.rectifiedBy = by;
    this.rectifiedAt = at;
    this.status = ProblemStatus.RECTIFIED;
  }

  void verify(String by, Instant at) {
    this.verifiedBy = by;
    this.verifiedAt = at;
    this.status = ProblemStatus.VERIFIED;
  }

  void reject(String comment) {
    this.verifyComment = comment;
    this.rejections++;
    this.status = ProblemStatus.OPEN;
  }

  /** Open (not rectified, or rectification rejected) after its deadline day has ended. */
  public boolean isOverdue(LocalDate today) {
    return status == ProblemStatus.OPEN && today.isAfter(deadline);
  }

  public Long getId() {
    return id;
  }

  public Supervision getSupervision() {
    return supervision;
  }

  public int getPosition() {
    return position;
  }

  public String getUnitCode() {
    return unitCode;
  }

  public String getDescription() {
    return description;
  }

  public LocalDate getDeadline() {
    return deadline;
  }

  public ProblemStatus getStatus() {
    return status;
  }

  public LocalDate getFoundOn() {
    return foundOn;
  }

  public String getRectification() {
    return rectification;
  }

  public Instant getRectifiedAt() {
    return rectifiedAt;
  }

  public String getRectifiedBy() {
    return rectifiedBy;
  }

  public String getVerifyComment() {
    return verifyComment;
  }

  public int getRejections() {
    return rejections;
  }

  public Instant getVerifiedAt() {
    return verifiedAt;
  }

  public String getVerifiedBy() {
    return verifiedBy;
  }
}
