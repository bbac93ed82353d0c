package org.luoshi.interview;

/**
 * Who conducts the interview, as the seed counts them: county-level leaders (县级领导: members of
 * {@code leaders} or {@code principal-leaders} when the interview started) or departments and units.
 */
public enum InterviewerLevel {
  COUNTY("县级领导"),
  UNIT("部门单位");

  private final String label;

  InterviewerLevel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
