package org.luoshi.interview;

/** What the interview led to (谈话提醒、诫勉、函询、教育), recorded by the office. */
public enum InterviewOutcome {
  REMINDER_TALK("谈话提醒"),
  ADMONISHMENT("诫勉"),
  WRITTEN_INQUIRY("函询"),
  EDUCATION("教育");

  private final String label;

  InterviewOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
