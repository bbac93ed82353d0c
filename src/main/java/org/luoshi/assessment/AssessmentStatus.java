package org.luoshi.assessment;

/**
 * COMPUTING → COMPUTED (office reviews) → IN_APPROVAL (principal leaders) → APPROVED → PUBLISHED
 * (the appeal window is open) → CLOSED. The office may send it back to COMPUTING (recompute); the
 * principal leaders may return it to the office (RETURNED, reviewed again). A process cancelled in
 * Cockpit before publication leaves it CANCELLED; after publication, CLOSED.
 */
public enum AssessmentStatus {
  COMPUTING("计算中"),
  COMPUTED("待督查室审核"),
  IN_APPROVAL("待主要领导审批"),
  RETURNED("主要领导退回"),
  APPROVED("已审批"),
  PUBLISHED("已发布（申诉期）"),
  CLOSED("已办结"),
  /** Its process was cancelled before publication. */
  CANCELLED("已撤销");

  private final String label;

  AssessmentStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Published to the units: they may read it (and, while PUBLISHED, appeal). */
  public boolean isPublished() {
    return this == PUBLISHED || this == CLOSED;
  }
}
