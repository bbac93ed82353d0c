package org.luoshi.interview;

/** The five kinds of interview (五种方式); chosen by DMN {@code interview-method} when not given. */
public enum InterviewMethod {
  FACT_FINDING("了解约谈"),
  REMINDER("提醒约谈"),
  ADMONITION("告诫约谈"),
  SPECIAL("特别约谈"),
  FOLLOW_UP("回访约谈");

  private final String label;

  InterviewMethod(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
