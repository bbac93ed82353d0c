package org.luoshi.assessment;

/** How an appeal (申诉) was decided. */
public enum AppealDecision {
  UPHELD("申诉成立"),
  REJECTED("申诉不成立");

  private final String label;

  AppealDecision(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
