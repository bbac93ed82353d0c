package org.luoshi.interview;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.ListIndexBase;

/**
 * One accountability interview (约谈): who interviews whom, why, when and where, and what came of
 * it. Its code ({@code YT-2026-0001}) is the business key of its {@code interview} process.
 */
@Entity
@Table(name = "ls_interview")
public final class Interview {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ls_interview_seq")
  @SequenceGenerator(name = "ls_interview_seq", sequenceName = "ls_interview_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false, length = 20, unique = true)
  private String code;

  @Column(name = "start_year", nullable = false)
  private int startYear;

  @Column(name = "process_instance_id", length = 64)
  private String processInstanceId;

  @Enumerated(EnumType.STRING)
  @Column(name = "trigger_code", nullable = false, length = 30)
  private InterviewTrigger trigger;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private InterviewMethod method;

  /** The DMN input the method was chosen from: the interviewees' most earlier interviews this year. */
  @Column(name = "earlier_interviews", nullable = false)
  private int earlierInterviews;

  @Column(nullable = false, length = 64)
  private String interviewer;

  @Enumerated(EnumType.STRING)
  @Column(name = "interviewer_level", nullable = false, length = 10)
  private InterviewerLevel interviewerLevel;

  @Column(nullable = false, length = 500)
  private String subject;

  @Column(name = "related_item_code", length = 40)
  private String relatedItemCode;

  @Column(name = "follow_up_of", length = 20)
  private String followUpOf;

  /** How it came about: MANUAL, TASKLIST, ITEM_OVERDUE, FOLLOW_UP, ASSESSMENT:&lt;period&gt;. */
  @Column(nullable = false, length = 60)
  private String origin;

  @Column(name = "started_by", nullable = false, length = 64)
  private String startedBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private InterviewStatus status;

  @Column(length = 4000)
  private String outline;

  @Column(name = "held_at")
  private Instant heldAt;

  @Column(name = "record_text", length = 20000)
  private String record;

  @Enumerated(EnumType.STRING)
  @Column(length = 30)
  private InterviewOutcome outcome;

  @Column(name = "rectification_required")
  private Boolean rectificationRequired;

  @Column(name = "rectification_deadline")
  private LocalDate rectificationDeadline;

  @Column(name = "recorded_by", length = 64)
  private String recordedBy;

  @Column(name = "recorded_at")
  private Instant recordedAt;

  @Column(name = "cancelled_by", length = 64)
  private String cancelledBy;

  @Column(name = "cancelled_at")
  private Instant cancelledAt;

  @Column(name = "cancel_reason", length = 500)
  private String cancelReason;

  @Version
  @Column(nullable = false)
  private int version;

  @ElementCollection
  @CollectionTable(name = "ls_interview_person", joinColumns = @JoinColumn(name = "interview_id"))
  @OrderColumn(name = "position")
  @BatchSize(size = 50)
  private List<Participant> participants = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "ls_interview_schedule", joinColumns = @JoinColumn(name = "interview_id"))
  @OrderColumn(name = "revision")
  @ListIndexBase(1)
  @BatchSize(size = 50)
  private List<ScheduleEntry> schedule = new ArrayList<>();

  protected Interview() {}

  Interview(String code, int startYear, InterviewTrigger trigger, InterviewMethod method, int earlierInterviews,
      String interviewer, InterviewerLevel interviewerLevel, Collection<String> interviewees,
      Instant scheduledAt, String place, String subject, String relatedItemCode, String followUpOf,
      String origin, String startedBy, Instant now) {
    this.code = code;
    this.startYear = startYear;
    this.trigger = trigger;
    this.method = method;
    this.earlierInterviews = earlierInterviews;
    this.interviewer = interviewer;
    this.interviewerLevel = interviewerLevel;
    interviewees.forEach(u -> participants.add(new Participant(u)));
    this.schedule.add(new ScheduleEntry(scheduledAt, place, null, startedBy, now));
    this.subject = subject;
    this.relatedItemCode = relatedItemCode;
    this.followUpOf = followUpOf;
    this.origin = origin;
    this.startedBy = startedBy;
    this.createdAt = now;
    this.status = InterviewStatus.NOTIFIED;
  }

