package org.luoshi.assessment;

/** 考核等次, best first; the codes are the outputs of DMN {@code assessment-grade}. */
public enum Grade {
  EXCELLENT("优秀"),
  GOOD("良好"),
  PASS("合格"),
  FAIL("不合格");

  private final String label;

  Grade(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether this grade is better than the other. */
  public boolean isBetterThan(Grade other) {
    return other == null || ordinal() < other.ordinal();
  }
}
