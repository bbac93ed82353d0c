package org.luoshi.interview;

/** The four situations in which an interview is a must (四种情形必谈). */
public enum InterviewTrigger {
  PETITIONS("信访反映集中"),
  WARNING_SIGNS("苗头性倾向性问题"),
  POOR_IMPLEMENTATION("工作落实不力"),
  VIOLATION("违规违纪");

  private final String label;

  InterviewTrigger(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