  // the steps of the process ------------------------------------------------------------------

  void attach(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  /** The notices of the current schedule went out. */
  void markNotified(Instant when) {
    currentSchedule().markNotified(when);
  }

  void prepare(String outline) {
    requireOpen();
    this.outline = outline;
    this.status = InterviewStatus.PREPARED;
  }

  /** Not held at the scheduled time: a new time (and place), the interviewees are told again. */
  void reschedule(Instant scheduledAt, String place, String reason, String by, Instant now) {
    requireOpen();
    schedule.add(new ScheduleEntry(scheduledAt, place, reason, by, now));
  }

  void hold(Collection<String> attendees) {
    requireOpen();
    participants.forEach(p -> p.setAttended(attendees.contains(p.userId())));
    this.heldAt = scheduledAt();
    this.status = InterviewStatus.HELD;
  }

  void record(String record, InterviewOutcome outcome, boolean rectificationRequired,
      LocalDate rectificationDeadline, String by, Instant now) {
    if (status != InterviewStatus.HELD) {
      throw new IllegalStateException("Interview " + code + " is " + status + ", not HELD");
    }
    this.record = record;
    this.outcome = outcome;
    this.rectificationRequired = rectificationRequired;
    this.rectificationDeadline = rectificationRequired ? rectificationDeadline : null;
    this.recordedBy = by;
    this.recordedAt = now;
    this.status = InterviewStatus.RECORDED;
  }

  void cancel(String reason, String by, Instant now) {
    requireOpen();
    this.cancelReason = reason;
    this.cancelledBy = by;
    this.cancelledAt = now;
    this.status = InterviewStatus.CANCELLED;
  }

  private void requireOpen() {
    if (!status.isOpen()) {
      throw new IllegalStateException("Interview " + code + " is " + status + ", no longer open");
    }
  }

  // reading -----------------------------------------------------------------------------------

  ScheduleEntry currentSchedule() {
    return schedule.get(schedule.size() - 1);
  }

  /** The revision of the current schedule, from 1: part of the notice key, so a reschedule notifies again. */
  int scheduleRevision() {
    return schedule.size();
  }

  Instant scheduledAt() {
    return currentSchedule().scheduledAt();
  }

  String place() {
    return currentSchedule().place();
  }

  List<String> intervieweeIds() {
    return participants.stream().map(Participant::userId).toList();
  }

  List<String> attendeeIds() {
    return participants.stream().filter(Participant::attended).map(Participant::userId).toList();
  }

  List<ScheduleEntry> schedule() {
    return List.copyOf(schedule);
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public int getStartYear() {
    return startYear;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public InterviewTrigger getTrigger() {
    return trigger;
  }

  public InterviewMethod getMethod() {
    return method;
  }

  public int getEarlierInterviews() {
    return earlierInterviews;
  }

  public String getInterviewer() {
    return interviewer;
  }

  public InterviewerLevel getInterviewerLevel() {
    return interviewerLevel;
  }

  public String getSubject() {
    return subject;
  }

  public String getRelatedItemCode() {
    return relatedItemCode;
  }

  public String getFollowUpOf() {
    return followUpOf;
  }

  public String getOrigin() {
    return origin;
  }

  public String getStartedBy() {
    return startedBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public InterviewStatus getStatus() {
    return status;
  }

  public String getOutline() {
    return outline;
  }

  public Instant getHeldAt() {
    return heldAt;
  }

  public String getRecord() {
    return record;
  }

  public InterviewOutcome getOutcome() {
    return outcome;
  }

  public Boolean getRectificationRequired() {
    return rectificationRequired;
  }

  public LocalDate getRectificationDeadline() {
    return rectificationDeadline;
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }

  public String getCancelledBy() {
    return cancelledBy;
  }

  public Instant getCancelledAt() {
    return cancelledAt;
  }

  public String getCancelReason() {
    return cancelReason;
  }
}
