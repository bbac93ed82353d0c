package org.luoshi.interview;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * An interview as /api/interviews shows it and other capabilities read it. {@code id} is the code
 * (YT-2026-0001); {@code names} maps every user id mentioned to the person's name.
 */
public record InterviewView(
    String id,
    String processInstanceId,
    InterviewStatus status,
    String statusLabel,
    InterviewTrigger trigger,
    String triggerLabel,
    InterviewMethod method,
    String methodLabel,
    int earlierInterviews,
    String interviewer,
    InterviewerLevel interviewerLevel,
    List<String> interviewees,
    List<String> attendees,
    Map<String, String> names,
    OffsetDateTime scheduledAt,
    String place,
    String subject,
    String relatedItemCode,
    String followUpOf,
    List<String> followUps,
    String outline,
    OffsetDateTime heldAt,
    String record,
    InterviewOutcome outcome,
    String outcomeLabel,
    Boolean rectificationRequired,
    LocalDate rectificationDeadline,
    String recordedBy,
    OffsetDateTime recordedAt,
    String cancelledBy,
    OffsetDateTime cancelledAt,
    String cancelReason,
    String origin,
    String startedBy,
    OffsetDateTime createdAt,
    List<Schedule> scheduleHistory) {

  /** One time and place the interviewees were told of; the last one is current. */
  public record Schedule(
      int revision,
      OffsetDateTime scheduledAt,
      String place,
      String reason,
      String changedBy,
      OffsetDateTime changedAt,
      OffsetDateTime notifiedAt) {}
}
