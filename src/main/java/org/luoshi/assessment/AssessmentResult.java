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
import java.math.BigDecimal;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One unit's or one person's figures in an assessment, their rank and grade (考核结果). */
@Entity
@Table(name = "ls_assessment_result")
public final class AssessmentResult {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ls_assessment_result_seq")
  @SequenceGenerator(name = "ls_assessment_result_seq", sequenceName = "ls_assessment_result_seq", allocationSize = 50)
  private Long id;

  @Column(name = "assessment_id", nullable = false)
  private long assessmentId;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "subject_type", nullable = false, length = 10)
  private SubjectType subjectType;

  @Column(name = "subject_id", nullable = false, length = 64)
  private String subjectId;

  @Column(name = "subject_name", nullable = false, length = 200)
  private String subjectName;

  @Column(name = "unit_code", length = 64)
  private String unitCode;

  @Column(name = "average_final_score", precision = 5, scale = 1)
  private BigDecimal averageFinalScore;

  @Column(name = "closed_count", nullable = false)
  private int closed;

  @Column(name = "overdue_count", nullable = false)
  private int overdue;

  @Column(name = "overdue_uncompleted", nullable = false)
  private int overdueUncompleted;

  @Column(name = "returned_count", nullable = false)
  private int returned;

  @Column(name = "interview_count", nullable = false)
  private int interviews;

  @Column(name = "rank_no", nullable = false)
  private int rank;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(length = 10)
  private Grade grade;

  @Column(name = "grade_reason", length = 500)
  private String gradeReason;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "original_grade", length = 10)
  private Grade originalGrade;

  @Version
  private int version;

  protected AssessmentResult() {}

  AssessmentResult(long assessmentId, Figures f) {
    this.assessmentId = assessmentId;
    this.subjectType = f.subjectType();
    this.subjectId = f.subjectId();
    this.subjectName = f.subjectName();
    this.unitCode = f.unitCode();
    this.averageFinalScore = f.averageFinalScore();
    this.closed = f.closed();
    this.overdue = f.overdue();
    this.overdueUncompleted = f.overdueUncompleted();
    this.returned = f.returned();
    this.interviews = f.interviews();
    this.rank = f.rank();
  }

  void grade(Grade grade, String reason) {
    this.grade = grade;
    this.gradeReason = reason;
  }

  /** An upheld appeal: the new grade, the first one kept. */
  void regrade(Grade newGrade, String reason) {
    if (originalGrade == null) {
      originalGrade = grade;
    }
    grade = newGrade;
    gradeReason = reason;
  }

  Figures figures() {
    return new Figures(subjectType, subjectId, subjectName, unitCode, averageFinalScore, closed, overdue,
        overdueUncompleted, returned, interviews, rank);
  }

  public Long getId() { return id; }
  public long getAssessmentId() { return assessmentId; }
  public SubjectType getSubjectType() { return subjectType; }
  public String getSubjectId() { return subjectId; }
  public String getSubjectName() { return subjectName; }
  public String getUnitCode() { return unitCode; }
  public BigDecimal getAverageFinalScore() { return averageFinalScore; }
  public int getClosed() { return closed; }
  public int getOverdue() { return overdue; }
  public int getOverdueUncompleted() { return overdueUncompleted; }
  public int getReturned() { return returned; }
  public int getInterviews() { return interviews; }
  public int getRank() { return rank; }
  public Grade getGrade() { return grade; }
  public String getGradeReason() { return gradeReason; }
  public Grade getOriginalGrade() { return originalGrade; }
}
