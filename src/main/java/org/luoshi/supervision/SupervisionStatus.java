package org.luoshi.supervision;

/**
 * Where a supervision stands: {@code INSPECTING} (督查中, waiting for the findings) →
 * {@code REPORTING} (撰写报告) → {@code RECTIFYING} (整改督办, while any problem is not verified) →
 * {@code CLOSED} (办结: every problem verified, or none found).
 */
public enum SupervisionStatus {
  INSPECTING("督查中"),
  REPORTING("撰写报告"),
  RECTIFYING("整改督办"),
  CLOSED("办结");

  private final String label;

  SupervisionStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
