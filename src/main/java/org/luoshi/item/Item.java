package org.luoshi.item;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A responsibility item (责任清单事项): target, task, measures, person, responsibility, time limit
 * and progress (定目标、定任务、定措施、定人员、定责任、定时间、定进度). Its status changes with the
 * task completions that cause them; {@code overdue} and {@code light} are derived from the dates.
 */
@Entity
@Table(name = "ls_item")
public final class Item {

  /** Share of the elapsed time limit the reported progress must reach, else YELLOW (70%). */
  static final int LAG_THRESHOLD_PERCENT = 70;
  /** Days before the deadline an item turns YELLOW. */
  static final int REMINDER_DAYS = 3;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ls_item_seq")
  @SequenceGenerator(name = "ls_item_seq", sequenceName = "ls_item_seq", allocationSize = 50)
  private Long id;

  @Version private int version;

  @Column(nullable = false, unique = true, length = 20)
  private String code;

  @Column(nullable = false, length = 200)
  private String title;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ItemSource source;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ItemCategory category;

  @Column(name = "unit_code", nullable = false, length = 64)
  private String unitCode;

  @Column(name = "lead_leader", nullable = false, length = 64)
  private String leadLeader;

  @Column(name = "responsible_person", length = 64)
  private String responsiblePerson;

  @Column(nullable = false, length = 2000)
  private String target;

  @Column(length = 4000)
  private String measures;

  @Column(name = "issued_on", nullable = false)
  private LocalDate issuedOn;

  @Column(name = "issued_by", nullable = false, length = 64)
  private String issuedBy;

  @Column(nullable = false)
  private LocalDate deadline;

  @Column(name = "original_deadline", nullable = false)
  private LocalDate originalDeadline;

  @Column(nullable = false)
  private boolean extended;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ItemStatus status;

  @Column(name = "progress_percent", nullable = false)
  private int progressPercent;

  /** From this day on the item is YELLOW (reminder window or progress lag), while open. */
  @Column(name = "yellow_from", nullable = false)
  private LocalDate yellowFrom;

  /** The day the item first went overdue, or null. */
  @Column(name = "overdue_since")
  private LocalDate overdueSince;

  /** For leader instruction items (批示件): the day the unit's first reply is due. */
  @Column(name = "reply_due")
  private LocalDate replyDue;

  /** The day of the unit's first reply (progress report or completion), for instruction items. */
  @Column(name = "replied_on")
  private LocalDate repliedOn;

  @Column(name = "completed_on")
  private LocalDate completedOn;

  @Column(name = "days_late")
  private Integer daysLate;

  @Column(name = "completion_note", length = 4000)
  private String completionNote;

  @Column(name = "timeliness_score", precision = 5, scale = 1)
  private BigDecimal timelinessScore;

  @Column(name = "quality_score", precision = 5, scale = 1)
  private BigDecimal qualityScore;

