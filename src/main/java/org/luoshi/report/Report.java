package org.luoshi.report;

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

/** A periodic report (季度督查报告 or 半年通报) of one period: its content snapshot and its approval. */
@Entity
@Table(name = "ls_report")
public final class Report {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ls_report_seq")
  @SequenceGenerator(name = "ls_report_seq", sequenceName = "ls_report_seq", allocationSize = 50)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private ReportKind kind;

  @Column(nullable = false, length = 10)
  private String period;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ReportStatus status;

  @Column(name = "issue_year")
  private Integer issueYear;

  @Column(name = "issue_number")
  private Integer issueNumber;

  @Column(nullable = false, length = 1000000)
  private String content;

  @Column(name = "generated_at", nullable = false)
  private Instant generatedAt;

  @Column(length = 4000)
  private String foreword;

  @Column(name = "approval_comment", length = 2000)
  private String approvalComment;

  @Column(name = "process_instance_id", length = 64)
  private String processInstanceId;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "submitted_by", length = 64)
  private String submittedBy;

  @Column(name = "submitted_at")
  private Instant submittedAt;

  @Column(name = "approved_by", length = 64)
  private String approvedBy;

  @Column(name = "approved_at")
  private Instant approvedAt;

  @Column(name = "published_by", length = 64)
  private String publishedBy;

  @Column(name = "published_at")
  private Instant publishedAt;

  @Version
  @Column(nullable = false)
  private int version;

  protected Report() {}

  Report(ReportKind kind, String period, String content, String createdBy, String processInstanceId, Instant now) {
    this.kind = kind;
    this.period = period;
    this.status = ReportStatus.DRAFT;
    this.content = content;
    this.generatedAt = now;
    this.createdBy = createdBy;
    this.processInstanceId = processInstanceId;
    this.createdAt = now;
  }

  void regenerate(String content, Instant now) {
    this.content = content;
    this.generatedAt = now;
  }

  void submit(String foreword, String by, Instant now) {
    this.foreword = foreword;
    this.status = ReportStatus.SUBMITTED;
    this.submittedBy = by;
    this.submittedAt = now;
  }

  void approve(String comment, String by, Instant now) {
    this.status = ReportStatus.APPROVED;
    this.approvalComment = comment;
    this.approvedBy = by;
    this.approvedAt = now;
  }

  void returnToOffice(String comment, String by, Instant now) {
    this.status = ReportStatus.RETURNED;
    this.approvalComment = comment;
    this.approvedBy = by;
    this.approvedAt = now;
  }

  void publish(int year, int number, String by, Instant now) {
    this.status = ReportStatus.PUBLISHED;
    this.issueYear = year;
    this.issueNumber = number;
    this.publishedBy = by;
    this.publishedAt = now;
  }

  public Long getId() {
    return id;
  }

  public ReportKind getKind() {
    return kind;
  }

  public String getPeriod() {
    return period;
  }

  public ReportStatus getStatus() {
    return status;
  }

  public Integer getIssueYear() {
    return issueYear;
  }

  public Integer getIssueNumber() {
    return issueNumber;
  }

  public String getContent() {
    return content;
  }

  public Instant getGeneratedAt() {
    return generatedAt;
  }

  public String getForeword() {
    return foreword;
  }

  public String getApprovalComment() {
    return approvalComment;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getSubmittedBy() {
    return submittedBy;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public String getApprovedBy() {
    return approvedBy;
  }

  public Instant getApprovedAt() {
    return approvedAt;
  }

  public String getPublishedBy() {
    return publishedBy;
  }

  public Instant getPublishedAt() {
    return publishedAt;
  }
}
