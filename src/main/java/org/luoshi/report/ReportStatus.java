package org.luoshi.report;

/**
 * DRAFT (generated, with the office) → SUBMITTED (with the principal leaders) → APPROVED →
 * PUBLISHED; RETURNED when the leaders send it back to the office with a comment.
 */
public enum ReportStatus {
  DRAFT("草稿"),
  SUBMITTED("待审批"),
  RETURNED("已退回"),
  APPROVED("已批准"),
  PUBLISHED("已发布");

  private final String label;

  ReportStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
