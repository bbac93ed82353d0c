package org.luoshi.interview;

/**
 * NOTIFIED → PREPARED → HELD → RECORDED (done; a pending follow-up does not change it), or
 * CANCELLED before it is held.
 */
public enum InterviewStatus {
  NOTIFIED("已告知"),
  PREPARED("已准备"),
  HELD("已约谈"),
  RECORDED("已办结"),
  CANCELLED("已取消");

  private final String label;

  InterviewStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Not yet held: the interview may still be rescheduled or cancelled. */
  public boolean isOpen() {
    return this == NOTIFIED || this == PREPARED;
  }
}
