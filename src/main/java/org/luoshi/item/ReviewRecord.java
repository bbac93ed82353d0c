package org.luoshi.item;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** One level's decision in the close-out review: who, when, approved or not, score, comment. */
@Entity
@Table(name = "ls_review_record")
public final class ReviewRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ls_review_record_seq")
  @SequenceGenerator(name = "ls_review_record_seq", sequenceName = "ls_review_record_seq", allocationSize = 50)
  private Long id;

  @Column(name = "item_id", nullable = false)
  private Long itemId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ReviewLevel level;

  /** Which submission of the item this review belongs to (1, 2, … after rejections). */
  @Column(name = "submission_round", nullable = false)
  private int submissionRound;

  @Column(nullable = false, length = 64)
  private String reviewer;

  @Column(nullable = false)
  private boolean approved;

  @Column(name = "quality_score", precision = 5, scale = 1)
  private BigDecimal qualityScore;

  @Column(name = "review_comment", length = 2000)
  private String comment;

  @Column(name = "reviewed_at", nullable = false)
  private Instant reviewedAt;

  protected ReviewRecord() {}

  ReviewRecord(Long itemId, ReviewLevel level, int submissionRound, String reviewer, boolean approved,
      BigDecimal qualityScore, String comment, Instant reviewedAt) {
    this.itemId = itemId;
    this.level = level;
    this.submissionRound = submissionRound;
    this.reviewer = reviewer;
    this.approved = approved;
    this.qualityScore = qualityScore;
    this.comment = comment;
    this.reviewedAt = reviewedAt;
  }

  public Long getId() {
    return id;
  }

  public Long getItemId() {
    return itemId;
  }

  public ReviewLevel getLevel() {
    return level;
  }

  public int getSubmissionRound() {
    return submissionRound;
  }

  public String getReviewer() {
    return reviewer;
  }

  public boolean isApproved() {
    return approved;
  }

  public BigDecimal getQualityScore() {
    return qualityScore;
  }

  public String getComment() {
    return comment;
  }

  public Instant getReviewedAt() {
    return reviewedAt;
  }
}
