package org.luoshi.report;

/** The two periodic reports: the quarterly inspection report and the half-year circular. */
public enum ReportKind {
  QUARTERLY_INSPECTION("季度督查报告"),
  HALF_YEAR_CIRCULAR("半年通报");

  private final String label;

  ReportKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