  @Column(name = "final_score", precision = 5, scale = 1)
  private BigDecimal finalScore;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "parent_code", length = 20)
  private String parentCode;

  @Column(name = "process_instance_id", length = 64)
  private String processInstanceId;

  /** How many times the item has been issued to a unit (1, then +1 per reassignment). */
  @Column(name = "issue_round", nullable = false)
  private int issueRound;

  /** How many times completion has been submitted for review. */
  @Column(name = "submission_round", nullable = false)
  private int submissionRound;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** 协办单位: units that share the work and report their part; the lead unit ({@link #unitCode}) answers for it. */
  @ElementCollection
  @CollectionTable(name = "ls_item_co_unit", joinColumns = @JoinColumn(name = "item_id"))
  @Column(name = "unit_code", nullable = false, length = 64)
  @OrderBy
  @org.hibernate.annotations.BatchSize(size = 100)
  private java.util.List<String> coUnitCodes = new java.util.ArrayList<>();

  protected Item() {}

  Item(String code, String title, ItemSource source, ItemCategory category, String unitCode,
      String leadLeader, String target, LocalDate issuedOn, LocalDate deadline, String parentCode,
      String issuedBy, Instant now) {
    this.code = code;
    this.title = title;
    this.source = source;
    this.category = category;
    this.unitCode = unitCode;
    this.leadLeader = leadLeader;
    this.target = target;
    this.issuedOn = issuedOn;
    this.deadline = deadline;
    this.originalDeadline = deadline;
    this.parentCode = parentCode;
    this.issuedBy = issuedBy;
    this.status = ItemStatus.ISSUED;
    this.issueRound = 1;
    this.createdAt = now;
    recomputeYellowFrom();
  }

  // --- behaviour ------------------------------------------------------------------------------

  void setCoUnitCodes(java.util.List<String> codes) {
    coUnitCodes.clear();
    coUnitCodes.addAll(codes);
  }

  /** The co-units, sorted by code. */
  public java.util.List<String> getCoUnitCodes() {
    return java.util.List.copyOf(coUnitCodes);
  }

  boolean isCoUnit(String unitCode) {
    return coUnitCodes.contains(unitCode);
  }

  void accept() {
    status = ItemStatus.IN_PROGRESS;
  }

  void returnToOffice() {
    status = ItemStatus.RETURNED;
  }

  void reassign(String newUnitCode) {
    unitCode = newUnitCode;
    responsiblePerson = null;
    status = ItemStatus.ISSUED;
    issueRound++;
  }

  void cancel() {
    status = ItemStatus.CANCELLED;
  }

  void plan(String person, String measures) {
    this.responsiblePerson = person;
    this.measures = measures;
  }

  void reportProgress(int percent, LocalDate on) {
    progressPercent = percent;
    if (repliedOn == null) {
      repliedOn = on;
    }
    recomputeYellowFrom();
  }

  void submitCompletion(LocalDate completedOn, String note, LocalDate today) {
    this.completedOn = completedOn;
    this.completionNote = note;
    this.daysLate = (int) ChronoUnit.DAYS.between(deadline, completedOn);
    this.status = ItemStatus.CLOSING;
    this.submissionRound++;
    if (repliedOn == null) {
      repliedOn = today;
    }
  }

  /** A review sent it back: it is being implemented again. */
  void reopen() {
    status = ItemStatus.IN_PROGRESS;
    completedOn = null;
    daysLate = null;
  }

  void extendTo(LocalDate newDeadline) {
    deadline = newDeadline;
    extended = true;
    recomputeYellowFrom();
  }

  /**
   * Records the first day the item was overdue — the day after its deadline, also when the notice
   * comes later (an item migrated with a deadline already past, a timer that fired late); false
   * when it was already recorded.
   */
  boolean markOverdue(LocalDate today) {
    if (overdueSince != null) {
      return false;
    }
    LocalDate firstDayOverdue = deadline.plusDays(1);
    overdueSince = firstDayOverdue.isBefore(today) ? firstDayOverdue : today;
    return true;
  }

  void recordTimeliness(BigDecimal score) {
    timelinessScore = score;
  }

  /** Closed out (销号): done, so its progress is 100%, whatever the last monthly report said. */
  void close(BigDecimal quality, BigDecimal finalScore, Instant at) {
    this.progressPercent = 100;
    this.qualityScore = quality;
    this.finalScore = finalScore;
    this.status = ItemStatus.CLOSED;
    this.closedAt = at;
  }

  void setReplyDue(LocalDate replyDue) {
    this.replyDue = replyDue;
  }

  /** An instruction item whose reply is due and has not come yet. */
  public boolean isReplyOverdue(LocalDate today) {
    return replyDue != null && repliedOn == null && today.isAfter(replyDue);
  }

  void attachProcess(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  /**
   * YELLOW from whichever comes first: three days before the deadline, or the day the elapsed
   * share of the time limit exceeds the reported progress by the lag threshold (progress under
   * 70% of the elapsed share).
   */
  private void recomputeYellowFrom() {
    LocalDate reminder = deadline.minusDays(REMINDER_DAYS);
    long total = Math.max(1, ChronoUnit.DAYS.between(issuedOn, deadline));
    // lag when progress < 70% × elapsed/total × 100, i.e. elapsed > progress × total / 70
    long lagAfter = (long) Math.floor((double) progressPercent * total / LAG_THRESHOLD_PERCENT);
    LocalDate lag = issuedOn.plusDays(lagAfter + 1);
    yellowFrom = lag.isBefore(reminder) ? lag : reminder;
  }

  // --- derived --------------------------------------------------------------------------------

  /** Open and past its deadline (a deadline ends at 24:00 that day). */
  public boolean isOverdue(LocalDate today) {
    return status.isOpen() && today.isAfter(deadline);
  }

  /** RED, YELLOW or GREEN for open items; null once submitted, closed or cancelled. */
  public Light light(LocalDate today) {
    if (!status.isOpen()) {
      return null;
    }
    if (today.isAfter(deadline)) {
      return Light.RED;
    }
    return today.isBefore(yellowFrom) ? Light.GREEN : Light.YELLOW;
  }

  // --- accessors ------------------------------------------------------------------------------

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getTitle() {
    return title;
  }

  public ItemSource getSource() {
    return source;
  }

  public ItemCategory getCategory() {
    return category;
  }

  public String getUnitCode() {
    return unitCode;
  }

  public String getLeadLeader() {
    return leadLeader;
  }

  public String getResponsiblePerson() {
    return responsiblePerson;
  }

  public String getTarget() {
    return target;
  }

  public String getMeasures() {
    return measures;
  }

  public LocalDate getIssuedOn() {
    return issuedOn;
  }

  public String getIssuedBy() {
    return issuedBy;
  }

  public LocalDate getDeadline() {
    return deadline;
  }

  public LocalDate getOriginalDeadline() {
    return originalDeadline;
  }

  public boolean isExtended() {
    return extended;
  }

  public ItemStatus getStatus() {
    return status;
  }

  public int getProgressPercent() {
    return progressPercent;
  }

  public LocalDate getYellowFrom() {
    return yellowFrom;
  }

  public LocalDate getOverdueSince() {
    return overdueSince;
  }

  public LocalDate getReplyDue() {
    return replyDue;
  }

  public LocalDate getRepliedOn() {
    return repliedOn;
  }

  public LocalDate getCompletedOn() {
    return completedOn;
  }

  public Integer getDaysLate() {
    return daysLate;
  }

  public String getCompletionNote() {
    return completionNote;
  }

  public BigDecimal getTimelinessScore() {
    return timelinessScore;
  }

  public BigDecimal getQualityScore() {
    return qualityScore;
  }

  public BigDecimal getFinalScore() {
    return finalScore;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public String getParentCode() {
    return parentCode;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public int getIssueRound() {
    return issueRound;
  }

  public int getSubmissionRound() {
    return submissionRound;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
