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
import java.time.Instant;
import java.time.LocalDate;

/** A request to move an item's deadline (延期申请) and the leader's decision. */
@Entity
@Table(name = "ls_extension_request")
public final class ExtensionRequest {

  public enum Decision { PENDING, APPROVED, DENIED }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ls_extension_request_seq")
  @SequenceGenerator(name = "ls_extension_request_seq", sequenceName = "ls_extension_request_seq", allocationSize = 50)
  private Long id;

  @Column(name = "item_id", nullable = false)
  private Long itemId;

  @Column(name = "previous_deadline", nullable = false)
  private LocalDate previousDeadline;

  @Column(name = "new_deadline", nullable = false)
  private LocalDate newDeadline;

  @Column(nullable = false, length = 2000)
  private String reason;

  @Column(name = "requested_by", nullable = false, length = 64)
  private String requestedBy;

  @Column(name = "requested_at", nullable = false)
  private Instant requestedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Decision decision;

  @Column(name = "decided_by", length = 64)
  private String decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "decision_comment", length = 2000)
  private String decisionComment;

  protected ExtensionRequest() {}

  ExtensionRequest(Long itemId, LocalDate previousDeadline, LocalDate newDeadline, String reason,
      String requestedBy, Instant requestedAt) {
    this.itemId = itemId;
    this.previousDeadline = previousDeadline;
    this.newDeadline = newDeadline;
    this.reason = reason;
    this.requestedBy = requestedBy;
    this.requestedAt = requestedAt;
    this.decision = Decision.PENDING;
  }

  void decide(boolean approved, String by, String comment, Instant at) {
    this.decision = approved ? Decision.APPROVED : Decision.DENIED;
    this.decidedBy = by;
    this.decisionComment = comment;
    this.decidedAt = at;
  }

  public Long getId() {
    return id;
  }

  public Long getItemId() {
    return itemId;
  }

  public LocalDate getPreviousDeadline() {
    return previousDeadline;
  }

  public LocalDate getNewDeadline() {
    return newDeadline;
  }

  public String getReason() {
    return reason;
  }

  public String getRequestedBy() {
    return requestedBy;
  }

  public Instant getRequestedAt() {
    return requestedAt;
  }

  public Decision getDecision() {
    return decision;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public String getDecisionComment() {
    return decisionComment;
  }
}
