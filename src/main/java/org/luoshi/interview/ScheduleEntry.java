package org.luoshi.interview;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * A time and place the interviewees were (to be) told of: the first one when the interview
 * started, another each time it was not held and rescheduled. {@code notifiedAt} is set when the
 * notices of this revision went out.
 */
@Embeddable
class ScheduleEntry {

  @Column(name = "scheduled_at", nullable = false)
  private Instant scheduledAt;

  @Column(nullable = false, length = 200)
  private String place;

  @Column(length = 500)
  private String reason;

  @Column(name = "changed_by", nullable = false, length = 64)
  private String changedBy;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  @Column(name = "notified_at")
  private Instant notifiedAt;

  protected ScheduleEntry() {}

  ScheduleEntry(Instant scheduledAt, String place, String reason, String changedBy, Instant changedAt) {
    this.scheduledAt = scheduledAt;
    this.place = place;
    this.reason = reason;
    this.changedBy = changedBy;
    this.changedAt = changedAt;
  }

  Instant scheduledAt() {
    return scheduledAt;
  }

  String place() {
    return place;
  }

  String reason() {
    return reason;
  }

  String changedBy() {
    return changedBy;
  }

  Instant changedAt() {
    return changedAt;
  }

  Instant notifiedAt() {
    return notifiedAt;
  }

  void markNotified(Instant when) {
    if (notifiedAt == null) {
      notifiedAt = when;
    }
  }
}
